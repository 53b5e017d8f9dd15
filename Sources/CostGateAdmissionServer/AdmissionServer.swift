import CostGateCore
import Dispatch
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import CostGateRun

/// `costgate serve --admission`: a ValidatingAdmissionWebhook endpoint over HTTPS (SwiftNIO, NIOHTTP1, NIOSSL).
///
/// The decision is `KubernetesAdmission`, pure, in the core; this object owns what has a lifetime: the
/// listening socket, the event loops, the thread pool that decides, the current policy and TLS context
/// (swapped whole on SIGHUP or when a watched file changes, never half-updated), the metrics, and the
/// signal sources. Nothing is global: two servers in one process would not share a thing.
public final class AdmissionServer: Sendable {
    /// Builds the decision from the policy files: called at start and on every reload.
    public typealias Loader = @Sendable () -> Result<KubernetesAdmission, LoadFailure>

    /// A policy (or ledger) that cannot be used, with the lines that say why.
    public struct LoadFailure: Error, Sendable {
        public var lines: [String]

        public init(lines: [String]) {
            self.lines = lines
        }
    }

    /// Where kube-apiserver posts AdmissionReviews (the ValidatingWebhookConfiguration's `clientConfig.service.path`).
    public static let reviewPath = "/validate"

    let configuration: AdmissionServerConfiguration
    let metrics = AdmissionMetrics()
    let workers: NIOThreadPool
    let clock: @Sendable () -> Date
    let log: @Sendable (String) -> Void
    private let loader: Loader
    private let group: MultiThreadedEventLoopGroup
    private let current: NIOLockedValueBox<(admission: KubernetesAdmission, tls: NIOSSLContext, fingerprint: [String: Int])>
    private let lifecycle = NIOLockedValueBox<Lifecycle>(Lifecycle())
    private let finished = DispatchSemaphore(value: 0)
    private let signalQueue = DispatchQueue(label: "costgate.admission.signals")

    /// Only ever read or changed under `lifecycle`'s lock; the dispatch sources are the one non-Sendable part.
    private struct Lifecycle: @unchecked Sendable {
        var channel: Channel?
        var draining = false
        var signalSources: [DispatchSourceSignal] = []
        var watch: RepeatedTask?
    }

