import Foundation
import XCTest
@testable import CostGateLedger
@testable import CostGateBasics

final class LedgerTests: XCTestCase {
    private let november = CalendarMonth(year: 2026, month: 11)!

    private func entry(_ workload: String, team: String? = "ml", cents: Int64 = 10_000, commit: String? = "abc", repository: String? = "org/repo",
                       month: String = "2026-11", voided: Bool = false) -> LedgerEntry {
        LedgerEntry(workload: workload, name: workload, team: team, month: month, amountCents: cents, figure: "expected",
                    recordedAt: "2026-11-20T10:00:00Z", commit: commit, pullRequest: nil, source: "job.yaml:1", voided: voided,
                    repository: repository)
    }

    private func scratchLedger() throws -> SQLiteLedger {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return try SQLiteLedger(path: directory.appendingPathComponent("spend.db").path)
    }

    func testTheIdempotencyKeyIsRepositoryCommitAndWorkload() {
        let key = LedgerReplacement(repository: "org/repo", commit: "abc", workloads: ["Job/ml/a", "Job/ml/b"])
        XCTAssertTrue(key.matches(entry("Job/ml/a")))
        XCTAssertFalse(key.matches(entry("Job/ml/c")), "another workload of the same commit stays")
        XCTAssertFalse(key.matches(entry("Job/ml/a", commit: "def")), "another commit stays")
        XCTAssertFalse(key.matches(entry("Job/ml/a", repository: "fork/repo")), "the same sha in a fork is another run")
        XCTAssertFalse(key.matches(entry("Job/ml/a", voided: true)), "a voided entry is not replaced again")
        XCTAssertFalse(LedgerReplacement(commit: nil, workloads: ["Job/ml/a"]).matches(entry("Job/ml/a", commit: nil, repository: nil)),
                       "without a commit a check has no identity to retry")
    }

    func testMoneyIsKeptInWholeCentsRoundedHalfAwayFromZero() {
        XCTAssertEqual(LedgerEntry.cents(Decimal(string: "1152.725")!), 115_273)
        XCTAssertEqual(LedgerEntry.cents(Decimal(string: "0.004")!), 0)
        XCTAssertEqual(LedgerEntry.cents(Decimal(string: "-2.005")!), -201)
        XCTAssertEqual(entry("x", cents: 123_456).amount, Decimal(string: "1234.56"))
    }

    func testAGateRecordsOnlyWhatItReturnsAndSeesWhatWasCommittedBefore() throws {
        let ledger = try scratchLedger()
        let first = try ledger.gate(month: november, replacing: LedgerReplacement(commit: "abc", workloads: ["Job/ml/a"])) { committed in
            (committed, [entry("Job/ml/a", cents: 40_000)])
        }
        XCTAssertEqual(first.result, [:], "a new ledger has nothing committed")
        XCTAssertEqual(first.recorded.map(\.amountCents), [40_000])
        XCTAssertNotNil(first.recorded.first?.id)

        let second = try ledger.gate(month: november, replacing: LedgerReplacement(commit: "def", workloads: [])) { committed in
            (committed, [])
        }
        XCTAssertEqual(second.result, ["ml": 400])
        XCTAssertEqual(second.recorded, [])
        XCTAssertEqual(try ledger.committed(month: CalendarMonth(year: 2026, month: 12)!), [:], "another month counts nothing")
    }

    func testARecheckOfTheSameCommitReplacesItsRunsInsteadOfCountingTwice() throws {
        let ledger = try scratchLedger()
        let key = LedgerReplacement(repository: "org/repo", commit: "abc", workloads: ["Job/ml/a"])
        _ = try ledger.gate(month: november, replacing: key) { _ in ((), [self.entry("Job/ml/a", cents: 40_000)]) }
        let again = try ledger.gate(month: november, replacing: key) { committed in
            (committed, [self.entry("Job/ml/a", cents: 50_000)])
        }
        XCTAssertEqual(again.result, [:], "the run being replaced is not counted against its own re-check")
        XCTAssertEqual(try ledger.committed(month: november), ["ml": 500])
        let all = try ledger.entries(month: november, team: "ml", includeVoided: true)
        XCTAssertEqual(all.map(\.voided), [true, false])
        XCTAssertEqual(all.first?.voidReason, LedgerEntry.replacedReason)
    }

    func testAVoidedRunStaysOnRecordButStopsCounting() throws {
        let ledger = try scratchLedger()
        let recorded = try ledger.gate(month: november, replacing: LedgerReplacement(commit: nil, workloads: [])) { _ in
            ((), [self.entry("Job/ml/a", cents: 10_000), self.entry("Job/ml/b", team: "vision", cents: 20_000)])
        }.recorded
        let id = try XCTUnwrap(recorded.first?.id)
        let voided = try ledger.void(id, reason: "never ran")
        XCTAssertTrue(voided.voided)
        XCTAssertEqual(voided.voidReason, "never ran")
        XCTAssertEqual(try ledger.committed(month: november), ["vision": 200])
        XCTAssertEqual(try ledger.entries().map(\.workload), ["Job/ml/b"])
        XCTAssertEqual(try ledger.entries(month: nil, team: nil, includeVoided: true).map(\.workload), ["Job/ml/a", "Job/ml/b"])
        XCTAssertEqual(try ledger.entry(id).workload, "Job/ml/a")
        XCTAssertThrowsError(try ledger.entry(999)) { error in
            XCTAssertEqual(error as? LedgerError, .noSuchEntry(path: ledger.path, id: 999))
        }
        XCTAssertEqual(try ledger.schemaVersion(), LedgerSchema.current)
    }

    func testReadingNeverCreatesALedgerAndAForeignFileIsDamaged() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("typo.db").path
        XCTAssertThrowsError(try SQLiteLedger.existing(path: missing, hint: " (check --ledger)")) { error in
            XCTAssertEqual(error as? LedgerError, .cannotOpen(path: missing, reason: "no such file (check --ledger)"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
        XCTAssertEqual(try SQLiteLedger.storedVersion(path: missing), 0)

        let foreign = directory.appendingPathComponent("notes.db").path
        try Data("these are not the pages of a database, though long enough to look like a header".utf8).write(to: URL(fileURLWithPath: foreign))
        XCTAssertThrowsError(try SQLiteLedger(path: foreign)) { error in
            guard case .corrupt(let path, _)? = error as? LedgerError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, foreign)
        }
    }

    func testMessagesSayTheTimeoutInSecondsAndPointAtTheLedger() {
        XCTAssertEqual(LedgerError.timedOut(path: "spend.db", seconds: 10).message,
                       "the ledger did not answer within 10 s (--ledger-timeout)")
        XCTAssertEqual(LedgerError.timedOut(path: "spend.db", seconds: 2.5).message,
                       "the ledger did not answer within 2.5 s (--ledger-timeout)")
        let diagnostic = LedgerError.locked(path: "spend.db").diagnostic
        XCTAssertEqual(diagnostic.rendered, "spend.db: error: the ledger stayed locked by another costgate for too long; try again [ledger]")
    }
}
