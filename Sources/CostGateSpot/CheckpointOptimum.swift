#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The optimum checkpoint interval (§6), hours, plus the interval §9 recommends.
///
/// Formulas use the gang's `M = 1/(n·λ)`. Young, Daly and Lambert are nil when `Λ = 0` (no MTBI) or
/// `δ = 0` (checkpoints are free, no optimum).
public struct CheckpointOptimum: Sendable, Hashable {
    /// Young (1974): `sqrt(2·δ·M)`.
    public let youngHours: Double?
    /// Daly (2006), higher order; `M` when `δ ≥ 2M`.
    public let dalyHours: Double?
    /// Exact continuous optimum `M·x`, `−log1p(−x) − x = δ/M`.
    public let lambertHours: Double?
    /// `N*`, the best whole number of segments for the basic model; 1 when `Λ = 0`, nil when `δ = 0`.
    public let exactSegments: Int?
    /// `τ* = W/N*`; nil when `N* = 1` (do not checkpoint). Never round it down.
    public let exactIntervalHours: Double?
    /// `N_rec`: `N*`, raised until a segment fits into the maximum runtime (§9).
    public let recommendedSegments: Int?
    /// `W/N_rec`; nil when `N_rec = 1` or there is no recommendation.
    public let recommendedIntervalHours: Double?

    /// Evaluates §6 and the `L` adjustment of §9 for a job.
    package init(job: SpotJob) {
        let work = job.workHours
        let lambda = job.jobRatePerHour
        let write = job.checkpointWriteHours
        var young: Double?
        var daly: Double?
        var lambert: Double?
        let optimal: Int?
        if lambda == 0 || !(1 / lambda).isFinite {
            // No interruptions (or too few for an MTBI in doubles): checkpoints only cost time.
            optimal = 1
        } else if write == 0 {
            optimal = nil
        } else {
            let mtbi = 1 / lambda
            young = (2 * write * mtbi).squareRoot()
            daly = CheckpointOptimum.daly(write: write, mtbi: mtbi)
            let continuous = mtbi * CheckpointOptimum.lambertRoot(write / mtbi)
            lambert = continuous
            optimal = CheckpointOptimum.exactSegments(workHours: work, rate: lambda, writeHours: write,
                                                      continuousOptimum: continuous)
        }
        youngHours = young
        dalyHours = daly
        lambertHours = lambert
        exactSegments = optimal
        exactIntervalHours = optimal.flatMap { $0 > 1 ? work / Double($0) : nil }
        let recommended = optimal.flatMap {
            CheckpointOptimum.feasibleSegments(from: $0, job: job)
        }
        recommendedSegments = recommended
        recommendedIntervalHours = recommended.flatMap { $0 > 1 ? work / Double($0) : nil }
    }

    /// Daly's higher-order estimate: `sqrt(2δM)·[1 + (1/3)·sqrt(δ/(2M)) + (1/9)·(δ/(2M))] − δ` if `δ < 2M`, else `M`.
    package static func daly(write: Double, mtbi: Double) -> Double {
        guard write < 2 * mtbi else { return mtbi }
        let ratio = write / (2 * mtbi)
        return (2 * write * mtbi).squareRoot() * (1 + (1.0 / 3.0) * ratio.squareRoot() + (1.0 / 9.0) * ratio) - write
    }