    /// Loads the policy and the certificate; a failure of either is returned, and nothing is started.
    public init(configuration: AdmissionServerConfiguration, loader: @escaping Loader, clock: @escaping @Sendable () -> Date = Date.init,
                log: @escaping @Sendable (String) -> Void) throws {
        self.configuration = configuration
        self.loader = loader
        self.clock = clock
        self.log = log
        let admission: KubernetesAdmission
        switch loader() {
        case .success(let loaded): admission = loaded
        case .failure(let failure): throw failure
        }
        let tls = try Self.tlsContext(configuration)
        current = NIOLockedValueBox((admission, tls, Self.fingerprint(configuration.watchedFiles)))
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, min(System.coreCount, 4)))
        workers = NIOThreadPool(numberOfThreads: max(1, configuration.workers))
        workers.start()
    }

    var admission: KubernetesAdmission { current.withLockedValue { $0.admission } }
    var isDraining: Bool { lifecycle.withLockedValue { $0.draining } }

    /// Binds and starts answering; returns the port bound (useful with port 0).
    @discardableResult
    public func start() throws -> Int {
        let idle = TimeAmount.seconds(Int64(max(1, configuration.idleTimeoutSeconds)))
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                // The context in force when the connection opens: a reload applies to the next handshake.
                let tls = current.withLockedValue { $0.tls }
                return channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(IdleStateHandler(readTimeout: idle))
                    try pipeline.addHandler(NIOSSLServerHandler(context: tls))
                    try pipeline.configureHTTPServerPipeline(withErrorHandling: true)
                    try pipeline.addHandler(AdmissionHTTPHandler(server: self))
                }
            }
        let channel: Channel
        do {
            channel = try bootstrap.bind(host: configuration.host, port: configuration.port).wait()
        } catch {
            throw AdmissionServerError.bind(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
        lifecycle.withLockedValue { $0.channel = channel }
        installSignalHandlers()
        if configuration.watchSeconds > 0 {
            let interval = TimeAmount.seconds(Int64(configuration.watchSeconds))
            let task = group.next().scheduleRepeatedTask(initialDelay: interval, delay: interval) { [self] _ in
                // Reading and loading are blocking work: off the event loop.
                workers.submit { [self] state in
                    guard state == .active else { return }
                    let changed = current.withLockedValue { $0.fingerprint } != Self.fingerprint(configuration.watchedFiles)
                    if changed { reload(reason: "a watched file changed") }
                }
            }
            lifecycle.withLockedValue { $0.watch = task }
        }
        return channel.localAddress?.port ?? configuration.port
    }

    /// Blocks until SIGTERM or SIGINT has drained the server.
    public func wait() {
        finished.wait()
    }

    /// Reads the policy and the certificate again. Either failing keeps the whole running state (a
    /// broken ConfigMap must neither open nor close the cluster's door), says so on standard error and
    /// in `costgate_admission_policy_last_reload_ok`.
    public func reload(reason: String) {
        let fingerprint = Self.fingerprint(configuration.watchedFiles)
        let loaded = loader()
        let tls = Result { try Self.tlsContext(configuration) }
        switch (loaded, tls) {
        case (.success(let admission), .success(let context)):
            current.withLockedValue { $0 = (admission, context, fingerprint) }
            metrics.recordReload(succeeded: true)
            log("costgate: reloaded the policy and certificate (\(reason))")
        case (.failure(let failure), _):
            // Remember what failed, so a watch does not retry the same broken file every tick.
            current.withLockedValue { $0.fingerprint = fingerprint }
            metrics.recordReload(succeeded: false)
            log((["costgate: the policy cannot be used (\(reason)); still deciding with the one loaded before:"]
                 + failure.lines.map { "  " + $0 }).joined(separator: "\n"))
        case (_, .failure(let error)):
            current.withLockedValue { $0.fingerprint = fingerprint }
            metrics.recordReload(succeeded: false)
            log("costgate: the certificate cannot be used (\(reason)); still serving the one loaded before: \(error)")
        }
    }

    /// Stops accepting, lets answers under way finish (up to the drain time), then releases everything.
    public func shutdown(reason: String) {
        let channel: Channel? = lifecycle.withLockedValue { state in
            guard !state.draining else { return nil }
            state.draining = true
            state.watch?.cancel()
            return state.channel
        }
        guard let channel else { return }
        log("costgate: \(reason): draining (at most \(configuration.drainSeconds) s)")
        channel.close(promise: nil)
        let deadline = DispatchTime.now() + .seconds(configuration.drainSeconds)
        while metrics.inFlight > 0 && DispatchTime.now() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        try? workers.syncShutdownGracefully()
        try? group.syncShutdownGracefully()
        lifecycle.withLockedValue { state in
            for source in state.signalSources { source.cancel() }
            state.signalSources = []
        }
        finished.signal()
    }

    /// SIGHUP reloads, SIGTERM and SIGINT drain: dispatch sources owned by this server, so no handler
    /// reaches for global state. The default dispositions are ignored first, as dispatch requires.
    private func installSignalHandlers() {
        var sources: [DispatchSourceSignal] = []
        for (number, action) in [(SIGHUP, "SIGHUP"), (SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: signalQueue)
            source.setEventHandler { [self] in
                if number == SIGHUP {
                    reload(reason: "SIGHUP")
                } else {
                    // Draining blocks; the signal queue is free for nothing else anyway.
                    shutdown(reason: action)
                }
            }
            source.resume()
            sources.append(source)
        }
        lifecycle.withLockedValue { $0.signalSources = sources }
    }

    static func tlsContext(_ configuration: AdmissionServerConfiguration) throws -> NIOSSLContext {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(configuration.certificatePath)
        } catch {
            throw AdmissionServerError.tls(path: configuration.certificatePath, reason: "\(error)")
        }
        guard !chain.isEmpty else { throw AdmissionServerError.tls(path: configuration.certificatePath, reason: "no PEM certificate in the file") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: configuration.keyPath, format: .pem)
        } catch {
            throw AdmissionServerError.tls(path: configuration.keyPath, reason: "\(error)")
        }
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        tls.minimumTLSVersion = .tlsv12
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw AdmissionServerError.tls(path: configuration.certificatePath, reason: "\(error) (does the key match the certificate?)")
        }
    }

    /// A hash of each watched file's bytes (-1 when unreadable): what changed since the last load.
    static func fingerprint(_ paths: [String]) -> [String: Int] {
        var prints: [String: Int] = [:]
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { prints[path] = -1; continue }
            var hasher = Hasher()
            hasher.combine(data)
            prints[path] = hasher.finalize()
        }
        return prints
    }
}
