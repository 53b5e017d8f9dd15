import CostGateLedger
import Foundation
import PostgresNIO
import CostGateBasics

/// The shared ledger: a PostgreSQL database many CI runners record into at once.
///
/// No double-spend: a recording gate takes a transaction-level advisory lock (one key for the whole
/// ledger) before it reads the month, then reads under READ COMMITTED, whose every statement sees all
/// that was committed before it started — so it sees every run approved by the gate that held the lock
/// before it. The lock is released by COMMIT or ROLLBACK, and by the server when the runner's
/// connection drops (a runner killed mid-transaction never leaves it held). Chosen over
/// `SELECT … FOR UPDATE` on team-month rows, which needs those rows to exist before the first run of a
/// month and one lock per team a check touches (in a fixed order, or deadlocks), and over SERIALIZABLE,
/// whose 40001 failures under 16 concurrent recorders would need retries that run the gate again; a gate
/// holds the lock for a few milliseconds, the same serial order SQLite's write lock gives.
public struct PostgresLedger: Ledger {
    public let path: String
    let session: PostgresSession

    /// `pg_advisory_xact_lock(key, …)`'s first key: 'cgat' — costgate's, apart from any other application's.
    static let lockSpace: Int32 = 0x6367_6174
    static let gateLock: Int32 = 1
    static let schemaLock: Int32 = 0

    /// Connects and checks the schema. `create`: an empty database gets the current schema (a recording
    /// check creates the ledger, as it creates a SQLite file); an older schema is never migrated here, since
    /// runners with an older costgate may share the ledger: `costgate ledger migrate` does that.
    public init(url: PostgresLedgerURL, timeout: Double = 10, create: Bool = false) throws(LedgerError) {
        path = url.redacted
        session = try PostgresSession.connect(url, timeout: timeout)
        let deadline = session.deadline()
        let found = try PostgresSchema.version(session, by: deadline)
        if found > LedgerSchema.current { throw .newerSchema(path: path, found: found, supported: LedgerSchema.current) }
        if found == 0 {
            guard create else {
                throw .cannotOpen(path: path, reason: "the database holds no costgate ledger (a check with --record "
                                  + "or 'costgate ledger migrate' creates it)")
            }
            _ = try PostgresSchema.migrate(session, by: deadline)
        } else if found < LedgerSchema.current {
            throw .olderSchema(path: path, found: found, supported: LedgerSchema.current)
        }
    }

    /// Creates or upgrades the schema to the current version; returns the versions before and after.
    public static func migrate(url: PostgresLedgerURL, timeout: Double = 10) throws(LedgerError) -> (from: Int, to: Int) {
        let session = try PostgresSession.connect(url, timeout: timeout)
        return try PostgresSchema.migrate(session, by: session.deadline())
    }

    public func gate<T>(month: CalendarMonth, replacing key: LedgerReplacement,
                        _ decide: ([String: Decimal]) -> (result: T, record: [LedgerEntry])) throws(LedgerError)
        -> (result: T, recorded: [LedgerEntry]) {
        let deadline = session.deadline()
        return try session.transaction(by: deadline) { () throws(LedgerError) -> (result: T, recorded: [LedgerEntry]) in
            try session.query("SELECT pg_advisory_xact_lock(\(Self.lockSpace), \(Self.gateLock))", by: deadline)
            var replaced: [Int64] = []
            if let commit = key.commit, !key.workloads.isEmpty {
                let rows = try session.query("""
                    SELECT id FROM costgate_runs WHERE "commit" = \(commit) AND NOT voided
                    AND repository IS NOT DISTINCT FROM \(key.repository) AND workload = ANY(\(key.workloads.sorted()))
                    """, by: deadline)
                replaced = try rows.map { row throws(LedgerError) in try decode(row, as: Int64.self) }
            }
            let committed = try committed(month: month, excluding: replaced, by: deadline)
            let (result, entries) = decide(committed)
            guard !entries.isEmpty else { return (result, []) }
            if !replaced.isEmpty {
                try session.query("""
                    UPDATE costgate_runs SET voided = true, void_reason = \(LedgerEntry.replacedReason) WHERE id = ANY(\(replaced))
                    """, by: deadline)
            }
            var inserted: [LedgerEntry] = []
            for var entry in entries {
                let rows = try session.query("""
                    INSERT INTO costgate_runs (workload, name, team, month, amount_cents, figure, recorded_at, "commit",
                        pull_request, source, voided, void_reason, repository)
                    VALUES (\(entry.workload), \(entry.name), \(entry.team), \(entry.month), \(entry.amountCents), \(entry.figure),
                        \(entry.recordedAt), \(entry.commit), \(entry.pullRequest), \(entry.source), \(entry.voided),
                        \(entry.voidReason), \(entry.repository))
                    RETURNING id
                    """, by: deadline)
                entry.id = try rows.first.map { row throws(LedgerError) in try decode(row, as: Int64.self) }
                inserted.append(entry)
            }
            return (result, inserted)
        }
    }

