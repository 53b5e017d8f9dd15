import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateEstimation
import CostGatePolicy

/// `costgate explain`: the whole derivation of one estimate (what was read, which price entry, which
/// duration, the spot inputs, the arithmetic) and, with a policy, its verdict (which team match, which
/// quota, the quota arithmetic, the findings).
public struct ExplainTextReporter: Sendable {
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func render(_ estimate: Estimate, catalogDate: String, gate: GateReport? = nil, policy: Policy? = nil) -> String {
        let workload = estimate.workload
        var out = bold(workload.displayName) + "\n"
        out += "  source: \(workload.source)\(workload.source.document.map { ", document \($0)" } ?? "")\n"
        out += "  kind: \(workload.kind)\(workload.apiVersion.map { " (\($0))" } ?? "")"
        out += workload.apiVersion != nil ? ", namespace \(workload.namespace ?? "default")\n" : "\n"

        out += "\n" + bold("Read from the manifest") + "\n"
        for role in workload.roles {
            out += "  role \(role.name): \(replicas(role.replicas))"
            if let accelerator = role.accelerator {
                let model = accelerator.model?.id ?? "model not named"
                let from = accelerator.modelSource.map { " from \($0)" } ?? ""
                let at = accelerator.location.map { " at \($0)" } ?? ""
                out += " × \(accelerator.count) \(accelerator.resource) (\(model)\(from))\(at)"
            }
            out += ", \(role.cpu) vCPU, \(MoneyFormat.hours(role.memoryGiB)) GiB per replica\n"
        }
        out += "  capacity: \(workload.capacity.rawValue)\n"
        out += "  duration: \(MoneyFormat.hours(workload.durationHours)) h (source: \(workload.durationSource.rawValue))\n"
        out += "  pattern: \(pattern(workload))\n"
        if let checkpoint = workload.checkpointIntervalHours { out += "  checkpoint interval: \(MoneyFormat.hours(checkpoint)) h\n" }

        out += "\n" + bold("Prices (\(estimate.provider.rawValue) \(estimate.region), catalog dated \(catalogDate))") + "\n"
        for (role, price) in zip(workload.roles, estimate.prices) {
            out += "  role \(role.name): \(MoneyFormat.rate(price.onDemandPerHour)) per replica-hour on demand"
            out += price.spotPerHour.map { ", \(MoneyFormat.rate($0)) on spot\n" } ?? ", no spot price\n"
            if let accelerator = price.accelerator, let request = role.accelerator {
                let devices = request.equivalents
                out += "    accelerators: \(devices) × \(MoneyFormat.rate(accelerator.onDemandPerHour)) = "
                    + "\(MoneyFormat.rate(devices * accelerator.onDemandPerHour)) on demand; \(accelerator.derivation)\n"
                let rest = price.onDemandPerHour - devices * accelerator.onDemandPerHour
                out += "    vCPU and memory: \(MoneyFormat.rate(rest)) at the catalog's per-vCPU and per-GiB rates\n"
            }
        }

        out += "\n" + bold("Cost") + "\n"
        let multiplier = workload.arrayTasks ?? workload.runsPerMonth ?? 1
        let multiplierText = multiplier > 1 ? " × \(multiplier) \(workload.arrayTasks != nil ? "array tasks" : "runs")" : ""
        for (role, price) in zip(workload.roles, estimate.prices) {
            let total = Decimal(role.replicas.nominal) * price.onDemandPerHour * workload.durationHours * Decimal(multiplier)
            out += "  on demand, role \(role.name): \(role.replicas.nominal) × \(MoneyFormat.rate(price.onDemandPerHour)) × "
                + "\(MoneyFormat.hours(workload.durationHours)) h\(multiplierText) = \(MoneyFormat.usd(total))\n"
        }
        let cost = estimate.cost
        out += "  on demand: \(MoneyFormat.usd(cost.onDemand))\n"
        out += "  expected: \(MoneyFormat.usd(cost.expected))\(workload.capacity == .spot && estimate.spot != nil ? " (spot model)" : "")\n"
        if cost.min != cost.max { out += "  range: \(MoneyFormat.usd(cost.min)) (fewest replicas) to \(MoneyFormat.usd(cost.max)) (most)\n" }
        if let p50 = cost.p50, let p90 = cost.p90, let p99 = cost.p99, estimate.spot != nil {
            out += "  quantiles: p50 \(MoneyFormat.usd(p50)), p90 \(MoneyFormat.usd(p90)), p99 \(MoneyFormat.usd(p99))\n"
        }
        if let spot = estimate.spot {
            out += "\n" + bold("Spot model") + "\n"
            out += "  interruption rate: \(spot.ratePerInstanceHour) per instance-hour (\(spot.rateSource))\n"
            out += "  gang size: \(spot.gangSize); expected interruptions per run: \(FixedText.format(spot.expectedInterruptions, places: 3))\n"
            out += "  checkpoint interval: \(spot.checkpointIntervalHours.map { FixedText.format($0, places: 2) + " h" } ?? "none")"
            out += spot.recommendedCheckpointIntervalHours.map { "; best " + FixedText.format($0, places: 2) + " h" } ?? ""
            out += "\n  recommendation: \(spot.recommendation) (\(spot.recommendationReason))\n"
        }
        if !estimate.assumptions.isEmpty {
            out += "\n" + bold("Assumptions") + "\n"
            for assumption in estimate.assumptions { out += "  - \(assumption)\n" }
        }
        if let gate, let policy, let verdict = gate.workloads.first(where: { $0.id == workload.id }) {
            out += "\n" + verdictText(verdict, gate: gate, policy: policy)
        }
        return out
    }

