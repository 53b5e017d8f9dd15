import Foundation
import XCTest

/// What every ledger store must do, run end to end through the binary against one store: the SQLite
/// file and the PostgreSQL database run these same scenarios (SQLiteLedgerStoreTests,
/// PostgresLedgerStoreTests).
struct LedgerStoreContract {
    /// Makes a new, empty ledger location (a file path that does not exist yet, an empty database).
    var makeLedger: () throws -> String
    /// What a costgate needs in its environment to open it (PGPASSWORD).
    var environment: [String: String]
    /// Sets the schema version the ledger claims to be at (as a newer costgate would leave it).
    var claimSchemaVersion: (_ ledger: String, _ version: Int) throws -> Void

    static let fixtures = "Tests/CostGateCLITests/Fixtures/ledger"
    let day = ["--today", "2026-11-22"]

    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> BinaryRunner.Outcome {
        try BinaryRunner.run(arguments, environment: environment.merging(extra) { _, new in new })
    }

    func check(_ ledger: String, commit: String, record: Bool = true, extra: [String] = []) throws -> BinaryRunner.Outcome {
        try run(["check", "\(Self.fixtures)/job.yaml", "--policy", "\(Self.fixtures)/policy.yaml", "--ledger", ledger, "--commit", commit]
                + (record ? ["--record"] : []) + day + extra)
    }

