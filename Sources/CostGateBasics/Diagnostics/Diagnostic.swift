/// How serious a finding is. Errors make a run's input unusable (exit 2); warnings and notes inform.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding about the input, tied to the place that causes it.
public struct Diagnostic: Hashable, Sendable {
    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    /// A stable identifier for the kind of finding (`yaml-syntax`, `unknown-kind`, …).
    public var ruleID: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, rule ruleID: String? = nil) {
        self.location = location
        self.severity = severity
        self.message = message
        self.ruleID = ruleID
    }

    /// The rule of a document that requests accelerators costgate does not price (a kind it does not
    /// read, a GPU DaemonSet without a node count): counted in every summary, gated by the policy's `unread`.
    public static let unreadGPURule = "unread-gpu"

    /// Whether this is a document with accelerators that costgate did not price.
    public var isUnreadGPU: Bool { ruleID == Self.unreadGPURule && severity != .note }

    /// `path:line:column: severity: message [rule]`, the form compilers and linters print.
    public var rendered: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let ruleID { text += " [\(ruleID)]" }
        return text
    }
}

extension Diagnostic: Comparable {
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return lhs.message < rhs.message
    }
}
