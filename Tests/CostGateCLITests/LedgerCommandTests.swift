import Foundation
import XCTest

/// The spend ledger end to end: recording, replacing, voiding, bad files, and parallel CI jobs.
final class LedgerCommandTests: XCTestCase {
    private let fixtures = "Tests/CostGateCLITests/Fixtures/ledger"
    private let day = ["--today", "2026-11-22"]

    private func ledgerPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory.appendingPathComponent("spend.db").path
    }

    private func check(_ ledger: String, commit: String, record: Bool = true) throws -> BinaryRunner.Outcome {
        try BinaryRunner.run(["check", "\(fixtures)/job.yaml", "--policy", "\(fixtures)/policy.yaml", "--ledger", ledger, "--commit", commit]
                             + (record ? ["--record"] : []) + day)
    }

    func testTheMonthCountsWhatWasApprovedEarlier() throws {
        let ledger = try ledgerPath()
        let first = try check(ledger, commit: "aaa")
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        XCTAssertTrue(first.stderr.contains("recorded 1 run ($60.00) in the ledger"), first.stderr)
        // The same commit checked again replaces its run instead of counting it twice.
        XCTAssertEqual(try check(ledger, commit: "aaa").status, 0)
        // Another change would bring the month to $120: over the $100 quota.
        let second = try check(ledger, commit: "bbb")
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stdout.contains("plus $60.00 already committed in the ledger"), second.stdout)
        XCTAssertTrue(second.stderr.contains("nothing recorded in the ledger"), second.stderr)

        let list = try BinaryRunner.run(["ledger", "list", "--ledger", ledger, "--month", "2026-11"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.stdout.contains("1 run, $60.00 counting"), list.stdout)
        let all = try BinaryRunner.run(["ledger", "list", "--ledger", ledger, "--all", "--format", "json"])
        let runs = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 2, "the replaced run stays on record, void")
        XCTAssertEqual(runs.filter { $0["voided"] as? Bool == true }.count, 1)

        // Voiding the run frees the month.
        let id = try XCTUnwrap(runs.first { $0["voided"] as? Bool == false }?["id"] as? Int)
        let void = try BinaryRunner.run(["ledger", "void", String(id), "--reason", "cancelled", "--ledger", ledger])
        XCTAssertEqual(void.status, 0, void.stderr)
        XCTAssertTrue(void.stdout.contains("state: void (cancelled)"), void.stdout)
        XCTAssertEqual(try check(ledger, commit: "bbb").status, 0)
        XCTAssertEqual(try BinaryRunner.run(["ledger", "show", "999", "--ledger", ledger]).status, 2)
    }

    func testParallelChecksNeverBothTakeTheLastOfAQuota() throws {
        let ledger = try ledgerPath()
        // Creates the file and its table with a run in October, which November's quota does not count.
        let warmUp = try BinaryRunner.run(["check", "\(fixtures)/job.yaml", "--policy", "\(fixtures)/policy.yaml", "--ledger", ledger,
                                           "--record", "--commit", "october", "--today", "2026-10-15"])
        XCTAssertEqual(warmUp.status, 0, warmUp.stderr)
        let outcomes = try (0..<6).map { index -> Process in
            let process = Process()
            process.executableURL = try BinaryRunner.executable
            process.arguments = ["check", "\(fixtures)/job.yaml", "--policy", "\(fixtures)/policy.yaml", "--ledger", ledger,
                                 "--commit", "c\(index)", "--record"] + day
            process.currentDirectoryURL = BinaryRunner.repositoryRoot
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in outcomes { try process.run() }
        for process in outcomes { process.waitUntilExit() }
        let statuses = outcomes.map(\.terminationStatus).sorted()
        XCTAssertEqual(statuses, [0, 1, 1, 1, 1, 1], "exactly one of six concurrent $60 runs fits a $100 month")
        let list = try BinaryRunner.run(["ledger", "list", "--ledger", ledger, "--month", "2026-11"])
        XCTAssertTrue(list.stdout.contains("1 run, $60.00 counting"), list.stdout)
    }

    func testADamagedLedgerIsAnInputErrorNeverIgnored() throws {
        let ledger = try ledgerPath()
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: ledger))
        let outcome = try check(ledger, commit: "aaa")
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("\(ledger): error: the ledger is not a costgate ledger or is damaged"), outcome.stderr)
        let missing = try BinaryRunner.run(["ledger", "list", "--ledger", ledger + ".missing"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(try BinaryRunner.run(["check", "\(fixtures)/job.yaml", "--policy", "\(fixtures)/policy.yaml", "--record"] + day).status,
                       64, "--record without a ledger is a usage error")
        let absent = try BinaryRunner.run(["check", "\(fixtures)/job.yaml", "--policy", "\(fixtures)/policy.yaml", "--ledger",
                                           ledger + ".absent"] + day)
        XCTAssertEqual(absent.status, 2, "a ledger that is not there is a wrong path unless --record creates it")
        XCTAssertFalse(FileManager.default.fileExists(atPath: ledger + ".absent"), "reading never creates a ledger")
    }
}
