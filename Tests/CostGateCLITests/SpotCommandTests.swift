import Foundation
import CostGateTestSupport
import XCTest

/// End to end: `costgate spot` through the built binary. Every vector of `spot-vectors.json` goes in as
/// a job file and must come out with the vector's `expected` object (spec §10 tolerances); plus the text
/// golden, the catalog mode and one case per exit code.
final class SpotCommandTests: XCTestCase {
    // MARK: - Vectors

    /// `<repo>/../shared/design/spot-vectors.json`, nil when the shared folder is absent.
    static var vectorFile: URL? {
        let file = BinaryRunner.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/design/spot-vectors.json")
        return FileManager.default.fileExists(atPath: file.path) ? file : nil
    }

    func testEveryVectorThroughTheCommandLine() throws {
        guard let url = Self.vectorFile else { throw XCTSkip("spot-vectors.json not found in ../shared/design/") }
        let root = try SpotJSON.decode(Data(contentsOf: url))
        guard case .array(let vectors)? = root["vectors"] else { return XCTFail("no vectors in \(url.path)") }
        let rtol = root["tolerances"]?["closed_form_rtol"]?.number ?? 1e-9
        XCTAssertEqual(vectors.count, 34, "the v1 vector set has 34 vectors")
        let directory = try temporaryDirectory()
        var matched = 0
        for vector in vectors {
            let id = vector["id"]?.string ?? "?"
            guard let input = vector["input"], let expected = vector["expected"] else {
                XCTFail("\(id): no input or expected object")
                continue
            }
            let file = directory.appendingPathComponent("\(id).json")
            try input.encoded().write(to: file)
            // The simulation, bit for bit the reference's; the exact method is checked against the
            // acceptance ranges in SpotVectorTests and below.
            let outcome = try BinaryRunner.run(["spot", "--input", file.path, "--method", "monte-carlo", "--format", "json"])
            guard outcome.status == 0 else {
                XCTFail("\(id): exit \(outcome.status): \(outcome.stderr)")
                continue
            }
            XCTAssertEqual(outcome.stderr, "", id)
            guard case .object(var members) = try SpotJSON.decode(Data(outcome.stdout.utf8)) else {
                XCTFail("\(id): the output is not a JSON object")
                continue
            }
            // The three keys the command adds beside the estimate (docs/spot.md); the rest must be `expected` exactly.
            XCTAssertEqual(members.removeValue(forKey: "schema")?.string, "costgate-spot/1", id)
            XCTAssertNotNil(members.removeValue(forKey: "input"), id)
            XCTAssertNotNil(members.removeValue(forKey: "assumptions"), id)
            let problems = SpotJSON.object(members).mismatches(against: expected, rtol: rtol)
            XCTAssert(problems.isEmpty, "\(id): " + problems.prefix(8).joined(separator: "; "))
            if problems.isEmpty { matched += 1 }
        }
        XCTAssertEqual(matched, vectors.count)
    }

