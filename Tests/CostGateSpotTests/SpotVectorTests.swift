import Foundation
import CostGateTestSupport
import XCTest
@testable import CostGateSpot

/// Every vector of `spot-vectors.json` (the shared design folder next to the repository), part by part,
/// at the tolerances of spec §10. Skipped when the file is absent: the project builds and passes without it.
final class SpotVectorTests: XCTestCase {
    /// One vector: its input, what the reference expects, and what this implementation produced.
    struct Evaluated: Sendable {
        let id: String
        let input: SpotJSON
        let expected: SpotJSON
        let job: SpotJob?
        let got: SpotJSON?
        let error: String?
    }

    struct Loaded: Sendable {
        let rtol: Double
        let vectors: [Evaluated]
    }

    /// `<repo>/../shared/design/spot-vectors.json`, the repository being the nearest folder above this
    /// file that holds `Package.swift`.
    static var vectorFile: URL? {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let fm = FileManager.default
        while directory.path != "/" {
            if fm.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                let file = directory.deletingLastPathComponent()
                    .appendingPathComponent("shared/design/spot-vectors.json")
                return fm.fileExists(atPath: file.path) ? file : nil
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// Evaluated once for all tests of this class (34 estimates of 100 000 trials each).
    static let loaded: Loaded? = {
        guard let url = vectorFile, let data = try? Data(contentsOf: url), let root = try? SpotJSON.decode(data),
              case .array(let vectors)? = root["vectors"] else { return nil }
        let rtol = root["tolerances"]?["closed_form_rtol"]?.number ?? 1e-9
        let encoder = JSONEncoder()
        let evaluated = vectors.map { vector -> Evaluated in
            let id = vector["id"]?.string ?? "?"
            let input = vector["input"] ?? .null
            let expected = vector["expected"] ?? .null
            do {
                let inputData = try encoder.encode(VectorInput(json: input))
                let job = try JSONDecoder().decode(SpotJob.self, from: inputData)
                let estimate = try SpotModel.estimate(job, method: .monteCarlo)
                let got = try SpotJSON.encoding(estimate)
                return Evaluated(id: id, input: input, expected: expected, job: job, got: got, error: nil)
            } catch {
                return Evaluated(id: id, input: input, expected: expected, job: nil, got: nil, error: "\(error)")
            }
        }
        return Loaded(rtol: rtol, vectors: evaluated)
    }()

    /// Re-encodes a decoded JSON value (to feed the vector's `input` object to `SpotJob`'s decoder).
    struct VectorInput: Encodable {
        let json: SpotJSON

        func encode(to encoder: any Encoder) throws {
            switch json {
            case .null:
                var c = encoder.singleValueContainer()
                try c.encodeNil()
            case .bool(let value):
                var c = encoder.singleValueContainer()
                try c.encode(value)
            case .number(let value):
                var c = encoder.singleValueContainer()
                // Integers stay integers (`nodes`, `trials`, `seed` decode as Int / UInt64).
                if value == value.rounded(), abs(value) < 9.0e15 {
                    try c.encode(Int64(value))
                } else {
                    try c.encode(value)
                }
            case .string(let value):
                var c = encoder.singleValueContainer()
                try c.encode(value)
            case .array(let values):
                var c = encoder.unkeyedContainer()
                for value in values { try c.encode(VectorInput(json: value)) }
            case .object(let values):
                var c = encoder.container(keyedBy: SpotJSON.AnyKey.self)
                for (key, value) in values { try c.encode(VectorInput(json: value), forKey: SpotJSON.AnyKey(stringValue: key)) }
            }
        }
    }

    private func vectors() throws -> Loaded {
        guard let loaded = Self.loaded else {
            throw XCTSkip("spot-vectors.json not found next to the repository (../shared/design/)")
        }
        XCTAssertEqual(loaded.vectors.count, 34, "the v1 vector set has 34 vectors")
        return loaded
    }

    /// Compares the fields `keys` (all of them when nil) of part `part` for every vector that has it.
    /// Returns how many vectors were compared.
    @discardableResult
    private func checkPart(_ part: String?, keys: [String]? = nil, rtol: Double? = nil,
                           where include: (Evaluated) -> Bool = { _ in true }) throws -> Int {
        let loaded = try vectors()
        var compared = 0
        for vector in loaded.vectors where include(vector) {
            guard let got = vector.got else {
                XCTFail("\(vector.id): \(vector.error ?? "no result")")
                continue
            }
            var want = part.map { vector.expected[$0] ?? .null } ?? vector.expected
            var mine = part.map { got[$0] ?? .null } ?? got
            if let keys, case .object(let wantValues) = want, case .object(let gotValues) = mine {
                want = .object(wantValues.filter { keys.contains($0.key) })
                mine = .object(gotValues.filter { keys.contains($0.key) })
            }
            let problems = mine.mismatches(against: want, rtol: rtol ?? loaded.rtol, path: part ?? "")
            XCTAssert(problems.isEmpty, "\(vector.id): " + problems.joined(separator: "; "))
            compared += 1
        }
        return compared
    }

    private static func source(_ v: Evaluated) -> String? { v.expected["mean"]?["source"]?.string }

    func testEveryVectorEvaluates() throws {
        for vector in try vectors().vectors {
            XCTAssertNil(vector.error, vector.id)
        }
    }

    func testLayoutRateAndCompletion() throws {
        let compared = try checkPart(nil, keys: ["rate_per_instance_hour", "job_rate_per_hour", "mtbi_hours", "segments",
                                                 "checkpoints", "full_segment_hours", "last_segment_hours", "completes"])
        XCTAssertEqual(compared, 34)
    }

    func testClosedFormMeans() throws {
        let compared = try checkPart("mean") { Self.source($0) == "closed-form" }
        XCTAssertEqual(compared, 23)
    }

    func testDynamicProgrammeMeans() throws {
        let compared = try checkPart("mean") { Self.source($0) == "dp" }
        XCTAssertEqual(compared, 11)
    }

    func testOptimum() throws {
        let compared = try checkPart("optimum")
        XCTAssertEqual(compared, 34)
    }

    /// Same generator, same `T` and seed: every field to `1e-9` (quantiles are in fact identical).
    func testMonteCarloWithTheSameGenerator() throws {
        let loaded = try vectors()
        let simulated = try checkPart("monte_carlo") { $0.expected["monte_carlo"] != .null }
        XCTAssertEqual(simulated, 32)
        for vector in loaded.vectors where vector.expected["monte_carlo"] == .null {
            XCTAssertEqual(vector.got?["monte_carlo"], .null, vector.id)
            XCTAssertEqual(vector.got?["monte_carlo_skipped"], vector.expected["monte_carlo_skipped"], vector.id)
        }
        for vector in loaded.vectors {
            for key in ["p50_cost", "p90_cost", "p99_cost", "p50_wall", "p90_wall", "p99_wall"] {
                XCTAssertEqual(vector.got?["monte_carlo"]?[key], vector.expected["monte_carlo"]?[key], "\(vector.id) \(key) bit for bit")
            }
        }
    }

    func testMonteCarloAcceptanceRanges() throws {
        let compared = try checkPart("monte_carlo_accept")
        XCTAssertEqual(compared, 34)
    }

    func testRecommendation() throws {
        let loaded = try vectors()
        let compared = try checkPart("recommendation")
        XCTAssertEqual(compared, 34)
        for vector in loaded.vectors {
            for key in ["action", "reason", "within_budget", "best_candidate"] {
                XCTAssertEqual(vector.got?["recommendation"]?[key], vector.expected["recommendation"]?[key], "\(vector.id) \(key)")
            }
        }
    }

    /// The CLI prints the estimate as JSON: its names must be exactly those of the vectors' `expected`.
    func testEncodingHasExactlyTheExpectedNames() throws {
        for vector in try vectors().vectors {
            guard let got = vector.got else { continue }
            XCTAssertEqual(got.keyPaths(), vector.expected.keyPaths(), vector.id)
        }
    }

    /// `SpotJob` decodes every input object and encodes back to the same names and values.
    func testInputsRoundTrip() throws {
        for vector in try vectors().vectors {
            guard let job = vector.job else {
                XCTFail("\(vector.id): input did not decode")
                continue
            }
            let encoded = try SpotJSON.encoding(job)
            XCTAssertEqual(encoded.keyPaths(), vector.input.keyPaths(), vector.id)
            let problems = encoded.mismatches(against: vector.input, rtol: 0)
            XCTAssert(problems.isEmpty, "\(vector.id): \(problems)")
            XCTAssertEqual(try JSONDecoder().decode(SpotJob.self, from: JSONEncoder().encode(job)), job, vector.id)
        }
    }

    /// §10 for any generator: this simulation's means lie within 5 standard errors of the exact means.
    func testMonteCarloMeansAgreeWithExactMeans() throws {
        for vector in try vectors().vectors {
            guard let got = vector.got, let mc = got["monte_carlo"], mc != .null,
                  let accept = vector.expected["monte_carlo_accept"], accept != .null,
                  let exactCost = vector.expected["mean"]?["cost_spot"]?.number,
                  let exactWall = vector.expected["mean"]?["wall_hours"]?.number else { continue }
            XCTAssertLessThanOrEqual(abs(mc["mean_cost"]!.number! - exactCost), accept["mean_cost_abs_tol"]!.number!, vector.id)
            XCTAssertLessThanOrEqual(abs(mc["mean_wall"]!.number! - exactWall), accept["mean_wall_abs_tol"]!.number!, vector.id)
        }
    }

    /// §10 for any other method: the exact distribution's quantiles lie inside every vector's
    /// `monte_carlo_accept` ranges, and its recommendation is the reference's (means are unchanged).
    func testExactQuantilesInsideTheAcceptanceRanges() throws {
        var compared = 0
        for vector in try vectors().vectors {
            guard let job = vector.job else { continue }
            let estimate = try SpotModel.estimate(job, method: .exact)
            let got = try SpotJSON.encoding(estimate)
            for key in ["action", "reason", "within_budget", "best_candidate"] {
                XCTAssertEqual(got["recommendation"]?[key], vector.expected["recommendation"]?[key], "\(vector.id) \(key)")
            }
            guard let accept = vector.expected["monte_carlo_accept"], accept != .null else {
                XCTAssertNil(estimate.quantiles, vector.id)
                continue
            }
            let quantiles = try XCTUnwrap(estimate.quantiles, vector.id)
            // A fallback is simulated; everything else that has quantiles at all has an exact distribution.
            XCTAssertEqual(quantiles.method, job.fallbackAfterInterruptions == nil ? .exact : .monteCarlo, vector.id)
            let values = [("p50_cost", quantiles.p50Cost), ("p90_cost", quantiles.p90Cost), ("p99_cost", quantiles.p99Cost),
                          ("p50_wall", quantiles.p50Wall), ("p90_wall", quantiles.p90Wall), ("p99_wall", quantiles.p99Wall)]
            for (key, value) in values {
                guard case .array(let range)? = accept["\(key)_range"], let lower = range.first?.number,
                      let upper = range.last?.number else {
                    XCTFail("\(vector.id): no \(key)_range")
                    continue
                }
                XCTAssert(lower <= value && value <= upper, "\(vector.id) \(key): \(value) outside [\(lower), \(upper)]")
            }
            compared += 1
        }
        XCTAssertEqual(compared, 32)
    }
}
