import Foundation
import XCTest

/// The GitHub Action's script (`action/costgate_action.py`) end to end, without GitHub: a scratch git repository with
/// base and head commits, a pull_request event payload, the runner's summary and output files, and
/// `Fixtures/action/fake_github.py` standing in for the REST API on 127.0.0.1.
final class ActionTests: XCTestCase {
    private let marker = "<!-- costgate:comment -->"
    private let someoneElses: [[String: Any]] = [
        ["id": 1, "body": "Why does <!-- costgate:comment --> show up in the raw text?", "user": ["login": "alice"]],
        ["id": 2, "body": "<!-- costgate:comment tag=prod -->\nfrom another workflow", "user": ["login": "github-actions[bot]"]],
        ["id": 3, "body": "<!-- costgate:comment -->, quoted at the start of a line but not the whole line", "user": ["login": "bob"]],
    ]

    func testTheFirstRunCreatesTheCommentAndTheSecondUpdatesIt() throws {
        let action = try ActionHarness(self, repository: .fixtureTrees)
        let github = try FakeGitHub(self, seed: someoneElses)

        let first = try action.run(api: github)
        XCTAssertEqual(first.status, 1, "costgate's deny passes through: \(first.stderr)")
        XCTAssertTrue(first.stdout.contains("::error file=k8s/grow.yaml,line=19,col=15,title=costgate/per-run-quota::"), first.stdout)
        let created = try github.requests().filter { $0.method == "POST" }
        XCTAssertEqual(created.count, 1)
        XCTAssertEqual(created.first?.path, "/repos/acme/models/issues/7/comments")
        XCTAssertTrue(created.first?.body?.hasPrefix(marker + "\n### ❌ costgate: 2 denies") ?? false, created.first?.body ?? "no body")
        XCTAssertEqual(created.first?.authorization, "Bearer test-token")
        XCTAssertEqual(try github.requests().filter { $0.method == "GET" }.count, 2, "three comments on pages of two")
        XCTAssertEqual(first.outputs["exit-code"], "1")
        XCTAssertEqual(first.outputs["denies"], "2")
        XCTAssertEqual(first.outputs["warnings"], "0")
        XCTAssertEqual(first.outputs["delta"], "130")
        XCTAssertEqual(first.outputs["comment-url"], "https://github.invalid/acme/models/pull/7#issuecomment-1003")
        XCTAssertTrue(FileManager.default.fileExists(atPath: first.outputs["sarif-file"] ?? "/nonexistent"), "\(first.outputs)")
        XCTAssertTrue(first.summary.hasPrefix(marker + "\n### ❌ costgate: 2 denies"), first.summary)

        let second = try action.run(api: github)
        XCTAssertEqual(second.status, 1)
        let writes = try github.requests().filter { $0.method != "GET" }
        XCTAssertEqual(writes.map(\.method), ["POST", "PATCH"], "the second run updates, it does not post again")
        XCTAssertEqual(writes.last?.path, "/repos/acme/models/issues/comments/1003", "only the comment the first run made")
        XCTAssertEqual(second.outputs["comment-url"], first.outputs["comment-url"])
    }

