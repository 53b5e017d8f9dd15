#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Exact expectations with a fallback `k_max` and/or a maximum runtime `L` (§8).
///
/// Deterministic and far cheaper than the simulation: `O(N·k_max)` without `L`,
/// `O(N·P·k_max)` with it, `P` the segments that fit into one incarnation.
package enum SpotDynamicProgramme {
    /// The `mean` object (`source = dp`) of a scenario with `k_max` or `L`.
    package static func mean(_ s: SpotScenario) throws(SpotError) -> SpotMean {
        guard let moments = try moments(s) else { return .infinite(source: .dynamicProgramme, scenario: s) }
        return SpotMean(source: .dynamicProgramme, moments: moments, scenario: s, pNoInterruption: nil)
    }

    /// `Q` of the whole job, or nil when it never completes.
    package static func moments(_ s: SpotScenario) throws(SpotError) -> SpotMoments? {
        if s.rate == 0 {
            // No random interruptions: the single run of §7.3 is the mean.
            guard let outcome = try SpotSimulation(scenario: s).deterministicRun() else { return nil }
            return SpotMoments(wall: outcome.wall, run: outcome.run, restart: outcome.restart, onDemand: outcome.onDemand,
                               interruptions: Double(outcome.interruptions), forced: Double(outcome.forced),
                               fallback: outcome.fellBack ? 1 : 0)
        }
        if s.neverCompletesWithRandomInterruptions { return nil }
        let result: SpotMoments
        let columns = Double(s.fallbackAfter ?? 1)
        if s.maxRuntime == nil || s.maxRuntimeNeverBinds {
            try checkWork(Double(s.layout.segments) * columns)
            if let kMax = s.fallbackAfter {
                result = withFallback(s, kMax: kMax)
            } else {
                result = memoryless(s)
            }
        } else {
            let programme = Incarnations(s)
            try checkWork(Double(s.layout.segments) * Double(programme.fullPhases.count + 1) * columns)
            result = programme.moments()
        }
        return result.isFinite ? result : nil
    }

    /// Most elementary steps (one segment phase of one state) a programme may take, about two seconds.
    package static let workLimit = 200_000_000.0

    private static func checkWork(_ steps: Double) throws(SpotError) {
        if steps > workLimit { throw .modelTooLarge(steps: steps, limit: workLimit) }
    }

    // MARK: §8.1, no maximum runtime

    /// Per-duration constants of §8.1: `pS = e^{−a·s}`, `qS = 1 − pS`, `tS = E[min(Exp(a), s)]`.
    private struct SegmentTerms {
        let pass: Double
        let fail: Double
        let time: Double

        init(rate a: Double, hours s: Double) {
            pass = exp(-a * s)
            fail = -expm1(-a * s)
            time = a > 0 ? fail / a : s
        }
    }

    /// §8.1 without `k_max`: reproduces §5 (the self-check of the tests).
    package static func memoryless(_ s: SpotScenario) -> SpotMoments {
        let a = s.rate
        let restart = SegmentTerms(rate: a, hours: s.restartHours)
        let layout = s.layout
        let fullTerms = SegmentTerms(rate: a, hours: layout.full)
        let lastTerms = SegmentTerms(rate: a, hours: layout.lastSegmentHours)
        var u = SpotMoments.zero
        for m in stride(from: layout.segments - 1, through: 0, by: -1) {
            let seg = m == layout.segments - 1 ? lastTerms : fullTerms
            let hours = m == layout.segments - 1 ? layout.lastSegmentHours : layout.full
            let leave = restart.pass * seg.pass                    // 1 − q
            let retry = -expm1(-a * (s.restartHours + hours))       // q
            let attempt = SpotMoments.restart(restart.time) + .run(restart.pass * seg.time) + leave * u
                + retry * SpotMoments.interruption
            let pending = attempt.divided(by: leave)
            u = .run(seg.time) + seg.pass * u + seg.fail * (SpotMoments.interruption + pending)
        }
        return u
    }

    /// §8.1 with `k_max = K`: `U[m][c]` (segment `m` starts with the gang up, `c` interruptions so far)
    /// and `V[m][c]` (a restart is pending), one column of `c` at a time.
    package static func withFallback(_ s: SpotScenario, kMax: Int) -> SpotMoments {
        let a = s.rate
        let layout = s.layout
        let n = layout.segments
        let restart = SegmentTerms(rate: a, hours: s.restartHours)
        let fullTerms = SegmentTerms(rate: a, hours: layout.full)
        let lastTerms = SegmentTerms(rate: a, hours: layout.lastSegmentHours)
        let fallbacks = (0..<n).map {
            SpotMoments.fallback(restart: s.restartHours, billedFraction: s.billedFraction, remaining: layout.remaining(from: $0))
        }
        var next = fallbacks          // V[·][c+1], or F(·) when c + 1 ≥ K
        var column = [SpotMoments](repeating: .zero, count: n)
        var u = SpotMoments.zero
        for c in stride(from: kMax - 1, through: 0, by: -1) {
            u = .zero                 // U[N][c]: done
            for m in stride(from: n - 1, through: 0, by: -1) {
                let seg = m == n - 1 ? lastTerms : fullTerms
                let interrupted = SpotMoments.interruption + next[m]
                u = .run(seg.time) + seg.pass * u + seg.fail * interrupted
                if c > 0 {
                    column[m] = .restart(restart.time) + restart.fail * interrupted + restart.pass * u
                }
            }
            if c > 0 { swap(&next, &column) }
        }
        return u
    }

    // MARK: §8.2, maximum runtime

    /// One phase of an incarnation: what can happen while it runs.
    package struct Phase: Sendable {
        /// `P(random interruption during the phase)`.
        package var random: Double
        /// `P(forced interruption at age L + ε_t during the phase)`.
        package var forced: Double
        /// `E[time spent in the phase]`, hours.
        package var time: Double
        /// `P(the incarnation gets past the phase)`; 0 when it ends beyond `L + ε_t`.
        package var survive: Double
        /// The phase ends beyond `L + ε_t`: later phases are never reached.
        package var terminal: Bool

        /// `random + forced`.
        package var leave: Double { random + forced }

        /// `p_rand·e_K + p_forced·e_F`, plus the time as run or restart hours.
        package func own(restart: Bool) -> SpotMoments {
            (restart ? SpotMoments.restart(time) : .run(time)) + random * SpotMoments.interruption
                + forced * SpotMoments.forcedInterruption
        }
    }

    /// The incarnation programme of §8.2. Ages within an incarnation resuming at segment `j` are the
    /// same for every `j` (`R`, `R + full`, … by the same cumulative sums), so the phases are computed
    /// once as a template; only the last segment (`last` instead of `full`) differs.
    package struct Incarnations {
        package let s: SpotScenario
        package let limit: Double
        package let restartPhase: Phase
        /// Segment phase `k` of an incarnation after a restart, when the segment is a full one.
        package let fullPhases: [Phase]
        /// The same, when the segment at position `k` is the last one.
        package let lastPhases: [Phase]
        /// Phases of the first incarnation (job start, no restart), segment `m` at index `m`.
        package let startPhases: [Phase]

        package init(_ s: SpotScenario) {
            self.s = s
            let limit = s.effectiveMaxRuntime
            self.limit = limit
            let a = s.rate
            let layout = s.layout
            let n = layout.segments
            func phase(_ lo: Double, _ hi: Double) -> Phase {
                let top = min(hi, limit)
                let span = max(top - lo, 0)
                let before = exp(-a * lo)
                let random = a > 0 ? before * -expm1(-a * span) : 0
                let time = a > 0 ? random / a : (lo >= limit ? 0 : span)
                let forced = lo <= limit && limit < hi ? exp(-a * limit) : 0
                let terminal = hi > limit
                return Phase(random: random, forced: forced, time: time, survive: terminal ? 0 : exp(-a * hi),
                             terminal: terminal)
            }
            let restart = phase(0, s.restartHours)
            restartPhase = restart
            var fulls: [Phase] = []
            var lasts: [Phase] = []
            if !restart.terminal {
                var age = s.restartHours
                for k in 0..<n {
                    lasts.append(phase(age, age + layout.lastSegmentHours))
                    if k == n - 1 { break }
                    let fullPhase = phase(age, age + layout.full)
                    fulls.append(fullPhase)
                    if fullPhase.terminal { break }
                    age = age + layout.full
                }
            }
            fullPhases = fulls
            lastPhases = lasts
            var starts: [Phase] = []
            var age = 0.0
            for m in 0..<n {
                let hours = layout.duration(of: m)
                let p = phase(age, age + hours)
                starts.append(p)
                if p.terminal { break }
                age = age + hours
            }
            startPhases = starts
        }

        /// Calls `body(target, phase)` for the segment phases of an incarnation resuming at `j`.
        @inline(__always)
        private func forEachSegmentPhase(from j: Int, _ body: (Int, Phase) -> Void) {
            if restartPhase.terminal { return }
            let last = s.layout.segments - 1
            var k = 0
            while true {
                let m = j + k
                if m == last {
                    body(m, lastPhases[k])
                    return
                }
                let p = fullPhases[k]
                body(m, p)
                if p.terminal { return }
                k += 1
            }
        }

        /// `inc(j, 1) + Σ_ph (p_rand·e_K + p_forced·e_F)` of an incarnation resuming at `j`.
        private func ownMoments(from j: Int) -> SpotMoments {
            var total = restartPhase.own(restart: true)
            forEachSegmentPhase(from: j) { _, p in total += p.own(restart: false) }
            return total
        }

        package func moments() -> SpotMoments {
            if let kMax = s.fallbackAfter { return withFallback(kMax: kMax) }
            let n = s.layout.segments
            var values = [SpotMoments](repeating: .zero, count: n)
            for j in stride(from: n - 1, through: 0, by: -1) {
                var total = restartPhase.own(restart: true)
                var survive = 0.0
                forEachSegmentPhase(from: j) { m, p in
                    total += p.own(restart: false)
                    if m == j {
                        survive = p.survive
                    } else {
                        total += p.leave * values[m]
                    }
                }
                // The incarnation comes back to `j` with probability `1 − survive` (the `self` of §8.2).
                values[j] = total.divided(by: survive)
            }
            var result = SpotMoments.zero
            for (m, p) in startPhases.enumerated() {
                result += p.own(restart: false) + p.leave * values[m]
            }
            return result
        }

        /// §8.2 with `k_max = K`: `V[j][c]` for `c = K−1 … 1`, one column at a time.
        private func withFallback(kMax: Int) -> SpotMoments {
            let n = s.layout.segments
            let fallbacks = (0..<n).map {
                SpotMoments.fallback(restart: s.restartHours, billedFraction: s.billedFraction,
                                     remaining: s.layout.remaining(from: $0))
            }
            let own = (0..<n).map { ownMoments(from: $0) }
            var next = fallbacks       // Next(·, c + 1)
            var column = [SpotMoments](repeating: .zero, count: n)
            var c = kMax - 1
            while c >= 1 {
                for j in 0..<n {
                    var total = own[j] + restartPhase.leave * next[j]
                    forEachSegmentPhase(from: j) { m, p in total += p.leave * next[m] }
                    column[j] = total
                }
                swap(&next, &column)
                c -= 1
            }
            var result = SpotMoments.zero
            for (m, p) in startPhases.enumerated() {
                result += p.own(restart: false) + p.leave * next[m]
            }
            return result
        }
    }
}
