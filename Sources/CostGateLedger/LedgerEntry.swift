import Foundation
import GRDB

/// One approved run in the ledger: what `costgate check --record` let through, at the estimate it was
/// gated on. Money is kept in whole cents, so sums are exact.
public struct LedgerEntry: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "runs"

    public var id: Int64?
    /// Workload identity (`Job/ml/train`, `slurm/path#name`).
    public var workload: String
    public var name: String
    public var team: String?
    /// `YYYY-MM`: the month the run counts against.
    public var month: String
    public var amountCents: Int64
    /// The figure gated (`expected`, `p90`, `p99`).
    public var figure: String
    /// ISO 8601, UTC.
    public var recordedAt: String
    public var commit: String?
    public var pullRequest: String?
    /// `file:line` of the manifest.
    public var source: String
    public var voided: Bool
    public var voidReason: String?
    /// The repository the commit belongs to (`owner/name`): with `commit` and `workload`, the idempotency key.
    public var repository: String?

    public init(id: Int64? = nil, workload: String, name: String, team: String?, month: String, amountCents: Int64, figure: String,
                recordedAt: String, commit: String?, pullRequest: String?, source: String, voided: Bool = false, voidReason: String? = nil,
                repository: String? = nil) {
        self.id = id
        self.workload = workload
        self.name = name
        self.team = team
        self.month = month
        self.amountCents = amountCents
        self.figure = figure
        self.recordedAt = recordedAt
        self.commit = commit
        self.pullRequest = pullRequest
        self.source = source
        self.voided = voided
        self.voidReason = voidReason
        self.repository = repository
    }

    /// Why a gate voided an entry it replaced.
    public static let replacedReason = "replaced by a re-check of the same commit"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public var amount: Decimal { Decimal(amountCents) / 100 }

    /// Whole cents, rounded half away from zero.
    public static func cents(_ amount: Decimal) -> Int64 {
        NSDecimalNumber(decimal: (amount * 100).rounded(0)).int64Value
    }
}
