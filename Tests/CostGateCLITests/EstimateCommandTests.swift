import Foundation
import XCTest

/// End-to-end: the built binary on real files, one case per exit code at least.
final class EstimateCommandTests: XCTestCase {
    private let month = ["--month", "2026-11"]

    func testExamplesEstimateCleanlyAsText() throws {
        let outcome = try BinaryRunner.run(["estimate", "examples"] + month)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stderr, "")
        try Golden.assertMatches(outcome.stdout, named: "estimate-examples.txt")
    }

    func testExamplesAsJSONMatchTheGolden() throws {
        let outcome = try BinaryRunner.run(["estimate", "examples", "--format", "json"] + month)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        try Golden.assertMatches(outcome.stdout, named: "estimate-examples.json")
        let document = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(document?["schemaVersion"] as? Int, 1)
        XCTAssertEqual((document?["workloads"] as? [Any])?.count, 10)
    }

    func testOperatorResourcesMatchTheGolden() throws {
        // Every operator kind costgate reads, end to end; one TrainJob names a runtime that is not there (exit 2).
        let outcome = try BinaryRunner.run(["estimate", "Tests/CostGateCoreTests/Fixtures/k8s/operators", "--format", "json",
                                            "--default-gpu", "a100-80gb"] + month)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("trainjob-missing-runtime.yaml"), outcome.stderr)
        try Golden.assertMatches(outcome.stdout, named: "estimate-operators.json")
    }

    func testOutputIsDeterministic() throws {
        let first = try BinaryRunner.run(["estimate", "examples", "--format", "json"] + month)
        let second = try BinaryRunner.run(["estimate", "examples", "--format", "json"] + month)
        XCTAssertEqual(first.stdout, second.stdout)
    }

    func testStandardInput() throws {
        let manifest = try String(contentsOf: BinaryRunner.repositoryRoot.appendingPathComponent("examples/k8s/job-8xa100-24h.yaml"),
                                  encoding: .utf8)
        let outcome = try BinaryRunner.run(["estimate", "-", "--format", "json"] + month, stdin: manifest)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("\"file\": \"<stdin>\""), outcome.stdout)
    }

    func testBrokenInputExitsTwoAndStillReportsTheRest() throws {
        let fixture = "Tests/CostGateCLITests/Fixtures/inputs/mixed-good-and-bad.yaml"
        let outcome = try BinaryRunner.run(["estimate", fixture, "--format", "json"] + month)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stdout.contains("Job/default/good-after-bad"), "the good document after the broken one is priced")
        XCTAssertTrue(outcome.stderr.contains("which started at line 9, column 18"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("error:"), outcome.stderr)
    }

    func testUnpriceableWorkloadIsAnErrorNamingWhatToAdd() throws {
        let fixture = "Tests/CostGateCLITests/Fixtures/inputs/gpu-without-model.yaml"
        let outcome = try BinaryRunner.run(["estimate", fixture] + month)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("\(fixture):13:15: error: cannot price Job/default/mystery"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("costgate.dev/gpu"), outcome.stderr)
        let assumed = try BinaryRunner.run(["estimate", fixture, "--default-gpu", "l4"] + month)
        XCTAssertEqual(assumed.status, 0, assumed.stderr)
    }

    func testMissingFileExitsTwo() throws {
        let outcome = try BinaryRunner.run(["estimate", "does-not-exist.yaml"] + month)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("does-not-exist.yaml: error: no such file or directory"), outcome.stderr)
    }

    func testUsageErrorsExitSixtyFour() throws {
        XCTAssertEqual(try BinaryRunner.run(["estimate", "examples", "--format", "yml"]).status, 64)
        XCTAssertEqual(try BinaryRunner.run(["estimate", "examples", "--month", "November"]).status, 64)
        XCTAssertEqual(try BinaryRunner.run(["estimate", "examples", "--provider", "aws2"]).status, 64)
        XCTAssertEqual(try BinaryRunner.run(["estimate"]).status, 64)
        XCTAssertEqual(try BinaryRunner.run(["no-such-command"]).status, 64)
    }

    func testHelpExitsZeroAndShowsExamples() throws {
        let outcome = try BinaryRunner.run(["estimate", "--help"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stdout.contains("costgate estimate examples/"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("USAGE: costgate estimate"), "help is the whole tree's: \(outcome.stdout)")
    }

    /// `estimate` and `check` parse on a fast path; what it cannot parse still reads as costgate's.
    func testUsageErrorsNameTheWholeCommand() throws {
        for arguments in [["estimate", "examples", "--bogus"], ["estimate"], ["check", "examples", "--format", "xml"]] {
            let outcome = try BinaryRunner.run(arguments)
            XCTAssertEqual(outcome.status, 64, "\(arguments)")
            XCTAssertTrue(outcome.stderr.contains("Usage: costgate \(arguments[0])"), outcome.stderr)
        }
        let help = try BinaryRunner.run(["check", "-h"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE: costgate check"), help.stdout)
    }

    /// `--format` is typed per command: a format the command lacks is argument-parser's usage error listing those it has.
    func testEachCommandAcceptsOnlyItsOwnFormats() throws {
        let cases: [([String], String)] = [
            (["estimate", "examples", "--format", "sarif"], "Please provide one of 'text' and 'json'"),
            (["audit", "--format", "junit"], "Please provide one of 'text', 'json', 'markdown' or 'prometheus'"),
            (["ledger", "list", "--ledger", "none.db", "--format", "yaml"], "Please provide one of 'text' and 'json'"),
            (["check", "examples", "--format", "prometheus"], "The value 'prometheus' is invalid for '--format <format>'"),
        ]
        for (arguments, message) in cases {
            let outcome = try BinaryRunner.run(arguments)
            XCTAssertEqual(outcome.status, 64, "\(arguments)")
            XCTAssertTrue(outcome.stderr.contains(message), outcome.stderr)
        }
    }

    func testEstimateWritesFurtherFormatsWithOutput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-estimate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("estimate.json").path
        let outcome = try BinaryRunner.run(["estimate", "examples", "--month", "2026-11", "--output", "json=\(json)"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let alone = try BinaryRunner.run(["estimate", "examples", "--month", "2026-11", "--format", "json"])
        XCTAssertEqual(try String(contentsOfFile: json, encoding: .utf8), alone.stdout, "the same document as on standard output")
        XCTAssertTrue(outcome.stdout.hasPrefix(try BinaryRunner.run(["estimate", "examples", "--month", "2026-11"]).stdout.prefix(40)))
        let unwritable = try BinaryRunner.run(["estimate", "examples", "--output", "json=\(directory.path)/missing/estimate.json"])
        XCTAssertEqual(unwritable.status, 2, "a report that cannot be written is exit 2, as for check")
    }

    func testCatalogLists() throws {
        let outcome = try BinaryRunner.run(["catalog", "--provider", "gcp", "--model", "nvidia-tesla-a100"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("a100-40gb"))
        XCTAssertFalse(outcome.stdout.split(separator: "\n").contains { $0.hasPrefix("aws ") })
    }

    /// Every per-GPU row names the instance it comes from, one row per configuration, and rows where
    /// spot is not cheaper than on demand are marked.
    func testCatalogNamesTheInstanceOfEachRow() throws {
        let outcome = try BinaryRunner.run(["catalog", "--provider", "aws", "--model", "h100"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.first?.contains("FROM") == true, outcome.stdout)
        let useast = lines.filter { $0.hasPrefix("aws") && $0.contains(" us-east-1 ") }
        XCTAssertTrue(useast.contains { $0.contains("p5.4xlarge") }, outcome.stdout)
        XCTAssertTrue(useast.contains { $0.contains("p5.48xlarge") }, outcome.stdout)
        XCTAssertTrue(lines.contains { $0.contains("ap-southeast-3") && $0.hasSuffix(" *") }, outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("* spot not cheaper than on demand"), outcome.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(try BinaryRunner.run(["catalog", "--format", "json"]).stdout.utf8))
        let rows = try XCTUnwrap((json as? [String: Any])?["accelerators"] as? [[String: Any]])
        XCTAssertTrue(rows.allSatisfy { $0["from"] is String }, "every row names its instance or accelerator row")
    }
}
