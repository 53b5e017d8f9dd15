/// Aggregates of §7.5, computed the way the reference (NumPy) does so results match to the last bit
/// where it matters: a constant sample must give the reference's tiny non-zero standard deviation.
package enum SpotStatistics {
    /// Block below which the pairwise sum adds eight interleaved partial sums (NumPy's `PW_BLOCKSIZE`).
    private static let blockSize = 128

    /// Pairwise summation exactly as NumPy's `add.reduce` for contiguous doubles (error `O(log n)`).
    package static func sum(_ values: [Double]) -> Double {
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
    package static func mean(_ values: [Double]) -> Double {
        sum(values) / Double(values.count)
    }

    /// Sample standard deviation (divide by `T − 1`), two passes around `mean`; nil when `T = 1`.
    package static func standardDeviation(_ values: [Double], mean: Double) -> Double? {
        guard values.count > 1 else { return nil }
        let squares = values.map { ($0 - mean) * ($0 - mean) }
        return (sum(squares) / Double(values.count - 1)).squareRoot()
    }

    /// 1-based nearest rank of percentile `p` among `count` values: `⌈p·T/100⌉ = (p·T + 99) / 100`.
    package static func nearestRank(percent p: Int, count: Int) -> Int {
        (p * count + 99) / 100
    }

    /// The elements of 1-based ranks `ranks` (each clamped to `1 … T`) of a sample without NaNs, as a sort
    /// would give them, by selection instead of a sort: a
    /// quickselect with three-way partitions (a spot sample is often mostly one value, the run without
    /// interruption) that only descends into the parts holding a wanted rank. `values` is reordered.
    package static func elements(ofRanks ranks: [Int], in values: inout [Double]) -> [Double] {
        let n = values.count
        precondition(n > 0, "an empty sample has no order statistics")
        let wanted = ranks.map { min(max($0, 1), n) - 1 }
        var found = [Double](repeating: 0, count: wanted.count)
        values.withUnsafeMutableBufferPointer { a in
            // Ranges [low, high) still to split, with the indices (into `wanted`) of the ranks inside them.
            var stack: [(low: Int, high: Int, members: [Int])] = [(0, n, Array(wanted.indices))]
            while let (low, high, members) = stack.popLast() {
                if high - low <= 16 {
                    // Insertion sort of a short range, then read the ranks off.
                    if high - low > 1 {
                        for i in (low + 1)..<high {
                            let x = a[i]
                            var j = i - 1
                            while j >= low && a[j] > x {
                                a[j + 1] = a[j]
                                j -= 1
                            }
                            a[j + 1] = x
                        }
                    }
                    for m in members { found[m] = a[wanted[m]] }
                    continue
                }
                // Median of three as the pivot.
                let x0 = a[low], x1 = a[low + (high - low) / 2], x2 = a[high - 1]
                let pivot = max(min(x0, x1), min(max(x0, x1), x2))
                // Dutch national flag: [low, lt) < pivot, [lt, gt) == pivot, [gt, high) > pivot.
                var lt = low, i = low, gt = high
                while i < gt {
                    let x = a[i]
                    if x < pivot {
                        a.swapAt(i, lt)
                        lt += 1
                        i += 1
                    } else if x > pivot {
                        gt -= 1
                        a.swapAt(i, gt)
                    } else {
                        i += 1
                    }
                }
                var left: [Int] = [], right: [Int] = []
                for m in members {
                    let r = wanted[m]
                    if r < lt { left.append(m) } else if r >= gt { right.append(m) } else { found[m] = pivot }
                }
                if !left.isEmpty { stack.append((low, lt, left)) }
                if !right.isEmpty { stack.append((gt, high, right)) }
            }
        }
        return found
    }
}
