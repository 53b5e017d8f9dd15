/// How `costgate serve --admission` listens.
public struct AdmissionServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (the one bound is logged).
    public var port: Int
    public var certificatePath: String
    public var keyPath: String
    /// The largest request body, bytes. kube-apiserver accepts request bodies up to 3 MiB and etcd stores
    /// objects up to 1.5 MiB; an UPDATE's review carries both the object and the old one, so the default
    /// (6 MiB) holds the largest legitimate review with room for its envelope.
    public var maxBodyBytes: Int
    /// A connection that sends nothing for this long is closed (seconds).
    public var idleTimeoutSeconds: Int
    /// On SIGTERM: how long answers under way may take before the process exits (seconds).
    public var drainSeconds: Int
    /// Every this many seconds the policy and certificate files are compared with what was loaded, and
    /// reloaded when they changed (a ConfigMap or a renewed Secret updated in place); 0: only on SIGHUP.
    public var watchSeconds: Int
    /// Threads deciding requests (pricing and the ledger run here, never on an event loop).
    public var workers: Int
    /// The files whose change triggers a reload (the policy, the certificate and key).
    public var watchedFiles: [String]

    public static let defaultMaxBodyBytes = 6 * 1024 * 1024

    public init(host: String = "0.0.0.0", port: Int = 8443, certificatePath: String, keyPath: String,
                maxBodyBytes: Int = defaultMaxBodyBytes, idleTimeoutSeconds: Int = 30, drainSeconds: Int = 10,
                watchSeconds: Int = 0, workers: Int = 2, watchedFiles: [String] = []) {
        self.host = host
        self.port = port
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.drainSeconds = drainSeconds
        self.watchSeconds = watchSeconds
        self.workers = workers
        self.watchedFiles = watchedFiles
    }
}
