#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The exact distribution of a basic job (no `k_max`, no `L` that binds) on a fine grid, and its quantiles:
/// the fast alternative to the §7 simulation (docs/spot.md, "How the quantiles are computed").
///
/// The model of §2 makes segments independent (each starts right after a committed checkpoint with
/// the instances up, §5.1). In one segment of duration `s` the first attempt fails with probability
/// `1 − e^{−Λs}` and then loses `T₁ ~ Exp(Λ)` truncated to `[0, s)`; every later attempt is a block
/// `R + s` that succeeds with probability `q = e^{−Λ(R+s)}` and otherwise loses `G ~ Exp(Λ)` truncated
/// to `[0, R + s)`, of which `min(G, R)` is restart time. So with `Z = run + γ·rst` (`γ = β` for the
/// billed hours, `γ = 1` for the wall time) a segment adds `s` plus, when interrupted,
/// `T₁ + γR + Σ_{i ≤ J} g(G_i)`, `J` geometric. Its generating function is
/// `φ = p₀ + (1 − p₀)·ψ₁·z^{γR}·q / (1 − (1 − q)·ψ₂)`; the job's is `φ_full^{N−1}·φ_last`. The
/// continuous parts are put on a grid of cells (exact cell masses from their distribution functions),
/// the products taken at the grid's roots of unity (one FFT per part), and one inverse FFT gives the
/// distribution of `Z − D₀` (`D₀` the uninterrupted run, an atom of probability `e^{−Λ·D₀}`, kept exact).
/// The transforms are damped (`ρ^M = 10⁻⁸`) so the tail beyond the grid does not wrap around.
package struct SpotDistribution: Sendable {
    /// `run + γ·rst` of the uninterrupted run, `D₀ = (N−1)·full + last`, hours (the §7.3 expression).
    package let base: Double
    /// `P(no interruption) = e^{−Λ·D₀}`.
    package let pNone: Double
    /// Cell width, hours; cell `j` holds the probability of `Z − D₀` near `j·h` (`[(j−½)h, (j+½)h)`).
    package let cellHours: Double
    /// Cell probabilities (the atom at 0 included in cell 0); empty when `Λ = 0` or nothing but the atom matters.
    package let cells: [Double]

    /// Fewest and most grid cells.
    package static let minCells = 256
    package static let maxCells = 1 << 14

    /// The distribution of `run + γ·rst` for a basic scenario. `levels`: the probabilities that will
    /// be asked for; when the atom covers all of them no grid is built.
    package init(_ s: SpotScenario, restartWeight gamma: Double, levels: [Double]) {
        precondition(s.hasExactDistribution, "the exact distribution covers jobs without k_max and a binding L")
        let layout = s.layout
        let lambda = s.rate
        base = layout.remaining(from: 0)
        guard lambda > 0 else {
            pNone = 1
            cellHours = 0
            cells = []
            return
        }
        let atom = exp(-lambda * base)
        pNone = atom
        guard levels.contains(where: { $0 > atom }) else {
            cellHours = 0
            cells = []
            return
        }
        let restart = s.restartHours
        var parts: [(hours: Double, count: Int)] = [(layout.lastSegmentHours, 1)]
        if layout.segments > 1 { parts.insert((layout.full, layout.segments - 1), at: 0) }

        // Mean and variance of Z − D₀ choose the grid: its span (mean + 14 sd, the tails are geometric)
        // and its resolution (sd/40 and an eighth of a segment, at most `maxCells` cells).
        var mean = 0.0
        var variance = 0.0
        for part in parts {
            let m = SpotDistribution.segmentMoments(rate: lambda, segment: part.hours, restart: restart, gamma: gamma)
            mean += Double(part.count) * m.mean
            variance += Double(part.count) * m.variance
        }
        let sd = variance.squareRoot()
        let longest = parts.map(\.hours).max()!
        let span = max(mean + 14 * sd, 2 * (gamma * restart + longest))
        let (h, m) = SpotDistribution.gridSize(span: span, width: min(sd / 40, longest / 8), restartShift: gamma * restart)
        cellHours = h
        cells = SpotDistribution.grid(parts: parts, rate: lambda, restart: restart, gamma: gamma, cellHours: h, length: m)
    }

    /// Nearest-rank-style quantile: the least `z` with `P(Z ≤ z) ≥ p`, interpolated inside its cell.
    package func quantile(_ p: Double) -> Double {
        if p <= pNone || cells.isEmpty { return base }
        var below = pNone
        var cumulative = 0.0
        for (j, mass) in cells.enumerated() {
            cumulative += mass
            guard cumulative >= p else {
                below = cumulative
                continue
            }
            let lower = j == 0 ? 0 : (Double(j) - 0.5) * cellHours
            let upper = (Double(j) + 0.5) * cellHours
            let inCell = j == 0 ? mass - pNone : mass
            let fraction = inCell > 0 ? min(max((p - below) / inCell, 0), 1) : 0
            return base + lower + fraction * (upper - lower)
        }
        return base + Double(cells.count) * cellHours
    }

    // MARK: - Grid

    private static func grid(parts: [(hours: Double, count: Int)], rate lambda: Double, restart: Double, gamma: Double,
                             cellHours h: Double, length m: Int) -> [Double] {
        let logRho = log(1e-8) / Double(m)
        // The distributions are real: frequencies 0…M/2 determine the rest (their conjugates).
        let half = m / 2
        var totalRe = [Double](repeating: 1, count: half + 1)
        var totalIm = [Double](repeating: 0, count: half + 1)
        let shift = gamma * restart / h
        let shiftCell = shift.rounded(.down)
        let shiftFraction = shift - shiftCell
        for part in parts {
            let s = part.hours
            let p0 = exp(-lambda * s)
            let q = exp(-lambda * (restart + s))
            // T₁: Exp(Λ) below s.
            let firstMasses = cellMasses([Piece(start: 0, width: s, rate: lambda, mass: 1)], cellHours: h, length: m, logRho: logRho)
            // g(G), G ~ Exp(Λ) below R + s: γG while restarting (Exp(Λ/γ) below γR; an atom at 0 when γ = 0),
            // then γR + (G − R).
            let lostTotal = -expm1(-lambda * (restart + s))
            let pRestart = -expm1(-lambda * restart) / lostTotal
            let pAfter = exp(-lambda * restart) * -expm1(-lambda * s) / lostTotal
            var pieces = [Piece(start: gamma * restart, width: s, rate: lambda, mass: pAfter)]
            if pRestart > 0 {
                pieces.append(gamma > 0 ? Piece(start: 0, width: gamma * restart, rate: lambda / gamma, mass: pRestart)
                                        : Piece(start: 0, width: 0, rate: 0, mass: pRestart))
            }
            let lostMasses = cellMasses(pieces, cellHours: h, length: m, logRho: logRho)
            let (first, lost) = SpotFourier.realPair(firstMasses, lostMasses)
            let (firstRe, firstIm, lostRe, lostIm) = (first.re, first.im, lost.re, lost.im)
            let d0 = exp(logRho * shiftCell)
            let d1 = exp(logRho * (shiftCell + 1))
            for k in 0...half {
                // Damped shift by γR/h cells (split between two cells when not a whole number).
                let (c0, s0) = SpotFourier.root(-k * Int(shiftCell), length: m)
                var shiftRe = d0 * c0
                var shiftIm = d0 * s0
                if shiftFraction > 1e-12 {
                    let (c1, s1) = SpotFourier.root(-k * (Int(shiftCell) + 1), length: m)
                    shiftRe = (1 - shiftFraction) * shiftRe + shiftFraction * d1 * c1
                    shiftIm = (1 - shiftFraction) * shiftIm + shiftFraction * d1 * s1
                }
                // q / (1 − (1 − q)ψ₂)
                let denRe = 1 - (1 - q) * lostRe[k]
                let denIm = -(1 - q) * lostIm[k]
                let norm = denRe * denRe + denIm * denIm
                let geoRe = q * denRe / norm
                let geoIm = -q * denIm / norm
                // ψ₁ · shift · geo
                let aRe = firstRe[k] * shiftRe - firstIm[k] * shiftIm
                let aIm = firstRe[k] * shiftIm + firstIm[k] * shiftRe
                let bRe = aRe * geoRe - aIm * geoIm
                let bIm = aRe * geoIm + aIm * geoRe
                let phiRe = p0 + (1 - p0) * bRe
                let phiIm = (1 - p0) * bIm
                let (powRe, powIm) = power(phiRe, phiIm, part.count)
                let tRe = totalRe[k] * powRe - totalIm[k] * powIm
                let tIm = totalRe[k] * powIm + totalIm[k] * powRe
                totalRe[k] = tRe
                totalIm[k] = tIm
            }
        }
        return SpotDistribution.undamped(SpotFourier.inverseReal(totalRe, totalIm, length: m), logRho: logRho)
    }

    /// Cell probabilities from an inverse transform (`1/M` and the damping `ρ^j` taken out, rounding
    /// noise below zero clipped).
    package static func undamped(_ cells: consuming [Double], logRho: Double) -> [Double] {
        var factor = 1 / Double(cells.count)
        let step = exp(-logRho)
        for j in cells.indices {
            cells[j] = max(0, cells[j] * factor)
            factor *= step
        }
        return cells
    }

    /// `mass` spread over `[start, start + width)` with density `∝ e^{−rate·(x − start)}` (an atom when `width = 0`).
    package struct Piece {
        package var start: Double
        package var width: Double
        package var rate: Double
        package var mass: Double
    }

    /// Grid masses of a variable made of `pieces`, damped by `ρ^j`, zero-padded to `length`. Each piece's
    /// part in `[jh, (j+1)h)` goes to points `j` and `j+1` in proportions that keep its mean (linear
    /// dispersal): rounding to the nearest point would bias every interruption's loss by up to `h/4`, and a
    /// job has hundreds of them.
    package static func cellMasses(_ pieces: [Piece], cellHours h: Double, length m: Int, logRho: Double) -> [Double] {
        var masses = [Double](repeating: 0, count: m)
        func add(_ mass: Double, at x: Double) {
            let position = x / h
            let j = Int(position.rounded(.down))
            guard j < m - 1 else {
                masses[m - 1] += mass
                return
            }
            let up = position - Double(j)
            masses[j] += mass * (1 - up)
            masses[j + 1] += mass * up
        }
        for piece in pieces where piece.mass > 0 {
            guard piece.width > 0 else {
                add(piece.mass, at: piece.start)
                continue
            }
            let end = piece.start + piece.width
            let norm = piece.rate > 0 ? -expm1(-piece.rate * piece.width) : piece.width
            // Whole cells inside the piece have the same share relative to the density at their left
            // edge and the same offset: one `exp` per cell boundary becomes one multiplication.
            let wholeShare = piece.rate > 0 ? -expm1(-piece.rate * h) / norm : h / norm
            let wholeOffset = piece.rate > 0 ? truncatedMoments(rate: piece.rate, width: h).m1 : h / 2
            let step = exp(-piece.rate * h)
            var density: Double?
            var j = Int((piece.start / h).rounded(.down))
            while true {
                let a = max(piece.start, Double(j) * h)
                let b = min(end, Double(j + 1) * h)
                j += 1
                if a >= end { break }
                if b <= a { continue }
                if a > piece.start && b < end {
                    let current = density.map { $0 * step } ?? exp(-piece.rate * (a - piece.start))
                    density = current
                    add(piece.mass * current * wholeShare, at: a + wholeOffset)
                    continue
                }
                let share: Double
                if piece.rate > 0 {
                    share = exp(-piece.rate * (a - piece.start)) * -expm1(-piece.rate * (b - a)) / norm
                } else {
                    share = (b - a) / norm
                }
                let offset = piece.rate > 0 ? truncatedMoments(rate: piece.rate, width: b - a).m1 : (b - a) / 2
                add(piece.mass * share, at: a + offset)
            }
        }
        var damping = 1.0
        let factor = exp(logRho)
        for j in 0..<m {
            masses[j] *= damping
            damping *= factor
        }
        return masses
    }

    /// `(re + i·im)^n` by repeated squaring.
    private static func power(_ re: Double, _ im: Double, _ n: Int) -> (Double, Double) {
        var resultRe = 1.0, resultIm = 0.0
        var baseRe = re, baseIm = im
        var e = n
        while e > 0 {
            if e & 1 == 1 {
                (resultRe, resultIm) = (resultRe * baseRe - resultIm * baseIm, resultRe * baseIm + resultIm * baseRe)
            }
            e >>= 1
            if e > 0 { (baseRe, baseIm) = (baseRe * baseRe - baseIm * baseIm, 2 * baseRe * baseIm) }
        }
        return (resultRe, resultIm)
    }

    // MARK: - Moments (for the grid only)

    /// Mean and variance of one segment's `Z − s`.
    package static func segmentMoments(rate lambda: Double, segment s: Double, restart r: Double, gamma: Double)
        -> (mean: Double, variance: Double) {
        let p0 = exp(-lambda * s)
        let q = exp(-lambda * (r + s))
        let first = truncatedMoments(rate: lambda, width: s)
        let restartPart = truncatedMoments(rate: lambda, width: r)
        let lostTotal = -expm1(-lambda * (r + s))
        let pA = lostTotal > 0 ? -expm1(-lambda * r) / lostTotal : 0
        let pB = 1 - pA
        let g1 = pA * gamma * restartPart.m1 + pB * (gamma * r + first.m1)
        let g2 = pA * gamma * gamma * restartPart.m2
            + pB * (gamma * gamma * r * r + 2 * gamma * r * first.m1 + first.m2)
        let jMean = (1 - q) / q
        let jVariance = (1 - q) / (q * q)
        let aMean = first.m1 + gamma * r + jMean * g1
        let aVariance = (first.m2 - first.m1 * first.m1) + jMean * (g2 - g1 * g1) + jVariance * g1 * g1
        let mean = (1 - p0) * aMean
        let second = (1 - p0) * (aVariance + aMean * aMean)
        return (mean, max(0, second - mean * mean))
    }

    /// First two moments of `Exp(a)` truncated to `[0, c)`.
    package static func truncatedMoments(rate a: Double, width c: Double) -> (m1: Double, m2: Double) {
        guard c > 0 else { return (0, 0) }
        let u = a * c
        if u < 1e-4 { return (c * (0.5 - u / 12), c * c * (1.0 / 3 - u / 12)) }
        let e = expm1(u)
        return (1 / a - c / e, 2 / (a * a) - (c * c + 2 * c / a) / e)
    }
}

extension SpotDistribution {
    /// The cell width and the (power-of-two) cell count of a grid covering `span` hours: `width` when the
    /// grid allows it, and a width dividing the restart shift γR so that every restart lands on a cell edge.
    package static func gridSize(span: Double, width: Double, restartShift shift: Double) -> (cellHours: Double, cells: Int) {
        var h = max(width, span / Double(maxCells - 1))
        if shift > 0, shift >= h {
            let candidate = shift / (shift / h).rounded(.up)
            if span / candidate < Double(maxCells - 1) { h = candidate }
        }
        var m = minCells
        while Double(m - 1) * h < span, m < maxCells { m <<= 1 }
        return (h, m)
    }
}
