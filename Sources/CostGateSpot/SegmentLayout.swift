/// How the work is cut into segments between checkpoints (§4).
///
/// Segments are indexed from 0. Segments `0 ..< N−1` take `full = τ + δ` hours (work plus the
/// checkpoint write); the last one takes `last = W − (N−1)·τ` hours and writes no checkpoint.
public struct SegmentLayout: Sendable, Hashable {
    /// `N ≥ 1`.
    public let segments: Int
    /// `τ + δ`, hours; nil when `N = 1`.
    public let fullSegmentHours: Double?
    /// Hours of the last segment (`W` when `N = 1`); `0 < last ≤ τ` up to rounding.
    public let lastSegmentHours: Double

    /// Relative distance from an integer under which `W/τ` counts as that integer.
    package static let nearIntegerTolerance = 1e-9

    /// Lays out `W` hours of work with a checkpoint every `τ` hours (nil = never) taking `δ` hours.
    public init(workHours: Double, interval: Double?, writeHours: Double) {
        let count = SegmentLayout.segmentCount(workHours: workHours, interval: interval)
        if count <= 1 {
            segments = 1
            fullSegmentHours = nil
            lastSegmentHours = workHours
        } else {
            let tau = interval!
            segments = count
            fullSegmentHours = tau + writeHours
            lastSegmentHours = workHours - Double(count - 1) * tau
        }
    }

    /// `N` by the near-integer rule: `round(q)` if `|q − round(q)| ≤ 1e-9·max(1, q)`, else `⌈q⌉`, `q = W/τ`.
    ///
    /// `1.1 / 0.1` is `11.000000000000002` in doubles; a plain ceiling would add a twelfth segment of
    /// `2e-16` h and one more checkpoint write.
    public static func segmentCount(workHours: Double, interval: Double?) -> Int {
        guard let tau = interval, tau < workHours else { return 1 }
        let q = workHours / tau
        let nearest = q.rounded()
        let count = abs(q - nearest) <= nearIntegerTolerance * max(1, q) ? nearest : q.rounded(.up)
        return count <= 1 ? 1 : Int(count)
    }

    /// Checkpoint writes of one uninterrupted run, `N − 1`.
    public var checkpoints: Int { segments - 1 }

    /// `full`, or 0 when `N = 1` (so that `0·full` terms vanish in §7.3 and §8).
    package var full: Double { fullSegmentHours ?? 0 }

    /// `s_m`, hours of segment `m` (0-based).
    package func duration(of m: Int) -> Double {
        m < segments - 1 ? full : lastSegmentHours
    }

    /// `D_i = (N − 1 − i)·full + last`: uninterrupted hours from the start of segment `i` to the end.
    package func remaining(from i: Int) -> Double {
        Double(segments - 1 - i) * full + lastSegmentHours
    }

    /// `s_max`: the longest segment (`full` if `N ≥ 2`, else `W`).
    package var longestSegment: Double { segments >= 2 ? full : lastSegmentHours }

    /// Same `N` and the same durations within `1e-12` relative (§9: is the recommendation new?).
    package func matches(_ other: SegmentLayout) -> Bool {
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(abs(a), abs(b)) }
        guard segments == other.segments, close(lastSegmentHours, other.lastSegmentHours) else { return false }
        switch (fullSegmentHours, other.fullSegmentHours) {
        case (nil, nil): return true
        case (let a?, let b?): return close(a, b)
        default: return false
        }
    }
}
