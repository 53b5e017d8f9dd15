import Foundation

/// `costgate audit`: the repository's workloads estimated, the ledger's runs and the usage exports read,
/// and the month audited. Unusable inputs become diagnostics (exit 2); the rest is still audited.
public struct AuditPipeline: Sendable {
    public var fileSystem: any FileSystem

    public init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    public func run(paths: [String], policy: Policy, reading: ReadOptions, pricing: PricingSettings, today: CalendarDay,
                    ledger: Ledger?, usage: [(source: UsageRecord.Source, file: String)]) -> AuditReport {
        var diagnostics: [Diagnostic] = []
        var estimates: [Estimate] = []
        if !paths.isEmpty {
            let estimation = EstimationPipeline(fileSystem: fileSystem).run(EstimationRequest(paths: paths, reading: reading, pricing: pricing))
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
        var records: [UsageRecord] = []
        var counts: [UsageRecord.Source: Int] = [:]
        for input in usage {
            do {
                let bytes = try input.file == "-" ? fileSystem.standardInput() : fileSystem.contents(of: input.file)
                let reading = UsageImporter.read(bytes, file: input.file == "-" ? "<stdin>" : input.file, source: input.source, pricing: pricing)
                records += reading.records
                diagnostics += reading.diagnostics
                counts[input.source, default: 0] += reading.records.count
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        return Auditor(policy: policy, month: reading.month, today: today)
            .audit(estimates: estimates, ledger: entries, usage: records, diagnostics: diagnostics, usageRows: counts)
    }
}
