import CostGateLedger
import Foundation
import PostgresNIO

/// One connection to the ledger's server, used from a synchronous caller (the CLI's commands run on
/// the main thread): every request is waited for with a deadline, and a request past its deadline
/// closes the connection, which makes the server roll back whatever transaction was open.
final class PostgresSession: @unchecked Sendable {
    let connection: PostgresConnection
    /// The printable location (no password).
    let location: String
    /// Seconds a whole operation (a gate, a listing) may take.
    let timeout: Double
    let logger: Logger

    private init(connection: PostgresConnection, location: String, timeout: Double, logger: Logger) {
        self.connection = connection
        self.location = location
        self.timeout = timeout
        self.logger = logger
    }

    // PostgresNIO requires a connection closed before it goes; closing also ends the server's session
    // at once instead of when it notices the socket is gone.
    deinit { _ = Self.wait(connection.close(), until: .now() + 2) }

    /// Connects and authenticates within `timeout` seconds.
    static func connect(_ url: PostgresLedgerURL, timeout: Double) throws(LedgerError) -> PostgresSession {
        let location = url.redacted
        var logger = Logger(label: "costgate.ledger")
        // The driver's own log lines would be noise on a check's stderr: failures come back as errors.
        logger.logLevel = .critical
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: try PostgresTLS.setting(for: url, location: location))
        configuration.options.connectTimeout = .milliseconds(Int64(timeout * 1000))
        let milliseconds = String(Int(timeout * 1000))
        // The server enforces the same bound: a lock wait or a statement past it fails there too, and
        // a runner that stops answering inside a transaction (a hung job) cannot hold the gate lock for long.
        configuration.options.additionalStartupParameters = [
            ("application_name", "costgate"), ("lock_timeout", milliseconds), ("statement_timeout", milliseconds),
            ("idle_in_transaction_session_timeout", milliseconds),
        ]
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        let future = PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 1, logger: logger)
        switch Self.wait(future, until: .now() + timeout) {
        case nil:
            // Whatever connects late is closed at once.
            future.whenSuccess { connection in connection.close().whenComplete { _ in } }
            throw .timedOut(path: location, seconds: timeout)
        case .success(let connection)?:
            return PostgresSession(connection: connection, location: location, timeout: timeout, logger: logger)
        case .failure(let error)?:
            throw PostgresFailure.translate(error, location: location, timeout: timeout, url: url)
        }
    }

    /// A deadline for one operation, from now.
    func deadline() -> DispatchTime { .now() + timeout }

    /// Runs one statement and collects its rows, failing when `deadline` passes first.
    @discardableResult
    func query(_ query: PostgresQuery, by deadline: DispatchTime) throws(LedgerError) -> [PostgresRow] {
        let future = connection.query(query, logger: logger)
        switch Self.wait(future, until: deadline) {
        case nil:
            connection.close().whenComplete { _ in }
            throw .timedOut(path: location, seconds: timeout)
        case .success(let result)?:
            return result.rows
        case .failure(let error)?:
            throw PostgresFailure.translate(error, location: location, timeout: timeout, url: nil)
        }
    }

    /// Runs `body` between BEGIN and COMMIT; any failure rolls back (or, with the connection gone, the
    /// server does), so nothing is ever half-written.
    func transaction<T>(by deadline: DispatchTime, _ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        try query("BEGIN ISOLATION LEVEL READ COMMITTED", by: deadline)
        let value: T
        do {
            value = try body()
        } catch {
            // With the connection gone (or going) the server rolls back by itself; a ROLLBACK sent then
            // may never be answered, so it is sent only on a live connection, and waited for briefly.
            switch error {
            case .unreachable, .timedOut: break
            default: _ = try? query("ROLLBACK", by: min(deadline, .now() + 2))
            }
            throw error
        }
        try query("COMMIT", by: deadline)
        return value
    }

    /// Waits on the calling thread; nil when `deadline` passed first.
    static func wait<T: Sendable>(_ future: EventLoopFuture<T>, until deadline: DispatchTime) -> Result<T, any Error>? {
        let semaphore = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        future.whenComplete { result in
            box.store(result)
            semaphore.signal()
        }
        guard semaphore.wait(timeout: deadline) == .success else { return nil }
        return box.load()
    }
}

/// A result handed from an event loop thread to the waiting one.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?

    func store(_ value: Result<T, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        result = value
    }

    func load() -> Result<T, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return result
    }
}
