/// How many copies of something run: the floor, the steady state, and the ceiling (HPA, elastic
/// training and `--nodes=min-max` make these differ).
public struct ReplicaRange: Hashable, Sendable {
    public var min: Int
    public var nominal: Int
    public var max: Int

    public init(min: Int, nominal: Int, max: Int) {
        precondition(min <= nominal && nominal <= max, "replica range must be ordered")
        self.min = min
        self.nominal = nominal
        self.max = max
    }

    public init(exactly count: Int) {
        self.init(min: count, nominal: count, max: count)
    }

    /// Scaled by a count (devices per replica, pods per group). Counts are never negative; a negative
    /// factor, which only broken input gives, counts as zero so the range stays ordered. Saturating, so an
    /// absurd manifest reaches `WorkloadBounds` instead of trapping.
    public static func * (lhs: ReplicaRange, rhs: Int) -> ReplicaRange {
        let factor = Swift.max(0, rhs)
        return ReplicaRange(min: lhs.min.saturatingMultiplied(by: factor), nominal: lhs.nominal.saturatingMultiplied(by: factor),
                            max: lhs.max.saturatingMultiplied(by: factor))
    }

    public static func + (lhs: ReplicaRange, rhs: ReplicaRange) -> ReplicaRange {
        ReplicaRange(min: lhs.min.saturatingAdding(rhs.min), nominal: lhs.nominal.saturatingAdding(rhs.nominal),
                     max: lhs.max.saturatingAdding(rhs.max))
    }
}
