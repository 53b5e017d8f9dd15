import Foundation
import GRDB

/// The spend ledger: one SQLite file of the runs `costgate check --record` approved. Gating and
/// recording happen in one IMMEDIATE transaction, so two CI jobs recording at once are serialized and
/// the second sees the first's runs: they can never both take the last of a quota.
public struct Ledger: Sendable {
    public let path: String
    let queue: DatabaseQueue

    /// Opens (creating when missing) the ledger at `path`. Waits up to `busyTimeout` seconds for another writer.
    public init(path: String, busyTimeout: TimeInterval = 30) throws(LedgerError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "costgate-ledger"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.translate(error, path: path, opening: true)
        }
        do {
            try Self.migrator.migrate(queue)
        } catch {
            throw Self.translate(error, path: path, opening: true)
        }
    }

    /// Opens a ledger that must already exist: reading never creates one, since a missing file means a
    /// wrong path, and gating or auditing without the spend it should count would fail open.
    public static func existing(path: String, hint: String = "") throws(LedgerError) -> Ledger {
        guard FileManager.default.fileExists(atPath: path) else { throw .cannotOpen(path: path, reason: "no such file" + hint) }
        return try Ledger(path: path)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "runs") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("workload", .text).notNull()
                table.column("name", .text).notNull()
                table.column("team", .text)
                table.column("month", .text).notNull()
                table.column("amountCents", .integer).notNull()
                table.column("figure", .text).notNull()
                table.column("recordedAt", .text).notNull()
                table.column("commit", .text)
                table.column("pullRequest", .text)
                table.column("source", .text).notNull()
                table.column("voided", .boolean).notNull().defaults(to: false)
                table.column("voidReason", .text)
            }
            try db.create(index: "runs_month_team", on: "runs", columns: ["month", "team"])
        }
        return migrator
    }

    /// Runs `decide` with what each team has already committed in `month`, inside one write transaction:
    /// the entries it returns are recorded only when it also says to commit. Entries already recorded for
    /// the same workload and commit are replaced, so a re-run of the same pipeline does not count twice.
    public func gate<T>(month: CalendarMonth, replacing key: (commit: String?, workloads: Set<String>),
                        _ decide: ([String: Decimal]) -> (result: T, record: [LedgerEntry])) throws(LedgerError)
        -> (result: T, recorded: [LedgerEntry]) {
        do {
            return try queue.writeWithoutTransaction { db -> (result: T, recorded: [LedgerEntry]) in
                var outcome: T?
                var inserted: [LedgerEntry] = []
                try db.inTransaction(.immediate) {
                    var replaced: [Int64] = []
                    if let commit = key.commit, !key.workloads.isEmpty {
                        replaced = try LedgerEntry
                            .filter(Column("month") == month.description && Column("commit") == commit && Column("voided") == false)
                            .fetchAll(db).filter { key.workloads.contains($0.workload) }.compactMap(\.id)
                    }
                    let committed = try Self.committed(db, month: month, excluding: Set(replaced))
                    let (result, entries) = decide(committed)
                    outcome = result
                    guard !entries.isEmpty else { return .commit }
                    for id in replaced {
                        try db.execute(sql: "UPDATE runs SET voided = 1, voidReason = ? WHERE id = ?",
                                       arguments: ["replaced by a re-check of the same commit", id])
                    }
                    for var entry in entries {
                        try entry.insert(db)
                        inserted.append(entry)
                    }
                    return .commit
                }
                return (outcome!, inserted)
            }
        } catch {
            throw Self.translate(error, path: path, opening: false)
        }
    }

    /// What each team committed in `month` (voided entries left out), USD.
    public func committed(month: CalendarMonth) throws(LedgerError) -> [String: Decimal] {
        do {
            return try queue.read { db in try Self.committed(db, month: month, excluding: []) }
        } catch {
            throw Self.translate(error, path: path, opening: false)
        }
    }

    static func committed(_ db: Database, month: CalendarMonth, excluding: Set<Int64>) throws -> [String: Decimal] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, team, amountCents FROM runs WHERE month = ? AND voided = 0 AND team IS NOT NULL
            """, arguments: [month.description])
        var totals: [String: Int64] = [:]
        for row in rows where !excluding.contains(row["id"]) {
            totals[row["team"] as String, default: 0] += row["amountCents"] as Int64
        }
        return totals.mapValues { Decimal($0) / 100 }
    }

    public func entries(month: CalendarMonth? = nil, team: String? = nil, includeVoided: Bool = false) throws(LedgerError) -> [LedgerEntry] {
        do {
            return try queue.read { db in
                var request = LedgerEntry.all()
                if let month { request = request.filter(Column("month") == month.description) }
                if let team { request = request.filter(Column("team") == team) }
                if !includeVoided { request = request.filter(Column("voided") == false) }
                return try request.order(Column("id")).fetchAll(db)
            }
        } catch {
            throw Self.translate(error, path: path, opening: false)
        }
    }

    public func entry(_ id: Int64) throws(LedgerError) -> LedgerEntry {
        let found: LedgerEntry?
        do {
            found = try queue.read { db in try LedgerEntry.fetchOne(db, key: id) }
        } catch {
            throw Self.translate(error, path: path, opening: false)
        }
        guard let found else { throw .noSuchEntry(path: path, id: id) }
        return found
    }

    /// Marks an entry void (a run that never happened); it stops counting but stays on record.
    public func void(_ id: Int64, reason: String) throws(LedgerError) -> LedgerEntry {
        var entry = try entry(id)
        entry.voided = true
        entry.voidReason = reason
        let updated = entry
        do {
            try queue.write { db in try updated.update(db) }
        } catch {
            throw Self.translate(error, path: path, opening: false)
        }
        return updated
    }

    static func translate(_ error: any Error, path: String, opening: Bool) -> LedgerError {
        if let error = error as? LedgerError { return error }
        guard let database = error as? DatabaseError else { return .failed(path: path, reason: "\(error)") }
        switch database.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .corrupt(path: path, reason: database.message ?? "\(database.resultCode)")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            return .cannotOpen(path: path, reason: database.message ?? "\(database.resultCode)")
        default:
            return opening ? .corrupt(path: path, reason: database.message ?? "\(database.resultCode)")
                : .failed(path: path, reason: database.message ?? "\(database.resultCode)")
        }
    }
}