    func runs(_ ledger: String, all: Bool = false, month: String? = nil) throws -> [[String: Any]] {
        let list = try run(["ledger", "list", "--ledger", ledger, "--format", "json"] + (all ? ["--all"] : [])
                           + (month.map { ["--month", $0] } ?? []))
        XCTAssertEqual(list.status, 0, list.stderr)
        let document = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any]
        return try XCTUnwrap(document?["runs"] as? [[String: Any]], list.stdout + list.stderr)
    }

    // MARK: - Scenarios

    func theMonthCountsWhatWasApprovedEarlier() throws {
        let ledger = try makeLedger()
        let first = try check(ledger, commit: "aaa")
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        XCTAssertTrue(first.stderr.contains("recorded 1 run ($60.00) in the ledger"), first.stderr)
        // The same commit checked again replaces its run instead of counting it twice.
        XCTAssertEqual(try check(ledger, commit: "aaa").status, 0)
        let second = try check(ledger, commit: "bbb")
        XCTAssertEqual(second.status, 1, "another change would bring the month to $120: over the $100 quota")
        XCTAssertTrue(second.stdout.contains("plus $60.00 already committed in the ledger"), second.stdout)
        XCTAssertTrue(second.stderr.contains("nothing recorded in the ledger"), second.stderr)

        let list = try run(["ledger", "list", "--ledger", ledger, "--month", "2026-11"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("1 run, $60.00 counting"), list.stdout)
        let all = try runs(ledger, all: true)
        XCTAssertEqual(all.count, 2, "the replaced run stays on record, void")
        XCTAssertEqual(all.filter { $0["voided"] as? Bool == true }.first?["voidReason"] as? String,
                       "replaced by a re-check of the same commit")

        let id = try XCTUnwrap(all.first { $0["voided"] as? Bool == false }?["id"] as? Int)
        let show = try run(["ledger", "show", String(id), "--ledger", ledger])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("workload: Job/ml/train (Job/ml/train)\nteam: ml\nmonth: 2026-11\namount: $60.00 (expected)"),
                      show.stdout)
        let void = try run(["ledger", "void", String(id), "--reason", "cancelled", "--ledger", ledger])
        XCTAssertEqual(void.status, 0, void.stderr)
        XCTAssertTrue(void.stdout.contains("state: void (cancelled)"), void.stdout)
        XCTAssertEqual(try check(ledger, commit: "bbb").status, 0, "voiding the run freed the month")
        let missing = try run(["ledger", "show", "999", "--ledger", ledger])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("error: the ledger has no entry 999"), missing.stderr)
        XCTAssertEqual(try run(["ledger", "void", "999", "--reason", "x", "--ledger", ledger]).status, 2)
    }

    /// (repository, commit, workload) is a run's identity: a retried job replaces it, even a month later;
    /// the same commit of another repository is another run.
    func theIdempotencyKeyIsRepositoryCommitWorkload() throws {
        let ledger = try makeLedger()
        XCTAssertEqual(try check(ledger, commit: "aaa", extra: ["--repository", "acme/models"]).status, 0)
        let retried = try check(ledger, commit: "aaa", extra: ["--repository", "acme/models", "--today", "2026-12-01"])
        XCTAssertEqual(retried.status, 0, retried.stderr)
        XCTAssertEqual(try runs(ledger, month: "2026-11").count, 0, "the retry moved the run to December, not charged twice")
        XCTAssertEqual(try runs(ledger, month: "2026-12").first?["repository"] as? String, "acme/models")
        let other = try check(ledger, commit: "aaa", extra: ["--repository", "acme/infra", "--today", "2026-12-01"])
        XCTAssertEqual(other.status, 1, "another repository's commit aaa is another $60: over December's $100")
        let environment = try run(["check", "\(Self.fixtures)/job.yaml", "--policy", "\(Self.fixtures)/policy.yaml", "--ledger", ledger,
                                   "--commit", "aaa", "--record", "--today", "2026-12-01"], environment: ["GITHUB_REPOSITORY": "acme/models"])
        XCTAssertEqual(environment.status, 0, "GITHUB_REPOSITORY names the repository: the same key again")
        XCTAssertEqual(try runs(ledger, all: true).count, 3)
    }

    func auditReadsTheSameLedger() throws {
        let ledger = try makeLedger()
        XCTAssertEqual(try check(ledger, commit: "aaa").status, 0)
        let audit = try run(["audit", "--policy", "\(Self.fixtures)/policy.yaml", "--ledger", ledger] + day + ["--format", "json"])
        XCTAssertEqual(audit.status, 0, audit.stderr)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])
        let teams = try XCTUnwrap(document["teams"] as? [[String: Any]], audit.stdout)
        XCTAssertEqual((teams.first { $0["team"] as? String == "ml" }?["committed"] as? NSNumber)?.doubleValue, 60, audit.stdout)
    }

    func readingNeverCreatesALedger() throws {
        let ledger = try makeLedger()
        let list = try run(["ledger", "list", "--ledger", ledger])
        XCTAssertEqual(list.status, 2, list.stdout)
        let gate = try check(ledger, commit: "aaa", record: false)
        XCTAssertEqual(gate.status, 2, "gating without the spend the ledger should count would fail open")
        XCTAssertTrue(gate.stderr.contains("a check with --record"), gate.stderr)
        XCTAssertEqual(try check(ledger, commit: "aaa").status, 0, "a recording check creates it")
        XCTAssertEqual(try run(["ledger", "list", "--ledger", ledger]).status, 0)
        let migrate = try run(["ledger", "migrate", "--ledger", ledger])
        XCTAssertEqual(migrate.status, 0, migrate.stderr)
        XCTAssertTrue(migrate.stdout.contains("is at schema version 2, the current one"), migrate.stdout)
    }

    func aNewerSchemaIsRefused() throws {
        let ledger = try makeLedger()
        XCTAssertEqual(try check(ledger, commit: "aaa").status, 0)
        try claimSchemaVersion(ledger, 3)
        for arguments in [["ledger", "list", "--ledger", ledger], ["ledger", "migrate", "--ledger", ledger]] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 2, outcome.stdout)
            XCTAssertTrue(outcome.stderr.contains("the ledger's schema is version 3, from a newer costgate (this one knows up to 2)"),
                          outcome.stderr)
        }
        XCTAssertEqual(try check(ledger, commit: "bbb").status, 2)
    }

    /// `processes` checks at once, `rounds` times, each round in its own month of a quota that fits
    /// exactly five: exactly five pass every round, and no month ever holds more than the quota.
    func concurrentRecordersNeverOverspend(processes: Int = 16, rounds: Int = 20) throws {
        let ledger = try makeLedger()
        // Created first, so the rounds measure gating, not 16 processes creating one schema.
        XCTAssertEqual(try check(ledger, commit: "setup", record: true, extra: ["--today", "2020-01-15"]).status, 0)
        for round in 0..<rounds {
            let month = String(format: "%04d-%02d", 2024 + round / 12, round % 12 + 1)
            let statuses = try parallel(processes) { index in
                ["check", "\(Self.fixtures)/job.yaml", "--policy", "\(Self.fixtures)/policy-five.yaml", "--ledger", ledger,
                 "--commit", "r\(round)p\(index)", "--record", "--today", "\(month)-15"]
            }
            XCTAssertEqual(statuses.filter { $0 == 0 }.count, 5, "round \(round) (\(month)): \(statuses)")
            XCTAssertEqual(statuses.filter { $0 == 1 }.count, processes - 5, "round \(round): \(statuses)")
            let counting = try runs(ledger, month: month)
            XCTAssertEqual(counting.count, 5, "round \(round): the ledger holds exactly the five approved runs")
            XCTAssertLessThanOrEqual(counting.compactMap { ($0["amount"] as? NSNumber)?.doubleValue }.reduce(0, +), 300)
        }
    }

    /// Runners killed with SIGKILL at random moments of their check: whatever each got to, the ledger
    /// holds whole checks only (both runs of the pair or neither), never more than the quota, and the
    /// next check is not blocked by anything a dead runner held.
    func killedRecordersLeaveTheLedgerConsistent(processes: Int = 12, rounds: Int = 3) throws {
        let ledger = try makeLedger()
        XCTAssertEqual(try check(ledger, commit: "setup", extra: ["--today", "2020-01-15"]).status, 0)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<rounds {
            let month = "2023-0\(round + 1)"
            let delays = (0..<processes).map { _ in Double.random(in: 0.02...0.6, using: &generator) }
            _ = try parallel(processes, kill: delays) { index in
                ["check", "\(Self.fixtures)/pair.yaml", "--policy", "\(Self.fixtures)/policy-five.yaml", "--ledger", ledger,
                 "--commit", "k\(round)p\(index)", "--record", "--today", "\(month)-15"]
            }
            let counting = try runs(ledger, month: month)
            let byCommit = Dictionary(grouping: counting) { $0["commit"] as? String ?? "" }
            XCTAssertTrue(byCommit.values.allSatisfy { $0.count == 2 }, "a check's two runs are recorded together: \(byCommit.keys.sorted())")
            XCTAssertLessThanOrEqual(counting.count, 4, "two pairs fill $240 of $300")
        }
        let after = try run(["check", "\(Self.fixtures)/job.yaml", "--policy", "\(Self.fixtures)/policy-five.yaml", "--ledger", ledger,
                             "--commit", "after", "--record", "--today", "2023-06-15", "--ledger-timeout", "5"])
        XCTAssertEqual(after.status, 0, "nothing a killed runner held blocks the next one: \(after.stderr)")
    }

    /// Starts `count` costgates at once and waits for them; with `kill`, process i gets SIGKILL after kill[i] seconds.
    func parallel(_ count: Int, kill delays: [Double]? = nil, arguments: (Int) -> [String]) throws -> [Int32] {
        var processEnvironment = ProcessInfo.processInfo.environment
        processEnvironment.merge(environment) { _, new in new }
        processEnvironment["NO_COLOR"] = "1"
        let processes = try (0..<count).map { index -> Process in
            let process = Process()
            process.executableURL = try BinaryRunner.executable
            process.arguments = arguments(index)
            process.currentDirectoryURL = BinaryRunner.repositoryRoot
            process.environment = processEnvironment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        let start = Date()
        for process in processes { try process.run() }
        if let delays {
            for (index, delay) in delays.enumerated().sorted(by: { $0.element < $1.element }) {
                let wait = delay - Date().timeIntervalSince(start)
                if wait > 0 { Thread.sleep(forTimeInterval: wait) }
                if processes[index].isRunning { Foundation.kill(processes[index].processIdentifier, SIGKILL) }
            }
        }
        for process in processes { process.waitUntilExit() }
        return processes.map(\.terminationStatus)
    }
}