    /// The default method gives exact quantiles beside the means, and no simulation summary.
    func testExactMethodIsTheDefault() throws {
        let job = ["spot", "--work-hours", "48", "--nodes", "8", "--band", "10-15%", "--provider", "aws", "--checkpoint-interval", "1h",
                   "--price-spot", "96", "--price-on-demand", "320"]
        let outcome = try BinaryRunner.run(job + ["--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let document = try SpotJSON.decode(Data(outcome.stdout.utf8))
        XCTAssertEqual(document["quantiles"]?["method"]?.string, "exact")
        XCTAssertEqual(document["quantiles"]?["p50_cost"]?.number, 4833.6, "the no-interruption atom, 96 × 50.35")
        XCTAssertEqual(document["monte_carlo"], .null)
        let text = try BinaryRunner.run(job)
        XCTAssertTrue(text.stdout.contains("(exact distribution)"), text.stdout)
        let simulated = try BinaryRunner.run(job + ["--method", "monte-carlo", "--trials", "2000"])
        XCTAssertTrue(simulated.stdout.contains("(simulated, 2000 trials)"), simulated.stdout)
        let wrong = try BinaryRunner.run(job + ["--method", "exakt"])
        XCTAssertEqual(wrong.status, 64)
        XCTAssertTrue(wrong.stderr.contains("did you mean 'exact'?"), wrong.stderr)
    }

    // MARK: - Reports

    /// A hand-made job touching the dynamic programme, the fallback and the budget rule.
    private let handMadeJob = [
        "spot", "--work-hours", "72", "--nodes", "32", "--band", "15-20%", "--provider", "aws", "--checkpoint-interval", "1h",
        "--fallback-after", "3", "--price-spot", "384", "--price-on-demand", "1280", "--budget", "40000",
        "--trials", "20000", "--seed", "7",
    ]

    func testTextReportMatchesTheGolden() throws {
        let outcome = try BinaryRunner.run(handMadeJob)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stderr, "")
        try Golden.assertMatches(outcome.stdout, named: "spot-gang32-fallback.txt")
    }

    func testJSONOutputIsDeterministicAndReRunsFromItsInput() throws {
        let first = try BinaryRunner.run(handMadeJob + ["--format", "json"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let second = try BinaryRunner.run(handMadeJob + ["--format", "json"])
        XCTAssertEqual(first.stdout, second.stdout)
        // The `input` object is a job file: the report read back through --input gives the same estimate.
        let again = try BinaryRunner.run(["spot", "--input", "-", "--format", "json"], stdin: first.stdout)
        XCTAssertEqual(again.status, 0, again.stderr)
        guard case .object(var original) = try SpotJSON.decode(Data(first.stdout.utf8)),
              case .object(var reread) = try SpotJSON.decode(Data(again.stdout.utf8)) else { return XCTFail("not JSON objects") }
        XCTAssertEqual(original.removeValue(forKey: "assumptions")?["nodes"]?.string, "--nodes")
        XCTAssertEqual(reread.removeValue(forKey: "assumptions")?["nodes"]?.string?.hasPrefix("<stdin>:"), true)
        XCTAssertEqual(SpotJSON.object(original), SpotJSON.object(reread))
    }

    func testCatalogModeTakesPricesAndTheSpotAdvisorBand() throws {
        let outcome = try BinaryRunner.run(["spot", "--gpu", "h100", "--gpus-per-node", "8", "--cloud", "aws", "--work-hours", "24",
                                            "--checkpoint-interval", "2h", "--trials", "2000", "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let document = try SpotJSON.decode(Data(outcome.stdout.utf8))
        let input = document["input"]
        XCTAssertEqual(input?["interruption"]?["provider"]?.string, "aws")
        XCTAssertNotNil(input?["interruption"]?["band"]?.string)
        XCTAssertGreaterThan(input?["price_spot_per_hour"]?.number ?? 0, 0)
        XCTAssertGreaterThan(input?["price_on_demand_per_hour"]?.number ?? 0, 0)
        let assumptions = document["assumptions"]
        XCTAssertEqual(assumptions?["interruption"]?.string?.hasPrefix("AWS Spot Advisor: p5.48xlarge in us-east-1"), true,
                       "\(String(describing: assumptions?["interruption"]))")
        XCTAssertEqual(assumptions?["price_spot_per_hour"]?.string?.hasPrefix("catalog: 1 node × "), true)
        XCTAssertGreaterThan(document["rate_per_instance_hour"]?.number ?? 0, 0)

        let text = try BinaryRunner.run(["spot", "--gpu", "h100", "--gpus-per-node", "8", "--nodes", "4", "--cloud", "aws",
                                         "--work-hours", "48", "--checkpoint-interval", "2h", "--trials", "2000"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("4 nodes × p5.48xlarge (aws us-east-1)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("node price: instance p5.48xlarge"), text.stdout)
    }

    func testGCPPreemptibleSetsTheMaximumRuntime() throws {
        let outcome = try BinaryRunner.run(["spot", "--gpu", "a100-80gb", "--gpus-per-node", "8", "--cloud", "gcp", "--preemptible",
                                            "--work-hours", "30", "--checkpoint-interval", "1h", "--trials", "1000", "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let document = try SpotJSON.decode(Data(outcome.stdout.utf8))
        XCTAssertEqual(document["input"]?["max_runtime_hours"]?.number, 24)
        XCTAssertEqual(document["input"]?["interruption"]?["provider"]?.string, "generic", "no published GCP band: the default")
        XCTAssertEqual(document["mean"]?["source"]?.string, "dp")
    }

    // MARK: - Exit codes

    func testUsageErrorsExitSixtyFour() throws {
        let base = ["spot", "--work-hours", "10", "--rate", "0.001", "--price-spot", "3", "--price-on-demand", "10"]
        XCTAssertEqual(try BinaryRunner.run(base).status, 0)
        let cases: [[String]] = [
            ["spot", "--rate", "0.001", "--price-spot", "3", "--price-on-demand", "10"],   // no --work-hours
            ["spot", "--work-hours", "10", "--price-spot", "3", "--price-on-demand", "10"],  // no interruption
            ["spot", "--work-hours", "10", "--rate", "0.001"],                                // no prices
            base + ["--band", "5-10%"],                                                       // --rate and --band
            ["spot", "--work-hours", "10", "--band", "5-10%", "--price-spot", "3", "--price-on-demand", "10"],  // no --provider
            base + ["--band-estimate", "upper"],                                              // band flag with --rate
            base + ["--format", "yaml"],
            base + ["--work-hours", "ten"],
            base + ["--cloud", "gcp"],                                                        // catalog flag without --gpu
            ["spot", "--input", "job.json", "--nodes", "3"],                                  // --input with model flags
            ["spot", "--gpu", "h1000", "--work-hours", "10"],                                 // unknown model
            ["spot", "--gpu", "h100", "--cloud", "aws", "--preemptible", "--work-hours", "10"],
            base + ["--nodes", "many"],
        ]
        for arguments in cases {
            let outcome = try BinaryRunner.run(arguments)
            XCTAssertEqual(outcome.status, 64, "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(outcome.stdout, "", "\(arguments)")
        }
    }

    func testInvalidValuesExitTwoNamingTheField() throws {
        let outcome = try BinaryRunner.run(["spot", "--work-hours", "10", "--nodes", "0", "--rate", "0.001", "--price-spot", "3",
                                            "--price-on-demand", "10"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertEqual(outcome.stderr, "error: '--nodes' must be an integer ≥ 1, found '0'\n")

        let fraction = try BinaryRunner.run(["spot", "--work-hours", "10", "--rate", "0.001", "--price-spot", "3",
                                             "--price-on-demand", "10", "--restart-billed-fraction", "1.5"])
        XCTAssertEqual(fraction.status, 2)
        XCTAssertTrue(fraction.stderr.contains("'--restart-billed-fraction' must be between 0 and 1"), fraction.stderr)
    }

    func testJobFileProblemsExitTwoWithTheirPlace() throws {
        let directory = try temporaryDirectory()
        func run(_ text: String) throws -> BinaryRunner.Outcome {
            let file = directory.appendingPathComponent("job.json")
            try Data(text.utf8).write(to: file)
            return try BinaryRunner.run(["spot", "--input", file.path])
        }
        let path = directory.appendingPathComponent("job.json").path
        let valid = """
            {"work_hours": 10, "interruption": {"rate_per_instance_hour": 0.001},
             "price_spot_per_hour": 3, "price_on_demand_per_hour": 10, "trials": 500}
            """
        XCTAssertEqual(try run(valid).status, 0)

        let zeroNodes = try run("""
            {"work_hours": 10,
             "nodes": 0, "interruption": {"rate_per_instance_hour": 0.001},
             "price_spot_per_hour": 3, "price_on_demand_per_hour": 10}
            """)
        XCTAssertEqual(zeroNodes.status, 2)
        XCTAssertEqual(zeroNodes.stderr, "\(path):2:11: error: 'nodes' must be an integer ≥ 1, found '0'\n")

        let malformed = try run("""
            {"work_hours": 10,
             "nodes": 2 "interruption": {}}
            """)
        XCTAssertEqual(malformed.status, 2)
        XCTAssertTrue(malformed.stderr.hasPrefix("\(path):2:13: error: invalid JSON: expected ',' or '}'"), malformed.stderr)

        let wrongType = try run(#"{"work_hours": "ten", "interruption": {"band": "<5%", "provider": "aws"}}"#)
        XCTAssertEqual(wrongType.status, 2)
        XCTAssertTrue(wrongType.stderr.contains(":1:16: error: expected a number at 'work_hours', found 'ten'"), wrongType.stderr)

        let misspelt = try run(#"{"work_hours": 10, "checkpoint_interval": 1}"#)
        XCTAssertEqual(misspelt.status, 2)
        XCTAssertTrue(misspelt.stderr.contains("unknown key 'checkpoint_interval'; did you mean 'checkpoint_interval_hours'?"),
                      misspelt.stderr)

        let missing = try BinaryRunner.run(["spot", "--input", "does-not-exist.json"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "does-not-exist.json: error: no such file or directory\n")
    }

    func testHelpListsTheFlags() throws {
        let outcome = try BinaryRunner.run(["spot", "--help"])
        XCTAssertEqual(outcome.status, 0)
        for flag in ["--work-hours", "--checkpoint-interval", "--band-estimate", "--price-on-demand", "--gpus-per-node",
                     "--preemptible", "--min-savings", "--input"] {
            XCTAssertTrue(outcome.stdout.contains(flag), flag)
        }
    }

    // MARK: - Support

}
