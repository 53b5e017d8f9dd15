import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Reaching a PostgreSQL ledger: TLS modes, every way a connection fails (each exit 2, never a
/// password shown), the bound on waiting, and schema versions.
final class PostgresLedgerConnectionTests: XCTestCase {
    nonisolated(unsafe) private static var cluster: PostgresCluster?
    nonisolated(unsafe) private static var failure: (any Error)?
    private let fixtures = LedgerStoreContract.fixtures
    private let day = ["--today", "2026-11-22"]
    /// `pg_advisory_xact_lock`'s keys for the gate: costgate's lock space ('cgat') and 1.
    static let gateLock = "1667719540, 1"

    override class func setUp() {
        do { cluster = try PostgresCluster.start() } catch { failure = error }
    }

    override class func tearDown() {
        cluster = nil
    }

    private func cluster() throws -> PostgresCluster {
        if let failure = Self.failure { throw failure }
        return try XCTUnwrap(Self.cluster)
    }

    private func check(_ ledger: String, environment: [String: String], extra: [String] = []) throws -> BinaryRunner.Outcome {
        try BinaryRunner.run(["check", "\(fixtures)/job.yaml", "--policy", "\(fixtures)/policy.yaml", "--ledger", ledger, "--record",
                              "--commit", "aaa"] + day + extra, environment: environment)
    }

    func testTLSModes() throws {
        let cluster = try cluster()
        guard let certificate = cluster.certificate else { throw XCTSkip("openssl is not installed: no certificate for the TLS tests") }
        let database = try cluster.createDatabase()
        let required = try check(cluster.url(database, sslmode: "require"), environment: cluster.environment)
        XCTAssertEqual(required.status, 0, required.stderr)
        XCTAssertTrue(required.stderr.contains("in the ledger postgres://costgate@127.0.0.1:\(cluster.port)/\(database)?sslmode=require"),
                      required.stderr)
        let verified = try BinaryRunner.run(["ledger", "list", "--ledger",
                                             cluster.url(database, sslmode: "verify-full", host: "localhost",
                                                         extra: "&sslrootcert=\(certificate.path)")],
                                            environment: cluster.environment)
        XCTAssertEqual(verified.status, 0, verified.stderr)
        XCTAssertTrue(verified.stdout.contains("1 run, $60.00 counting"), verified.stdout)
        // The system's roots do not trust a self-signed certificate.
        let untrusted = try BinaryRunner.run(["ledger", "list", "--ledger", cluster.url(database, sslmode: "verify-full", host: "localhost")],
                                             environment: cluster.environment)
        XCTAssertEqual(untrusted.status, 2, untrusted.stdout)
        XCTAssertTrue(untrusted.stderr.contains("error: TLS with the ledger's server failed"), untrusted.stderr)
        let missingRoot = try BinaryRunner.run(["ledger", "list", "--ledger",
                                                cluster.url(database, sslmode: "verify-ca", extra: "&sslrootcert=/no/such/ca.pem")],
                                               environment: cluster.environment)
        XCTAssertEqual(missingRoot.status, 2)
        XCTAssertTrue(missingRoot.stderr.contains("cannot use sslrootcert '/no/such/ca.pem'"), missingRoot.stderr)
    }

    func testCredentialsAreRefusedAndNeverPrinted() throws {
        let cluster = try cluster()
        let database = try cluster.createDatabase()
        let wrong = try check(cluster.url(database), environment: ["PGPASSWORD": "not-the-password"])
        XCTAssertEqual(wrong.status, 2, wrong.stdout)
        XCTAssertTrue(wrong.stderr.contains("postgres://costgate@127.0.0.1:\(cluster.port)/\(database)?sslmode=disable: "
                                            + "error: the ledger's server refused the credentials"), wrong.stderr)
        XCTAssertFalse((wrong.stdout + wrong.stderr).contains("not-the-password"))

        let none = try check(cluster.url(database), environment: ["PGPASSWORD": ""])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("the server asks for a password: put it in COSTGATE_LEDGER_URL or PGPASSWORD"), none.stderr)

        // A password on the command line works, is warned about, and is shown nowhere.
        let url = cluster.url(database).replacingOccurrences(of: "costgate@", with: "costgate:\(PostgresCluster.password)@")
        let typed = try check(url, environment: ["PGPASSWORD": ""])
        XCTAssertEqual(typed.status, 0, typed.stderr)
        XCTAssertTrue(typed.stderr.contains("warning: the --ledger URL holds a password"), typed.stderr)
        XCTAssertFalse((typed.stdout + typed.stderr).contains(PostgresCluster.password))

        // COSTGATE_LEDGER_URL carries it without a command line.
        let variable = try BinaryRunner.run(["ledger", "list"], environment: ["COSTGATE_LEDGER_URL": url, "PGPASSWORD": ""])
        XCTAssertEqual(variable.status, 0, variable.stderr)
        XCTAssertTrue(variable.stdout.contains("1 run, $60.00 counting"), variable.stdout)
        XCTAssertFalse(variable.stderr.contains("warning"), variable.stderr)
        let failing = try BinaryRunner.run(["ledger", "show", "42"], environment: ["COSTGATE_LEDGER_URL": url, "PGPASSWORD": ""])
        XCTAssertEqual(failing.status, 2)
        XCTAssertFalse((failing.stdout + failing.stderr).contains(PostgresCluster.password), failing.stderr)
    }

    func testARefusedConnectionIsExitTwo() throws {
        let port = try PostgresCluster.freePort()
        let outcome = try check("postgres://costgate@127.0.0.1:\(port)/ledger?sslmode=disable", environment: ["PGPASSWORD": "x"])
        XCTAssertEqual(outcome.status, 2, outcome.stdout)
        XCTAssertTrue(outcome.stderr.contains("error: cannot reach the ledger's server"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("connection refused"), outcome.stderr)
    }

    /// A server that accepts and never answers: the bound is --ledger-timeout.
    func testASilentServerTimesOut() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 8) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard listening else { throw XCTSkip("cannot listen on a loopback port") }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let started = Date()
        let outcome = try check("postgres://costgate@127.0.0.1:\(port)/ledger?sslmode=disable", environment: ["PGPASSWORD": "x"],
                                extra: ["--ledger-timeout", "1"])
        XCTAssertEqual(outcome.status, 2, outcome.stdout)
        XCTAssertTrue(outcome.stderr.contains("error: the ledger did not answer within 1 s (--ledger-timeout)"), outcome.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 8)
    }

    /// A recorder that holds the gate lock for ever (a hung job) makes the others fail in bounded time, not wait.
    func testAHeldGateLockIsBoundedByTheTimeout() throws {
        let cluster = try cluster()
        let database = try cluster.createDatabase()
        XCTAssertEqual(try check(cluster.url(database), environment: cluster.environment).status, 0)
        let holder = try cluster.session(database, "BEGIN; SELECT pg_advisory_xact_lock(\(Self.gateLock));")
        defer { holder.finish() }
        try cluster.waitForHeldGateLock(database)
        let started = Date()
        let blocked = try check(cluster.url(database), environment: cluster.environment, extra: ["--commit", "bbb", "--ledger-timeout", "1"])
        XCTAssertEqual(blocked.status, 2, blocked.stdout)
        XCTAssertTrue(blocked.stderr.contains("the ledger stayed locked by another costgate for too long")
                      || blocked.stderr.contains("did not answer within 1 s"), blocked.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 8)
        holder.finish()
        XCTAssertEqual(try check(cluster.url(database), environment: cluster.environment, extra: ["--commit", "aaa"]).status, 0,
                       "released, the ledger works again")
    }

    func testAnOlderSchemaIsMigratedOnlyOnRequest() throws {
        let cluster = try cluster()
        let database = try cluster.createDatabase()
        try cluster.psql(database, file: BinaryRunner.repositoryRoot.appendingPathComponent("\(fixtures)/postgres-v1.sql").path)
        let ledger = cluster.url(database)
        let refused = try check(ledger, environment: cluster.environment)
        XCTAssertEqual(refused.status, 2, refused.stdout)
        XCTAssertTrue(refused.stderr.contains("the ledger's schema is version 1 and this costgate needs 2: run 'costgate ledger migrate'"),
                      refused.stderr)
        let migrate = try BinaryRunner.run(["ledger", "migrate", "--ledger", ledger], environment: cluster.environment)
        XCTAssertEqual(migrate.status, 0, migrate.stderr)
        XCTAssertTrue(migrate.stdout.contains("migrated the ledger \(ledger) from schema version 1 to 2"), migrate.stdout)
        let list = try BinaryRunner.run(["ledger", "list", "--ledger", ledger], environment: cluster.environment)
        XCTAssertTrue(list.stdout.contains("1 run, $60.00 counting"), list.stdout)
        XCTAssertEqual(try check(ledger, environment: cluster.environment).status, 1, "the old run still counts: $120 is over $100")
        XCTAssertEqual(try cluster.psql(database, "SELECT string_agg(version::text, ',' ORDER BY version) FROM costgate_schema"), "1,2")
    }

    func testMigrateCreatesAnEmptyDatabasesLedger() throws {
        let cluster = try cluster()
        let database = try cluster.createDatabase()
        let migrate = try BinaryRunner.run(["ledger", "migrate", "--ledger", cluster.url(database)], environment: cluster.environment)
        XCTAssertEqual(migrate.status, 0, migrate.stderr)
        XCTAssertTrue(migrate.stdout.contains("created the ledger \(cluster.url(database)) at schema version 2"), migrate.stdout)
        XCTAssertEqual(try BinaryRunner.run(["ledger", "list", "--ledger", cluster.url(database)], environment: cluster.environment).stdout,
                       "no recorded runs\n")
    }

    /// A policy may name the shared ledger by URL (never a path relative to it), but never with a password.
    func testAPolicyNamesTheSharedLedger() throws {
        let cluster = try cluster()
        let database = try cluster.createDatabase()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let base = try String(contentsOf: BinaryRunner.repositoryRoot.appendingPathComponent("\(fixtures)/policy.yaml"), encoding: .utf8)
        let policy = directory.appendingPathComponent("policy.yaml")
        try (base + "ledger: \(cluster.url(database))\n").write(to: policy, atomically: true, encoding: .utf8)
        let recorded = try BinaryRunner.run(["check", "\(fixtures)/job.yaml", "--policy", policy.path, "--record", "--commit", "aaa"] + day,
                                            environment: cluster.environment)
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        XCTAssertTrue(recorded.stderr.contains("in the ledger \(cluster.url(database))"), recorded.stderr)
        let list = try BinaryRunner.run(["ledger", "list", "--policy", policy.path], environment: cluster.environment)
        XCTAssertTrue(list.stdout.contains("1 run, $60.00 counting"), list.stdout + list.stderr)

        let secret = cluster.url(database).replacingOccurrences(of: "costgate@", with: "costgate:\(PostgresCluster.password)@")
        try (base + "ledger: \(secret)\n").write(to: policy, atomically: true, encoding: .utf8)
        let refused = try BinaryRunner.run(["check", "\(fixtures)/job.yaml", "--policy", policy.path] + day, environment: cluster.environment)
        XCTAssertEqual(refused.status, 2, refused.stdout)
        XCTAssertTrue(refused.stderr.contains("a ledger URL in the policy must not hold a password"), refused.stderr)
        XCTAssertFalse((refused.stdout + refused.stderr).contains(PostgresCluster.password))
    }

    func testUnusableLocations() throws {
        let noUser = try check("postgres://127.0.0.1:5432/ledger", environment: [:])
        XCTAssertEqual(noUser.status, 2)
        XCTAssertTrue(noUser.stderr.contains("error: invalid ledger location: no user"), noUser.stderr)
        let unknown = try check("postgres://costgate@127.0.0.1:5432/ledger?sslmod=require", environment: [:])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown parameter 'sslmod': costgate reads sslmode and sslrootcert; did you mean 'sslmode'?"),
                      unknown.stderr)
        let mode = try check("postgres://costgate@127.0.0.1:5432/ledger?sslmode=allow", environment: [:])
        XCTAssertTrue(mode.stderr.contains("unknown sslmode 'allow': expected one of disable, prefer, require, verify-ca, verify-full"),
                      mode.stderr)
        XCTAssertEqual(try check("postgres://costgate@127.0.0.1:5432/ledger", environment: [:], extra: ["--ledger-timeout", "0"]).status, 64)
    }
}
