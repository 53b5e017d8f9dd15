import Foundation
import XCTest

/// A helper process on 127.0.0.1 for the duration of a test (a fake webhook, a real Alertmanager).
final class LocalService {
    let process: Process
    let port: Int

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The webhook stand-in: records every POST to `record` and answers `status`.
    static func webhook(record: URL, status: Int = 200) throws -> LocalService {
        let script = BinaryRunner.repositoryRoot.appendingPathComponent("Tests/CostGateCLITests/Fixtures/audit/webhook_server.py")
        guard let python = which("python3") else { throw XCTSkip("python3 is not installed") }
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path, record.path, String(status)]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line is the port the server chose.
        var line = Data()
        while true {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw XCTSkip("the webhook stand-in did not start")
        }
        return LocalService(process: process, port: port)
    }

    /// Debian's Prometheus Alertmanager with a temporary configuration and storage, on a free port.
    static func alertmanager(directory: URL) throws -> LocalService {
        guard let binary = which("prometheus-alertmanager") ?? which("alertmanager") else {
            throw XCTSkip("prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager)")
        }
        let config = directory.appendingPathComponent("alertmanager.yml")
        try "route:\n  receiver: none\nreceivers:\n  - name: none\n".write(to: config, atomically: true, encoding: .utf8)
        for _ in 0..<5 {
            let port = Int.random(in: 20_000...45_000)
            let process = Process()
            process.executableURL = binary
            process.arguments = ["--config.file=\(config.path)", "--storage.path=\(directory.appendingPathComponent("data").path)",
                                 "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address="]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let service = LocalService(process: process, port: port)
            for _ in 0..<50 {
                if !process.isRunning { break }
                if (try? get(URL(string: "http://127.0.0.1:\(port)/api/v2/status")!)) != nil { return service }
                Thread.sleep(forTimeInterval: 0.1)
            }
            service.stop()
        }
        throw XCTSkip("Alertmanager did not start")
    }

    static func which(_ name: String) -> URL? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// A blocking GET with curl (keeps FoundationNetworking out of the test target).
    static func get(_ url: URL) throws -> Data {
        let process = Process()
        process.executableURL = which("curl") ?? URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sf", "--max-time", "2", url.absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw URLError(.cannotConnectToHost) }
        return data
    }
}
