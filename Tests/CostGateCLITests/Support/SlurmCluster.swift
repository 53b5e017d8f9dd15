import Foundation
import XCTest

/// A one-node SLURM cluster on 127.0.0.1 in a temporary directory: munged on its own socket and key,
/// slurmctld with `JobSubmitPlugins=lua` loading `integrations/slurm/job_submit.lua`. Its one node is
/// configured but never started (State=FUTURE): accepted jobs stay pending, which is all a test of
/// the submission door needs. Debian's slurmctld, slurm-client, slurm-wlm-basic-plugins and munge.
final class SlurmCluster {
    let directory: URL
    let policy: URL
    /// Both daemons detach (Foundation's Process must not watch a child that never exits: its one monitor
    /// thread would block on it); they are stopped by the pids they write.
    private var pidFiles: [URL] = []

    var configuration: URL { directory.appendingPathComponent("slurm.conf") }

    init(policy text: String) throws {
        for name in ["slurmctld", "munged", "sbatch"] where LocalService.which(name) == nil && !FileManager.default.fileExists(atPath: "/usr/sbin/\(name)") {
            throw XCTSkip("\(name) is not installed (apt-get install slurmctld slurm-client slurm-wlm-basic-plugins munge)")
        }
        guard FileManager.default.fileExists(atPath: "/usr/lib/x86_64-linux-gnu/slurm-wlm/job_submit_lua.so")
                || FileManager.default.fileExists(atPath: "/usr/lib/aarch64-linux-gnu/slurm-wlm/job_submit_lua.so") else {
            throw XCTSkip("slurm's job_submit_lua plugin is not installed (apt-get install slurm-wlm-basic-plugins)")
        }
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("costgate-slurm-\(UUID().uuidString.prefix(8))")
        policy = directory.appendingPathComponent("policy.yaml")
        let files = FileManager.default
        for sub in ["state", "spool", "log"] {
            try files.createDirectory(at: directory.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try text.write(to: policy, atomically: true, encoding: .utf8)
        try start()
    }

    deinit { stop() }

    private func start() throws {
        let files = FileManager.default
        // munge: a fresh key, readable by its owner only, and a socket of our own.
        let key = directory.appendingPathComponent("munge.key")
        var random = SystemRandomNumberGenerator()
        try Data((0..<1024).map { _ in UInt8.random(in: 0...255, using: &random) }).write(to: key)
        try files.setAttributes([.posixPermissions: 0o400], ofItemAtPath: key.path)
        let socket = directory.appendingPathComponent("munge.socket").path
        let mungePID = directory.appendingPathComponent("munged.pid")
        pidFiles.append(mungePID)
        try Self.runToEnd(Self.binary("munged"), ["--force", "-S", socket, "--key-file=\(key.path)",
                                                           "--log-file=\(directory.appendingPathComponent("log/munged.log").path)",
                                                           "--pid-file=\(mungePID.path)",
                                                           "--seed-file=\(directory.appendingPathComponent("munged.seed").path)"])
        guard Self.waitFor({ files.fileExists(atPath: socket) }) else { throw XCTSkip("munged did not start") }

        let port = try Self.freePort()
        let user = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        let conf = """
        ClusterName=costgate-test
        SlurmctldHost=\(ProcessInfo.processInfo.hostName)(127.0.0.1)
        SlurmctldPort=\(port)
        SlurmdPort=\(port + 1)
        AuthType=auth/munge
        AuthInfo=socket=\(socket)
        CredType=cred/munge
        SlurmUser=\(user)
        StateSaveLocation=\(directory.appendingPathComponent("state").path)
        SlurmdSpoolDir=\(directory.appendingPathComponent("spool").path)
        SlurmctldPidFile=\(directory.appendingPathComponent("slurmctld.pid").path)
        SlurmctldLogFile=\(directory.appendingPathComponent("log/slurmctld.log").path)
        SlurmctldDebug=info
        JobSubmitPlugins=lua
        GresTypes=gpu
        SchedulerType=sched/builtin
        SelectType=select/cons_tres
        ProctrackType=proctrack/linuxproc
        TaskPlugin=task/none
        MpiDefault=none
        ReturnToService=0
        MaxJobCount=100000
        NodeName=gpu01 CPUs=64 RealMemory=512000 Gres=gpu:a100:8 State=FUTURE
        PartitionName=gpu Nodes=gpu01 Default=YES MaxTime=INFINITE State=UP

        """
        try conf.write(to: configuration, atomically: true, encoding: .utf8)
        // slurmctld reads job_submit.lua from the directory of slurm.conf.
        let lua = BinaryRunner.repositoryRoot.appendingPathComponent("integrations/slurm/job_submit.lua")
        try files.copyItem(at: lua, to: directory.appendingPathComponent("job_submit.lua"))
        var environment = ProcessInfo.processInfo.environment
        environment["SLURM_CONF"] = configuration.path
        environment["COSTGATE_BIN"] = try BinaryRunner.executable.path
        environment["COSTGATE_POLICY"] = policy.path
        pidFiles.insert(directory.appendingPathComponent("slurmctld.pid"), at: 0)
        try Self.runToEnd(Self.binary("slurmctld"), ["-i", "-f", configuration.path], environment: environment)
        let log = directory.appendingPathComponent("log/slurmctld.log")
        guard Self.waitFor({ ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("Running as primary controller") }, seconds: 20) else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? "no log"
            stop()
            throw XCTSkip("slurmctld did not start: \(text.suffix(600))")
        }
    }

    func stop() {
        for file in pidFiles {
            guard let text = try? String(contentsOf: file, encoding: .utf8),
                  let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 else { continue }
            kill(pid, SIGTERM)
            _ = Self.waitFor({ kill(pid, 0) != 0 }, seconds: 5)
        }
        pidFiles = []
        try? FileManager.default.removeItem(at: directory)
    }

    struct Submission {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double

        /// "Submitted batch job 12" → 12.
        var jobID: Int? { stdout.split(separator: " ").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } }
    }

