import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateEstimation
import CostGateRun

/// The human-readable report of `costgate estimate`: one row per workload, totals, and (verbose)
/// the assumptions behind each figure.
public struct EstimateTextReporter: Sendable {
    public var verbose: Bool
    public var color: Bool

    public init(verbose: Bool = false, color: Bool = false) {
        self.verbose = verbose
        self.color = color
    }

    public func render(_ result: EstimationResult) -> String {
        // MAX and P90 are shown only where they differ from EXPECTED (autoscaled, spot).
        var table = TextTable(headers: ["WORKLOAD", "SOURCE", "ACCELERATORS", "RUN", "CAPACITY", "EXPECTED", "MAX", "P90", "ON-DEMAND"],
                              alignments: [.left, .left, .left, .left, .left, .right, .right, .right, .right])
        for row in result.rows {
            switch row {
            case .unpriced(let index):
                let item = result.unpriced[index]
                let workload = item.workload
                table.rows.append([
                    workload.displayName, "\(workload.source.file):\(workload.source.line)", accelerators(workload, models: readModels(workload)),
                    run(workload), workload.capacity.rawValue, "cannot price: \(item.error.summary)", "", "", "",
                ])
            case .priced(let index):
                let estimate = result.estimates[index]
                let workload = estimate.workload
                let cost = estimate.cost
                table.rows.append([
                    workload.displayName, "\(workload.source.file):\(workload.source.line)",
                    accelerators(workload, models: Set(estimate.prices.compactMap { $0.model?.id })),
                    run(workload), workload.capacity.rawValue, MoneyFormat.usd(cost.expected),
                    cost.max.rounded(2) != cost.expected.rounded(2) ? MoneyFormat.usd(cost.max) : "",
                    workload.capacity == .spot ? (cost.p90.map(MoneyFormat.usd) ?? "n/a") : "",
                    MoneyFormat.usd(cost.onDemand),
                ])
            }
        }
        var output = ""
        if result.workloadCount == 0 {
            output += "no workloads in \(result.fileCount) file\(result.fileCount == 1 ? "" : "s")\n"
        } else {
            output += table.rendered(bold: bold)
            output += "\n"
            let (oneOff, monthly) = result.totals
            let partial = result.unpriced.isEmpty ? "" : " (priced workloads only)"
            if result.estimates.contains(where: { $0.workload.pattern == .oneOff }) {
                output += bold("Total one-off runs\(partial):") + " \(range(oneOff, \.expected)) expected, \(MoneyFormat.usd(oneOff.onDemand)) on demand\n"
            }
            if result.estimates.contains(where: { $0.workload.pattern != .oneOff }) {
                output += bold("Total per month (\(result.month))\(partial):") + " \(range(monthly, \.expected)) expected, \(MoneyFormat.usd(monthly.onDemand)) on demand\n"
            }
        }
        if verbose {
            for estimate in result.estimates {
                output += "\n" + bold(estimate.workload.id) + " (\(estimate.workload.source))\n"
                output += "  priced on \(estimate.provider.rawValue) \(estimate.region)\n"
                for assumption in estimate.assumptions { output += "  - \(assumption)\n" }
            }
            for unpriced in result.unpriced {
                output += "\n" + bold(unpriced.workload.id) + " (\(unpriced.workload.source))\n"
                output += "  cannot be priced: \(unpriced.error.message)\n"
                for assumption in unpriced.workload.assumptions { output += "  - \(assumption)\n" }
            }
        }
        if result.estimates.contains(where: { $0.workload.capacity == .unknown }) {
            output += "\nCapacity 'unknown': the manifest does not say spot or on-demand; priced on demand (-v shows the spot hint)."
        }
        output += "\n" + ReadingSummary(result).sentence + "\n"
        output += "Prices: built-in catalog dated \(result.catalogDate) (costgate catalog lists it). Estimates, not invoices.\n"
        return output
    }

    private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    private func accelerators(_ workload: Workload, models: Set<String>) -> String {
        let counts = workload.acceleratorCount
        guard counts.max > 0 else { return "-" }
        let names = models.sorted().joined(separator: "+")
        let count = counts.min == counts.max ? "\(counts.nominal)" : "\(counts.min)-\(counts.max)"
        return names.isEmpty ? count : "\(count) × \(names)"
    }

    /// The models the manifest named, for a workload pricing could not resolve.
    private func readModels(_ workload: Workload) -> Set<String> {
        Set(workload.roles.compactMap { $0.accelerator?.model?.id ?? $0.accelerator?.unrecognizedModel })
    }

    private func run(_ workload: Workload) -> String {
        switch workload.pattern {
        case .oneOff:
            let tasks = workload.arrayTasks.map { " × \($0) tasks" } ?? ""
            return "\(MoneyFormat.hours(workload.durationHours)) h\(tasks)"
        case .longRunning:
            return "\(MoneyFormat.hours(workload.durationHours)) h/month"
        case .recurring(let runs, _):
            return "\(runs) × \(MoneyFormat.hours(workload.durationHours)) h/month"
        }
    }

    private func range(_ cost: CostFigures, _ keyPath: KeyPath<CostFigures, Decimal>) -> String {
        let value = MoneyFormat.usd(cost[keyPath: keyPath])
        guard cost.min != cost.max else { return value }
        return "\(value) (\(MoneyFormat.usd(cost.min))-\(MoneyFormat.usd(cost.max)))"
    }
}
