import Foundation
import XCTest

/// `costgate serve --admission` started from the built binary on 127.0.0.1 with a certificate made by
/// openssl for the test, and spoken to with curl over HTTPS, as kube-apiserver would.
final class AdmissionWebhook {
    let directory: URL
    let policy: URL
    let caCertificate: URL
    private(set) var port = 0
    private var pid: pid_t = 0
    let stderrFile: URL

    init(directory: URL, policy: String, extraArguments: [String] = []) throws {
        guard LocalService.which("openssl") != nil else { throw XCTSkip("openssl is not installed (.ci/run installs it)") }
        guard LocalService.which("curl") != nil else { throw XCTSkip("curl is not installed (.ci/run installs it)") }
        self.directory = directory
        self.policy = directory.appendingPathComponent("policy.yaml")
        caCertificate = directory.appendingPathComponent("ca.crt")
        stderrFile = directory.appendingPathComponent("serve.err")
        try policy.write(to: self.policy, atomically: true, encoding: .utf8)
        try makeCertificates()
        let binary = try BinaryRunner.executable
        pid = try Self.spawnInBackground(binary, ["serve", "--admission", "--host", "127.0.0.1", "--port", "0",
                                                  "--tls-cert", directory.appendingPathComponent("tls.crt").path,
                                                  "--tls-key", directory.appendingPathComponent("tls.key").path,
                                                  "--policy", self.policy.path] + extraArguments,
                                         stdout: directory.appendingPathComponent("serve.out"), stderr: stderrFile)
        let started = SlurmCluster.waitFor({ self.boundPort() != nil || !self.isRunning }, seconds: 60)
        guard started, let bound = boundPort() else {
            let log = stderr
            stop()
            throw XCTSkip("costgate serve did not start: \(log)")
        }
        port = bound
    }

    deinit { stop() }

    var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    var isRunning: Bool { pid > 0 && kill(pid, 0) == 0 && !exited }
    private var exitStatus: Int32?
    private var exited: Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            return true
        }
        return false
    }

    /// "costgate: admission webhook on https://127.0.0.1:PORT/validate" → PORT.
    private func boundPort() -> Int? {
        guard let range = stderr.range(of: "admission webhook on https://127.0.0.1:") else { return nil }
        return Int(stderr[range.upperBound...].prefix { $0.isNumber })
    }

    func signal(_ number: Int32) {
        if pid > 0 { kill(pid, number) }
    }

    /// SIGTERM, then the exit status (nil when it did not exit in time, and it is killed).
    @discardableResult
    func stop() -> Int32? {
        guard pid > 0 else { return exitStatus }
        if !exited { kill(pid, SIGTERM) }
        if !SlurmCluster.waitFor({ self.exited }, seconds: 20) {
            kill(pid, SIGKILL)
            _ = SlurmCluster.waitFor({ self.exited }, seconds: 5)
            pid = 0
            return nil
        }
        pid = 0
        return exitStatus
    }

    struct Answer {
        var code: Int
        var body: String

        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
        var response: [String: Any]? { json?["response"] as? [String: Any] }
        var allowed: Bool? { response?["allowed"] as? Bool }
        var status: [String: Any]? { response?["status"] as? [String: Any] }
        var message: String { status?["message"] as? String ?? "" }
        var warnings: [String] { response?["warnings"] as? [String] ?? [] }
    }

    /// One request with curl; `body` is a file to send.
    func request(_ path: String, method: String = "POST", bodyFile: URL? = nil, contentType: String = "application/json") throws -> Answer {
        let name = UUID().uuidString.prefix(8)
        let out = directory.appendingPathComponent("curl-\(name).out"), err = directory.appendingPathComponent("curl-\(name).err")
        let code = directory.appendingPathComponent("curl-\(name).code")
        var arguments = ["-sS", "--max-time", "30", "--cacert", caCertificate.path, "-o", out.path, "-w", "%{http_code}", "-X", method]
        if let bodyFile { arguments += ["-H", "Content-Type: \(contentType)", "--data-binary", "@\(bodyFile.path)"] }
        arguments.append("https://localhost:\(port)\(path)")
        let status = try SlurmCluster.spawn(LocalService.which("curl")!, arguments, environment: ProcessInfo.processInfo.environment,
                                            stdout: code, stderr: err)
        defer { [out, err, code].forEach { try? FileManager.default.removeItem(at: $0) } }
        guard status == 0 else {
            throw NSError(domain: "curl", code: Int(status), userInfo: [NSLocalizedDescriptionKey: (try? String(contentsOf: err, encoding: .utf8)) ?? ""])
        }
        return Answer(code: Int((try? String(contentsOf: code, encoding: .utf8)) ?? "") ?? 0,
                      body: (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    func review(_ fixture: String) throws -> Answer {
        try request("/validate?timeout=5s", bodyFile: Self.fixture(fixture))
    }

    static func fixture(_ name: String) -> URL {
        BinaryRunner.repositoryRoot.appendingPathComponent("Tests/CostGateCLITests/Fixtures/admission/\(name)")
    }

    private func makeCertificates() throws {
        let openssl = LocalService.which("openssl")!
        let null = URL(fileURLWithPath: "/dev/null")
        let env = ProcessInfo.processInfo.environment
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\n".write(toFile: path("ext.cnf"), atomically: true, encoding: .utf8)
        let steps: [[String]] = [
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", path("ca.key"),
             "-out", path("ca.crt"), "-subj", "/CN=costgate-test-ca", "-days", "2"],
            ["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", path("tls.key"),
             "-out", path("tls.csr"), "-subj", "/CN=localhost"],
            ["x509", "-req", "-in", path("tls.csr"), "-CA", path("ca.crt"), "-CAkey", path("ca.key"), "-CAcreateserial",
             "-out", path("tls.crt"), "-days", "2", "-extfile", path("ext.cnf")],
        ]
        for step in steps {
            let status = try SlurmCluster.spawn(openssl, step, environment: env, stdout: null, stderr: null)
            guard status == 0 else { throw XCTSkip("openssl \(step[0]) failed (exit \(status))") }
        }
    }

    /// posix_spawn without waiting: the server runs beside the test (Foundation's Process is not used; see SlurmCluster).
    static func spawnInBackground(_ binary: URL, _ arguments: [String], stdout: URL, stderr: URL) throws -> pid_t {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        return try SlurmCluster.start(binary, arguments, environment: environment, stdout: stdout, stderr: stderr)
    }
}
