import CostGateLedger
import XCTest

/// `--ledger` and COSTGATE_LEDGER_URL: which store, libpq's URL form, and a printed form that never holds the password.
final class LedgerLocationTests: XCTestCase {
    func testAPathIsSQLiteAndAPostgresURLIsPostgres() throws {
        XCTAssertEqual(try LedgerLocation("spend.db"), .sqlite(path: "spend.db"))
        XCTAssertEqual(try LedgerLocation("/var/lib/costgate/spend.db"), .sqlite(path: "/var/lib/costgate/spend.db"))
        guard case .postgres(let url) = try LedgerLocation("postgresql://ci:s%40cret@db.internal:6432/spend?sslmode=verify-full&sslrootcert=/etc/ca.pem")
        else { return XCTFail("a postgresql:// URL is PostgreSQL") }
        XCTAssertEqual(url, PostgresLedgerURL(host: "db.internal", port: 6432, user: "ci", password: "s@cret", database: "spend",
                                              sslMode: .verifyFull, sslRootCert: "/etc/ca.pem"))
    }

    func testDefaultsFollowLibpq() throws {
        let url = try PostgresLedgerURL("postgres://costgate@db")
        XCTAssertEqual(url.port, 5432)
        XCTAssertEqual(url.database, "costgate", "the database defaults to the user's name")
        XCTAssertEqual(url.sslMode, .prefer)
        XCTAssertNil(url.password)
        XCTAssertEqual(try PostgresLedgerURL("postgres://u@[::1]:5433/d").host, "::1")
    }

    func testThePrintedFormNeverHoldsThePassword() throws {
        let url = try PostgresLedgerURL("postgres://ci:hunter2@db.internal:5432/spend?sslmode=require")
        XCTAssertEqual(url.redacted, "postgres://ci@db.internal:5432/spend?sslmode=require")
        XCTAssertEqual(try LedgerLocation("postgres://ci:hunter2@db/spend").displayName, "postgres://ci@db:5432/spend")
        XCTAssertEqual(try PostgresLedgerURL("postgres://u@[::1]/d").redacted, "postgres://u@[::1]:5432/d")
        for bad in ["postgres://ci:hunter2@/spend", "postgres://:hunter2@db/spend", "postgres://ci:hunter2@db/spend?sslmode=on",
                    "postgres://ci:hunter2@db/spend?password=x", "postgres://ci:hunter2@db/spend?sslmode=require&sslrootcert=ca.pem"] {
            XCTAssertThrowsError(try LedgerLocation(bad), bad) { error in
                let error = error as? LedgerError
                XCTAssertFalse(error?.path.contains("hunter2") ?? true, "\(bad): \(String(describing: error))")
                XCTAssertFalse(error?.message.contains("hunter2") ?? true, "\(bad): \(String(describing: error))")
            }
        }
    }

    func testUnknownParametersAreErrorsWithASuggestion() {
        XCTAssertThrowsError(try PostgresLedgerURL("postgres://u@db/d?sslmod=require")) { error in
            XCTAssertEqual((error as? LedgerError)?.message,
                           "invalid ledger location: unknown parameter 'sslmod': costgate reads sslmode and sslrootcert; did you mean 'sslmode'?")
        }
    }

    func testTheReplacementKeyIsRepositoryCommitWorkload() {
        let entry = LedgerEntry(workload: "Job/ml/train", name: "train", team: "ml", month: "2026-11", amountCents: 6000, figure: "expected",
                                recordedAt: "2026-11-02T10:00:00Z", commit: "aaa", pullRequest: nil, source: "job.yaml:2", repository: "acme/models")
        XCTAssertTrue(LedgerReplacement(repository: "acme/models", commit: "aaa", workloads: ["Job/ml/train"]).matches(entry))
        XCTAssertFalse(LedgerReplacement(repository: "acme/infra", commit: "aaa", workloads: ["Job/ml/train"]).matches(entry))
        XCTAssertFalse(LedgerReplacement(repository: "acme/models", commit: "bbb", workloads: ["Job/ml/train"]).matches(entry))
        XCTAssertFalse(LedgerReplacement(repository: "acme/models", commit: nil, workloads: ["Job/ml/train"]).matches(entry),
                       "no commit, no identity: nothing is replaced")
        var voided = entry
        voided.voided = true
        XCTAssertFalse(LedgerReplacement(repository: "acme/models", commit: "aaa", workloads: ["Job/ml/train"]).matches(voided))
    }
}
