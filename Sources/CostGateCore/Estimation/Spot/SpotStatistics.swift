/// Aggregates of §7.5, computed the way the reference (NumPy) does so results match to the last bit
/// where it matters: a constant sample must give the reference's tiny non-zero standard deviation.
enum SpotStatistics {
    /// Block below which the pairwise sum adds eight interleaved partial sums (NumPy's `PW_BLOCKSIZE`).
    private static let blockSize = 128

    /// Pairwise summation exactly as NumPy's `add.reduce` for contiguous doubles (error `O(log n)`).
    static func sum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { buffer in
            0.0 + pairwise(buffer.baseAddress!, buffer.count)
        }
    }

    private static func pairwise(_ a: UnsafePointer<Double>, _ n: Int) -> Double {
        if n < 8 {
            var result = 0.0
            for i in 0..<n { result += a[i] }
            return result
        }
        if n <= blockSize {
            var r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7]
            var i = 8
            let end = n - n % 8
            while i < end {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3]
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7]
                i += 8
            }
            var result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n {
                result += a[i]
                i += 1
            }
            return result
        }
        var half = n / 2
        half -= half % 8
        return pairwise(a, half) + pairwise(a + half, n - half)
    }

    /// `Σ/T`.
    static func mean(_ values: [Double]) -> Double {
        sum(values) / Double(values.count)
    }

    /// Sample standard deviation (divide by `T − 1`), two passes around `mean`; nil when `T = 1`.
    static func standardDeviation(_ values: [Double], mean: Double) -> Double? {
        guard values.count > 1 else { return nil }
        let squares = values.map { ($0 - mean) * ($0 - mean) }
        return (sum(squares) / Double(values.count - 1)).squareRoot()
    }

    /// 1-based nearest rank of percentile `p` among `count` values: `⌈p·T/100⌉ = (p·T + 99) / 100`.
    static func nearestRank(percent p: Int, count: Int) -> Int {
        (p * count + 99) / 100
    }

    /// Ascending copy of a sample without NaNs: an LSD radix sort on the order-preserving bit
    /// pattern (11-bit digits, passes with a single occupied bucket skipped). Same result as
    /// `sorted()`, several times faster on 10^5 values, which matters for 100 000 trials.
    static func sorted(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n > 64 else { return values.sorted() }
        let digitBits = 11
        let buckets = 1 << digitBits
        let passes = (64 + digitBits - 1) / digitBits
        var keys = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: buckets * passes)
        keys.withUnsafeMutableBufferPointer { key in
            counts.withUnsafeMutableBufferPointer { count in
                for i in 0..<n {
                    // Negative numbers: flip all bits; others: set the sign bit. Unsigned order = numeric order.
                    let bits = values[i].bitPattern
                    let k = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
                    key[i] = k
                    for p in 0..<passes {
                        count[p * buckets + Int((k >> UInt64(p * digitBits)) & UInt64(buckets - 1))] += 1
                    }
                }
            }
        }
        var scratch = [UInt64](repeating: 0, count: n)
        for p in 0..<passes {
            let shift = UInt64(p * digitBits)
            let base = p * buckets
            let trivial = counts.withUnsafeBufferPointer { count in
                (0..<buckets).contains { count[base + $0] == n }
            }
            if trivial { continue }
            counts.withUnsafeMutableBufferPointer { count in
                var offset = 0
                for b in 0..<buckets {
                    let c = count[base + b]
                    count[base + b] = offset
                    offset += c
                }
                keys.withUnsafeBufferPointer { source in
                    scratch.withUnsafeMutableBufferPointer { target in
                        for i in 0..<n {
                            let k = source[i]
                            let b = base + Int((k >> shift) & UInt64(buckets - 1))
                            target[count[b]] = k
                            count[b] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
        return keys.map { k in
            Double(bitPattern: k >> 63 == 1 ? k & ~(1 << 63) : ~k)
        }
    }

    /// The element of 1-based rank `rank` in an ascending sample (clamped to `1 … T`).
    static func element(ofRank rank: Int, in sorted: [Double]) -> Double {
        sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
