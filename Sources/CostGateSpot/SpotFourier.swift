#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// An in-place radix-2 complex FFT on split real and imaginary arrays, for the exact spot
/// distribution (`SpotDistribution`): a few thousand points, a handful of transforms per job, so it
/// is most of a spot workload's time. Two things make it fast: the first two passes are one radix-4
/// pass without multiplications, and the later passes work on four butterflies at once (`SIMD4`)
/// with each pass's twiddles contiguous in one table.
package enum SpotFourier {
    /// Largest transform length; its roots of unity are tabulated once and strided for shorter ones.
    package static let maxLength = 1 << 15

    /// The twiddles of the pass that merges blocks of `length/2` into blocks of `length`, at
    /// `length/2 + k` for `k < length/2`: `cos` and `sin` of `2πk/length`, the same for every
    /// transform length (entries 0 and 1 unused). The top half, `length = maxLength`, is the table of
    /// roots `root(_:length:)` strides; every shorter pass takes every `maxLength/length`-th of those.
    /// Immutable, built on first use.
    private static let passTwiddles: (cos: [Double], sin: [Double]) = {
        var c = [Double](repeating: 0, count: maxLength)
        var s = [Double](repeating: 0, count: maxLength)
        let top = maxLength / 2
        for k in 0..<top {
            let angle = 2 * Double.pi * Double(k) / Double(maxLength)
            c[top + k] = cos(angle)
            s[top + k] = sin(angle)
        }
        var length = maxLength / 2
        while length >= 2 {
            let half = length / 2
            let step = maxLength / length
            for k in 0..<half {
                c[half + k] = c[top + k * step]
                s[half + k] = s[top + k * step]
            }
            length >>= 1
        }
        return (c, s)
    }()

    /// `e^{∓2πi·j/length}` for the transform of `length` points: (cos, sin) of `2πj/length`.
    @inline(__always)
    package static func root(_ j: Int, length: Int) -> (cos: Double, sin: Double) {
        let index = (j & (length - 1)) * (maxLength / length)
        let half = maxLength / 2
        if index < half { return (passTwiddles.cos[half + index], passTwiddles.sin[half + index]) }
        // e^{iπ + iθ} = −e^{iθ}: the second half of the circle from the first.
        return (-passTwiddles.cos[index], -passTwiddles.sin[index])
    }

    /// Transforms `re`/`im` (length a power of two, at most `maxLength`) in place:
    /// forward `X_k = Σ x_j e^{−2πijk/M}`, inverse without the `1/M` factor.
    package static func transform(_ re: inout [Double], _ im: inout [Double], inverse: Bool) {
        let n = re.count
        precondition(n == im.count && n > 0 && n & (n - 1) == 0 && n <= maxLength, "length must be a power of two")
        guard n > 1 else { return }
        let sign: Double = inverse ? 1 : -1
        passTwiddles.cos.withUnsafeBufferPointer { cosTable in
            passTwiddles.sin.withUnsafeBufferPointer { sinTable in
                re.withUnsafeMutableBufferPointer { x in
                    im.withUnsafeMutableBufferPointer { y in
                        bitReverse(x, y)
                        guard n >= 4 else {
                            // Two points: one butterfly.
                            (x[0], x[1], y[0], y[1]) = (x[0] + x[1], x[0] - x[1], y[0] + y[1], y[0] - y[1])
                            return
                        }
                        radix4(x, y, sign: sign)
                        var length = 8
                        while length <= n {
                            pass(x, y, length: length, sign: sign, cos: cosTable, sin: sinTable)
                            length <<= 1
                        }
                    }
                }
            }
        }
    }

    private static func bitReverse(_ x: UnsafeMutableBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>) {
        let n = x.count
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
    }

    /// The passes of lengths 2 and 4 together: twiddles 1 and `∓i`, so additions only.
    private static func radix4(_ x: UnsafeMutableBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>,
                               sign: Double) {
        var s = 0
        while s < x.count {
            let (r0, r1, r2, r3) = (x[s], x[s + 1], x[s + 2], x[s + 3])
            let (i0, i1, i2, i3) = (y[s], y[s + 1], y[s + 2], y[s + 3])
            let (ar, ai) = (r0 + r1, i0 + i1)
            let (br, bi) = (r0 - r1, i0 - i1)
            let (cr, ci) = (r2 + r3, i2 + i3)
            // (r2 − r3) times the twiddle ∓i.
            let (dr, di) = (-sign * (i2 - i3), sign * (r2 - r3))
            x[s] = ar + cr
            y[s] = ai + ci
            x[s + 2] = ar - cr
            y[s + 2] = ai - ci
            x[s + 1] = br + dr
            y[s + 1] = bi + di
            x[s + 3] = br - dr
            y[s + 3] = bi - di
            s += 4
        }
    }

    /// One radix-2 pass merging blocks of `length/2`, four butterflies at a time (`length ≥ 8`).
    // swiftlint:disable:next function_parameter_count
    private static func pass(_ x: UnsafeMutableBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>,
                             length: Int, sign: Double, cos: UnsafeBufferPointer<Double>, sin: UnsafeBufferPointer<Double>) {
        typealias V = SIMD4<Double>
        let half = length / 2
        let xr = UnsafeMutableRawPointer(x.baseAddress!)
        let yr = UnsafeMutableRawPointer(y.baseAddress!)
        let cr = UnsafeRawPointer(cos.baseAddress! + half)
        let sr = UnsafeRawPointer(sin.baseAddress! + half)
        let width = MemoryLayout<Double>.stride
        var start = 0
        while start < x.count {
            var k = 0
            while k < half {
                let a = (start + k) * width
                let b = a + half * width
                let wr = cr.loadUnaligned(fromByteOffset: k * width, as: V.self)
                let wi = sign * sr.loadUnaligned(fromByteOffset: k * width, as: V.self)
                let xb = xr.loadUnaligned(fromByteOffset: b, as: V.self)
                let yb = yr.loadUnaligned(fromByteOffset: b, as: V.self)
                let xa = xr.loadUnaligned(fromByteOffset: a, as: V.self)
                let ya = yr.loadUnaligned(fromByteOffset: a, as: V.self)
                let tr = xb * wr - yb * wi
                let ti = xb * wi + yb * wr
                xr.storeBytes(of: xa - tr, toByteOffset: b, as: V.self)
                yr.storeBytes(of: ya - ti, toByteOffset: b, as: V.self)
                xr.storeBytes(of: xa + tr, toByteOffset: a, as: V.self)
                yr.storeBytes(of: ya + ti, toByteOffset: a, as: V.self)
                k += 4
            }
            start += length
        }
    }

    /// The transforms of two real sequences of one power-of-two length, from one complex transform of
    /// `a + i·b`: `A_k = (X_k + conj X_{M−k})/2`, `B_k = (X_k − conj X_{M−k})/(2i)`, at frequencies
    /// `0…M/2` (the rest are their conjugates).
    ///
    /// `a` and `b` are consumed and transformed in place: copying the caller's arrays cost two
    /// allocations and copies a call.
    package static func realPair(_ a: consuming [Double], _ b: consuming [Double])
        -> (a: (re: [Double], im: [Double]), b: (re: [Double], im: [Double])) {
        transform(&a, &b, inverse: false)
        let (x, y, m) = (a, b, a.count)
        var aRe = scratch(m / 2 + 1), aIm = scratch(m / 2 + 1), bRe = scratch(m / 2 + 1), bIm = scratch(m / 2 + 1)
        for k in 0...(m / 2) {
            let mirror = (m - k) & (m - 1)
            let (xr, xi, yr, yi) = (x[k], y[k], x[mirror], y[mirror])
            aRe[k] = (xr + yr) / 2
            aIm[k] = (xi - yi) / 2
            bRe[k] = (xi + yi) / 2
            bIm[k] = (yr - xr) / 2
        }
        return ((aRe, aIm), (bRe, bIm))
    }

    /// The inverse transform (without `1/M`) of a spectrum whose signal is real, from its frequencies
    /// `0…M/2` (`re`/`im` of `M/2 + 1` values; the upper half are their conjugates), by one complex
    /// transform of half the length: `z_n = x_{2n} + i·x_{2n+1}` is the inverse of
    /// `Y_k = (X_k + conj X_{M/2−k}) + i·w^k·(X_k − conj X_{M/2−k})`, `w = e^{2πi/M}`.
    package static func inverseReal(_ re: [Double], _ im: [Double], length m: Int) -> [Double] {
        let half = m / 2
        precondition(m >= 2 && re.count == half + 1 && im.count == half + 1, "half a spectrum of a power-of-two length")
        var yRe = scratch(half), yIm = scratch(half)
        for k in 0..<half {
            let (ar, ai) = (re[k], im[k])
            let (br, bi) = (re[half - k], -im[half - k])
            let (dr, di) = (ar - br, ai - bi)
            let (c, s) = root(k, length: m)
            yRe[k] = ar + br - (c * di + s * dr)
            yIm[k] = ai + bi + (c * dr - s * di)
        }
        transform(&yRe, &yIm, inverse: true)
        var x = scratch(m)
        for n in 0..<half {
            x[2 * n] = yRe[n]
            x[2 * n + 1] = yIm[n]
        }
        return x
    }

    /// `count` doubles for a caller that writes every one before it reads it: `Double` is trivial, so
    /// they need no initial value, and zero-filling them was a pass over memory per array.
    @inline(__always)
    package static func scratch(_ count: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}
