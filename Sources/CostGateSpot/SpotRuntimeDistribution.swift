#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The exact distribution of a job under a maximum runtime `L` (GKE preemptible: 24 h) without a
/// fallback, on a grid like `SpotDistribution`'s (docs/spot.md, "How the quantiles are computed").
///
/// Work is counted as loss: `Z − D₀` (`Z = run + γ·rst`, `D₀` the uninterrupted run) is what each
/// incarnation loses — its restart `γ·min(x, R)` and the part of the segment in progress when it ends —
/// because every committed segment is `D₀`'s. An incarnation after an interruption that ends in its
/// `c`-th segment phase loses `γR` plus an `Exp(Λ)` time truncated to that phase, the same shape for
/// every `c` with mass `∝ e^{−Λ·c·full}`; one cut by `L` loses a fixed amount (a forced interruption).
/// So at every frequency the §8.2 programme over "restart pending at segment j" takes O(1) per `j`
/// (a running geometric sum), O(N) per frequency in all. The path without any random interruption —
/// only forced ones, or none — is an atom: its value is the simulation's own deterministic run, exact,
/// and its transform (the same programme over the deterministic outcomes only) is taken out of the grid.
package struct SpotRuntimeDistribution: Sendable {
    package let base: Double
    package let cellHours: Double
    /// Probabilities of `Z − D₀` near `j·h` for runs with at least one random interruption.
    package let cells: [Double]
    /// The deterministic path: `Z − D₀`, its probability `e^{−Λ·wall}`, and `Z` as the simulation computes it.
    package let atomOffset: Double
    package let atomMass: Double
    /// `run + γ·rst` and the wall time of the deterministic path, as the simulation computes them.
    package let atomValue: Double
    package let atomWall: Double

    /// Nil when the scenario is outside this method (a fallback, no binding `L`, `Λ = 0`, one segment,
    /// or a job that never completes): the caller simulates.
    package init?(_ s: SpotScenario, restartWeight gamma: Double, mean: SpotMean) throws(SpotError) {
        let layout = s.layout
        let lambda = s.rate
        guard s.fallbackAfter == nil, s.maxRuntime != nil, !s.maxRuntimeNeverBinds, layout.segments >= 2,
              mean.isFinite, let k = mean.interruptions, let runMean = mean.runHours, let restartMean = mean.restartHours
        else { return nil }
        let n = layout.segments
        let full = layout.full
        let last = layout.lastSegmentHours
        let restart = s.restartHours
        let limit = s.effectiveMaxRuntime
        guard restart + full <= limit, last <= full + 1e-12 else { return nil }
        guard let path = try SpotSimulation(scenario: s.withoutRandomInterruptions).trial(0, seed: 0, stopWhenStalled: true)
        else { return nil }
        base = layout.remaining(from: 0)
        let value = path.run + gamma * path.restart
        atomValue = value
        atomWall = path.wall
        atomOffset = max(0, value - base)
        atomMass = exp(-lambda * path.wall)
        guard lambda > 0 else {
            // Without random interruptions the deterministic path is the only run.
            cellHours = 0
            cells = []
            return
        }

        // Grid: the mean loss plus 14 rough standard deviations (interruptions × the largest loss).
        let lossScale = gamma * restart + full
        let meanLoss = max(0, runMean + gamma * restartMean - base)
        let sd = max(k, 0).squareRoot() * lossScale + 0.1 * full
        let span = max(meanLoss + 14 * sd + 2 * lossScale, atomOffset + 4 * lossScale)
        // Finer than the basic grid: forced stops make sharp features (every run's fixed losses plus one
        // random piece), and a tenth of a segment can be a P90's whole acceptance range.
        let (h, m) = SpotDistribution.gridSize(span: span, width: min(sd / 80, full / 16), restartShift: gamma * restart)
        cellHours = h
        cells = SpotRuntimeDistribution.grid(n: n, full: full, last: last, restart: restart, limit: limit, rate: lambda,
                                             gamma: gamma, cellHours: h, length: m)
    }

    /// The least `z` with `P(Z ≤ z) ≥ p`; `wall` (with `γ = 1`) gives the deterministic path's wall time
    /// (`t` of §7.3, which can differ from `run + rst` in the last bit).
    package func quantile(_ p: Double, wall: Bool = false) -> Double {
        if cells.isEmpty { return wall ? atomWall : atomValue }
        var cumulative = 0.0
        let h = cellHours
        for (j, mass) in cells.enumerated() {
            let lower = j == 0 ? 0 : (Double(j) - 0.5) * h
            let upper = (Double(j) + 0.5) * h
            if atomOffset >= lower && atomOffset < upper {
                let below = mass * (atomOffset - lower) / (upper - lower)
                if cumulative + below >= p, below > 0 { return base + lower + (p - cumulative) / below * (atomOffset - lower) }
                cumulative += below
                if cumulative + atomMass >= p { return wall ? atomWall : atomValue }
                cumulative += atomMass
                let above = mass - below
                if cumulative + above >= p, above > 0 { return base + atomOffset + (p - cumulative) / above * (upper - atomOffset) }
                cumulative += above
            } else {
                if cumulative + mass >= p, mass > 0 { return base + lower + (p - cumulative) / mass * (upper - lower) }
                cumulative += mass
            }
        }
        return base + Double(cells.count) * h
    }

    // MARK: - Grid

    /// A transform at frequencies `0…M/2`.
    private typealias Spectrum = (re: [Double], im: [Double])

    /// Four complex numbers, one per frequency: the programme below runs four frequencies at once,
    /// lane by lane (SIMD arithmetic rounds each lane as scalar arithmetic would).
    private struct Lanes {
        var re: SIMD4<Double>
        var im: SIMD4<Double>
        static let zero = Lanes(re: .zero, im: .zero)
        static let one = Lanes(re: SIMD4(repeating: 1), im: .zero)

        /// `spectrum[k]` for `k` in `first..<first + 4`, the ones past `last` repeating `spectrum[last]`.
        init(_ spectrum: Spectrum, from first: Int, last: Int) {
            let k = (first, min(first + 1, last), min(first + 2, last), min(first + 3, last))
            re = SIMD4(spectrum.re[k.0], spectrum.re[k.1], spectrum.re[k.2], spectrum.re[k.3])
            im = SIMD4(spectrum.im[k.0], spectrum.im[k.1], spectrum.im[k.2], spectrum.im[k.3])
        }

        init(re: SIMD4<Double>, im: SIMD4<Double>) {
            self.re = re
            self.im = im
        }

        static func + (a: Lanes, b: Lanes) -> Lanes { Lanes(re: a.re + b.re, im: a.im + b.im) }
        static func - (a: Lanes, b: Lanes) -> Lanes { Lanes(re: a.re - b.re, im: a.im - b.im) }
        static func * (a: Lanes, b: Lanes) -> Lanes {
            Lanes(re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re)
        }
        static func * (a: Double, b: Lanes) -> Lanes { Lanes(re: a * b.re, im: a * b.im) }
        static func / (a: Lanes, b: Lanes) -> Lanes {
            let norm = b.re * b.re + b.im * b.im
            return Lanes(re: (a.re * b.re + a.im * b.im) / norm, im: (a.im * b.re - a.re * b.im) / norm)
        }
    }

    /// Damped transforms of two variables made of pieces, from one complex FFT (`SpotFourier.realPair`),
    /// at frequencies `0…M/2`.
    private static func transforms(_ a: [SpotDistribution.Piece], _ b: [SpotDistribution.Piece], h: Double, m: Int,
                                   logRho: Double) -> (Spectrum, Spectrum) {
        SpotFourier.realPair(SpotDistribution.cellMasses(a, cellHours: h, length: m, logRho: logRho),
                             SpotDistribution.cellMasses(b, cellHours: h, length: m, logRho: logRho))
    }

    // swiftlint:disable:next function_parameter_count function_body_length
    private static func grid(n: Int, full: Double, last: Double, restart: Double, limit: Double, rate lambda: Double,
                             gamma: Double, cellHours h: Double, length m: Int) -> [Double] {
        let logRho = log(1e-8) / Double(m)
        typealias Piece = SpotDistribution.Piece
        func piece(_ start: Double, _ width: Double, _ mass: Double, rate: Double = lambda) -> [Piece] {
            [Piece(start: start, width: width, rate: rate, mass: mass)]
        }
        let gR = gamma * restart
        // Full phases that complete after a restart (cL) and at the start (cL0); where L cuts the next one.
        var cL = max(0, Int(((limit - restart) / full).rounded(.down)) - 1)
        while restart + Double(cL + 1) * full <= limit { cL += 1 }
        var cL0 = max(0, Int((limit / full).rounded(.down)) - 1)
        while Double(cL0 + 1) * full <= limit { cL0 += 1 }
        let cut = max(0, limit - restart - Double(cL) * full)
        let cut0 = max(0, limit - Double(cL0) * full)
        let pRestart = exp(-lambda * restart)

        let (rst, tf) = transforms(gamma > 0 ? piece(0, gR, -expm1(-lambda * restart), rate: lambda / gamma)
                                              : piece(0, 0, -expm1(-lambda * restart), rate: 0),
                                   piece(gR, full, pRestart * -expm1(-lambda * full)), h: h, m: m, logRho: logRho)
        let (lf, ec) = transforms(piece(gR, last, pRestart * -expm1(-lambda * last)),
                                  piece(gR, 0, exp(-lambda * (restart + last))), h: h, m: m, logRho: logRho)
        let (ttP, ttA) = transforms(piece(gR, cut, exp(-lambda * (restart + Double(cL) * full)) * -expm1(-lambda * cut)),
                                    piece(gR + cut, 0, exp(-lambda * limit)), h: h, m: m, logRho: logRho)
        let (tf0, lf0) = transforms(piece(0, full, -expm1(-lambda * full)), piece(0, last, -expm1(-lambda * last)),
                                    h: h, m: m, logRho: logRho)
        let (e0, tt0P) = transforms(piece(0, 0, exp(-lambda * last)),
                                    piece(0, cut0, exp(-lambda * Double(cL0) * full) * -expm1(-lambda * cut0)),
                                    h: h, m: m, logRho: logRho)
        let (tt0A, _) = transforms(piece(cut0, 0, exp(-lambda * limit)), [], h: h, m: m, logRho: logRho)

        let g = exp(-lambda * full)
        var powers = [Double](repeating: 1, count: n + 1)
        for c in 1...n { powers[c] = powers[c - 1] * g }
        // Does the last segment fit after `c` full phases (restart first, or at the start)?
        func lastFits(_ c: Int, restarted: Bool) -> Bool {
            (restarted ? restart : 0) + (Double(c) * full + last) <= limit
        }

        let half = m / 2
        var values = [Lanes](repeating: .zero, count: n)
        /// The programme at four frequencies at once (`first…first + 3`; past `M/2` repeats of it),
        /// every outcome: its branches depend on the segment, never on the frequency. Below the last
        /// segment a pending restart's own weight (interrupted again during the restart or a completing
        /// full phase) is the same for every `j`, so its reciprocal is taken once.
        func solve(_ first: Int) -> Lanes {
            func at(_ transform: Spectrum) -> Lanes { Lanes(transform, from: first, last: half) }
            let rstK = at(rst), tfK = at(tf), lfK = at(lf), ecK = at(ec)
            let ttK = at(ttP) + at(ttA)
            let tf0K = at(tf0), lf0K = at(lf0), e0K = at(e0)
            let tt0K = at(tt0P) + at(tt0A)
            let one = Lanes.one
            let loopBack = one / (one - rstK - tfK)
            var nextSum = Lanes.zero
            var nextUpper = -1
            for j in stride(from: n - 1, through: 0, by: -1) {
                let remaining = n - j
                var rhs = Lanes.zero
                let completing = min(cL, remaining - 1)
                let upper = completing - 1
                var sum = Lanes.zero
                if upper >= 1 {
                    var inner = nextSum
                    if nextUpper == upper { inner = inner - powers[nextUpper] * values[j + 1 + nextUpper] }
                    sum = g * (values[j + 1] + inner)
                }
                rhs = rhs + tfK * sum
                if cL <= remaining - 2 {
                    rhs = rhs + ttK * values[j + cL]
                } else {
                    let c = remaining - 1
                    let weight: Lanes
                    if lastFits(c, restarted: true) {
                        weight = powers[c] * lfK
                        rhs = rhs + powers[c] * ecK
                    } else {
                        weight = ttK
                    }
                    if j == n - 1 {
                        // The last segment pending: no full phase completes, its own outcome loops back.
                        values[j] = rhs / (one - rstK - weight)
                        nextSum = sum
                        nextUpper = upper
                        continue
                    }
                    rhs = rhs + weight * values[n - 1]
                }
                values[j] = rhs * loopBack
                nextSum = sum
                nextUpper = upper
            }
            var result = Lanes.zero
            let completing0 = min(cL0, n - 1)
            for c in 0..<completing0 { result = result + powers[c] * tf0K * values[c] }
            if cL0 <= n - 2 {
                result = result + tt0K * values[cL0]
            } else {
                let c = n - 1
                if lastFits(c, restarted: false) {
                    result = result + powers[c] * lf0K * values[n - 1] + powers[c] * e0K
                } else {
                    result = result + tt0K * values[n - 1]
                }
            }
            return result
        }

        /// The same programme over the deterministic outcomes only (forced stops, completions), at the
        /// same four frequencies: one path, so a product along it, O(N / phases per incarnation).
        func deterministic(_ first: Int) -> Lanes {
            let ttAK = Lanes(ttA, from: first, last: half)
            var factor = Lanes(tt0A, from: first, last: half)
            var j: Int
            if cL0 <= n - 2 {
                j = cL0
            } else if lastFits(n - 1, restarted: false) {
                return powers[n - 1] * Lanes(e0, from: first, last: half)
            } else {
                j = n - 1
            }
            while true {
                let remaining = n - j
                if cL <= remaining - 2 {
                    factor = factor * ttAK
                    j += cL
                    continue
                }
                let c = remaining - 1
                if lastFits(c, restarted: true) { return factor * (powers[c] * Lanes(ec, from: first, last: half)) }
                if j == n - 1 { return .zero }
                factor = factor * ttAK
                j = n - 1
            }
        }

        var re = [Double](repeating: 0, count: half + 1)
        var im = [Double](repeating: 0, count: half + 1)
        for first in stride(from: 0, through: half, by: 4) {
            let continuous = solve(first) - deterministic(first)
            for lane in 0..<min(4, half + 1 - first) {
                re[first + lane] = continuous.re[lane]
                im[first + lane] = continuous.im[lane]
            }
        }
        return SpotDistribution.undamped(SpotFourier.inverseReal(re, im, length: m), logRho: logRho)
    }
}