    /// `sbatch ARGS SCRIPT` against this cluster, timed.
    func sbatch(_ script: String, _ arguments: [String] = []) throws -> Submission {
        let name = "job-\(UUID().uuidString.prefix(8))"
        let file = directory.appendingPathComponent("\(name).sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("\(name).out"), err = directory.appendingPathComponent("\(name).err")
        var environment = ProcessInfo.processInfo.environment
        environment["SLURM_CONF"] = configuration.path
        let start = Date()
        let status = try Self.spawn(Self.binary("sbatch"), arguments + [file.path], environment: environment, stdout: out, stderr: err)
        let seconds = Date().timeIntervalSince(start)
        return Submission(status: status, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                          stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "", seconds: seconds)
    }

    func writePolicy(_ text: String) throws {
        try text.write(to: policy, atomically: true, encoding: .utf8)
    }

    // MARK: - Processes

    static func binary(_ name: String) throws -> URL {
        if let found = LocalService.which(name) { return found }
        let sbin = URL(fileURLWithPath: "/usr/sbin/\(name)")
        guard FileManager.default.isExecutableFile(atPath: sbin.path) else { throw XCTSkip("\(name) is not installed") }
        return sbin
    }

    /// Runs a daemon's launcher, which forks the daemon into the background and returns.
    static func runToEnd(_ binary: URL, _ arguments: [String], environment: [String: String]? = nil) throws {
        let null = URL(fileURLWithPath: "/dev/null")
        let status = try spawn(binary, arguments, environment: environment ?? ProcessInfo.processInfo.environment, stdout: null, stderr: null)
        guard status == 0 else { throw XCTSkip("\(binary.lastPathComponent) did not start (exit \(status))") }
    }

    /// posix_spawn and waitpid, output to files. Not Foundation's Process: its one monitor thread blocks on
    /// children that daemonize or outlive it, and then no later process is ever seen to exit.
    static func spawn(_ binary: URL, _ arguments: [String], environment: [String: String], stdout: URL, stderr: URL) throws -> Int32 {
        let pid = try start(binary, arguments, environment: environment, stdout: stdout, stderr: stderr)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// posix_spawn without waiting, standard input from /dev/null and output to files: the pid, for the caller to
    /// wait on or signal.
    static func start(_ binary: URL, _ arguments: [String], environment: [String: String], stdout: URL, stderr: URL) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, binary.path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw XCTSkip("\(binary.lastPathComponent) cannot be run: error \(spawned)") }
        return pid
    }

    static func waitFor(_ condition: () -> Bool, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }

    /// A port nothing listens on now, and the one above it (slurmd's, never opened).
    static func freePort() throws -> Int {
        for _ in 0..<20 {
            let port = Int.random(in: 20_000...50_000)
            let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(probe) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(probe, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if bound == 0 { return port }
        }
        throw XCTSkip("no free port on 127.0.0.1")
    }
}
