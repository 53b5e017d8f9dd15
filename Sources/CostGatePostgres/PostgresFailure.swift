import CostGateLedger
import PostgresNIO

/// PostgresNIO's errors as `LedgerError`s a user can act on. Messages carry the server's words and
/// SQLSTATE, never the password (the driver's errors do not hold it).
enum PostgresFailure {
    static func translate(_ error: any Error, location: String, timeout: Double, url: PostgresLedgerURL?) -> LedgerError {
        if let error = error as? LedgerError { return error }
        guard let error = error as? PSQLError else {
            if isTLS(error) { return .tlsFailed(path: location, reason: "\(error)") }
            return .failed(path: location, reason: "\(error)")
        }
        switch error.code {
        case .server:
            return server(error, location: location, timeout: timeout)
        case .sslUnsupported:
            return .tlsFailed(path: location, reason: "the server does not offer TLS (sslmode=\(url?.sslMode.rawValue ?? "require"))")
        case .failedToAddSSLHandler:
            return .tlsFailed(path: location, reason: error.underlying.map { "\($0)" } ?? "cannot start TLS")
        case .authMechanismRequiresPassword:
            return .authenticationFailed(path: location, reason: "the server asks for a password: put it in COSTGATE_LEDGER_URL or PGPASSWORD")
        case .unsupportedAuthMechanism, .saslError:
            return .authenticationFailed(path: location, reason: error.underlying.map { "\($0)" } ?? "\(error.code)")
        case .connectionError:
            let underlying = error.underlying
            if let underlying, isTLS(underlying) { return .tlsFailed(path: location, reason: "\(underlying)") }
            if let channel = underlying as? ChannelError, case .connectTimeout = channel { return .timedOut(path: location, seconds: timeout) }
            return .unreachable(path: location, reason: underlying.map(describe) ?? "the connection failed")
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            if let underlying = error.underlying, isTLS(underlying) { return .tlsFailed(path: location, reason: "\(underlying)") }
            return .unreachable(path: location, reason: "the server closed the connection")
        default:
            return .failed(path: location, reason: "\(error.code)" + (error.underlying.map { ": \($0)" } ?? ""))
        }
    }

    /// The server's own error, by SQLSTATE class.
    static func server(_ error: PSQLError, location: String, timeout: Double) -> LedgerError {
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = (error.serverInfo?[.message] ?? "server error") + (state.isEmpty ? "" : " (SQLSTATE \(state))")
        switch state {
        case "28P01", "28000": return .authenticationFailed(path: location, reason: message)
        case "55P03": return .locked(path: location)
        case "57014": return .timedOut(path: location, seconds: timeout)
        case "57P01", "57P02", "57P03", "53300": return .unreachable(path: location, reason: message)
        case "3D000", "42501": return .cannotOpen(path: location, reason: message)
        default:
            if state.hasPrefix("08") { return .unreachable(path: location, reason: message) }
            return .failed(path: location, reason: message)
        }
    }

    static func isTLS(_ error: any Error) -> Bool {
        String(reflecting: type(of: error)).contains("SSL")
    }

    /// `connection refused` rather than NIO's nested structure.
    static func describe(_ error: any Error) -> String {
        if let connection = error as? NIOConnectionError {
            let reasons = connection.connectionErrors.map { attempt in
                let target = attempt.target.ipAddress.map { "\($0):\(attempt.target.port ?? connection.port)" } ?? "\(attempt.target)"
                return "\(target): \(describe(attempt.error))"
            }
            if let dns = connection.dnsAAAAError ?? connection.dnsAError, reasons.isEmpty { return "cannot resolve \(connection.host): \(dns)" }
            return reasons.isEmpty ? "cannot connect to \(connection.host):\(connection.port)" : reasons.joined(separator: "; ")
        }
        if let io = error as? IOError {
            return io.errnoCode == ECONNREFUSED ? "connection refused" : "\(io)"
        }
        return "\(error)"
    }
}
