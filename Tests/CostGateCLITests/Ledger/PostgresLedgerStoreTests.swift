import Foundation
import XCTest

/// The ledger contract against a real PostgreSQL server: one cluster for the class, a new database per test.
final class PostgresLedgerStoreTests: XCTestCase {
    nonisolated(unsafe) private static var cluster: PostgresCluster?
    nonisolated(unsafe) private static var failure: (any Error)?

    override class func setUp() {
        do { cluster = try PostgresCluster.start() } catch { failure = error }
    }

    override class func tearDown() {
        cluster = nil
    }

    private func contract() throws -> LedgerStoreContract {
        if let failure = Self.failure { throw failure }
        let cluster = try XCTUnwrap(Self.cluster)
        return LedgerStoreContract(
            makeLedger: { cluster.url(try cluster.createDatabase()) },
            environment: cluster.environment,
            claimSchemaVersion: { ledger, version in
                let database = String(ledger.split(separator: "/").last!.split(separator: "?").first!)
                try cluster.psql(database, "INSERT INTO costgate_schema (version) VALUES (\(version))")
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