    private func verdictText(_ verdict: WorkloadVerdict, gate: GateReport, policy: Policy) -> String {
        var out = bold("Verdict (policy \(policy.file), \(gate.today))") + "\n"
        out += "  team: \(verdict.team ?? "none") — \(verdict.attribution)\n"
        let team = policy.teams.first { $0.name == verdict.team }
        if let team { out += "  enforcement: \((team.enforcement ?? policy.enforcement).rawValue)\n" }
        out += "  gated figure: \(verdict.figure.rawValue)\n"
        if let cost = verdict.perRunCost {
            if let cap = verdict.perRunCap {
                let raisedBy = policy.exceptions.first { verdict.exceptions.contains($0.location) && $0.perRun == cap }
                let written = raisedBy.map { " (raised by the exception at \($0.location))" }
                    ?? team?.quota.locations["perRun"].map { " (\($0))" } ?? ""
                out += "  per run: \(MoneyFormat.usd(cost)) of \(MoneyFormat.usd(cap))\(written) = \(QuotaArithmetic.percent(cost, of: cap))"
                out += team.map { ", warns at \(QuotaArithmetic.percent($0.quota.warnAt, of: 1))" } ?? ""
                out += "\n"
            } else {
                out += "  per run: \(MoneyFormat.usd(cost)) (no per-run quota)\n"
            }
        }
        if let cap = verdict.gpuCap { out += "  accelerators: up to \(verdict.gpus) of \(cap) allowed per workload\n" }
        if let summary = gate.teams.first(where: { $0.team == verdict.team }) {
            out += "  month: adds \(MoneyFormat.usd(verdict.monthlyCost)) at \(summary.monthlyScale.rawValue) scale; "
                + "the team's \(summary.workloads) workload\(summary.workloads == 1 ? "" : "s") in this check total \(MoneyFormat.usd(summary.monthly))"
            out += summary.monthlyCap.map { " of \(MoneyFormat.usd($0)) (\(QuotaArithmetic.percent(summary.monthly, of: $0)))\n" } ?? " (no monthly quota)\n"
        }
        for location in verdict.exceptions {
            if let exception = policy.exceptions.first(where: { $0.location == location }) {
                out += "  exception (\(location)): until \(exception.expires), \(exception.reason)\n"
            }
        }
        let findings = gate.findings.filter { $0.workload == verdict.id || ($0.workload == nil && $0.team != nil && $0.team == verdict.team) }
        for finding in findings {
            out += "  \(finding.level.rawValue)\(finding.counts ? "" : " (waived)"): \(finding.message) [\(finding.ruleID)]\n"
        }
        let status = verdict.status == .note ? (verdict.waived ? "pass (findings waived)" : "pass") : verdict.status.rawValue
        out += "  status: \(status)\n"
        return out
    }

    private func replicas(_ range: ReplicaRange) -> String {
        range.min == range.max ? "\(range.nominal) replica\(range.nominal == 1 ? "" : "s")"
            : "\(range.nominal) replicas (from \(range.min) to \(range.max))"
    }

    private func pattern(_ workload: Workload) -> String {
        switch workload.pattern {
        case .oneOff: return "one-off run" + (workload.arrayTasks.map { " × \($0) array tasks" } ?? "")
        case .longRunning: return "long-running, priced per month"
        case .recurring(let runs, let month): return "recurring, \(runs) runs in \(month)"
        }
    }

    private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}
