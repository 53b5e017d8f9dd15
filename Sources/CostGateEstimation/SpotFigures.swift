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
    /// The best checkpoint interval (spot-model.md §6), hours; nil when checkpoints do not pay.
    public var recommendedCheckpointIntervalHours: Double?
    /// `spot`, `spot-checkpoint` or `on-demand` (spot-model.md §9), and why.
    public var recommendation: String
    public var recommendationReason: String
    /// Probability that a run sees no interruption.
    public var pNoInterruption: Double?
    /// The provider's maximum runtime of a spot instance, hours (GKE preemptible: 24).
    public var maxRuntimeHours: Double?
}
