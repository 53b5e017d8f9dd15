#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Exact expectations without `k_max` and `L` (§5): Daly's complete model with the exact §4 layout.
package enum SpotClosedForm {
    /// `U`, `V`, `E[K]` and `P(no interruption)` of one scenario; `U` or `V` infinite on overflow.
    package static func moments(_ s: SpotScenario) -> (moments: SpotMoments, pNoInterruption: Double) {
        let layout = s.layout
        let lambda = s.rate
        let checkpoints = Double(layout.segments - 1)
        guard lambda > 0 else {
            // §5.3 limits: no interruptions, every segment and checkpoint write once.
            let run = s.workHours + checkpoints * s.writeHours
            return (.run(run), 1)
        }
        // U = Σ expm1(Λ·s_m)/Λ; `expm1` keeps the digits that exp(x) − 1 loses when Λ ≈ 1e-5.
        var sum = expm1(lambda * layout.lastSegmentHours)
        if layout.segments > 1 {
            sum = checkpoints * expm1(lambda * layout.full) + sum
        }
        let run = sum / lambda
        let restart = run * expm1(lambda * s.restartHours)
        let wall = run + restart
        let moments = SpotMoments(wall: wall, run: run, restart: restart, onDemand: 0,
                                  interruptions: lambda * wall, forced: 0, fallback: 0)
        let pNone = exp(-lambda * (s.workHours + checkpoints * s.writeHours))
        return (moments, pNone)
    }

    /// The `mean` object for a basic scenario.
    package static func mean(_ s: SpotScenario) -> SpotMean {
        let (moments, pNone) = moments(s)
        return SpotMean(source: .closedForm, moments: moments, scenario: s, pNoInterruption: pNone)
    }

    /// `E[cost]` of a basic scenario, `+∞` on overflow.
    package static func expectedCost(_ s: SpotScenario) -> Double {
        let m = moments(s).moments
        guard m.isFinite else { return .infinity }
        return s.cost(run: m.run, restart: m.restart, onDemand: 0)
    }
}
