import Foundation
import XCTest

/// The PostgreSQL server going away: stopped under waiting and working recorders, and restarted.
/// Its own cluster, since these stop it.
final class PostgresLedgerFaultTests: XCTestCase {
    private let fixtures = LedgerStoreContract.fixtures

    private func check(_ cluster: PostgresCluster, _ database: String, commit: String, file: String = "job.yaml",
                       policy: String = "policy-five.yaml", month: String = "2026-11", timeout: String = "10") throws -> BinaryRunner.Outcome {
        try BinaryRunner.run(["check", "\(fixtures)/\(file)", "--policy", "\(fixtures)/\(policy)", "--ledger", cluster.url(database),
                              "--record", "--commit", commit, "--today", "\(month)-15", "--ledger-timeout", timeout],
                             environment: cluster.environment)
    }

    private func counting(_ cluster: PostgresCluster, _ database: String, month: String) throws -> [String] {
        let rows = try cluster.psql(database, "SELECT \"commit\" FROM costgate_runs WHERE month = '\(month)' AND NOT voided ORDER BY id")
        return rows.isEmpty ? [] : rows.split(separator: "\n").map(String.init)
    }

    /// Stopped while a recorder is inside its gate transaction (waiting for the lock another session
    /// holds): the recorder fails with exit 2, writes nothing, and the restarted server serves the next one.
    func testAServerStoppedMidRunIsExitTwoAndNothingHalfWritten() throws {
        let cluster = try PostgresCluster.start()
        let database = try cluster.createDatabase()
        XCTAssertEqual(try check(cluster, database, commit: "before").status, 0)

        let holder = try cluster.session(database, "BEGIN; SELECT pg_advisory_xact_lock(\(PostgresLedgerConnectionTests.gateLock));")
        try cluster.waitForHeldGateLock(database)
        let waiting = Process()
        waiting.executableURL = try BinaryRunner.executable
        waiting.arguments = ["check", "\(fixtures)/pair.yaml", "--policy", "\(fixtures)/policy-five.yaml", "--ledger", cluster.url(database),
                             "--record", "--commit", "during", "--today", "2026-11-15", "--ledger-timeout", "30"]
        waiting.currentDirectoryURL = BinaryRunner.repositoryRoot
        waiting.environment = ProcessInfo.processInfo.environment.merging(cluster.environment) { _, new in new }
        let errors = Pipe()
        waiting.standardOutput = FileHandle.nullDevice
        waiting.standardError = errors
        try waiting.run()
        // Until the recorder is seen waiting for the gate lock inside its transaction.
        var seen = false
        for _ in 0..<100 where !seen {
            Thread.sleep(forTimeInterval: 0.1)
            seen = try cluster.psql(database, """
                SELECT count(*) FROM pg_stat_activity WHERE application_name = 'costgate' AND wait_event_type = 'Lock'
                """) == "1"
        }
        XCTAssertTrue(seen, "the recorder waits for the gate lock")
        let stopped = Date()
        cluster.stop(mode: "fast")
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        waiting.waitUntilExit()
        XCTAssertLessThan(Date().timeIntervalSince(stopped), 8, "the recorder fails at once, not at its 30 s timeout")
        holder.finish()
        XCTAssertEqual(waiting.terminationStatus, 2, stderr)
        XCTAssertTrue(stderr.contains("postgres://costgate@127.0.0.1:\(cluster.port)/\(database)?sslmode=disable: error:"), stderr)
        XCTAssertTrue(stderr.contains("nothing recorded in the ledger"), stderr)

        let down = try check(cluster, database, commit: "down")
        XCTAssertEqual(down.status, 2, "a stopped server is exit 2, not a pass: \(down.stdout)")
        XCTAssertTrue(down.stderr.contains("cannot reach the ledger's server"), down.stderr)

        try cluster.startServer()
        XCTAssertEqual(try counting(cluster, database, month: "2026-11"), ["before"], "nothing of 'during' or 'down' was written")
        let after = try check(cluster, database, commit: "after")
        XCTAssertEqual(after.status, 0, "the restarted server is used by the next run: \(after.stderr)")
        XCTAssertEqual(try counting(cluster, database, month: "2026-11"), ["before", "after"])
    }

