/// Summary of the §7 simulation of one configuration: the `monte_carlo` object of the report.
///
/// Costs in currency units, times in hours. Quantiles are nearest rank (no interpolation).
public struct SpotMonteCarlo: Sendable, Hashable {
    public let trials: Int
    public let meanCost: Double
    /// Sample standard deviation of the cost; nil when `trials = 1`.
    public let stdCost: Double?
    public let p50Cost: Double
    public let p90Cost: Double
    public let p99Cost: Double
    public let meanWall: Double
    /// Sample standard deviation of the wall time; nil when `trials = 1`.
    public let stdWall: Double?
    public let p50Wall: Double
    public let p90Wall: Double
    public let p99Wall: Double
    /// Mean interruptions per run (random and forced).
    public let meanInterruptions: Double
    /// Mean forced interruptions per run.
    public let meanForced: Double
    /// Share of runs that fell back to on-demand.
    public let fallbackFraction: Double
    /// Share of runs without any interruption.
    public let pNoInterruption: Double

    /// Acceptance ranges for simulations with another generator (derived from this sample).
    package let acceptanceSample: AcceptanceSample

    /// The order statistics `monte_carlo_accept` is built from.
    package struct AcceptanceSample: Sendable, Hashable {
        /// Sample values at the lower and upper reference ranks of p50, p90, p99.
        package var costLower: [Double]
        package var costUpper: [Double]
        package var wallLower: [Double]
        package var wallUpper: [Double]
        /// `sd/sqrt(T)`.
        package var costStandardError: Double
        package var wallStandardError: Double
    }

    package static let percentiles = [50, 90, 99]

    package init(sample: SpotSimulation.Sample) {
        let count = sample.costs.count
        let trialCount = Double(count)
        trials = count
        meanCost = SpotStatistics.mean(sample.costs)
        stdCost = SpotStatistics.standardDeviation(sample.costs, mean: meanCost)
        meanWall = SpotStatistics.mean(sample.walls)
        stdWall = SpotStatistics.standardDeviation(sample.walls, mean: meanWall)
        // Reference sample ranks p ± 7·sqrt(p(1−p)/T) (§10, "any other generator"): 1-based ranks
        // ⌊(p − h)·T⌋ and ⌈(p + h)·T⌉, which reproduce the vectors' `monte_carlo_accept` ranges.
        var ranks = SpotMonteCarlo.percentiles.map { SpotStatistics.nearestRank(percent: $0, count: count) }
        for upper in [false, true] {
            for percent in SpotMonteCarlo.percentiles {
                let p = Double(percent) / 100
                let half = 7 * (p * (1 - p) / trialCount).squareRoot()
                ranks.append(Int(((upper ? p + half : p - half) * trialCount).rounded(upper ? .up : .down)))
            }
        }
        // Selection, not a sort: nine order statistics of 100,000 values (the sample is a copy: selection reorders).
        var costSample = sample.costs
        var wallSample = sample.walls
        let costs = SpotStatistics.elements(ofRanks: ranks, in: &costSample)
        let walls = SpotStatistics.elements(ofRanks: ranks, in: &wallSample)
        (p50Cost, p90Cost, p99Cost) = (costs[0], costs[1], costs[2])
        (p50Wall, p90Wall, p99Wall) = (walls[0], walls[1], walls[2])
        meanInterruptions = Double(sample.interruptions) / trialCount
        meanForced = Double(sample.forced) / trialCount
        fallbackFraction = Double(sample.fallbacks) / trialCount
        pNoInterruption = Double(sample.uninterrupted) / trialCount

        acceptanceSample = AcceptanceSample(
            costLower: Array(costs[3..<6]), costUpper: Array(costs[6..<9]),
            wallLower: Array(walls[3..<6]), wallUpper: Array(walls[6..<9]),
            costStandardError: (stdCost ?? 0) / trialCount.squareRoot(),
            wallStandardError: (stdWall ?? 0) / trialCount.squareRoot())
    }
}

extension SpotMonteCarlo: Encodable {
    package enum CodingKeys: String, CodingKey {
        case trials
        case meanCost = "mean_cost"
        case stdCost = "std_cost"
        case p50Cost = "p50_cost"
        case p90Cost = "p90_cost"
        case p99Cost = "p99_cost"
        case meanWall = "mean_wall"
        case stdWall = "std_wall"
        case p50Wall = "p50_wall"
        case p90Wall = "p90_wall"
        case p99Wall = "p99_wall"
        case meanInterruptions = "mean_interruptions"
        case meanForced = "mean_forced"
        case fallbackFraction = "fallback_fraction"
        case pNoInterruption = "p_no_interruption"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(trials, forKey: .trials)
        try c.encode(meanCost, forKey: .meanCost)
        try c.encode(stdCost, forKey: .stdCost)
        try c.encode(p50Cost, forKey: .p50Cost)
        try c.encode(p90Cost, forKey: .p90Cost)
        try c.encode(p99Cost, forKey: .p99Cost)
        try c.encode(meanWall, forKey: .meanWall)
        try c.encode(stdWall, forKey: .stdWall)
        try c.encode(p50Wall, forKey: .p50Wall)
        try c.encode(p90Wall, forKey: .p90Wall)
        try c.encode(p99Wall, forKey: .p99Wall)
        try c.encode(meanInterruptions, forKey: .meanInterruptions)
        try c.encode(meanForced, forKey: .meanForced)
        try c.encode(fallbackFraction, forKey: .fallbackFraction)
        try c.encode(pNoInterruption, forKey: .pNoInterruption)
    }
}
