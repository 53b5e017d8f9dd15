import Foundation
import CostGateBasics
import CostGatePolicy

/// `costgate policy validate`: what a valid policy says, in a few tables.
public enum PolicySummaryReporter {
    public static func render(_ policy: Policy) -> String {
        var out = "\(policy.file): valid policy (version \(policy.version))\n"
        out += "  enforcement: \(policy.enforcement.rawValue); unowned workloads: \(policy.unowned.rawValue); "
            + "documents with GPUs not read: \(policy.unread.rawValue)\n"
        if !policy.exclude.isEmpty { out += "  excluded paths: \(policy.exclude.joined(separator: ", "))\n" }
        let defaults = policy.defaults
        out += "  defaults: gate on the \(defaults.figure.rawValue) cost, recurring workloads at \(defaults.monthlyScale.rawValue) scale, "
            + "warn at \(QuotaArithmetic.percent(defaults.warnAt, of: 1))\n"
        out += "  pricing: \(pricing(policy.pricing))\n"

        out += "\nTeams (the first match wins):\n"
        if policy.teams.isEmpty {
            out += "  none: every workload is unowned\n"
        } else {
            var table = TextTable(headers: ["TEAM", "MATCH", "PER RUN", "MONTHLY", "GPUS", "GATES", "WARN AT", "MODE"],
                                  alignments: [.left, .left, .right, .right, .right, .left, .right, .left])
            for team in policy.teams {
                let quota = team.quota
                table.rows.append([
                    team.name, match(team.match), quota.perRun.map(MoneyFormat.usd) ?? "-", quota.monthly.map(MoneyFormat.usd) ?? "-",
                    quota.gpusPerWorkload.map(String.init) ?? "-", "\(quota.figure.rawValue), \(quota.monthlyScale.rawValue)",
                    QuotaArithmetic.percent(quota.warnAt, of: 1), (team.enforcement ?? policy.enforcement).rawValue,
                ])
            }
            out += indent(table.rendered())
        }
        if !policy.rules.isEmpty {
            out += "\nRules:\n"
            var table = TextTable(headers: ["ID", "SEVERITY", "CHECK", "APPLIES TO"], alignments: [.left, .left, .left, .left])
            for rule in policy.rules {
                table.rows.append([rule.id, rule.severity.rawValue, check(rule.check), selector(rule.selector)])
            }
            out += indent(table.rendered())
        }
        if !policy.exceptions.isEmpty {
            out += "\nExceptions:\n"
            var table = TextTable(headers: ["FOR", "ALLOWS", "EXPIRES", "REASON"], alignments: [.left, .left, .left, .left])
            for exception in policy.exceptions {
                var allows: [String] = []
                if let perRun = exception.perRun { allows.append("per run \(MoneyFormat.usd(perRun))") }
                if let monthly = exception.monthly { allows.append("monthly \(MoneyFormat.usd(monthly))") }
                if let gpus = exception.gpusPerWorkload { allows.append("\(gpus) GPUs") }
                if !exception.waive.isEmpty { allows.append("waives \(exception.waive.joined(separator: ", "))") }
                table.rows.append([exception.targetText, allows.joined(separator: "; "), exception.expires.description, exception.reason])
            }
            out += indent(table.rendered())
        }
        return out
    }

    package static func pricing(_ pricing: PolicyPricing) -> String {
        var parts = ["provider \(pricing.provider?.rawValue ?? "from the command line (aws)")"]
        if let region = pricing.region { parts.append("region \(region)") }
        if let hours = pricing.hoursPerMonth { parts.append("\(hours) h a month") }
        if let gpu = pricing.defaultGPU { parts.append("default GPU \(gpu.id)") }
        if !pricing.defaultDurationHours.isEmpty {
            parts.append("default run times " + pricing.defaultDurationHours.sorted { $0.key < $1.key }
                .map { "\($0.key) \(MoneyFormat.hours($0.value)) h" }.joined(separator: ", "))
        }
        func count(_ n: Int, _ what: String) { if n > 0 { parts.append("\(n) \(what)\(n == 1 ? "" : "s")") } }
        count(pricing.acceleratorOverrides.count, "accelerator price")
        count(pricing.instanceOverrides.count, "instance price")
        count(pricing.partitionRates.count, "partition rate")
        count(pricing.nodePoolRates.count, "node-pool rate")
        if let interval = pricing.spot.checkpointIntervalHours { parts.append("spot checkpoints every \(MoneyFormat.hours(interval)) h") }
        if let restart = pricing.spot.restartHours { parts.append("spot restart \(MoneyFormat.hours(restart)) h") }
        count(pricing.spot.interruptionByModel.count, "interruption override")
        return parts.joined(separator: "; ")
    }

    package static func match(_ match: TeamMatch) -> String {
        var parts: [String] = []
        if !match.namespaces.isEmpty { parts.append("namespaces " + match.namespaces.map(\.pattern).joined(separator: ",")) }
        if !match.labels.isEmpty { parts.append("labels " + match.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")) }
        if !match.teamAnnotations.isEmpty { parts.append("team " + match.teamAnnotations.joined(separator: ",")) }
        if !match.accounts.isEmpty { parts.append("accounts " + match.accounts.map(\.pattern).joined(separator: ",")) }
        if !match.partitions.isEmpty { parts.append("partitions " + match.partitions.map(\.pattern).joined(separator: ",")) }
        return parts.isEmpty ? "(nothing)" : parts.joined(separator: "; ")
    }

    package static func check(_ check: RuleCheck) -> String {
        switch check {
        case .forbidCapacity(let kinds): return "forbid " + kinds.map(\.rawValue).sorted().joined(separator: ", ")
        case .requireSpotOverGPUHours(let hours): return "spot over \(hours) GPU-hours"
        case .maxDurationHours(let hours): return "at most \(MoneyFormat.hours(hours)) h"
        case .requireDeclaredDuration: return "declared run time"
        case .requireCheckpointOnSpot: return "checkpoints on spot"
        }
    }

    package static func selector(_ selector: WorkloadSelector) -> String {
        var parts: [String] = []
        if !selector.workloads.isEmpty { parts.append("workloads " + selector.workloads.map(\.pattern).joined(separator: ",")) }
        if !selector.namespaces.isEmpty { parts.append("namespaces " + selector.namespaces.map(\.pattern).joined(separator: ",")) }
        if !selector.kinds.isEmpty { parts.append("kinds " + selector.kinds.joined(separator: ",")) }
        if !selector.teams.isEmpty { parts.append("teams " + selector.teams.joined(separator: ",")) }
        if !selector.gpus.isEmpty { parts.append("gpus " + selector.gpus.map(\.id).joined(separator: ",")) }
        return parts.isEmpty ? "every workload" : parts.joined(separator: "; ")
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  \($0)" }.joined(separator: "\n")
    }
}
