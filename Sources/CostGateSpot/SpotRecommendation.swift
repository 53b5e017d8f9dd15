/// Spot, spot with checkpoints every X hours, or on-demand, with the reason (§9).
public struct SpotRecommendation: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        case spot
        case spotCheckpoint = "spot-checkpoint"
        case onDemand = "on-demand"
    }

    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// The best candidate is expected to cost less than `(1 − s_min)·C_od` (and fits the budget rule).
        case expectedSavings = "expected-savings"
        /// `E[cost]` of the best candidate is at least `(1 − s_min)·C_od`.
        case noExpectedSavings = "no-expected-savings"
        /// Its P90 cost exceeds the budget while on-demand fits it.
        case p90OverBudget = "p90-over-budget"
        /// No candidate ever completes on spot.
        case neverCompletes = "never-completes"
    }

    public let action: Action
    public let reason: Reason
    /// Checkpoint every this many hours (`spot-checkpoint` only).
    public let checkpointIntervalHours: Double?
    /// The configured candidate first, then the recommended one when it differs from it.
    public let candidates: [SpotCandidate]
    public let bestCandidate: SpotCandidate.Name
    /// §7 P90 of the best candidate's cost; reported only when a budget is set (nil if unavailable).
    public let bestP90Cost: Double?
    /// Whether the recommended action fits the budget; nil without a budget.
    public let withinBudget: Bool?

    /// Applies §9. `p90` gives the §7 P90 cost of a candidate (`+∞` when the simulation is skipped);
    /// it is called only when a budget is set.
    package static func decide(
        candidates: [SpotCandidate],
        onDemandCost: Double,
        minSavingsFraction: Double,
        budget: Double?,
        p90: (SpotCandidate) throws(SpotError) -> Double
    ) throws(SpotError) -> SpotRecommendation {
        var best = candidates[0]
        for candidate in candidates.dropFirst() where candidate.expectedCost < best.expectedCost {
            best = candidate  // ties stay with the configured job
        }
        let bestP90: Double? = budget == nil || !best.expectedCost.isFinite ? nil : try p90(best)
        let action: Action
        let reason: Reason
        if !best.expectedCost.isFinite {
            (action, reason) = (.onDemand, .neverCompletes)
        } else if best.expectedCost >= (1 - minSavingsFraction) * onDemandCost {
            (action, reason) = (.onDemand, .noExpectedSavings)
        } else if let budget, let bestP90, bestP90 > budget, onDemandCost <= budget {
            (action, reason) = (.onDemand, .p90OverBudget)
        } else {
            (action, reason) = (best.segments == 1 ? .spot : .spotCheckpoint, .expectedSavings)
        }
        let within: Bool? = budget.map { budget in
            action == .onDemand ? onDemandCost <= budget : (bestP90 ?? .infinity) <= budget
        }
        return SpotRecommendation(
            action: action,
            reason: reason,
            checkpointIntervalHours: action == .spotCheckpoint ? best.intervalHours : nil,
            candidates: candidates,
            bestCandidate: best.name,
            bestP90Cost: bestP90.flatMap { $0.isFinite ? $0 : nil },
            withinBudget: within
        )
    }
}

extension SpotRecommendation: Encodable {
    package enum CodingKeys: String, CodingKey {
        case action
        case reason
        case checkpointIntervalHours = "checkpoint_interval_hours"
        case candidateMeanCost = "candidate_mean_cost"
        case candidateIntervalHours = "candidate_interval_hours"
        case bestCandidate = "best_candidate"
        case bestP90Cost = "best_p90_cost"
        case withinBudget = "within_budget"
    }

    /// `{"configured": …, "recommended": …}`, `null` for an infinite cost or no interval.
    private struct PerCandidate: Encodable {
        let values: [(SpotCandidate.Name, Double?)]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            for (name, value) in values {
                try c.encode(value, forKey: Key(stringValue: name.rawValue))
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(action, forKey: .action)
        try c.encode(reason, forKey: .reason)
        try c.encode(checkpointIntervalHours, forKey: .checkpointIntervalHours)
        try c.encode(PerCandidate(values: candidates.map { ($0.name, $0.meanCost) }), forKey: .candidateMeanCost)
        try c.encode(PerCandidate(values: candidates.map { ($0.name, $0.intervalHours) }), forKey: .candidateIntervalHours)
        try c.encode(bestCandidate, forKey: .bestCandidate)
        try c.encode(bestP90Cost, forKey: .bestP90Cost)
        try c.encode(withinBudget, forKey: .withinBudget)
    }
}
