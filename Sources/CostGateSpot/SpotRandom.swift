#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The random stream of one Monte Carlo trial (§7.1): xoshiro256** seeded from SplitMix64.
///
/// Trial `j` (0-based) starts SplitMix64 at `seed + 4·j·0x9E3779B97F4A7C15` (mod 2^64) and takes its
/// next four outputs as the state, so trials are independent of batching and order.
package struct SpotRandom: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    package static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// SplitMix64 (Vigna): advances `x` and returns the next output.
    package static func splitMix64(_ x: inout UInt64) -> UInt64 {
        x &+= golden
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The stream of trial `trial` (0-based) for `seed`.
    package init(seed: UInt64, trial: Int) {
        var x = seed &+ (4 &* UInt64(truncatingIfNeeded: trial)) &* SpotRandom.golden
        s0 = SpotRandom.splitMix64(&x)
        s1 = SpotRandom.splitMix64(&x)
        s2 = SpotRandom.splitMix64(&x)
        s3 = SpotRandom.splitMix64(&x)
    }

    /// The four state words, for the known-answer tests.
    package var state: (UInt64, UInt64, UInt64, UInt64) { (s0, s1, s2, s3) }

    /// xoshiro256** (Blackman & Vigna).
    @inline(__always)
    package mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// `u = (next() >> 11)·2^−53 ∈ [0, 1)`, exactly representable.
    @inline(__always)
    package mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// `−log(1 − u)/rate` with the C library's scalar `log` (bit-for-bit reproduction of the vectors).
    @inline(__always)
    package mutating func nextExponential(rate: Double) -> Double {
        -log(1.0 - nextUniform()) / rate
    }

    @inline(__always)
    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
