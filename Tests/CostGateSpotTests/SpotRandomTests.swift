import XCTest
@testable import CostGateSpot

/// Known answers of spec §7.1.
final class SpotRandomTests: XCTestCase {
    func testSplitMix64FromZero() {
        var x: UInt64 = 0
        XCTAssertEqual(SpotRandom.splitMix64(&x), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(SpotRandom.splitMix64(&x), 0x6E78_9E6A_A1B9_65F4)
        XCTAssertEqual(SpotRandom.splitMix64(&x), 0x06C4_5D18_8009_454F)
    }

    func testSeed42Trial0State() {
        let state = SpotRandom(seed: 42, trial: 0).state
        XCTAssertEqual(state.0, 0xBDD7_3226_2FEB_6E95)
        XCTAssertEqual(state.1, 0x28EF_E333_B266_F103)
        XCTAssertEqual(state.2, 0x4752_6757_130F_9F52)
        XCTAssertEqual(state.3, 0x581C_E1FF_0E4A_E394)
    }

    func testSeed42FirstOutputsOfTrials0And1() {
        var trial0 = SpotRandom(seed: 42, trial: 0)
        XCTAssertEqual([trial0.next(), trial0.next(), trial0.next()],
                       [1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009])
        var trial1 = SpotRandom(seed: 42, trial: 1)
        XCTAssertEqual([trial1.next(), trial1.next(), trial1.next()],
                       [18_330_915_271_058_917_507, 9_208_610_281_346_260_016, 13_029_452_075_364_618_272])
    }

    func testTrialStreamsAreOutputs4jOfOneSplitMixStream() {
        var x: UInt64 = 42
        for _ in 0..<4 { _ = SpotRandom.splitMix64(&x) }
        let second = SpotRandom(seed: 42, trial: 1).state
        XCTAssertEqual(SpotRandom.splitMix64(&x), second.0)
        XCTAssertEqual(SpotRandom.splitMix64(&x), second.1)
        XCTAssertEqual(SpotRandom.splitMix64(&x), second.2)
        XCTAssertEqual(SpotRandom.splitMix64(&x), second.3)
    }

    func testSeed42Trial0Uniforms() {
        var rng = SpotRandom(seed: 42, trial: 0)
        XCTAssertEqual(rng.nextUniform(), 0.083862971059882163)
        XCTAssertEqual(rng.nextUniform(), 0.37898025066266861)
        XCTAssertEqual(rng.nextUniform(), 0.68004341102813937)
    }

    func testSeed42Trial0Exponentials() {
        var rng = SpotRandom(seed: 42, trial: 0)
        XCTAssertEqual(rng.nextExponential(rate: 1), 0.087589330583417571)
        XCTAssertEqual(rng.nextExponential(rate: 1), 0.4763923950787724)
        XCTAssertEqual(rng.nextExponential(rate: 1), 1.1395699518538775)
    }

    func testSeedWrapsModulo2To64() {
        // seed + 4·j·φ wraps; the largest seed must not trap.
        var rng = SpotRandom(seed: .max, trial: 1_000_000)
        _ = rng.next()
    }
}
