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

    public static func * (lhs: ReplicaRange, rhs: Int) -> ReplicaRange {
        ReplicaRange(min: lhs.min * rhs, nominal: lhs.nominal * rhs, max: lhs.max * rhs)
    }

    public static func + (lhs: ReplicaRange, rhs: ReplicaRange) -> ReplicaRange {
        ReplicaRange(min: lhs.min + rhs.min, nominal: lhs.nominal + rhs.nominal, max: lhs.max + rhs.max)
    }
}
