import Foundation
import CostGateBasics

/// A budget policy (`version: 1`): how to price, who owns what, what each team may spend, and the rules
/// and exceptions beyond quotas. Pure data read from YAML; nothing in it is executed.
public struct Policy: Sendable {
    /// The file as given (`policies/example.yaml`), for messages.
    public var file: String
    public var version: Int
    /// What a deny does when the team says nothing: fail (`enforce`) or only show (`showback`).
    public var enforcement: Enforcement
    /// What happens to workloads no team claims.
    public var unowned: UnownedAction
    /// Where `unowned` is written (the file's start when absent).
    public var unownedLocation: SourceLocation
    /// What the gate makes of a document that requests accelerators costgate does not read.
    public var unread: UnreadAction = .warn
    /// How a scheduler's submission hook uses the gate (`admission:`).
    public var admission = AdmissionSettings()
    /// Paths the check leaves out (`exclude:` globs, relative to the working directory): rendered
    /// charts' sources, vendored manifests.
    public var exclude: [String] = []
    /// Gate settings for teams that do not set their own.
    public var defaults: QuotaDefaults
    public var pricing: PolicyPricing
    /// In the file's order: the first team whose match succeeds owns the workload.
    public var teams: [Team]
    public var rules: [PolicyRule]
    public var exceptions: [PolicyException]
    /// The spend ledger (`ledger:`), resolved against the policy file's directory.
    public var ledgerPath: String?
    /// How `costgate audit` allocates actual spend (`audit:`).
    public var audit = AuditSettings()

    public init(file: String, version: Int = 1, enforcement: Enforcement = .enforce, unowned: UnownedAction = .deny,
                unownedLocation: SourceLocation? = nil, defaults: QuotaDefaults = QuotaDefaults(),
                pricing: PolicyPricing = PolicyPricing(), teams: [Team] = [], rules: [PolicyRule] = [],
                exceptions: [PolicyException] = []) {
        self.file = file
        self.version = version
        self.enforcement = enforcement
        self.unowned = unowned
        self.unownedLocation = unownedLocation ?? .wholeFile(file)
        self.defaults = defaults
        self.pricing = pricing
        self.teams = teams
        self.rules = rules
        self.exceptions = exceptions
    }

    /// The policy versions this costgate reads.
    public static let supportedVersions = [1]
}

/// Whether a deny fails the run.
public enum Enforcement: String, Sendable, Hashable, CaseIterable {
    /// A deny exits 1.
    case enforce
    /// A deny is shown as a warning and the run passes: for teams adopting costgate.
    case showback
}

/// What the gate makes of a document with accelerators costgate does not read (a kind it does not
/// price, a GPU DaemonSet without a node count): a warning by default, a deny to fail closed.
public enum UnreadAction: String, Sendable, Hashable, CaseIterable {
    case warn
    case deny
}

/// What happens to a workload that no team's match claims.
public enum UnownedAction: String, Sendable, Hashable, CaseIterable {
    /// Fail closed: an unowned workload is a deny.
    case deny
    case warn
    /// Priced and shown, never a finding.
    case allow
}
