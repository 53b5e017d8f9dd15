/// What another implementation's simulation (another random generator) must land in (§10): the
/// `monte_carlo_accept` object. Means within 5 standard errors of the exact mean; each quantile
/// between the sample values at ranks `p ± 7·sqrt(p(1−p)/T)`. Both widened by `1e-9` relative so
/// that degenerate (constant) samples still have a range.
public struct SpotMonteCarloAcceptance: Sendable, Hashable {
    public let meanCostAbsTol: Double
    public let meanWallAbsTol: Double
    /// `[lower, upper]`, currency units.
    public let p50CostRange: [Double]
    public let p90CostRange: [Double]
    public let p99CostRange: [Double]
    /// `[lower, upper]`, hours.
    public let p50WallRange: [Double]
    public let p90WallRange: [Double]
    public let p99WallRange: [Double]

    /// Relative widening of every tolerance and range.
    package static let relativeFloor = 1e-9

    package init(monteCarlo mc: SpotMonteCarlo, mean: SpotMean) {
        let sample = mc.acceptanceSample
        let floor = SpotMonteCarloAcceptance.relativeFloor
        let meanCost = mean.costSpot ?? mc.meanCost
        let meanWall = mean.wallHours ?? mc.meanWall
        meanCostAbsTol = max(5 * sample.costStandardError, floor * abs(meanCost))
        meanWallAbsTol = max(5 * sample.wallStandardError, floor * abs(meanWall))
        func range(_ lower: Double, _ upper: Double) -> [Double] {
            [lower - floor * abs(lower), upper + floor * abs(upper)]
        }
        p50CostRange = range(sample.costLower[0], sample.costUpper[0])
        p90CostRange = range(sample.costLower[1], sample.costUpper[1])
        p99CostRange = range(sample.costLower[2], sample.costUpper[2])
        p50WallRange = range(sample.wallLower[0], sample.wallUpper[0])
        p90WallRange = range(sample.wallLower[1], sample.wallUpper[1])
        p99WallRange = range(sample.wallLower[2], sample.wallUpper[2])
    }
}

extension SpotMonteCarloAcceptance: Encodable {
    package enum CodingKeys: String, CodingKey {
        case meanCostAbsTol = "mean_cost_abs_tol"
        case meanWallAbsTol = "mean_wall_abs_tol"
        case p50CostRange = "p50_cost_range"
        case p50WallRange = "p50_wall_range"
        case p90CostRange = "p90_cost_range"
        case p90WallRange = "p90_wall_range"
        case p99CostRange = "p99_cost_range"
        case p99WallRange = "p99_wall_range"
    }
}
