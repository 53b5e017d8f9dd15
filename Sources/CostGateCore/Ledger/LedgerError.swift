/// Why the ledger cannot be used. Each is an input error (exit 2): a gate must never quietly run
/// without the spend it is supposed to count.
public enum LedgerError: Error, Sendable, Equatable {
    case cannotOpen(path: String, reason: String)
    case corrupt(path: String, reason: String)
    case locked(path: String)
    case noSuchEntry(path: String, id: Int64)
    case failed(path: String, reason: String)

    public var path: String {
        switch self {
        case .cannotOpen(let path, _), .corrupt(let path, _), .locked(let path), .noSuchEntry(let path, _), .failed(let path, _):
            return path
        }
    }

    public var message: String {
        switch self {
        case .cannotOpen(_, let reason): return "cannot open the ledger: \(reason)"
        case .corrupt(_, let reason): return "the ledger is not a costgate ledger or is damaged: \(reason)"
        case .locked: return "the ledger stayed locked by another costgate for too long; try again"
        case .noSuchEntry(_, let id): return "the ledger has no entry \(id)"
        case .failed(_, let reason): return "the ledger failed: \(reason)"
        }
    }

    public var diagnostic: Diagnostic { Diagnostic(.error, at: .wholeFile(path), message, rule: "ledger") }
}
