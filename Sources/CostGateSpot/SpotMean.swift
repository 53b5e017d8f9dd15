/// Exact expectations of one run on spot (§5 or §8): the `mean` object of the report.
///
/// Hours and currency units. Every expectation is nil when it is infinite (the job never completes,
/// or `expm1` overflowed); `costOnDemand` is always known.
public struct SpotMean: Sendable, Hashable {
    /// Which method produced the numbers.
    public enum Source: String, Sendable, Hashable, Codable {
        /// §5, used when neither `k_max` nor `L` is set.
        case closedForm = "closed-form"
        /// §8 (or, with `λ = 0`, the single deterministic run of §7.3).
        case dynamicProgramme = "dp"
    }

    public let source: Source
    /// `E[wall]`, hours.
    public let wallHours: Double?
    /// `E[run hours]`: work, checkpoint writes and lost work on spot.
    public let runHours: Double?
    /// `E[restart hours]` on spot (interrupted restarts included).
    public let restartHours: Double?
    /// `E[run + β·restart]`, hours billed at the spot price.
    public let spotBilledHours: Double?
    /// `E[hours billed at the on-demand price]` after a fallback.
    public let onDemandBilledHours: Double?
    /// `E[K]`, interruptions per run (random and forced).
    public let interruptions: Double?
    /// `E[forced interruptions]` by the maximum runtime.
    public let forcedInterruptions: Double?
    /// `P(fallback to on-demand)`.
    public let fallbackProbability: Double?
    /// `E[cost]` of running on spot (including any on-demand fallback).
    public let costSpot: Double?
    /// `C_od = W·p_od`.
    public let costOnDemand: Double
    /// `C_od − E[cost]` (negative when spot is worse).
    public let savings: Double?
    /// `(C_od − E[cost]) / C_od`; nil when `C_od = 0` or the cost is infinite.
    public let savingsFraction: Double?
    /// `P(no interruption)`; reported by the closed form only.
    public let pNoInterruption: Double?

    /// False when the expectations are infinite.
    public var isFinite: Bool { costSpot != nil }

    /// `E[cost]`, `+∞` when infinite.
    package var expectedCost: Double { costSpot ?? .infinity }

    /// `E[K]`, `+∞` when infinite.
    package var expectedInterruptions: Double { interruptions ?? .infinity }

    package init(source: Source, moments: SpotMoments, scenario: SpotScenario, pNoInterruption: Double?) {
        self.source = source
        self.costOnDemand = scenario.workHours * scenario.priceOnDemand
        self.pNoInterruption = pNoInterruption
        let cost = scenario.cost(run: moments.run, restart: moments.restart, onDemand: moments.onDemand)
        guard moments.isFinite, cost.isFinite else {
            wallHours = nil
            runHours = nil
            restartHours = nil
            spotBilledHours = nil
            onDemandBilledHours = nil
            interruptions = nil
            forcedInterruptions = nil
            fallbackProbability = nil
            costSpot = nil
            savings = nil
            savingsFraction = nil
            return
        }
        wallHours = moments.wall
        runHours = moments.run
        restartHours = moments.restart
        spotBilledHours = moments.run + scenario.billedFraction * moments.restart
        onDemandBilledHours = moments.onDemand
        interruptions = moments.interruptions
        forcedInterruptions = moments.forced
        fallbackProbability = moments.fallback
        costSpot = cost
        savings = costOnDemand - cost
        savingsFraction = costOnDemand > 0 ? (costOnDemand - cost) / costOnDemand : nil
    }

    /// The never-completing job of §7.6: infinite expectations.
    package static func infinite(source: Source, scenario: SpotScenario) -> SpotMean {
        SpotMean(source: source, moments: .infinite, scenario: scenario, pNoInterruption: nil)
    }
}

extension SpotMean: Encodable {
    package enum CodingKeys: String, CodingKey {
        case source
        case wallHours = "wall_hours"
        case runHours = "run_hours"
        case restartHours = "restart_hours"
        case spotBilledHours = "spot_billed_hours"
        case onDemandBilledHours = "on_demand_billed_hours"
        case interruptions
        case forcedInterruptions = "forced_interruptions"
        case fallbackProbability = "fallback_probability"
        case costSpot = "cost_spot"
        case costOnDemand = "cost_on_demand"
        case savings
        case savingsFraction = "savings_fraction"
        case pNoInterruption = "p_no_interruption"
    }

    /// Unknown (infinite) values are written as `null`; `p_no_interruption` only for the closed form.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(wallHours, forKey: .wallHours)
        try c.encode(runHours, forKey: .runHours)
        try c.encode(restartHours, forKey: .restartHours)
        try c.encode(spotBilledHours, forKey: .spotBilledHours)
        try c.encode(onDemandBilledHours, forKey: .onDemandBilledHours)
        try c.encode(interruptions, forKey: .interruptions)
        try c.encode(forcedInterruptions, forKey: .forcedInterruptions)
        try c.encode(fallbackProbability, forKey: .fallbackProbability)
        try c.encode(costSpot, forKey: .costSpot)
        try c.encode(costOnDemand, forKey: .costOnDemand)
        try c.encode(savings, forKey: .savings)
        try c.encode(savingsFraction, forKey: .savingsFraction)
        if source == .closedForm {
            try c.encode(pNoInterruption, forKey: .pNoInterruption)
        }
    }
}
