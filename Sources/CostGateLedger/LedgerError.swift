import CostGateBasics

/// Why the ledger cannot be used. Each is an input error (exit 2): a gate must never quietly run
/// without the spend it is supposed to count. `path` is always printable: a PostgreSQL URL without
/// its password.
public enum LedgerError: Error, Sendable, Equatable {
    case cannotOpen(path: String, reason: String)
    case corrupt(path: String, reason: String)
    case locked(path: String)
    case noSuchEntry(path: String, id: Int64)
    case failed(path: String, reason: String)
    /// `--ledger` or COSTGATE_LEDGER_URL is not a usable location.
    case invalidLocation(path: String, reason: String)
    /// The server could not be reached (refused, unknown host, dropped).
    case unreachable(path: String, reason: String)
    case authenticationFailed(path: String, reason: String)
    case tlsFailed(path: String, reason: String)
    /// No answer within `--ledger-timeout`, seconds.
    case timedOut(path: String, seconds: Double)
    /// The ledger was migrated by a newer costgate: its columns may mean something this one does not know.
    case newerSchema(path: String, found: Int, supported: Int)
    /// A shared ledger is migrated only on request, so every runner's costgate is upgraded first.
    case olderSchema(path: String, found: Int, supported: Int)

    public var path: String {
        switch self {
        case .cannotOpen(let path, _), .corrupt(let path, _), .locked(let path), .noSuchEntry(let path, _), .failed(let path, _),
             .invalidLocation(let path, _), .unreachable(let path, _), .authenticationFailed(let path, _), .tlsFailed(let path, _),
             .timedOut(let path, _), .newerSchema(let path, _, _), .olderSchema(let path, _, _):
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
        case .invalidLocation(_, let reason): return "invalid ledger location: \(reason)"
        case .unreachable(_, let reason): return "cannot reach the ledger's server: \(reason)"
        case .authenticationFailed(_, let reason): return "the ledger's server refused the credentials: \(reason)"
        case .tlsFailed(_, let reason): return "TLS with the ledger's server failed: \(reason)"
        case .timedOut(_, let seconds):
            return "the ledger did not answer within \(Self.seconds(seconds)) (--ledger-timeout)"
        case .newerSchema(_, let found, let supported):
            return "the ledger's schema is version \(found), from a newer costgate (this one knows up to \(supported)): upgrade costgate"
        case .olderSchema(_, let found, let supported):
            return "the ledger's schema is version \(found) and this costgate needs \(supported): run 'costgate ledger migrate' "
                + "once every runner has this costgate"
        }
    }

    package static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    public var diagnostic: Diagnostic { Diagnostic(.error, at: .wholeFile(path), message, rule: "ledger") }
}
