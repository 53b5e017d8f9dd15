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

    func testTheMonthCountsWhatWasApprovedEarlier() throws { try contract().theMonthCountsWhatWasApprovedEarlier() }
    func testTheIdempotencyKeyIsRepositoryCommitWorkload() throws { try contract().theIdempotencyKeyIsRepositoryCommitWorkload() }
    func testAuditReadsTheSameLedger() throws { try contract().auditReadsTheSameLedger() }
    func testReadingNeverCreatesALedger() throws { try contract().readingNeverCreatesALedger() }
    func testANewerSchemaIsRefused() throws { try contract().aNewerSchemaIsRefused() }
    func testSixteenRecordersTwentyRoundsNeverOverspend() throws { try contract().concurrentRecordersNeverOverspend() }
    func testKilledRecordersLeaveTheLedgerConsistent() throws { try contract().killedRecordersLeaveTheLedgerConsistent() }
}
