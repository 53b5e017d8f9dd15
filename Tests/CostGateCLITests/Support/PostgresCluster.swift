import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster for the ledger tests: initdb in a temporary directory, a server on a
/// free 127.0.0.1 port with password authentication and TLS (a self-signed certificate for localhost),
/// stopped and removed at the end. initdb and postgres refuse to run as root, so as root (CI) they run
/// as the `postgres` user Debian's package creates (else `nobody`). Tests skip only when no
/// PostgreSQL server binaries are installed (`apt-get install postgresql`).
final class PostgresCluster: @unchecked Sendable {
    static let user = "costgate"
    static let password = "cg-test-secret-3b9f"

    let directory: URL
    let binaries: URL
    let port: Int
    /// The account the server runs as, when this process is root.
    let serverUser: String?
    /// The server's certificate (CN and SAN localhost, 127.0.0.1), when openssl made one.
    let certificate: URL?
    private var stopped = true

    var dataDirectory: URL { directory.appendingPathComponent("data") }
    var logFile: URL { directory.appendingPathComponent("server.log") }

    /// The server binaries: COSTGATE_PG_BIN, else the newest /usr/lib/postgresql/N/bin, else pg_ctl on PATH.
    static func findBinaries() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let bin = environment["COSTGATE_PG_BIN"] { return URL(fileURLWithPath: bin) }
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        for version in versions.reversed() where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/initdb") {
            return URL(fileURLWithPath: "\(root)/\(version)/bin")
        }
        if let pgCtl = LocalService.which("pg_ctl"), FileManager.default.isExecutableFile(
            atPath: pgCtl.deletingLastPathComponent().appendingPathComponent("initdb").path) {
            return pgCtl.deletingLastPathComponent()
        }
        return nil
    }

    /// Starts a new cluster, or skips the test when PostgreSQL is not installed.
    static func start() throws -> PostgresCluster {
        guard let binaries = findBinaries() else {
            throw XCTSkip("no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql, or set COSTGATE_PG_BIN")
        }
        let cluster = try PostgresCluster(binaries: binaries)
        try cluster.startServer()
        return cluster
    }

    private init(binaries: URL) throws {
        self.binaries = binaries
        // As root the server's user must reach the directory: /tmp, whatever TMPDIR says (it may be under /root).
        let parent = geteuid() == 0 && FileManager.default.fileExists(atPath: "/tmp") ? "/tmp" : NSTemporaryDirectory()
        let directory = URL(fileURLWithPath: parent).appendingPathComponent("costgate-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.directory = directory
        serverUser = geteuid() == 0 ? (getpwnam("postgres") != nil ? "postgres" : "nobody") : nil
        port = try Self.freePort()
        let passwordFile = directory.appendingPathComponent("password")
        try Self.password.write(to: passwordFile, atomically: true, encoding: .utf8)
        certificate = Self.makeCertificate(in: directory)
        if let serverUser, let account = getpwnam(serverUser) {
            for path in [directory.path, passwordFile.path, directory.appendingPathComponent("server.key").path,
                         directory.appendingPathComponent("server.crt").path] where FileManager.default.fileExists(atPath: path) {
                chown(path, account.pointee.pw_uid, account.pointee.pw_gid)
            }
        }
        chmod(directory.path, 0o755)
        let initdb = try run(server: "initdb", ["-D", dataDirectory.path, "-U", Self.user, "--pwfile=\(passwordFile.path)",
                                                "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-sync"])
        guard initdb.status == 0 else {
            throw XCTSkip("initdb failed (\(initdb.status)): \(initdb.output.suffix(400))")
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// `pg_ctl start`, waiting until the server accepts connections.
    func startServer(tls: Bool = true) throws {
        var options = "-p \(port) -c listen_addresses=127.0.0.1 -k \(directory.path) -c fsync=off -c max_connections=60"
        if tls, certificate != nil {
            options += " -c ssl=on -c ssl_cert_file=\(directory.path)/server.crt -c ssl_key_file=\(directory.path)/server.key"
        }
        let started = try run(server: "pg_ctl", ["-D", dataDirectory.path, "-l", logFile.path, "-w", "-t", "60", "-o", options, "start"])
        guard started.status == 0 else {
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            throw XCTSkip("the PostgreSQL server did not start: \(started.output.suffix(300)) \(log.suffix(600))")
        }
        stopped = false
    }

    /// `pg_ctl stop`: `fast` ends sessions (rolling back their transactions), `immediate` is a crash.
    func stop(mode: String = "fast") {
        guard !stopped else { return }
        _ = try? run(server: "pg_ctl", ["-D", dataDirectory.path, "-m", mode, "-w", "-t", "60", "stop"])
        stopped = true
    }

    /// The ledger URL of `database`, without the password (the tests pass it as PGPASSWORD).
    func url(_ database: String, sslmode: String = "disable", host: String = "127.0.0.1", extra: String = "") -> String {
        "postgres://\(Self.user)@\(host):\(port)/\(database)?sslmode=\(sslmode)\(extra)"
    }

    /// The environment a costgate needs to log in.
    var environment: [String: String] { ["PGPASSWORD": Self.password] }

    /// A new, empty database.
    func createDatabase() throws -> String {
        let name = "ledger_\(UUID().uuidString.prefix(8).lowercased())"
        let outcome = try run(client: "createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, name])
        guard outcome.status == 0 else { throw XCTSkip("createdb failed: \(outcome.output)") }
        return name
    }

    /// psql's unaligned, tuples-only output of `sql`.
    @discardableResult
    func psql(_ database: String, _ sql: String) throws -> String {
        let outcome = try run(client: "psql", ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, "-d", database, "-At",
                                               "-v", "ON_ERROR_STOP=1", "-c", sql])
        guard outcome.status == 0 else {
            XCTFail("psql failed: \(sql): \(outcome.output)")
            return ""
        }
        return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs a file of SQL in one transaction.
    func psql(_ database: String, file: String) throws {
        let outcome = try run(client: "psql", ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, "-d", database, "-q",
                                               "-v", "ON_ERROR_STOP=1", "-1", "-f", file])
        XCTAssertEqual(outcome.status, 0, "psql -f \(file): \(outcome.output)")
    }

    /// A psql left running with `sql` sent and its standard input open: a session that holds what
    /// `sql` took (a lock, an open transaction) until `finish` ends it.
    func session(_ database: String, _ sql: String) throws -> (process: Process, finish: () -> Void) {
        let process = Process()
        process.executableURL = binaries.appendingPathComponent("psql")
        process.arguments = ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, "-d", database, "-At", "-q"]
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = Self.password
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data((sql + "\n").utf8))
        return (process, {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        })
    }

    /// Waits until some session holds costgate's gate lock (a `session` started to take it).
    func waitForHeldGateLock(_ database: String) throws {
        for _ in 0..<100 {
            let held = try psql(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = 1")
            if held == "1" { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("no session took the gate lock")
    }

    // MARK: - Processes

    struct Outcome {
        var status: Int32
        var output: String
    }

    /// A server binary (initdb, pg_ctl), as the server's user when root.
    func run(server name: String, _ arguments: [String]) throws -> Outcome {
        let binary = binaries.appendingPathComponent(name).path
        guard let serverUser else { return try Self.run(binary, arguments) }
        let runuser = ["/usr/sbin/runuser", "/sbin/runuser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let runuser else { throw XCTSkip("running as root, and runuser (util-linux) is missing to start PostgreSQL as '\(serverUser)'") }
        return try Self.run(runuser, ["-u", serverUser, "--", binary] + arguments)
    }

    /// A client binary (createdb, psql), logged in with the test password.
    func run(client name: String, _ arguments: [String]) throws -> Outcome {
        try Self.run(binaries.appendingPathComponent(name).path, arguments, environment: environment)
    }

    /// Runs a helper to its end, its output in a file. posix_spawn with every descriptor past stderr
    /// closed, not Foundation's Process: the server pg_ctl leaves running would inherit the socket
    /// Process watches its child through, and waitUntilExit would wait for the server to stop.
    static func run(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:]) throws -> Outcome {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { _, new in new }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-pg-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // glibc ignores closing one that is not open (closefrom_np is not imported into Swift).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            if let descriptor = Int32(name), descriptor > 2 { posix_spawn_file_actions_addclose(&actions, descriptor) }
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw XCTSkip("cannot run \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(status: exited, output: (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    /// A port nothing listens on now: bound to 0, read back, released.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw XCTSkip("no socket") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw XCTSkip("cannot bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A self-signed certificate for localhost and 127.0.0.1; nil without openssl (TLS tests then skip).
    static func makeCertificate(in directory: URL) -> URL? {
        guard let openssl = LocalService.which("openssl") else { return nil }
        let key = directory.appendingPathComponent("server.key"), certificate = directory.appendingPathComponent("server.crt")
        let made = try? run(openssl.path, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path, "-out", certificate.path,
                                           "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        guard made?.status == 0 else { return nil }
        chmod(key.path, 0o600)
        return certificate
    }
}
