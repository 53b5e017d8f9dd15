/// P50 / P90 / P99 of one configuration's cost (currency units) and wall time (hours), with the
/// method that produced them: what `costgate spot` and `estimate` report, from one code path.
public struct SpotQuantiles: Sendable, Hashable {
    /// The method actually used (the exact method falls back to the simulation for `k_max` or `L`).
    public let method: SpotMethod
    public let p50Cost: Double
    public let p90Cost: Double
    public let p99Cost: Double
    public let p50Wall: Double
    public let p90Wall: Double
    public let p99Wall: Double

    /// The levels reported, as probabilities.
    package static let levels = [0.5, 0.9, 0.99]

    package init(monteCarlo mc: SpotMonteCarlo) {
        method = .monteCarlo
        (p50Cost, p90Cost, p99Cost) = (mc.p50Cost, mc.p90Cost, mc.p99Cost)
        (p50Wall, p90Wall, p99Wall) = (mc.p50Wall, mc.p90Wall, mc.p99Wall)
    }

    /// From the exact distribution of a basic scenario. With `β = 1` billed hours and wall time are
    /// the same variable and one grid serves both. `memo` remembers the hours across prices.
    package init(exact scenario: SpotScenario, memo: SpotShapeMemo? = nil) {
        method = .exact
        func compute() -> SpotShapeMemo.Hours {
            let levels = SpotQuantiles.levels
            let billed = SpotDistribution(scenario, restartWeight: scenario.billedFraction, levels: levels)
            let wall = scenario.billedFraction == 1 ? billed : SpotDistribution(scenario, restartWeight: 1, levels: levels)
            return SpotShapeMemo.Hours(billed: levels.map(billed.quantile), wall: levels.map(wall.quantile))
        }
        let hours = memo?.hours(scenario, compute: compute) ?? compute()
        // cost = p_spot·(run + β·rst), the §7.3 expression (no on-demand hours without a fallback).
        (p50Cost, p90Cost, p99Cost) = (scenario.priceSpot * hours.billed[0], scenario.priceSpot * hours.billed[1],
                                       scenario.priceSpot * hours.billed[2])
        (p50Wall, p90Wall, p99Wall) = (hours.wall[0], hours.wall[1], hours.wall[2])
    }
}

extension SpotQuantiles {
    /// From the exact distribution under a binding maximum runtime (`SpotRuntimeDistribution`); nil
    /// when that does not apply (the caller simulates).
    package init?(runtime scenario: SpotScenario, mean: SpotMean, memo: SpotShapeMemo?) throws(SpotError) {
        func compute() throws(SpotError) -> SpotShapeMemo.Hours? {
            let levels = SpotQuantiles.levels
            guard let billed = try SpotRuntimeDistribution(scenario, restartWeight: scenario.billedFraction, mean: mean)
            else { return nil }
            let wall = scenario.billedFraction == 1 ? billed : try SpotRuntimeDistribution(scenario, restartWeight: 1, mean: mean)
            guard let wall else { return nil }
            return SpotShapeMemo.Hours(billed: levels.map { billed.quantile($0) }, wall: levels.map { wall.quantile($0, wall: true) })
        }
        let found: SpotShapeMemo.Hours?
        if let memo { found = try memo.optionalHours(scenario, compute: compute) } else { found = try compute() }
        guard let hours = found else { return nil }
        self.init(method: .exact, scenario: scenario, hours: hours)
    }

    private init(method: SpotMethod, scenario: SpotScenario, hours: SpotShapeMemo.Hours) {
        self.method = method
        (p50Cost, p90Cost, p99Cost) = (scenario.priceSpot * hours.billed[0], scenario.priceSpot * hours.billed[1],
                                       scenario.priceSpot * hours.billed[2])
        (p50Wall, p90Wall, p99Wall) = (hours.wall[0], hours.wall[1], hours.wall[2])
    }
}

extension SpotQuantiles: Encodable {
    package enum CodingKeys: String, CodingKey {
        case method
        case p50Cost = "p50_cost"
        case p90Cost = "p90_cost"
        case p99Cost = "p99_cost"
        case p50Wall = "p50_wall"
        case p90Wall = "p90_wall"
        case p99Wall = "p99_wall"
    }
}
