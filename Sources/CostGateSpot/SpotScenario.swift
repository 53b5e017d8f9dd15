/// Everything the closed form, the dynamic programme and the simulation need about one candidate
/// configuration (the configured job, or the same job with the recommended interval).
package struct SpotScenario: Sendable, Hashable {
    /// `W`, hours.
    package let workHours: Double
    /// `δ`, hours.
    package let writeHours: Double
    /// The §4 layout of this candidate's interval.
    package let layout: SegmentLayout
    /// `Λ = n·λ`, per hour.
    package let rate: Double
    /// `R`, hours.
    package let restartHours: Double
    /// `β`.
    package let billedFraction: Double
    /// `p_spot`, per hour for the whole job.
    package let priceSpot: Double
    /// `p_od`, per hour for the whole job.
    package let priceOnDemand: Double
    /// `k_max`, or nil.
    package let fallbackAfter: Int?
    /// `L`, or nil.
    package let maxRuntime: Double?

    /// `ε_t`, hours: forced interruptions happen at age `L + ε_t` (§7.4).
    package static let tieEpsilon = 1e-9

    package init(job: SpotJob, interval: Double?) {
        workHours = job.workHours
        writeHours = job.checkpointWriteHours
        layout = SegmentLayout(workHours: job.workHours, interval: interval, writeHours: job.checkpointWriteHours)
        rate = job.jobRatePerHour
        restartHours = job.restartHours
        billedFraction = job.restartBilledFraction
        priceSpot = job.priceSpotPerHour
        priceOnDemand = job.priceOnDemandPerHour
        fallbackAfter = job.fallbackAfterInterruptions
        maxRuntime = job.maxRuntimeHours
    }

    /// The same scenario without random interruptions (`Λ = 0`): its one run is the path every run
    /// follows while no random interruption comes (only forced ones).
    package var withoutRandomInterruptions: SpotScenario {
        SpotScenario(self, rate: 0)
    }

    private init(_ other: SpotScenario, rate: Double) {
        (workHours, writeHours, layout) = (other.workHours, other.writeHours, other.layout)
        self.rate = rate
        (restartHours, billedFraction) = (other.restartHours, other.billedFraction)
        (priceSpot, priceOnDemand) = (other.priceSpot, other.priceOnDemand)
        (fallbackAfter, maxRuntime) = (other.fallbackAfter, other.maxRuntime)
    }

    /// `L + ε_t`, or `+∞` without a maximum runtime.
    package var effectiveMaxRuntime: Double {
        maxRuntime.map { $0 + SpotScenario.tieEpsilon } ?? .infinity
    }

    /// True when the closed form of §5 applies (neither `k_max` nor `L`).
    package var isBasic: Bool { fallbackAfter == nil && maxRuntime == nil }

    /// True when the exact distribution applies (`SpotDistribution`): no `k_max`, and no `L` or one
    /// that never binds (then the runs are those of the basic model, draw for draw).
    package var hasExactDistribution: Bool { fallbackAfter == nil && (maxRuntime == nil || maxRuntimeNeverBinds) }

    /// True when no incarnation can reach the limit `L + ε_t`, so `L` changes nothing.
    package var maxRuntimeNeverBinds: Bool {
        restartHours + layout.remaining(from: 0) <= effectiveMaxRuntime
    }

    /// §7.6 for `Λ > 0`: without `k_max`, a segment that cannot fit into one incarnation after a
    /// restart makes the expectation infinite.
    package var neverCompletesWithRandomInterruptions: Bool {
        rate > 0 && maxRuntime != nil && fallbackAfter == nil
            && restartHours + layout.longestSegment > effectiveMaxRuntime
    }

    /// `p_spot·(run + β·rst) + p_od·od`.
    package func cost(run: Double, restart: Double, onDemand: Double) -> Double {
        priceSpot * (run + billedFraction * restart) + priceOnDemand * onDemand
    }
}
