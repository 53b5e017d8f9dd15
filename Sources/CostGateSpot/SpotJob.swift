/// One job as the spot model sees it (§3): validated on construction, so every stored value is usable.
///
/// Units: hours; prices per hour for the whole job (all `nodes` instances together).
public struct SpotJob: Sendable, Hashable {
    /// `W`, hours of useful work without interruptions or checkpoint writes, `> 0`.
    public let workHours: Double
    /// `n`, instances that must all be up (gang), `≥ 1`.
    public let nodes: Int
    /// Source of `λ`.
    public let interruption: InterruptionSource
    /// `τ`, hours of work between checkpoints; nil = no checkpoints (restart from scratch).
    public let checkpointIntervalHours: Double?
    /// `δ`, hours to write one checkpoint, `≥ 0`.
    public let checkpointWriteHours: Double
    /// `R`, hours from an interruption until useful work resumes, `≥ 0`.
    public let restartHours: Double
    /// `β`, billed share of restart time, in `[0, 1]`.
    public let restartBilledFraction: Double
    /// `p_spot`, spot price of the whole job per hour, `≥ 0`.
    public let priceSpotPerHour: Double
    /// `p_od`, on-demand price of the whole job per hour, `≥ 0`.
    public let priceOnDemandPerHour: Double
    /// `k_max`: at this many interruptions the job falls back to on-demand; nil = never.
    public let fallbackAfterInterruptions: Int?
    /// `L`, the provider's maximum runtime of a spot instance, hours; nil = none.
    public let maxRuntimeHours: Double?
    /// `B`, budget in currency units; nil = none.
    public let budget: Double?
    /// `s_min`, savings fraction spot must beat on-demand by, in `[0, 1)`.
    public let minSavingsFraction: Double
    /// `T`, Monte Carlo trials.
    public let trials: Int
    /// Seed of the per-trial streams (§7.1).
    public let seed: UInt64

    /// Most segments the model lays out (the dynamic programme keeps O(N) state).
    public static let maxSegments = 1_000_000
    /// Most Monte Carlo trials (each keeps two doubles in memory).
    public static let maxTrials = 10_000_000

