/// One configuration the recommendation compares (§9): the job as configured, or with the recommended interval.
public struct SpotCandidate: Sendable, Hashable {
    public enum Name: String, Sendable, Hashable, Codable, CaseIterable {
        case configured
        case recommended
    }

    public let name: Name
    /// Checkpoint interval, hours; nil when the candidate does not checkpoint (one segment).
    public let intervalHours: Double?
    /// `N` of the candidate's layout.
    public let segments: Int
    /// `E[cost]` under the full model (`k_max` and `L` included); nil when infinite.
    public let meanCost: Double?

    /// `E[cost]`, `+∞` when infinite.
    package var expectedCost: Double { meanCost ?? .infinity }
}
