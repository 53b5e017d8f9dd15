import CostGateLedger
import PostgresNIO

/// libpq's `sslmode` as a PostgresNIO TLS setting.
enum PostgresTLS {
    static func setting(for url: PostgresLedgerURL, location: String) throws(LedgerError) -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch url.sslMode {
        case .disable: return .disable
        // libpq's prefer and require encrypt without checking whom they talk to; so does costgate.
        case .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let root = url.sslRootCert { tls.trustRoots = .file(root) }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw .tlsFailed(path: location, reason: url.sslRootCert.map { "cannot use sslrootcert '\($0)': \(error)" } ?? "\(error)")
        }
        return url.sslMode == .prefer ? .prefer(context) : .require(context)
    }
}
