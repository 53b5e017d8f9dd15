import Foundation
import GRDB
import CostGateBasics

/// The embedded ledger: one SQLite file. Gating and recording happen in one IMMEDIATE transaction,
/// which takes SQLite's single write lock before reading, so two CI jobs recording at once are
/// serialized and the second sees the first's runs: they can never both take the last of a quota.
public struct SQLiteLedger: Ledger {
    public let path: String
    package let queue: DatabaseQueue

    /// Opens (creating when missing, and migrating an older schema) the ledger at `path`. Waits up to
    /// `busyTimeout` seconds for another writer.
    public init(path: String, busyTimeout: TimeInterval = 10) throws(LedgerError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "costgate-ledger"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.translate(error, path: path, opening: true)
        }
        // A file a newer costgate migrated would be read through columns that may mean something else now.
        let applied: Set<String>
        do {
            applied = try queue.read { db in try Self.migrator.appliedIdentifiers(db) }
        } catch {
            throw Self.translate(error, path: path, opening: true)
        }
        let found = Self.version(of: applied)
        if found > LedgerSchema.current { throw .newerSchema(path: path, found: found, supported: LedgerSchema.current) }
        do {
            try Self.migrator.migrate(queue)
        } catch {
            // GRDB reads what is applied before it takes the write lock: a costgate that created or
            // migrated the file in between makes this attempt fail on a table that now exists.
            let now = (try? queue.read { db in try Self.migrator.appliedIdentifiers(db) }).map(Self.version(of:))
            if now != LedgerSchema.current { throw Self.translate(error, path: path, opening: true) }
        }
    }

    /// Opens a ledger that must already exist: reading never creates one, since a missing file means a
    /// wrong path, and gating or auditing without the spend it should count would fail open.
    public static func existing(path: String, hint: String = "", busyTimeout: TimeInterval = 10) throws(LedgerError) -> SQLiteLedger {
        guard FileManager.default.fileExists(atPath: path) else { throw .cannotOpen(path: path, reason: "no such file" + hint) }
        return try SQLiteLedger(path: path, busyTimeout: busyTimeout)
    }

    /// The schema version of the file at `path` as it is, without migrating it: 0 when there is no file.
    public static func storedVersion(path: String) throws(LedgerError) -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        do {
            let queue = try DatabaseQueue(path: path)
            return version(of: try queue.read { db in try migrator.appliedIdentifiers(db) })
        } catch {
            throw translate(error, path: path, opening: true)
        }
    }

    /// Migration identifiers are `v1`, `v2`, …: the highest applied is the schema version.
    package static func version(of identifiers: Set<String>) -> Int {
        identifiers.compactMap { $0.hasPrefix("v") ? Int($0.dropFirst()) : nil }.max() ?? 0
    }

    package static var migrator: DatabaseMigrator {
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
        // Not unique: one check may hold two documents of the same workload (a base and an overlay),
        // recorded as two runs, as before; the gate's write lock is what keeps a key from counting twice.
        migrator.registerMigration("v2") { db in
            try db.alter(table: "runs") { table in table.add(column: "repository", .text) }
            try db.create(index: "runs_idempotency", on: "runs", columns: ["commit", "workload", "repository"])
        }
        return migrator
    }

    public func gate<T>(month: CalendarMonth, replacing key: LedgerReplacement,
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
                            .filter(Column("commit") == commit && Column("voided") == false && Column("repository") == key.repository)
                            .fetchAll(db).filter(key.matches).compactMap(\.id)
                    }
                    let committed = try Self.committed(db, month: month, excluding: Set(replaced))
                    let (result, entries) = decide(committed)
                    outcome = result
                    guard !entries.isEmpty else { return .commit }
                    for id in replaced {
                        try db.execute(sql: "UPDATE runs SET voided = 1, voidReason = ? WHERE id = ?",
                                       arguments: [LedgerEntry.replacedReason, id])
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

    public func committed(month: CalendarMonth) throws(LedgerError) -> [String: Decimal] {
        do {
            return try queue.read { db in try Self.committed(db, month: month, excluding: []) }
        } catch {
            throw Self.translate(error, path: path, opening: false)
        }
    }

    package static func committed(_ db: Database, month: CalendarMonth, excluding: Set<Int64>) throws -> [String: Decimal] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, team, amountCents FROM runs WHERE month = ? AND voided = 0 AND team IS NOT NULL
            """, arguments: [month.description])
        var totals: [String: Int64] = [:]
        for row in rows where !excluding.contains(row["id"]) {
            totals[row["team"] as String, default: 0] += row["amountCents"] as Int64
        }
        return totals.mapValues { Decimal($0) / 100 }
    }

    public func entries(month: CalendarMonth?, team: String?, includeVoided: Bool) throws(LedgerError) -> [LedgerEntry] {
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

    public func schemaVersion() throws(LedgerError) -> Int {
        do {
            return Self.version(of: try queue.read { db in try Self.migrator.appliedIdentifiers(db) })
        } catch {
            throw Self.translate(error, path: path, opening: false)
        }
    }

    package static func translate(_ error: any Error, path: String, opening: Bool) -> LedgerError {
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
