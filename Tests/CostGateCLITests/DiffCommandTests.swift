import Foundation
import XCTest

/// End-to-end: `costgate diff` over two example trees and over git revisions of a scratch repository.
final class DiffCommandTests: XCTestCase {
    private let base = "Tests/CostGateCLITests/Fixtures/diff/base"
    private let head = "Tests/CostGateCLITests/Fixtures/diff/head"
    private let day = ["--today", "2026-11-22"]

    private func diff(_ extra: [String] = []) throws -> BinaryRunner.Outcome {
        try BinaryRunner.run(["diff", "--base", base, "--head", head] + day + extra)
    }

    func testAddedRemovedChangedAndUnchangedWithTheBasePolicy() throws {
        let outcome = try diff()
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        try Golden.assertMatches(outcome.stdout, named: "diff-trees.txt")
        XCTAssertTrue(outcome.stdout.contains("deny: Job/ml/grow: expected cost of one run $160.00 exceeds team 'ml' per-run quota $100.00"),
                      "the head loosened perRun to 100000, which must not count")
        XCTAssertTrue(outcome.stdout.contains("[policy-changed]"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("[increase-quota]"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("steady"), "unchanged workloads are left out of the text by default")
        XCTAssertTrue(try diff(["--all"]).stdout.contains("unchanged  Job/ml/steady"))
    }

    func testTheHeadPolicyOnlyWhenAskedFor() throws {
        let outcome = try diff(["--policy-from", "head"])
        XCTAssertEqual(outcome.status, 0, outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("policy .costgate.yaml from the head"), outcome.stdout)
    }

    func testChangedFilesOnlyOneSideHasAreAddedOrRemoved() throws {
        let outcome = try diff(["k8s/old.yaml", "k8s/fresh.yaml"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("PASS: 1 added, 1 removed, month $10.00 → $60.00 (+$50.00)"), outcome.stdout)
        XCTAssertEqual(try diff(["k8s/nowhere.yaml"]).status, 64)
    }

    func testEveryFormatMatchesItsGolden() throws {
        for (format, golden) in [("json", "diff-trees.json"), ("markdown", "diff-trees.md"), ("junit", "diff-trees.junit.xml"),
                                 ("github", "diff-trees.github.txt"), ("sarif", "diff-trees.sarif")] {
            let outcome = try diff(["--format", format])
            XCTAssertEqual(outcome.status, 1, format)
            try Golden.assertMatches(outcome.stdout, named: golden)
        }
    }

    func testSeveralReportsFromOneRun() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let sarif = directory.appendingPathComponent("out.sarif").path
        let markdown = directory.appendingPathComponent("summary.md").path
        let outcome = try diff(["--format", "github", "--output", "sarif=\(sarif)", "--output", "markdown=\(markdown)"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stdout.hasPrefix("::error file=k8s/grow.yaml,line=19,col=15,title=costgate/"), outcome.stdout)
        XCTAssertTrue(try String(contentsOfFile: markdown, encoding: .utf8).hasPrefix("<!-- costgate:comment -->\n### ❌ costgate: 2 denies"))
        try SARIFSchema.validate(file: sarif)
    }

    func testGitRevisionsAreReadWithoutTouchingTheWorkingTree() throws {
        let repository = try GitScratch.make()
        addTeardownBlock { try? FileManager.default.removeItem(at: repository) }
        try GitScratch.copy(base, to: repository)
        try GitScratch.commit(repository, message: "base")
        try FileManager.default.removeItem(at: repository.appendingPathComponent("k8s"))
        try GitScratch.copy(head, to: repository)
        try GitScratch.commit(repository, message: "head")
        try "scratch: not committed\n".write(to: repository.appendingPathComponent("k8s/fresh.yaml"), atomically: true, encoding: .utf8)

        let outcome = try BinaryRunner.run(["diff", "--base", "HEAD~1", "--head", "HEAD"] + day, directory: repository)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("added    Job/ml/fresh"), "the committed head, not the edited working tree: \(outcome.stdout)")
        let status = try GitScratch.git(["status", "--porcelain"], in: repository)
        XCTAssertEqual(status, " M k8s/fresh.yaml\n", "the working tree is left as it was")
        let unknown = try BinaryRunner.run(["diff", "--base", "no-such-branch"] + day, directory: repository)
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("'no-such-branch' is neither a directory nor a git revision"), unknown.stderr)
    }

    func testABrokenHeadExitsTwo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: BinaryRunner.repositoryRoot.appendingPathComponent(head), to: directory)
        try "apiVersion: batch/v1\nkind: Job\nspec: [broken\n".write(to: directory.appendingPathComponent("k8s/broken.yaml"),
                                                                      atomically: true, encoding: .utf8)
        let outcome = try BinaryRunner.run(["diff", "--base", base, "--head", directory.path] + day)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("k8s/broken.yaml:4:1: error:"), outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("deny: Job/ml/grow"), "the rest is still reported")
    }
}

/// A throwaway git repository for diff tests.
enum GitScratch {
    static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        _ = try git(["init", "-q", "-b", "main"], in: url)
        return url
    }

    static func copy(_ fixture: String, to repository: URL) throws {
        let source = BinaryRunner.repositoryRoot.appendingPathComponent(fixture)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            let target = repository.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: target)
        }
    }

    static func commit(_ repository: URL, message: String) throws {
        _ = try git(["add", "-A"], in: repository)
        _ = try git(["-c", "user.name=costgate", "-c", "user.email=ci@costgate.invalid", "commit", "-q", "-m", message], in: repository)
    }

    @discardableResult
    static func git(_ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("git \(arguments.joined(separator: " ")) failed") }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Validates SARIF against the official 2.1.0 schema in ../shared (skips without it or without python3-jsonschema).
enum SARIFSchema {
    static func validate(file: String) throws {
        let schema = BinaryRunner.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/schemas/sarif-schema-2.1.0.json")
        guard FileManager.default.fileExists(atPath: schema.path) else { throw XCTSkip("no SARIF schema at \(schema.path)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                sys.exit(3)
            jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))
            """, schema.path, file]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 { throw XCTSkip("python3 jsonschema is not installed") }
        XCTAssertEqual(process.terminationStatus, 0, "SARIF does not validate: \(message)")
    }
}
