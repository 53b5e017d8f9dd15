import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGatePricing
import CostGateEstimation
import CostGateLedger
import CostGatePolicy
import CostGateUsage

/// `costgate audit`: the repository's workloads estimated, the ledger's runs and the usage exports read,
/// and the month audited. Unusable inputs become diagnostics (exit 2); the rest is still audited.
public struct AuditPipeline: Sendable {
    public var fileSystem: any FileSystem

    public init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    public func run(paths: [String], policy: Policy, reading: ReadOptions, pricing: PricingSettings, today: CalendarDay,
                    ledger: Ledger?, usage: [(source: UsageRecord.Source, file: String)], exclude: [String] = []) -> AuditReport {
        var diagnostics: [Diagnostic] = []
        var estimates: [Estimate] = []
        if !paths.isEmpty {
            let estimation = EstimationPipeline(fileSystem: fileSystem).run(EstimationRequest(paths: paths, reading: reading, pricing: pricing,
                                                                                               exclude: policy.exclude + exclude))
            estimates = estimation.estimates
            diagnostics += estimation.diagnostics
        }
        var entries: [LedgerEntry] = []
        if let ledger {
            do {
                entries = try ledger.entries(month: reading.month)
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        let auditedMonth = reading.month
        var records: [UsageRecord] = []
        var counts: [UsageRecord.Source: Int] = [:]
        for input in usage {
            do {
                let bytes = try input.file == "-" ? fileSystem.standardInput() : fileSystem.contents(of: input.file)
                if InputCollector.isBlank(bytes) {
                    // Early in a month an export can be empty; a broken pipe looks the same: never a quiet $0.
                    diagnostics.append(Diagnostic(.warning, at: .wholeFile(input.file == "-" ? "<stdin>" : input.file),
                        "the \(input.source.rawValue) usage is empty: no actual spend counted from it", rule: "usage-empty"))
                    continue
                }
                let reading = UsageImporter.read(bytes, file: input.file == "-" ? "<stdin>" : input.file, source: input.source, pricing: pricing)
                records += reading.records
                diagnostics += reading.diagnostics
                diagnostics += Self.monthCheck(reading.records, file: input.file == "-" ? "<stdin>" : input.file, audited: auditedMonth)
                counts[input.source, default: 0] += reading.records.count
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        return Auditor(policy: policy, month: reading.month, today: today)
            .audit(estimates: estimates, ledger: entries, usage: records, diagnostics: diagnostics, usageRows: counts)
    }

    /// A usage export with rows but none of the audited month is an error naming the months it holds
    /// (an audit on last month's export would report nothing spent); rows of other months beside
    /// the audited one are left out with a note.
    package static func monthCheck(_ records: [UsageRecord], file: String, audited: CalendarMonth) -> [Diagnostic] {
        let others = records.filter { $0.month != audited }
        guard !others.isEmpty else { return [] }
        let months = Set(others.map(\.month.description)).sorted()
        if others.count == records.count {
            return [Diagnostic(.error, at: .wholeFile(file),
                "the usage holds no row of the audited month \(audited): its \(records.count) row\(records.count == 1 ? " is" : "s are") from "
                + "\(months.joined(separator: ", ")); export \(audited) (sacct -S \(audited)-01) or audit that month with --month",
                rule: "usage-month")]
        }
        return [Diagnostic(.note, at: .wholeFile(file),
            "\(others.count) usage row\(others.count == 1 ? "" : "s") from \(months.joined(separator: ", ")) left out: the audit is of \(audited)",
            rule: "usage-month")]
    }
}
