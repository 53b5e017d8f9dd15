import Foundation
import CostGateTestSupport
import XCTest

/// The six worked examples of the spot model's specification (§11), through `costgate spot --input`.
/// They live in this repository's fixtures, so the spot model is checked on every clone; the full
/// vector set of the shared design folder (`SpotCommandTests`, `SpotVectorTests`) runs where it exists.
final class SpotWorkedExamplesTests: XCTestCase {
    private let fixture = "Tests/CostGateCLITests/Fixtures/spot/worked-examples.json"

    func testEveryWorkedExampleOfTheSpecification() throws {
        let root = try SpotJSON.decode(Data(contentsOf: URL(fileURLWithPath: fixture)))
        guard case .array(let examples)? = root["examples"], let quantileTolerance = root["quantile_rtol"]?.number else {
            return XCTFail("\(fixture) has no examples")
        }
        XCTAssertEqual(examples.count, 6, "§11 has six worked examples")
        let directory = try temporaryDirectory()
        var compared = 0
        for (index, example) in examples.enumerated() {
            let name = example["example"]?.string ?? "example \(index + 1)"
            guard let input = example["input"], case .object(let exact)? = example["expect"],
                  case .object(let quantiles)? = example["quantiles"] else {
                XCTFail("\(name): no input, expect or quantiles")
                continue
            }
            let file = directory.appendingPathComponent("example-\(index + 1).json")
            try input.encoded().write(to: file)
            // The default method (exact quantiles where the model allows) and the simulation the text ran.
            guard let report = try spot(file, name: name), let simulated = try spot(file, ["--method", "monte-carlo"], name: name) else {
                continue
            }
            for (path, want) in exact.sorted(by: { $0.key < $1.key }) {
                compared += 1
                check(report, path, want, relativeTolerance: nil, in: name)
                check(simulated, path, want, relativeTolerance: nil, in: name + " (monte-carlo)")
            }
            for (path, want) in quantiles.sorted(by: { $0.key < $1.key }) {
                compared += 1
                check(simulated, path, want, relativeTolerance: quantileTolerance, in: name + " (monte-carlo)")
                // Every method's P50/P90/P99 is inside the same tolerance of the text's simulation.
                let figure = path.split(separator: ".").last.map(String.init) ?? path
                if figure.hasPrefix("p"), figure.hasSuffix("_cost") {
                    // k_max is still simulated: its quantiles stay under monte_carlo.
                    let part = report["quantiles"].map { if case .object = $0 { return true } else { return false } } == true
                        ? "quantiles" : "monte_carlo"
                    check(report, "\(part).\(figure)", want, relativeTolerance: quantileTolerance, in: name)
                }
            }
        }
        XCTAssertGreaterThan(compared, 80, "every figure of §11 is compared")
    }

    private func spot(_ file: URL, _ extra: [String] = [], name: String) throws -> SpotJSON? {
        let outcome = try BinaryRunner.run(["spot", "--input", file.path, "--format", "json"] + extra)
        guard outcome.status == 0 else {
            XCTFail("\(name) \(extra.joined(separator: " ")): exit \(outcome.status): \(outcome.stderr)")
            return nil
        }
        return try SpotJSON.decode(Data(outcome.stdout.utf8))
    }

    /// The figure at `path` (dot-separated) of the report against the specification's printed figure:
    /// a string that reads as a number is compared to within one unit of its last printed digit (or `relativeTolerance`),
    /// anything else (words, counts, booleans) must be equal.
    private func check(_ report: SpotJSON, _ path: String, _ want: SpotJSON, relativeTolerance: Double?, in name: String) {
        var got: SpotJSON? = report
        for key in path.split(separator: ".") { got = got?[String(key)] }
        guard let got else { return XCTFail("\(name): no \(path) in the report") }
        switch want {
        case .string(let printed) where Double(printed) == nil:
            XCTAssertEqual(got.string, printed, "\(name): \(path)")
        case .string(let printed):
            guard let expected = Double(printed), let actual = got.number else {
                return XCTFail("\(name): \(path) is \(got), expected \(printed)")
            }
            let tolerance = relativeTolerance.map { $0 * abs(expected) } ?? Self.lastDigit(of: printed)
            XCTAssertEqual(actual, expected, accuracy: tolerance, "\(name): \(path)")
        case .number(let expected):
            XCTAssertEqual(got.number, expected, "\(name): \(path)")
        default:
            XCTAssertEqual(got, want, "\(name): \(path)")
        }
    }

    /// One unit of the last digit `printed` shows: "50.407103" → 1e-6, "1.829197e-4" → 1e-10, "15360" → 1.
    static func lastDigit(of printed: String) -> Double {
        let parts = printed.lowercased().split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? printed
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let decimals = mantissa.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        return pow(10, Double(exponent - decimals))
    }

    func testLastDigitReadsThePrintedPrecision() {
        XCTAssertEqual(Self.lastDigit(of: "50.407103"), 1e-6, accuracy: 1e-18)
        XCTAssertEqual(Self.lastDigit(of: "1.829197e-4"), 1e-10, accuracy: 1e-22)
        XCTAssertEqual(Self.lastDigit(of: "15360"), 1)
    }
}
