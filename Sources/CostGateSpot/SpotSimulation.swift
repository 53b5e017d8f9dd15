/// The Monte Carlo simulation of §7: one independent stream per trial, the exact event order of §7.3.
package struct SpotSimulation: Sendable {
    package let scenario: SpotScenario

    /// §7.7: a single run with more interruptions than this aborts the estimate.
    package static let interruptionLimitPerTrial = 10_000_000
    /// §7.7: skip the simulation when `E[K]` per run exceeds this.
    package static let expectedInterruptionLimit = 10_000.0

    /// What one simulated run did. Hours and currency units.
    package struct Outcome: Sendable, Hashable {
        package var wall: Double
        package var cost: Double
        package var run: Double
        package var restart: Double
        package var onDemand: Double
        package var interruptions: Int
        package var forced: Int
        package var fellBack: Bool
    }

    /// Per-trial values of a whole simulation, in trial order.
    package struct Sample: Sendable {
        package var costs: [Double]
        package var walls: [Double]
        package var interruptions: Int
        package var forced: Int
        package var fallbacks: Int
        package var uninterrupted: Int
    }

    /// Runs trials `0 ..< trials` with their own streams.
    package func run(trials: Int, seed: UInt64) throws(SpotError) -> Sample {
        var costs = [Double](repeating: 0, count: trials)
        var walls = [Double](repeating: 0, count: trials)
        var interruptions = 0
        var forced = 0
        var fallbacks = 0
        var uninterrupted = 0
        for j in 0..<trials {
            // `stopWhenStalled: false` never returns nil.
            guard let outcome = try trial(j, seed: seed, stopWhenStalled: false) else { continue }
            costs[j] = outcome.cost
            walls[j] = outcome.wall
            interruptions += outcome.interruptions
            forced += outcome.forced
            if outcome.fellBack { fallbacks += 1 }
            if outcome.interruptions == 0 { uninterrupted += 1 }
        }
        return Sample(costs: costs, walls: walls, interruptions: interruptions, forced: forced,
                      fallbacks: fallbacks, uninterrupted: uninterrupted)
    }

    /// The single run of a job with `Λ = 0` (deterministic; the §8 mean for that case), or nil when it
    /// never completes (§7.6: it comes back to the same segment after two consecutive interruptions).
    package func deterministicRun() throws(SpotError) -> Outcome? {
        precondition(scenario.rate == 0, "only a job without random interruptions is deterministic")
        return try trial(0, seed: 0, stopWhenStalled: scenario.fallbackAfter == nil)
    }

    /// One trial, §7.3, with the same expressions in the same order as the reference.
    ///
    /// - Parameter stopWhenStalled: return nil when two consecutive interruptions leave the job at the
    ///   same segment (only meaningful without random interruptions, where the run would then loop forever).
    package func trial(_ j: Int, seed: UInt64, stopWhenStalled: Bool) throws(SpotError) -> Outcome? {
        let s = scenario
        let segments = s.layout.segments
        let full = s.layout.full
        let last = s.layout.lastSegmentHours
        let lambda = s.rate
        let restartHours = s.restartHours
        let beta = s.billedFraction
        let limit = s.effectiveMaxRuntime
        let fallbackAfter = s.fallbackAfter ?? Int.max

        var rng = SpotRandom(seed: seed, trial: j)
        var t = 0.0
        var i = 0
        var k = 0
        var kForced = 0
        var restartPending = false
        var age0 = 0.0
        var run = 0.0
        var rst = 0.0
        var od = 0.0
        var fellBack = false
        var segmentAtLastInterruption = -1
        var tNext = lambda > 0 ? t + rng.nextExponential(rate: lambda) : Double.infinity

        while true {
            let tF = age0 + limit
            let tInt = min(tNext, tF)
            let forced = tF < tNext
            if restartPending {
                let end = t + restartHours
                if tInt < end {
                    // Interrupted while restarting: the restart starts over.
                    rst += tInt - t
                    t = tInt
                } else {
                    rst += restartHours
                    t = end
                    restartPending = false
                    continue  // no draw; the same tInt is used again
                }
            } else {
                let remaining = Double(segments - 1 - i) * full + last
                let end = t + remaining
                if tInt >= end {
                    run += remaining
                    t = end
                    break
                }
                let dt = tInt - t
                // Segments committed before the interruption (skip-ahead instead of a per-segment loop).
                let committed = i < segments - 1 ? Int(min((dt / full).rounded(.down), Double(segments - 1 - i))) : 0
                run += dt
                i += committed
                t = tInt
            }
            // Interrupted.
            k += 1
            if forced { kForced += 1 }
            if k > SpotSimulation.interruptionLimitPerTrial {
                throw .tooManyInterruptions(trial: j, limit: SpotSimulation.interruptionLimitPerTrial)
            }
            if k >= fallbackAfter {
                let remaining = Double(segments - 1 - i) * full + last
                t = t + restartHours + remaining
                od = beta * restartHours + remaining
                fellBack = true
                break
            }
            if stopWhenStalled {
                if i == segmentAtLastInterruption { return nil }
                segmentAtLastInterruption = i
            }
            restartPending = true
            age0 = t
            if lambda > 0 { tNext = t + rng.nextExponential(rate: lambda) }
        }
        let cost = s.priceSpot * (run + beta * rst) + s.priceOnDemand * od
        return Outcome(wall: t, cost: cost, run: run, restart: rst, onDemand: od,
                       interruptions: k, forced: kForced, fellBack: fellBack)
    }
}
