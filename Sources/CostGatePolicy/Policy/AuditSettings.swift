/// The policy's `audit:` section: how actual spend is allocated and charged.
public struct AuditSettings: Sendable, Hashable {
    /// FinOps showback (shared cost shown beside teams) or chargeback (added to their totals).
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        case showback, chargeback
    }

    /// How shared and idle cost is split among teams.
    public enum SharedSplit: String, Sendable, Hashable, CaseIterable {
        /// The same amount to every team with a quota.
        case even
        /// In proportion to each team's direct actual spend.
        case proportional
    }

    public var mode: Mode
    public var sharedCost: SharedSplit
    /// Usage tag keys (FOCUS `Tags`, OpenCost labels) whose value names a team directly.
    public var teamTags: [String]

    public init(mode: Mode = .showback, sharedCost: SharedSplit = .proportional, teamTags: [String] = ["team"]) {
        self.mode = mode
        self.sharedCost = sharedCost
        self.teamTags = teamTags
    }
}
