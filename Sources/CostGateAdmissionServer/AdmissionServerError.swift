/// Why the server could not start.
public enum AdmissionServerError: Error, Sendable, CustomStringConvertible {
    /// The certificate or key cannot be read or do not make a TLS context.
    case tls(path: String, reason: String)
    case bind(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .tls(let path, let reason): return "\(path): error: cannot use the TLS certificate or key: \(reason)"
        case .bind(let host, let port, let reason): return "error: cannot listen on \(host):\(port): \(reason)"
        }
    }
}
