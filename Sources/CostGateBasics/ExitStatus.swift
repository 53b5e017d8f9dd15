/// The process exit status, decided once at the end of a run (see style.md).
public enum ExitStatus: Int32, Sendable {
    /// Within budget (warnings allowed).
    case success = 0
    /// A budget or quota is exceeded (a deny).
    case overBudget = 1
    /// Some input is unusable: unreadable, undecodable or unpriceable.
    case inputUnusable = 2
    /// Command-line usage error.
    case usage = 64
    /// A bug: an internal error.
    case internalError = 70
}
