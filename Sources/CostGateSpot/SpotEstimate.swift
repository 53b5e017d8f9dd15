/// Everything the spot model reports for one job (§0); encodes to the `expected` object of
/// `spot-vectors.json` (snake_case keys, `null` where a value is not applicable or infinite).
///
/// Hours, per-hour rates and currency units throughout, as IEEE doubles; convert money at the
/// report boundary.
public struct SpotEstimate: Sendable, Hashable {
    /// Why the simulation was not run although the job completes.
    public enum MonteCarloSkip: String, Sendable, Hashable, Codable {
        /// `E[K] > 10^4` per run (§7.7).
        case expectedInterruptionsAboveLimit = "expected interruptions above limit"
    }

    /// The validated inputs actually used (defaults filled in): the assumptions behind every number.
    /// Not part of the encoded `expected` object; encode it separately as the job's `input`.
    public let job: SpotJob
    /// `λ`, interruptions per instance-hour.
    public let ratePerInstanceHour: Double
    /// `Λ = n·λ`, interruptions of the gang per hour.
    public let jobRatePerHour: Double
    /// `M = 1/Λ`, hours; nil when `Λ = 0`.
    public let mtbiHours: Double?
    /// The configured job's §4 layout.
    public let layout: SegmentLayout
    /// False when the configured job's expected cost is infinite (§7.6 or `expm1` overflow).
    public let completes: Bool
    /// Exact expectations of the configured job.
    public let mean: SpotMean
    /// §6 optimum and the §9 recommended interval.
    public let optimum: CheckpointOptimum
    /// P50 / P90 / P99 of the configured job (exact or simulated); nil when it never completes or was skipped.
    public let quantiles: SpotQuantiles?
    /// §7 simulation of the configured job; nil when it never completes, was skipped, or the exact
    /// method covered it.
    public let monteCarlo: SpotMonteCarlo?
    /// Acceptance ranges for other generators (§10); nil with `monteCarlo`.
    public let monteCarloAccept: SpotMonteCarloAcceptance?
    /// Set when a completing job was not simulated.
    public let monteCarloSkipped: MonteCarloSkip?
    /// §9.
    public let recommendation: SpotRecommendation

    /// `N`.
    public var segments: Int { layout.segments }
    /// `N − 1`.
    public var checkpoints: Int { layout.checkpoints }
}

extension SpotEstimate: Encodable {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case ratePerInstanceHour = "rate_per_instance_hour"
        case jobRatePerHour = "job_rate_per_hour"
        case mtbiHours = "mtbi_hours"
        case segments
        case checkpoints
        case fullSegmentHours = "full_segment_hours"
        case lastSegmentHours = "last_segment_hours"
        case completes
        case mean
        case optimum
        case monteCarlo = "monte_carlo"
        case monteCarloAccept = "monte_carlo_accept"
        case monteCarloSkipped = "monte_carlo_skipped"
        case quantiles
        case recommendation
    }

    /// `monte_carlo_skipped` appears only when the simulation was skipped by the §7.7 guard, `quantiles`
    /// only when they are exact (simulated ones are those of `monte_carlo`): the simulation's encoding
    /// has exactly the names of the vectors' `expected` object.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ratePerInstanceHour, forKey: .ratePerInstanceHour)
        try c.encode(jobRatePerHour, forKey: .jobRatePerHour)
        try c.encode(mtbiHours, forKey: .mtbiHours)
        try c.encode(layout.segments, forKey: .segments)
        try c.encode(layout.checkpoints, forKey: .checkpoints)
        try c.encode(layout.fullSegmentHours, forKey: .fullSegmentHours)
        try c.encode(layout.lastSegmentHours, forKey: .lastSegmentHours)
        try c.encode(completes, forKey: .completes)
        try c.encode(mean, forKey: .mean)
        try c.encode(optimum, forKey: .optimum)
        try c.encode(monteCarlo, forKey: .monteCarlo)
        try c.encode(monteCarloAccept, forKey: .monteCarloAccept)
        try c.encodeIfPresent(monteCarloSkipped, forKey: .monteCarloSkipped)
        if let quantiles, quantiles.method == .exact { try c.encode(quantiles, forKey: .quantiles) }
        try c.encode(recommendation, forKey: .recommendation)
    }
}