    public func committed(month: CalendarMonth) throws(LedgerError) -> [String: Decimal] {
        try committed(month: month, excluding: [], by: session.deadline())
    }

    func committed(month: CalendarMonth, excluding: [Int64], by deadline: DispatchTime) throws(LedgerError) -> [String: Decimal] {
        let rows = try session.query("""
            SELECT team, sum(amount_cents)::bigint FROM costgate_runs
            WHERE month = \(month.description) AND NOT voided AND team IS NOT NULL AND NOT (id = ANY(\(excluding)))
            GROUP BY team
            """, by: deadline)
        var totals: [String: Decimal] = [:]
        for row in rows {
            let (team, cents) = try decode(row, as: (String, Int64).self)
            totals[team] = Decimal(cents) / 100
        }
        return totals
    }

    static let columns = """
        id, workload, name, team, month, amount_cents, figure, recorded_at, "commit", pull_request, source, voided, void_reason, repository
        """

    public func entries(month: CalendarMonth?, team: String?, includeVoided: Bool) throws(LedgerError) -> [LedgerEntry] {
        var query: PostgresQuery = "SELECT "
        query.sql += Self.columns + " FROM costgate_runs WHERE true"
        var binds = PostgresBindings()
        if let month {
            binds.append(month.description)
            query.sql += " AND month = $\(binds.count)"
        }
        if let team {
            binds.append(team)
            query.sql += " AND team = $\(binds.count)"
        }
        if !includeVoided { query.sql += " AND NOT voided" }
        query.sql += " ORDER BY id"
        query.binds = binds
        return try session.query(query, by: session.deadline()).map(entry(from:))
    }

    public func entry(_ id: Int64) throws(LedgerError) -> LedgerEntry {
        var query = PostgresQuery(unsafeSQL: "SELECT \(Self.columns) FROM costgate_runs WHERE id = $1")
        query.binds.append(id)
        guard let row = try session.query(query, by: session.deadline()).first else { throw .noSuchEntry(path: path, id: id) }
        return try entry(from: row)
    }

    public func void(_ id: Int64, reason: String) throws(LedgerError) -> LedgerEntry {
        var query = PostgresQuery(unsafeSQL: "UPDATE costgate_runs SET voided = true, void_reason = $1 WHERE id = $2 RETURNING \(Self.columns)")
        query.binds.append(reason)
        query.binds.append(id)
        guard let row = try session.query(query, by: session.deadline()).first else { throw .noSuchEntry(path: path, id: id) }
        return try entry(from: row)
    }

    public func schemaVersion() throws(LedgerError) -> Int {
        try PostgresSchema.version(session, by: session.deadline())
    }

    func entry(from row: PostgresRow) throws(LedgerError) -> LedgerEntry {
        let (id, workload, name, team, month, cents, figure, recordedAt, commit, pullRequest, source, voided, voidReason, repository) =
            try decode(row, as: (Int64, String, String, String?, String, Int64, String, String, String?, String?, String, Bool, String?,
                                 String?).self)
        return LedgerEntry(id: id, workload: workload, name: name, team: team, month: month, amountCents: cents, figure: figure,
                           recordedAt: recordedAt, commit: commit, pullRequest: pullRequest, source: source, voided: voided,
                           voidReason: voidReason, repository: repository)
    }

    func decode<each Column: PostgresDecodable>(_ row: PostgresRow, as type: (repeat each Column).Type) throws(LedgerError)
        -> (repeat each Column) {
        do {
            return try row.decode(type)
        } catch {
            throw .corrupt(path: path, reason: "a row does not have the types costgate expects: \(error)")
        }
    }

    func decode<Column: PostgresDecodable>(_ row: PostgresRow, as type: Column.Type) throws(LedgerError) -> Column {
        do {
            return try row.decode(type)
        } catch {
            throw .corrupt(path: path, reason: "a row does not have the types costgate expects: \(error)")
        }
    }
}
