import Foundation
import XCTest

/// The ledger contract against the embedded store, a SQLite file.
final class SQLiteLedgerStoreTests: XCTestCase {
    private func contract() throws -> LedgerStoreContract {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return LedgerStoreContract(
            makeLedger: { directory.appendingPathComponent("spend-\(UUID().uuidString.prefix(8)).db").path },
            environment: [:],
            claimSchemaVersion: { ledger, version in
                // What a newer costgate's migrator would have left: its migration's identifier.
                guard let python = LocalService.which("python3") else { throw XCTSkip("python3 is not installed") }
                let outcome = try PostgresCluster.run(python.path, ["-c", """
                    import sqlite3, sys
                    db = sqlite3.connect(sys.argv[1]); db.execute("INSERT INTO grdb_migrations VALUES (?)", ("v%d" % int(sys.argv[2]),)); db.commit()
                    """, ledger, String(version)])
                XCTAssertEqual(outcome.status, 0, outcome.output)
            })
    }

    /// A file an earlier costgate made (schema 1) is migrated when opened, its runs kept: one machine,
    /// one costgate, so there is no older runner to break.
    func testASchemaOneFileIsMigratedWhenOpened() throws {
        guard let python = LocalService.which("python3") else { throw XCTSkip("python3 is not installed") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let ledger = directory.appendingPathComponent("old.db").path
        let sql = BinaryRunner.repositoryRoot.appendingPathComponent("\(LedgerStoreContract.fixtures)/sqlite-v1.sql").path
        let made = try PostgresCluster.run(python.path, ["-c", "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
                                                          + "db.executescript(open(sys.argv[2]).read()); db.commit()", ledger, sql])
        XCTAssertEqual(made.status, 0, made.output)
        let before = try BinaryRunner.run(["ledger", "list", "--ledger", ledger])
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertTrue(before.stdout.contains("1 run, $60.00 counting"), before.stdout)
        let migrate = try BinaryRunner.run(["ledger", "migrate", "--ledger", ledger])
        XCTAssertTrue(migrate.stdout.contains("is at schema version 2, the current one"), migrate.stdout)
        let check = try BinaryRunner.run(["check", "\(LedgerStoreContract.fixtures)/job.yaml", "--policy",
                                          "\(LedgerStoreContract.fixtures)/policy.yaml", "--ledger", ledger, "--record", "--commit", "old",
                                          "--today", "2026-11-22"])
        XCTAssertEqual(check.status, 0, "the re-check of commit 'old' replaces the run schema 1 recorded: \(check.stdout)")
    }

    func testTheMonthCountsWhatWasApprovedEarlier() throws { try contract().theMonthCountsWhatWasApprovedEarlier() }
    func testTheIdempotencyKeyIsRepositoryCommitWorkload() throws { try contract().theIdempotencyKeyIsRepositoryCommitWorkload() }
    func testAuditReadsTheSameLedger() throws { try contract().auditReadsTheSameLedger() }
    func testReadingNeverCreatesALedger() throws { try contract().readingNeverCreatesALedger() }
    func testANewerSchemaIsRefused() throws { try contract().aNewerSchemaIsRefused() }
    func testSixteenRecordersTwentyRoundsNeverOverspend() throws { try contract().concurrentRecordersNeverOverspend() }
    func testKilledRecordersLeaveTheLedgerConsistent() throws { try contract().killedRecordersLeaveTheLedgerConsistent() }
}