    /// The root `x ∈ (0, 1)` of `−log1p(−x) − x = c` by bisection until the bracket stops shrinking.
    package static func lambertRoot(_ c: Double) -> Double {
        var lo = 0.0
        var hi = 1.0
        while true {
            let mid = 0.5 * (lo + hi)
            if mid <= lo || mid >= hi { break }
            if lossExcess(mid) < c { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }

    /// `−log1p(−x) − x = Σ_{k≥2} x^k/k`; the series below `1e-4`, where the difference loses digits.
    package static func lossExcess(_ x: Double) -> Double {
        guard x < 1e-4 else { return -log1p(-x) - x }
        var term = x * x
        var sum = 0.0
        var k = 2.0
        while k < 12 {
            sum += term / k
            term *= x
            k += 1
        }
        return sum
    }

    /// `U(N) = (N−1)·expm1(Λ·(W/N + δ)) + expm1(Λ·W/N)`, `expm1(Λ·W)` for `N = 1`; `+∞` on overflow.
    package static func expectedRunScaled(segments n: Int, workHours w: Double, rate lambda: Double, writeHours d: Double) -> Double {
        if n == 1 {
            let value = expm1(lambda * w)
            return value.isFinite ? value : .infinity
        }
        let count = Double(n)
        let value = (count - 1) * expm1(lambda * (w / count + d)) + expm1(lambda * w / count)
        return value.isFinite ? value : .infinity
    }

    /// `N* = argmin U(N)` over `{1} ∪ [max(1, ⌊W/τ_LW⌋ − 2), ⌈W/τ_LW⌉ + 2]`; ties go to the smaller `N`.
    package static func exactSegments(workHours w: Double, rate lambda: Double, writeHours d: Double,
                              continuousOptimum tau: Double) -> Int {
        let ratio = w / tau
        let limit = Double(SpotJob.maxSegments)
        let low = max(1, Int(min(ratio.rounded(.down), limit)) - 2)
        let high = min(Int(min(ratio.rounded(.up), limit)) + 2, SpotJob.maxSegments)
        var best = 1
        var bestValue = expectedRunScaled(segments: 1, workHours: w, rate: lambda, writeHours: d)
        if low <= high {
            for n in low...high where n > 1 {
                let value = expectedRunScaled(segments: n, workHours: w, rate: lambda, writeHours: d)
                if value < bestValue {
                    best = n
                    bestValue = value
                }
            }
        }
        return best
    }

    /// The smallest `N ≥ start` whose §4 layout of `τ = W/N` has `R + s_max ≤ L + ε_t`; `start` without `L`;
    /// nil when no number of segments up to `SpotJob.maxSegments` fits.
    package static func feasibleSegments(from start: Int, job: SpotJob) -> Int? {
        guard let maxRuntime = job.maxRuntimeHours else { return start }
        let limit = maxRuntime + SpotScenario.tieEpsilon
        let w = job.workHours
        func fits(_ n: Int) -> Bool {
            let interval: Double? = n > 1 ? w / Double(n) : nil
            let layout = SegmentLayout(workHours: w, interval: interval, writeHours: job.checkpointWriteHours)
            return job.restartHours + layout.longestSegment <= limit
        }
        if fits(start) { return start }
        // R + W/N + δ decreases towards R + δ: jump near the bound, then step to the first N that fits.
        let room = limit - job.restartHours - job.checkpointWriteHours
        guard room > 0 else { return nil }
        let estimate = (w / room).rounded(.up)
        guard estimate <= Double(SpotJob.maxSegments) else { return nil }
        var n = max(start + 1, max(2, Int(estimate) - 2))
        while n <= SpotJob.maxSegments {
            if fits(n) { return n }
            n += 1
        }
        return nil
    }
}

extension CheckpointOptimum: Encodable {
    package enum CodingKeys: String, CodingKey {
        case youngHours = "young_hours"
        case dalyHours = "daly_hours"
        case lambertHours = "lambert_hours"
        case exactSegments = "exact_segments"
        case exactIntervalHours = "exact_interval_hours"
        case recommendedSegments = "recommended_segments"
        case recommendedIntervalHours = "recommended_interval_hours"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(youngHours, forKey: .youngHours)
        try c.encode(dalyHours, forKey: .dalyHours)
        try c.encode(lambertHours, forKey: .lambertHours)
        try c.encode(exactSegments, forKey: .exactSegments)
        try c.encode(exactIntervalHours, forKey: .exactIntervalHours)
        try c.encode(recommendedSegments, forKey: .recommendedSegments)
        try c.encode(recommendedIntervalHours, forKey: .recommendedIntervalHours)
    }
}