    /// A recorder killed with SIGKILL while inside its gate transaction (waiting for the lock): its
    /// transaction dies with its connection, nothing of it is written, and the next recorder is not blocked.
    func testARecorderKilledInsideItsTransactionLeavesNothingHeld() throws {
        let cluster = try PostgresCluster.start()
        let database = try cluster.createDatabase()
        XCTAssertEqual(try check(cluster, database, commit: "before").status, 0)
        let holder = try cluster.session(database, "BEGIN; SELECT pg_advisory_xact_lock(\(PostgresLedgerConnectionTests.gateLock));")
        try cluster.waitForHeldGateLock(database)
        let victim = Process()
        victim.executableURL = try BinaryRunner.executable
        victim.arguments = ["check", "\(fixtures)/pair.yaml", "--policy", "\(fixtures)/policy-five.yaml", "--ledger", cluster.url(database),
                            "--record", "--commit", "killed", "--today", "2026-11-15", "--ledger-timeout", "30"]
        victim.currentDirectoryURL = BinaryRunner.repositoryRoot
        victim.environment = ProcessInfo.processInfo.environment.merging(cluster.environment) { _, new in new }
        victim.standardOutput = FileHandle.nullDevice
        victim.standardError = FileHandle.nullDevice
        try victim.run()
        var waiting = false
        for _ in 0..<100 where !waiting {
            Thread.sleep(forTimeInterval: 0.1)
            waiting = try cluster.psql(database, """
                SELECT count(*) FROM pg_stat_activity WHERE application_name = 'costgate' AND wait_event_type = 'Lock'
                """) == "1"
        }
        XCTAssertTrue(waiting, "the recorder is inside its transaction, waiting for the gate lock")
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        holder.finish()
        let started = Date()
        let next = try check(cluster, database, commit: "next", timeout: "10")
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "nothing the killed recorder held blocks the next one")
        XCTAssertEqual(try counting(cluster, database, month: "2026-11"), ["before", "next"], "nothing of the killed check was written")
    }

    /// Stopped (as a crash: immediate) while 16 recorders of a two-run check are under way: each ends
    /// 0, 1 or 2, none hangs or crashes; after the restart every check is whole (both runs or none),
    /// every one that said it passed is there, and the month holds no more than the quota.
    func testACrashUnderSixteenRecordersLeavesWholeChecks() throws {
        let cluster = try PostgresCluster.start()
        let database = try cluster.createDatabase()
        XCTAssertEqual(try check(cluster, database, commit: "setup", month: "2020-01").status, 0)
        let contract = LedgerStoreContract(makeLedger: { "" }, environment: cluster.environment, claimSchemaVersion: { _, _ in })
        // The crash comes as soon as the first check is recorded, so the others are mid-way.
        let stopper = Thread {
            for _ in 0..<400 {
                let recorded = try? cluster.psql(database, "SELECT count(*) FROM costgate_runs WHERE month = '2026-10'")
                if let recorded, let count = Int(recorded), count > 0 { break }
                Thread.sleep(forTimeInterval: 0.02)
            }
            cluster.stop(mode: "immediate")
        }
        stopper.start()
        let statuses = try contract.parallel(16) { index in
            ["check", "\(self.fixtures)/pair.yaml", "--policy", "\(self.fixtures)/policy-five.yaml", "--ledger", cluster.url(database),
             "--record", "--commit", "c\(index)", "--today", "2026-10-15", "--ledger-timeout", "3"]
        }
        while stopper.isExecuting || !stopper.isFinished { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(statuses.contains(2), "the crash came mid-way: \(statuses)")
        XCTAssertTrue(statuses.allSatisfy { [0, 1, 2].contains($0) }, "\(statuses)")
        try cluster.startServer()
        let commits = try counting(cluster, database, month: "2026-10")
        let byCommit = Dictionary(grouping: commits) { $0 }
        XCTAssertFalse(commits.isEmpty, "the crash came after the first check was recorded")
        XCTAssertTrue(byCommit.values.allSatisfy { $0.count == 2 }, "whole checks only: \(commits)")
        XCTAssertLessThanOrEqual(commits.count, 4, "two $120 checks fit $300")
        let passed = statuses.enumerated().filter { $0.element == 0 }.map { "c\($0.offset)" }
        XCTAssertTrue(Set(passed).isSubset(of: Set(commits)), "every check that passed was recorded: \(passed) vs \(commits)")
        XCTAssertEqual(try check(cluster, database, commit: "after", month: "2026-12").status, 0, "the restart is survived")
    }
}
