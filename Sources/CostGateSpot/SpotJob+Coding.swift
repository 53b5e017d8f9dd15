/// The job file of `costgate spot --input FILE`: the `input` object of `spot-vectors.json`.
///
/// Keys are snake_case. Only `work_hours`, `interruption`, `price_spot_per_hour` and
/// `price_on_demand_per_hour` are required; an absent key (or `null` for a key whose default is a
/// number) takes the §3 default. Values are validated exactly as by `SpotJob.init`.
extension SpotJob: Codable {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case workHours = "work_hours"
        case nodes
        case interruption
        case checkpointIntervalHours = "checkpoint_interval_hours"
        case checkpointWriteHours = "checkpoint_write_hours"
        case restartHours = "restart_hours"
        case restartBilledFraction = "restart_billed_fraction"
        case priceSpotPerHour = "price_spot_per_hour"
        case priceOnDemandPerHour = "price_on_demand_per_hour"
        case fallbackAfterInterruptions = "fallback_after_interruptions"
        case maxRuntimeHours = "max_runtime_hours"
        case budget
        case minSavingsFraction = "min_savings_fraction"
        case trials
        case seed
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            workHours: c.decode(Double.self, forKey: .workHours),
            nodes: c.decodeIfPresent(Int.self, forKey: .nodes) ?? 1,
            interruption: c.decode(InterruptionSource.self, forKey: .interruption),
            checkpointIntervalHours: c.decodeIfPresent(Double.self, forKey: .checkpointIntervalHours),
            checkpointWriteHours: c.decodeIfPresent(Double.self, forKey: .checkpointWriteHours) ?? 0.05,
            restartHours: c.decodeIfPresent(Double.self, forKey: .restartHours) ?? 0.25,
            restartBilledFraction: c.decodeIfPresent(Double.self, forKey: .restartBilledFraction) ?? 1.0,
            priceSpotPerHour: c.decode(Double.self, forKey: .priceSpotPerHour),
            priceOnDemandPerHour: c.decode(Double.self, forKey: .priceOnDemandPerHour),
            fallbackAfterInterruptions: c.decodeIfPresent(Int.self, forKey: .fallbackAfterInterruptions),
            maxRuntimeHours: c.decodeIfPresent(Double.self, forKey: .maxRuntimeHours),
            budget: c.decodeIfPresent(Double.self, forKey: .budget),
            minSavingsFraction: c.decodeIfPresent(Double.self, forKey: .minSavingsFraction) ?? 0,
            trials: c.decodeIfPresent(Int.self, forKey: .trials) ?? 100_000,
            seed: c.decodeIfPresent(UInt64.self, forKey: .seed) ?? 42
        )
    }

    /// Writes every key, `null` for absent optionals, so the file documents the inputs actually used.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(workHours, forKey: .workHours)
        try c.encode(nodes, forKey: .nodes)
        try c.encode(interruption, forKey: .interruption)
        try c.encode(checkpointIntervalHours, forKey: .checkpointIntervalHours)
        try c.encode(checkpointWriteHours, forKey: .checkpointWriteHours)
        try c.encode(restartHours, forKey: .restartHours)
        try c.encode(restartBilledFraction, forKey: .restartBilledFraction)
        try c.encode(priceSpotPerHour, forKey: .priceSpotPerHour)
        try c.encode(priceOnDemandPerHour, forKey: .priceOnDemandPerHour)
        try c.encode(fallbackAfterInterruptions, forKey: .fallbackAfterInterruptions)
        try c.encode(maxRuntimeHours, forKey: .maxRuntimeHours)
        try c.encode(budget, forKey: .budget)
        try c.encode(minSavingsFraction, forKey: .minSavingsFraction)
        try c.encode(trials, forKey: .trials)
        try c.encode(seed, forKey: .seed)
    }
}
