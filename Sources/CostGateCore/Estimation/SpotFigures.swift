import Foundation

/// What the spot model says about a workload on spot capacity (expected-cost part; quantiles come
/// from the simulation).
public struct SpotFigures: Sendable, Hashable {
    /// Interruptions per instance-hour.
    public var ratePerInstanceHour: Double
    /// Where the rate came from (`AWS Spot Advisor p4d.24xlarge us-east-1 band 10-15%`).
    public var rateSource: String
    /// Instances that must all be up (gang).
    public var gangSize: Int
    /// Mean time between interruptions of the gang, hours (nil when the rate is 0).
    public var mtbiHours: Double?
    /// Expected interruptions per run.
    public var expectedInterruptions: Double
    /// Checkpoint interval used, hours (nil = none: restart from the beginning).
    public var checkpointIntervalHours: Double?
}
