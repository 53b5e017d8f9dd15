import XCTest
import CostGateTestSupport
@testable import CostGateSpot

/// The FFT behind the exact spot distribution against the defining sums, at every length the
/// passes treat differently (1, 2, the radix-4 pass alone, the first SIMD pass, longer ones).
final class SpotFourierTests: XCTestCase {
    private func naive(_ re: [Double], _ im: [Double], inverse: Bool) -> ([Double], [Double]) {
        let n = re.count
        var outRe = [Double](repeating: 0, count: n)
        var outIm = [Double](repeating: 0, count: n)
        let sign: Double = inverse ? 1 : -1
        for k in 0..<n {
            for j in 0..<n {
                let angle = sign * 2 * Double.pi * Double(j * k % n) / Double(n)
                outRe[k] += re[j] * cos(angle) - im[j] * sin(angle)
                outIm[k] += re[j] * sin(angle) + im[j] * cos(angle)
            }
        }
        return (outRe, outIm)
    }

    private func randomSignal(_ n: Int, _ g: inout SplitMix64) -> ([Double], [Double]) {
        ((0..<n).map { _ in Double.random(in: -1...1, using: &g) }, (0..<n).map { _ in Double.random(in: -1...1, using: &g) })
    }

    func testMatchesTheDefiningSumForwardAndInverse() {
        var g = SplitMix64(state: 7)
        for n in [1, 2, 4, 8, 16, 32, 256, 1024] {
            for inverse in [false, true] {
                let (re, im) = randomSignal(n, &g)
                var (fastRe, fastIm) = (re, im)
                SpotFourier.transform(&fastRe, &fastIm, inverse: inverse)
                let (slowRe, slowIm) = naive(re, im, inverse: inverse)
                for k in 0..<n {
                    XCTAssertEqual(fastRe[k], slowRe[k], accuracy: 1e-9 * Double(n), "n \(n) k \(k) inverse \(inverse)")
                    XCTAssertEqual(fastIm[k], slowIm[k], accuracy: 1e-9 * Double(n), "n \(n) k \(k) inverse \(inverse)")
                }
            }
        }
    }

    func testRealInverseFromHalfTheSpectrum() {
        var g = SplitMix64(state: 7)
        for n in [2, 4, 8, 64, 512] {
            let signal = (0..<n).map { _ in Double.random(in: 0...1, using: &g) }
            var (re, im) = (signal, [Double](repeating: 0, count: n))
            SpotFourier.transform(&re, &im, inverse: false)
            let back = SpotFourier.inverseReal(Array(re[0...(n / 2)]), Array(im[0...(n / 2)]), length: n)
            for j in 0..<n {
                XCTAssertEqual(back[j] / Double(n), signal[j], accuracy: 1e-12, "n \(n) j \(j)")
            }
        }
    }

    func testAPairOfRealSequencesFromOneTransform() {
        var g = SplitMix64(state: 9)
        for n in [4, 8, 256] {
            let a = (0..<n).map { _ in g.unit() }, b = (0..<n).map { _ in g.unit() }
            let (pairA, pairB) = SpotFourier.realPair(a, b)
            for (signal, pair) in [(a, pairA), (b, pairB)] {
                var (re, im) = (signal, [Double](repeating: 0, count: n))
                SpotFourier.transform(&re, &im, inverse: false)
                for k in 0...(n / 2) {
                    XCTAssertEqual(pair.re[k], re[k], accuracy: 1e-12, "n \(n) k \(k)")
                    XCTAssertEqual(pair.im[k], im[k], accuracy: 1e-12, "n \(n) k \(k)")
                }
            }
        }
    }
}
