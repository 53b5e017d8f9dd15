/// How the spot model computes the spread of cost and wall time (its P50 / P90 / P99).
public enum SpotMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// The exact distribution of the model on a fine grid (`SpotDistribution`, `SpotRuntimeDistribution`
    /// under a maximum runtime) for jobs without a fallback (`k_max`); the simulation for those.
    case exact
    /// The §7 simulation (100,000 trials by default), bit for bit the reference's.
    case monteCarlo = "monte-carlo"
}
