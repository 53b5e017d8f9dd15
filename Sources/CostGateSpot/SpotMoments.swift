/// The expectation vector `Q = (wall, run, rst, od, K, forced, fallback)` of §8, hours and counts.
package struct SpotMoments: Sendable, Hashable {
    package var wall: Double
    package var run: Double
    package var restart: Double
    package var onDemand: Double
    package var interruptions: Double
    package var forced: Double
    package var fallback: Double

    package static let zero = SpotMoments(wall: 0, run: 0, restart: 0, onDemand: 0, interruptions: 0, forced: 0, fallback: 0)

    /// `RUN(x)`: `x` hours of run time.
    package static func run(_ x: Double) -> SpotMoments {
        SpotMoments(wall: x, run: x, restart: 0, onDemand: 0, interruptions: 0, forced: 0, fallback: 0)
    }

    /// `RST(x)`: `x` hours of restart time.
    package static func restart(_ x: Double) -> SpotMoments {
        SpotMoments(wall: x, run: 0, restart: x, onDemand: 0, interruptions: 0, forced: 0, fallback: 0)
    }

    /// `e_K`: one random interruption.
    package static let interruption = SpotMoments(wall: 0, run: 0, restart: 0, onDemand: 0, interruptions: 1, forced: 0, fallback: 0)

    /// `e_F`: one forced interruption.
    package static let forcedInterruption = SpotMoments(wall: 0, run: 0, restart: 0, onDemand: 0, interruptions: 1, forced: 1, fallback: 0)

    /// `F(m)`: the fallback from a segment with `remaining` hours left, `(R + D, 0, 0, β·R + D, 0, 0, 1)`.
    package static func fallback(restart: Double, billedFraction: Double, remaining: Double) -> SpotMoments {
        SpotMoments(wall: restart + remaining, run: 0, restart: 0, onDemand: billedFraction * restart + remaining,
                    interruptions: 0, forced: 0, fallback: 1)
    }

    package static func + (lhs: SpotMoments, rhs: SpotMoments) -> SpotMoments {
        SpotMoments(wall: lhs.wall + rhs.wall, run: lhs.run + rhs.run, restart: lhs.restart + rhs.restart,
                    onDemand: lhs.onDemand + rhs.onDemand, interruptions: lhs.interruptions + rhs.interruptions,
                    forced: lhs.forced + rhs.forced, fallback: lhs.fallback + rhs.fallback)
    }

    package static func += (lhs: inout SpotMoments, rhs: SpotMoments) { lhs = lhs + rhs }

    /// `p·Q`, where a zero probability contributes nothing even if `Q` is infinite (no `0·∞ = NaN`).
    package static func * (p: Double, q: SpotMoments) -> SpotMoments {
        if p == 0 { return .zero }
        return SpotMoments(wall: p * q.wall, run: p * q.run, restart: p * q.restart, onDemand: p * q.onDemand,
                           interruptions: p * q.interruptions, forced: p * q.forced, fallback: p * q.fallback)
    }

    /// `Q / d`; infinite in every component when `d ≤ 0` (the state cannot be left).
    package func divided(by d: Double) -> SpotMoments {
        guard d > 0 else { return .infinite }
        return SpotMoments(wall: wall / d, run: run / d, restart: restart / d, onDemand: onDemand / d,
                           interruptions: interruptions / d, forced: forced / d, fallback: fallback / d)
    }

    package static let infinite = SpotMoments(wall: .infinity, run: .infinity, restart: .infinity, onDemand: .infinity,
                                      interruptions: .infinity, forced: .infinity, fallback: .infinity)

    /// Every component finite (no overflow, no unreachable completion).
    package var isFinite: Bool {
        wall.isFinite && run.isFinite && restart.isFinite && onDemand.isFinite && interruptions.isFinite
            && forced.isFinite && fallback.isFinite
    }
}
