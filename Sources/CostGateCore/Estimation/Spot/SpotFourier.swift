#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// An in-place radix-2 complex FFT on split real and imaginary arrays, for the exact spot
/// distribution (`SpotDistribution`): a few thousand points, a handful of transforms per job.
enum SpotFourier {
    /// Largest transform length; its roots of unity are tabulated once and strided for shorter ones.
    static let maxLength = 1 << 15

    /// `cos(2πj/maxLength)` and `sin(2πj/maxLength)` for `j < maxLength/2`: immutable, built on first use.
    private static let roots: (cos: [Double], sin: [Double]) = {
        let half = maxLength / 2
        var c = [Double](repeating: 0, count: half)
        var s = [Double](repeating: 0, count: half)
        for j in 0..<half {
            let angle = 2 * Double.pi * Double(j) / Double(maxLength)
            c[j] = cos(angle)
            s[j] = sin(angle)
        }
        return (c, s)
    }()

    /// `e^{∓2πi·j/length}` for the transform of `length` points: (cos, sin) of `2πj/length`.
    @inline(__always)
    static func root(_ j: Int, length: Int) -> (cos: Double, sin: Double) {
        let index = (j & (length - 1)) * (maxLength / length)
        let half = maxLength / 2
        if index < half { return (roots.cos[index], roots.sin[index]) }
        return (-roots.cos[index - half], -roots.sin[index - half])
    }

    /// Transforms `re`/`im` (length a power of two, at most `maxLength`) in place:
    /// forward `X_k = Σ x_j e^{−2πijk/M}`, inverse without the `1/M` factor.
    static func transform(_ re: inout [Double], _ im: inout [Double], inverse: Bool) {
        let n = re.count
        precondition(n == im.count && n > 0 && n & (n - 1) == 0 && n <= maxLength, "length must be a power of two")
        guard n > 1 else { return }
        let sign: Double = inverse ? 1 : -1
        let stride = maxLength / n
        roots.cos.withUnsafeBufferPointer { cosTable in
            roots.sin.withUnsafeBufferPointer { sinTable in
                re.withUnsafeMutableBufferPointer { x in
                    im.withUnsafeMutableBufferPointer { y in
                        // Bit-reversal permutation.
                        var j = 0
                        for i in 1..<n {
                            var bit = n >> 1
                            while j & bit != 0 {
                                j ^= bit
                                bit >>= 1
                            }
                            j |= bit
                            if i < j {
                                x.swapAt(i, j)
                                y.swapAt(i, j)
                            }
                        }
                        var length = 2
                        while length <= n {
                            let halfLength = length / 2
                            let step = stride * (n / length)
                            var start = 0
                            while start < n {
                                for k in 0..<halfLength {
                                    let wr = cosTable[k * step]
                                    let wi = sign * sinTable[k * step]
                                    let a = start + k
                                    let b = a + halfLength
                                    let tr = x[b] * wr - y[b] * wi
                                    let ti = x[b] * wi + y[b] * wr
                                    x[b] = x[a] - tr
                                    y[b] = y[a] - ti
                                    x[a] += tr
                                    y[a] += ti
                                }
                                start += length
                            }
                            length <<= 1
                        }
                    }
                }
            }
        }
    }

    /// The inverse transform (without `1/M`) of a spectrum whose signal is real, from its frequencies
    /// `0…M/2` (`re`/`im` of `M/2 + 1` values; the upper half are their conjugates), by one complex
    /// transform of half the length: `z_n = x_{2n} + i·x_{2n+1}` is the inverse of
    /// `Y_k = (X_k + conj X_{M/2−k}) + i·w^k·(X_k − conj X_{M/2−k})`, `w = e^{2πi/M}`.
    static func inverseReal(_ re: [Double], _ im: [Double], length m: Int) -> [Double] {
        let half = m / 2
        precondition(m >= 2 && re.count == half + 1 && im.count == half + 1, "half a spectrum of a power-of-two length")
        var yRe = [Double](repeating: 0, count: half)
        var yIm = [Double](repeating: 0, count: half)
        for k in 0..<half {
            let (ar, ai) = (re[k], im[k])
            let (br, bi) = (re[half - k], -im[half - k])
            let (dr, di) = (ar - br, ai - bi)
            let (c, s) = root(k, length: m)
            yRe[k] = ar + br - (c * di + s * dr)
            yIm[k] = ai + bi + (c * dr - s * di)
        }
        transform(&yRe, &yIm, inverse: true)
        var x = [Double](repeating: 0, count: m)
        for n in 0..<half {
            x[2 * n] = yRe[n]
            x[2 * n + 1] = yIm[n]
        }
        return x
    }
}