    /// Validates every input against §3; defaults are those of §3.
    public init(
        workHours: Double,
        nodes: Int = 1,
        interruption: InterruptionSource,
        checkpointIntervalHours: Double? = nil,
        checkpointWriteHours: Double = 0.05,
        restartHours: Double = 0.25,
        restartBilledFraction: Double = 1.0,
        priceSpotPerHour: Double,
        priceOnDemandPerHour: Double,
        fallbackAfterInterruptions: Int? = nil,
        maxRuntimeHours: Double? = nil,
        budget: Double? = nil,
        minSavingsFraction: Double = 0,
        trials: Int = 100_000,
        seed: UInt64 = 42
    ) throws(SpotError) {
        // Value and requirement text are built only on failure: the estimator makes a job for every GPU workload.
        func require<Value: CustomStringConvertible>(_ ok: Bool, _ field: String, _ value: @autoclosure () -> Value,
                                                     _ requirement: @autoclosure () -> String) throws(SpotError) {
            if !ok { throw .invalidValue(field: field, value: value().description, requirement: requirement()) }
        }
        try require(workHours.isFinite && workHours > 0, "work_hours", workHours, "must be a number > 0")
        try require(nodes >= 1, "nodes", nodes, "must be an integer ≥ 1")
        let interruption = try interruption.validated(field: "interruption")
        let jobRate = Double(nodes) * interruption.ratePerInstanceHour
        try require(jobRate.isFinite, "interruption", interruption.summary, "must give a finite rate for \(nodes) nodes")
        if let tau = checkpointIntervalHours {
            try require(tau.isFinite && tau > 0, "checkpoint_interval_hours", tau, "must be a number > 0 or null")
        }
        try require(checkpointWriteHours.isFinite && checkpointWriteHours >= 0, "checkpoint_write_hours", checkpointWriteHours,
                    "must be a number ≥ 0")
        try require(restartHours.isFinite && restartHours >= 0, "restart_hours", restartHours, "must be a number ≥ 0")
        try require(restartBilledFraction >= 0 && restartBilledFraction <= 1, "restart_billed_fraction", restartBilledFraction,
                    "must be between 0 and 1")
        try require(priceSpotPerHour.isFinite && priceSpotPerHour >= 0, "price_spot_per_hour", priceSpotPerHour,
                    "must be a number ≥ 0")
        try require(priceOnDemandPerHour.isFinite && priceOnDemandPerHour >= 0, "price_on_demand_per_hour",
                    priceOnDemandPerHour, "must be a number ≥ 0")
        if let kMax = fallbackAfterInterruptions {
            try require(kMax >= 1, "fallback_after_interruptions", kMax, "must be an integer ≥ 1 or null")
        }
        if let limit = maxRuntimeHours {
            try require(limit.isFinite && limit > 0, "max_runtime_hours", limit, "must be a number > 0 or null")
        }
        if let budget {
            try require(budget.isFinite && budget >= 0, "budget", budget, "must be a number ≥ 0 or null")
        }
        try require(minSavingsFraction >= 0 && minSavingsFraction < 1, "min_savings_fraction", minSavingsFraction,
                    "must be at least 0 and below 1")
        try require(trials >= 1 && trials <= SpotJob.maxTrials, "trials", trials,
                    "must be an integer between 1 and \(SpotJob.maxTrials)")
        if let tau = checkpointIntervalHours, tau < workHours {
            let ratio = workHours / tau
            if ratio > Double(SpotJob.maxSegments) {
                throw .tooManySegments(field: "checkpoint_interval_hours", segments: ratio.rounded(.up), limit: SpotJob.maxSegments)
            }
        }
        self.workHours = workHours
        self.nodes = nodes
        self.interruption = interruption
        self.checkpointIntervalHours = checkpointIntervalHours
        self.checkpointWriteHours = checkpointWriteHours
        self.restartHours = restartHours
        self.restartBilledFraction = restartBilledFraction
        self.priceSpotPerHour = priceSpotPerHour
        self.priceOnDemandPerHour = priceOnDemandPerHour
        self.fallbackAfterInterruptions = fallbackAfterInterruptions
        self.maxRuntimeHours = maxRuntimeHours
        self.budget = budget
        self.minSavingsFraction = minSavingsFraction
        self.trials = trials
        self.seed = seed
    }

    /// `λ`, interruptions per instance-hour.
    public var ratePerInstanceHour: Double { interruption.ratePerInstanceHour }

    /// `Λ = n·λ`, interruptions of the gang per hour.
    public var jobRatePerHour: Double { Double(nodes) * ratePerInstanceHour }

    /// `C_od = W·p_od`: no interruptions, no checkpoint writes (§2.5).
    public var onDemandCost: Double { workHours * priceOnDemandPerHour }

    /// The same job with another checkpoint interval (used for the recommended candidate).
    /// The caller guarantees `hours` is nil or `> 0` with at most `maxSegments` segments.
    package func withCheckpointInterval(_ hours: Double?) -> SpotJob {
        SpotJob(unchecked: self, checkpointIntervalHours: hours)
    }

    private init(unchecked job: SpotJob, checkpointIntervalHours: Double?) {
        workHours = job.workHours
        nodes = job.nodes
        interruption = job.interruption
        self.checkpointIntervalHours = checkpointIntervalHours
        checkpointWriteHours = job.checkpointWriteHours
        restartHours = job.restartHours
        restartBilledFraction = job.restartBilledFraction
        priceSpotPerHour = job.priceSpotPerHour
        priceOnDemandPerHour = job.priceOnDemandPerHour
        fallbackAfterInterruptions = job.fallbackAfterInterruptions
        maxRuntimeHours = job.maxRuntimeHours
        budget = job.budget
        minSavingsFraction = job.minSavingsFraction
        trials = job.trials
        seed = job.seed
    }
}
