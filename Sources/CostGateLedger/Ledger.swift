import Foundation
import CostGateBasics

/// The spend ledger: the runs `costgate check --record` approved, in one of two stores — a SQLite
/// file (`SQLiteLedger`, the embedded default) or a PostgreSQL database shared by many CI runners
/// (`PostgresLedger`, in the CostGatePostgres target). Both keep the same guarantees: gating and
/// recording happen in one transaction that no other recorder can interleave with, so two runners can
/// never both take the last of a quota.
public protocol Ledger: Sendable {
    /// Where the ledger is, safe to print: a file path, or a PostgreSQL URL without its password.
    var path: String { get }

    /// Runs `decide` with what each team has already committed in `month` (USD), inside one write
    /// transaction that excludes every other recorder: the entries it returns are recorded only when
    /// it also says to commit. Entries already recorded under the same idempotency key (repository,
    /// commit, workload) are voided and replaced, so a re-check or a retried CI job never counts twice.
    func gate<T>(month: CalendarMonth, replacing key: LedgerReplacement,
                 _ decide: ([String: Decimal]) -> (result: T, record: [LedgerEntry])) throws(LedgerError)
        -> (result: T, recorded: [LedgerEntry])

    /// What each team committed in `month` (voided entries left out), USD.
    func committed(month: CalendarMonth) throws(LedgerError) -> [String: Decimal]

    /// The entries, oldest first (by id), optionally of one month and one team.
    func entries(month: CalendarMonth?, team: String?, includeVoided: Bool) throws(LedgerError) -> [LedgerEntry]

    func entry(_ id: Int64) throws(LedgerError) -> LedgerEntry

    /// Marks an entry void (a run that never happened); it stops counting but stays on record.
    func void(_ id: Int64, reason: String) throws(LedgerError) -> LedgerEntry

    /// The schema version the ledger holds now.
    func schemaVersion() throws(LedgerError) -> Int
}

extension Ledger {
    public func entries(month: CalendarMonth? = nil, team: String? = nil) throws(LedgerError) -> [LedgerEntry] {
        try entries(month: month, team: team, includeVoided: false)
    }
}

/// The entries a gate replaces when it records: those of the same repository and commit for any of
/// these workloads. No commit, nothing is replaced (a check without `--commit` has no identity to retry).
public struct LedgerReplacement: Sendable, Hashable {
    public var repository: String?
    public var commit: String?
    public var workloads: Set<String>

    public init(repository: String? = nil, commit: String?, workloads: Set<String>) {
        self.repository = repository
        self.commit = commit
        self.workloads = workloads
    }

    /// Whether an entry carries this key (and so is replaced by a recording gate).
    public func matches(_ entry: LedgerEntry) -> Bool {
        guard let commit, !entry.voided else { return false }
        return entry.commit == commit && entry.repository == repository && workloads.contains(entry.workload)
    }
}

/// The ledger's schema versions, shared by both stores so `costgate ledger migrate` reports one number.
public enum LedgerSchema {
    /// 1: the runs table. 2: the repository column and the idempotency index (repository, commit, workload).
    public static let current = 2
}