    func testATaggedRunUpdatesItsOwnTagOnly() throws {
        let action = try ActionHarness(self, repository: .fixtureTrees)
        let github = try FakeGitHub(self, seed: [
            ["id": 1, "body": "<!-- costgate:comment tag=non-prod -->\nnon-prod", "user": ["login": "github-actions[bot]"]],
            ["id": 2, "body": "<!-- costgate:comment -->\nuntagged", "user": ["login": "github-actions[bot]"]],
            ["id": 3, "body": "<!-- costgate:comment tag=prod -->\nan older prod report", "user": ["login": "github-actions[bot]"]],
        ])
        let outcome = try action.run(api: github, inputs: ["COMMENT_TAG": "prod"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        let writes = try github.requests().filter { $0.method != "GET" }
        XCTAssertEqual(writes.map(\.path), ["/repos/acme/models/issues/comments/3"], "not tag=non-prod, not the untagged one")
        XCTAssertTrue(writes.first?.body?.hasPrefix("<!-- costgate:comment tag=prod -->\n") ?? false)
    }

    func testNothingChangedPostsNothingButStillRefreshesAnExistingComment() throws {
        let action = try ActionHarness(self, repository: .quiet)
        let fresh = try FakeGitHub(self, seed: someoneElses)
        let quiet = try action.run(api: fresh)
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(try fresh.requests().filter { $0.method != "GET" }.count, 0, "comment-when: changed stays silent")
        XCTAssertTrue(quiet.stdout.contains("no comment posted"), quiet.stdout)
        XCTAssertEqual(quiet.outputs["delta"], "0")
        XCTAssertEqual(quiet.outputs["comment-url"], "")
        XCTAssertTrue(quiet.summary.contains("no workload changes cost"), "the job summary is written either way")

        let always = try action.run(api: fresh, inputs: ["COMMENT_WHEN": "always"])
        XCTAssertEqual(always.status, 0)
        XCTAssertEqual(try fresh.requests().filter { $0.method != "GET" }.map(\.method), ["POST"])

        let stale = try FakeGitHub(self, seed: [["id": 41, "body": marker + "\n### ❌ costgate: 1 deny", "user": ["login": "github-actions[bot]"]]])
        let refreshed = try action.run(api: stale)
        XCTAssertEqual(refreshed.status, 0)
        let writes = try stale.requests().filter { $0.method != "GET" }
        XCTAssertEqual(writes.map(\.path), ["/repos/acme/models/issues/comments/41"])
        XCTAssertTrue(writes.first?.body?.contains("no workload changes cost") ?? false, "an earlier deny must not linger")
    }

    func testCommentOffMakesNoRequest() throws {
        let action = try ActionHarness(self, repository: .fixtureTrees)
        let github = try FakeGitHub(self, seed: [])
        let outcome = try action.run(api: github, inputs: ["COMMENT": "off"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(try github.requests().count, 0)
        XCTAssertEqual(outcome.outputs["exit-code"], "1")
        XCTAssertEqual(outcome.outputs["denies"], "2")
        XCTAssertTrue(outcome.summary.hasPrefix(marker), outcome.summary)

        let narrowed = try action.run(api: github, inputs: ["COMMENT": "off", "PATHS": "k8s/steady.yaml\nk8s/grow.yaml"])
        XCTAssertEqual(narrowed.status, 1, narrowed.stdout)
        XCTAssertEqual(narrowed.outputs["delta"], "80", "only grow's change: the paths reached costgate")
        XCTAssertEqual(narrowed.outputs["denies"], "1", "+$80 is within the $100 cap on one change")
        XCTAssertEqual(try github.requests().count, 0)
    }

    func testAnAPIFailureIsAWarningAndTheGateStillDecides() throws {
        let action = try ActionHarness(self, repository: .fixtureTrees)
        let github = try FakeGitHub(self, seed: [], failWith: 500)
        let outcome = try action.run(api: github)
        XCTAssertEqual(outcome.status, 1, "costgate's exit code, not the REST failure's")
        XCTAssertTrue(outcome.stdout.contains("::warning::costgate: could not comment on #7: HTTP 500"), outcome.stdout)
        XCTAssertEqual(try github.requests().count, 1)
        XCTAssertEqual(outcome.outputs["exit-code"], "1")
        XCTAssertEqual(outcome.outputs["comment-url"], "")
    }

    func testUnusableInputsAreUsageErrors() throws {
        let action = try ActionHarness(self, repository: .fixtureTrees)
        let github = try FakeGitHub(self, seed: [])
        let mode = try action.run(api: github, inputs: ["COMMENT": "sometimes"])
        XCTAssertEqual(mode.status, 64)
        XCTAssertTrue(mode.stdout.contains("::error::costgate: input comment is 'sometimes'"), mode.stdout)
        XCTAssertEqual(mode.outputs["exit-code"], "64", "written even when the gate never ran")
        let pinned = try action.run(api: github, inputs: ["COSTGATE_VERSION": "v9.9.9"])
        XCTAssertEqual(pinned.status, 2)
        XCTAssertTrue(pinned.stdout.contains("not the costgate-version 'v9.9.9'"), pinned.stdout)
        let push = try action.run(api: github, event: ["repository": ["full_name": "acme/models"]])
        XCTAssertEqual(push.status, 64)
        XCTAssertTrue(push.stdout.contains("set the base-ref input"), push.stdout)
        XCTAssertEqual(try github.requests().count, 0)
    }
}

/// A scratch repository, an event payload and the runner's files, and one way to run the action's script on them.
private struct ActionHarness {
    enum Repository {
        /// Fixtures/diff/base then Fixtures/diff/head: two denies, exit 1.
        case fixtureTrees
        /// Only the base's `steady` job, then a head that changes a README: no cost change, no finding.
        case quiet
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var outputs: [String: String]
        var summary: String
    }

    let repository: URL
    let runner: URL
    let base: String

    init(_ test: XCTestCase, repository kind: Repository) throws {
        try requireTool("git")
        try requireTool("python3")
        repository = try GitScratch.make()
        runner = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: runner, withIntermediateDirectories: true)
        test.addTeardownBlock { [repository, runner] in
            try? FileManager.default.removeItem(at: repository)
            try? FileManager.default.removeItem(at: runner)
        }
        try GitScratch.copy("Tests/CostGateCLITests/Fixtures/diff/base", to: repository)
        if case .quiet = kind {
            for name in ["grow.yaml", "old.yaml"] {
                try FileManager.default.removeItem(at: repository.appendingPathComponent("k8s/\(name)"))
            }
        }
        try GitScratch.commit(repository, message: "base")
        base = try GitScratch.git(["rev-parse", "HEAD"], in: repository).trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .fixtureTrees:
            try FileManager.default.removeItem(at: repository.appendingPathComponent("k8s"))
            try GitScratch.copy("Tests/CostGateCLITests/Fixtures/diff/head", to: repository)
        case .quiet:
            try "# models\n".write(to: repository.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        }
        try GitScratch.commit(repository, message: "head")
    }

    /// Runs the script as action.yml does: inputs as INPUT_* variables, the binary in COSTGATE_PATH, in the checkout.
    func run(api github: FakeGitHub, inputs: [String: String] = [:], event: [String: Any]? = nil) throws -> Outcome {
        let id = UUID().uuidString
        let eventFile = runner.appendingPathComponent("event-\(id).json")
        let payload = event ?? ["pull_request": ["number": 7, "base": ["sha": base], "head": ["sha": "HEAD"]],
                                "repository": ["full_name": "acme/models"]]
        try JSONSerialization.data(withJSONObject: payload).write(to: eventFile)
        let summary = runner.appendingPathComponent("summary-\(id).md"), outputs = runner.appendingPathComponent("output-\(id)")
        for file in [summary, outputs] { XCTAssertTrue(FileManager.default.createFile(atPath: file.path, contents: nil)) }

        // Nothing from an enclosing CI job may leak in: these tests may themselves run inside GitHub Actions.
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !["GITHUB_", "INPUT_", "RUNNER_", "COSTGATE_"].contains { key.hasPrefix($0) }
        }
        environment.merge([
            "GITHUB_EVENT_NAME": event == nil ? "pull_request" : "push",
            "GITHUB_EVENT_PATH": eventFile.path,
            "GITHUB_STEP_SUMMARY": summary.path,
            "GITHUB_OUTPUT": outputs.path,
            "GITHUB_API_URL": "http://127.0.0.1:\(github.port)",
            "RUNNER_TEMP": runner.path,
            "COSTGATE_PATH": try BinaryRunner.executable.path,
            "INPUT_GITHUB_TOKEN": "test-token",
            "NO_COLOR": "1",
        ]) { _, new in new }
        // action.yml's defaults, as its run step passes them; a test overrides some.
        let defaults = ["PATHS": "", "POLICY": ".costgate.yaml", "POLICY_FROM": "base", "BASE_REF": "", "HEAD_REF": "",
                        "COMMENT": "update", "COMMENT_WHEN": "changed", "COMMENT_TAG": "", "FAIL_ON_WARN": "false",
                        "COSTGATE_VERSION": ""]
        for (name, value) in defaults.merging(inputs, uniquingKeysWith: { _, new in new }) { environment["INPUT_\(name)"] = value }

        let script = BinaryRunner.repositoryRoot.appendingPathComponent("action/costgate_action.py").path
        let result = try runCaptured(["python3", script], environment: environment, directory: repository, scratch: runner)
        let written = try String(contentsOf: outputs, encoding: .utf8)
        var parsed: [String: String] = [:]
        for line in written.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            parsed[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return Outcome(status: result.status, stdout: result.stdout, stderr: result.stderr, outputs: parsed,
                       summary: try String(contentsOf: summary, encoding: .utf8))
    }
}

/// `fake_github.py` on a free port of 127.0.0.1, stopped when the test ends.
private final class FakeGitHub {
    struct Request: Decodable {
        var method: String
        var path: String
        var authorization: String?
        var body: String?

        private enum CodingKeys: String, CodingKey { case method, path, authorization, body }
        private struct Body: Decodable { var body: String }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            method = try container.decode(String.self, forKey: .method)
            path = try container.decode(String.self, forKey: .path)
            authorization = try container.decodeIfPresent(String.self, forKey: .authorization)
            body = try container.decodeIfPresent(Body.self, forKey: .body)?.body
        }
    }

    private(set) var port = 0
    private let log: URL
    private let process = Process()

    init(_ test: XCTestCase, seed: [[String: Any]], failWith status: Int? = nil) throws {
        try requireTool("python3")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-fake-github-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let seedFile = directory.appendingPathComponent("seed.json"), portFile = directory.appendingPathComponent("port")
        log = directory.appendingPathComponent("requests.jsonl")
        try JSONSerialization.data(withJSONObject: seed).write(to: seedFile)
        let script = BinaryRunner.repositoryRoot.appendingPathComponent("Tests/CostGateCLITests/Fixtures/action/fake_github.py").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--port-file", portFile.path, "--log", log.path, "--seed", seedFile.path,
                             "--page-size", "2", "--lifetime", "120"] + (status.map { ["--fail", String($0)] } ?? [])
        try process.run()
        test.addTeardownBlock { [process] in
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: directory)
        }
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) {
                self.port = port
                return
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw XCTSkip("fake_github.py did not start listening")
    }

    /// Every request so far, in order.
    func requests() throws -> [Request] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }
}

private func requireTool(_ name: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name, "--version"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { throw XCTSkip("\(name) cannot be run: \(error)") }
    process.waitUntilExit()
    if process.terminationStatus != 0 { throw XCTSkip("\(name) is not installed") }
}

/// Runs a command with stdout and stderr in files, not pipes, so neither can fill up and stall the child.
private func runCaptured(_ arguments: [String], environment: [String: String], directory: URL,
                         scratch: URL) throws -> (status: Int32, stdout: String, stderr: String) {
    let id = UUID().uuidString
    let out = scratch.appendingPathComponent("stdout-\(id)"), err = scratch.appendingPathComponent("stderr-\(id)")
    for file in [out, err] where !FileManager.default.createFile(atPath: file.path, contents: nil) {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = directory
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
}
