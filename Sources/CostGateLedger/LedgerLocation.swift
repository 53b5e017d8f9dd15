import Foundation
import CostGateBasics

/// Where a ledger lives: a `postgres://` or `postgresql://` URL names a PostgreSQL database, anything
/// else a SQLite file.
public enum LedgerLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresLedgerURL)

    public init(_ text: String) throws(LedgerError) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLedgerURL(text))
        } else {
            self = .sqlite(path: text)
        }
    }

    /// Safe to print: the password is never part of it.
    public var displayName: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url): return url.redacted
        }
    }
}

/// A PostgreSQL connection URL, libpq's form: `postgres://user[:password]@host[:port]/database?sslmode=…`.
public struct PostgresLedgerURL: Sendable, Equatable {
    /// libpq's `sslmode` values costgate supports. `prefer` (libpq's default) tries TLS without
    /// verifying the server and falls back to plain text; `require` insists on TLS without verifying;
    /// `verify-ca` checks the certificate chain; `verify-full` checks the chain and the host name.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    /// TCP port, 5432 unless given.
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode
    /// PEM file of the certificate authorities to trust (libpq's `sslrootcert`); the system's when nil.
    public var sslRootCert: String?

    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String,
                sslMode: SSLMode = .prefer, sslRootCert: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.sslMode = sslMode
        self.sslRootCert = sslRootCert
    }

    public init(_ text: String) throws(LedgerError) {
        // Until it parses, all that is safe to show is the scheme.
        let shown = String(text.prefix { $0 != ":" }) + "://…"
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql" else {
            throw .invalidLocation(path: shown, reason: "not a URL of the form postgres://user@host:port/database")
        }
        var host = components.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else {
            throw .invalidLocation(path: shown, reason: "no host: expected postgres://user@host:port/database")
        }
        guard let user = components.user, !user.isEmpty else {
            throw .invalidLocation(path: shown, reason: "no user: expected postgres://user@host:port/database")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.init(host: host, port: components.port ?? 5432, user: user, password: components.password,
                  database: database.isEmpty ? user : database)
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    throw .invalidLocation(path: redacted, reason: "unknown sslmode '\(value)': expected one of "
                                           + SSLMode.allCases.map(\.rawValue).joined(separator: ", "))
                }
                sslMode = mode
            case "sslrootcert":
                sslRootCert = value
            default:
                throw .invalidLocation(path: redacted, reason: "unknown parameter '\(item.name)': costgate reads sslmode and sslrootcert"
                                       + Suggestion.didYouMean(item.name, in: ["sslmode", "sslrootcert"]))
            }
        }
        if sslMode == .disable || sslMode == .prefer || sslMode == .require, sslRootCert != nil {
            throw .invalidLocation(path: redacted, reason: "sslrootcert is read only with sslmode=verify-ca or verify-full")
        }
    }

    /// The URL without its password: what every message prints.
    public var redacted: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        var text = "postgres://\(user)@\(shownHost):\(port)/\(database)"
        if sslMode != .prefer { text += "?sslmode=\(sslMode.rawValue)" }
        return text
    }
}
