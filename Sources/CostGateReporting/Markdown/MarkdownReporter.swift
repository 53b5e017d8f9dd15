import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateEstimation
import CostGatePolicy
import CostGateRun

/// Markdown for a pull-request comment or a job summary: a one-line verdict, the changed (or checked)
/// workloads, each team's quota, the findings, and collapsed details with every estimate's assumptions.
/// Starts with a hidden marker so the comment is updated, not duplicated; stays under GitHub's
/// 65,536-character comment limit by cutting details first, then rows, and saying so.
public struct MarkdownReporter: Sendable {
    /// `<!-- costgate:comment -->`, or with a tag for several comments on one pull request.
    public var marker: String
    public var limit: Int

    public init(tag: String? = nil, limit: Int = 60_000) {
        self.marker = "<!-- costgate:comment" + (tag.map { " tag=\($0)" } ?? "") + " -->"
        self.limit = limit
    }

    public func render(_ diff: DiffResult, exitStatus: ExitStatus) -> String {
        let month = diff.head.estimation.month
        var head = "\(marker)\n### \(Self.icon(exitStatus, warnings: diff.warnings)) costgate: \(verdict(exitStatus, denies: diff.denies, warnings: diff.warnings))"
        head += diff.changed.isEmpty ? " — no workload changes cost\n\n"
            : " — this change \(diff.delta >= 0 ? "adds" : "saves") \(MoneyFormat.usd(abs(diff.delta))) a month "
              + "(\(MoneyFormat.usd(diff.baseTotal)) → \(MoneyFormat.usd(diff.headTotal)))\n\n"
        var rows = diff.changed.map { change in
            "| \(Self.changeLabel(change.kind)) | `\(Self.code(change.displayName))` | `\(Self.code(change.location.file)):\(change.location.line)` "
                + "| \(change.team ?? "*unowned*") | \(change.base == nil ? "–" : MoneyFormat.usd(change.baseMonthly)) "
                + "| \(change.head == nil ? "–" : MoneyFormat.usd(change.headMonthly)) | \(DiffTextReporter.signed(change.delta)) "
                + "| \(change.kind == .removed ? "–" : Self.status(change.status)) |"
        }
        let table = rows.isEmpty ? "" : "| Change | Workload | Source | Team | Before | After | Δ / month | Status |\n"
            + "|---|---|---|---|--:|--:|--:|---|\n"
        var teams = ""
        if !diff.teams.isEmpty {
            teams = "\n**Teams, \(month)**\n\n| Team | Before | After | Δ | Monthly quota | Status |\n|---|--:|--:|--:|--:|---|\n"
            for team in diff.teams {
                teams += "| \(team.team ?? "*unowned*") | \(MoneyFormat.usd(team.base)) | \(MoneyFormat.usd(team.head)) "
                    + "| \(DiffTextReporter.signed(team.delta)) | \(team.monthlyCap.map(MoneyFormat.usd) ?? "–") | \(Self.status(team.status)) |\n"
            }
        }
        let findings = findingsSection(diff.findings)
        let details = detailsSection(diff.changed.compactMap(\.head))
        let footer = "\n<sub>costgate · policy `\(Self.code(diff.head.policy.file))` from the \(diff.policySide) · prices from the catalog dated "
            + "\(diff.head.estimation.catalogDate) · month \(month) · exit \(exitStatus.rawValue)</sub>\n"
        return fit(head: head, table: table, rows: &rows, middle: teams + findings, details: details, footer: footer)
    }

    public func render(_ result: CheckResult, exitStatus: ExitStatus) -> String {
        let gate = result.gate
        var head = "\(marker)\n### \(Self.icon(exitStatus, warnings: gate.warnings)) costgate: \(verdict(exitStatus, denies: gate.denies, warnings: gate.warnings))"
        head += " — \(gate.workloads.count) workload\(gate.workloads.count == 1 ? "" : "s") checked\n\n"
        var rows = gate.workloads.map { verdict in
            if let reason = verdict.cannotPrice {
                return "| `\(Self.code(verdict.displayName))` | `\(Self.code(verdict.source.file)):\(verdict.source.line)` | \(verdict.team ?? "*unowned*") "
                    + "| cannot price: \(Self.escape(reason)) | \(verdict.perRunCap.map(MoneyFormat.usd) ?? "–") | ? | :x: error |"
            }
            return "| `\(Self.code(verdict.displayName))` | `\(Self.code(verdict.source.file)):\(verdict.source.line)` | \(verdict.team ?? "*unowned*") "
                + "| \(verdict.perRunCost.map(MoneyFormat.usd) ?? "–") | \(verdict.perRunCap.map(MoneyFormat.usd) ?? "–") "
                + "| \(MoneyFormat.usd(verdict.monthlyCost)) | \(Self.status(verdict.status)) |"
        }
        let table = rows.isEmpty ? "" : "| Workload | Source | Team | Per run | Run quota | Month | Status |\n|---|---|---|--:|--:|--:|---|\n"
        var teams = ""
        if !gate.teams.isEmpty {
            teams = "\n**Teams, \(result.estimation.month)**\n\n| Team | Month | Monthly quota | Remaining | Status |\n|---|--:|--:|--:|---|\n"
            for team in gate.teams {
                teams += "| \(team.team ?? "*unowned*") | \(MoneyFormat.usd(team.monthly)) | \(team.monthlyCap.map(MoneyFormat.usd) ?? "–") "
                    + "| \(team.remaining.map(MoneyFormat.usd) ?? "–") | \(Self.status(team.status)) |\n"
            }
        }
        let footer = "\n<sub>costgate · policy `\(Self.code(result.policy.file))` · prices from the catalog dated "
            + "\(result.estimation.catalogDate) · exit \(exitStatus.rawValue)</sub>\n"
        return fit(head: head, table: table, rows: &rows,
                   middle: teams + errorsSection(result.estimation.diagnostics) + findingsSection(gate.findings),
                   details: detailsSection(result.estimation.estimates), footer: footer)
    }

    /// Input that could not be used, at its place: the reason the check exits 2.
    private func errorsSection(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return "" }
        var text = "\n**Input errors** (the check is incomplete)\n\n"
        for diagnostic in errors {
            text += "- :x: `\(Self.code(diagnostic.location.description))` \(Self.escape(diagnostic.message))"
                + (diagnostic.ruleID.map { " `[\($0)]`" } ?? "") + "\n"
        }
        return text
    }

    // MARK: - Pieces

    private func verdict(_ status: ExitStatus, denies: Int, warnings: Int) -> String {
        switch status {
        case .inputUnusable: return "some input could not be used"
        case .overBudget where denies > 0: return "\(denies) den\(denies == 1 ? "y" : "ies")"
        case .overBudget: return "\(warnings) warning\(warnings == 1 ? "" : "s") (failing on warnings)"
        default: return warnings > 0 ? "within budget, \(warnings) warning\(warnings == 1 ? "" : "s")" : "within budget"
        }
    }

    private func findingsSection(_ findings: [Finding]) -> String {
        let shown = findings.filter { $0.level != .note || $0.ruleID == BuiltinRule.policyChanged.id }
        guard !shown.isEmpty else { return "" }
        var text = "\n**Findings**\n\n"
        for finding in shown {
            text += "- \(Self.findingIcon(finding)) `\(Self.code(finding.location.description))` \(Self.escape(finding.message)) `[\(finding.ruleID)]`"
            if let waiver = finding.waiver { text += " — waived until \(waiver.expires): \(Self.escape(waiver.reason))" }
            if finding.showback { text += " — showback: shown, not enforced" }
            text += "\n"
        }
        return text
    }

    private func detailsSection(_ estimates: [Estimate]) -> String {
        guard !estimates.isEmpty else { return "" }
        var text = "\n<details><summary>Estimate details</summary>\n\n"
        for estimate in estimates {
            let workload = estimate.workload
            text += "**\(Self.escape(workload.displayName))** (`\(Self.code(workload.source.description))`): expected \(MoneyFormat.usd(estimate.cost.expected)), "
                + "on demand \(MoneyFormat.usd(estimate.cost.onDemand)), \(estimate.provider.rawValue) \(estimate.region)\n"
            for assumption in estimate.assumptions { text += "- \(Self.escape(assumption))\n" }
            text += "\n"
        }
        return text + "</details>\n"
    }

    /// Everything if it fits; else without details; else with as many rows as fit and a note.
    private func fit(head: String, table: String, rows: inout [String], middle: String, details: String, footer: String) -> String {
        func assemble(_ rows: [String], details: String, note: String = "") -> String {
            head + table + rows.map { $0 + "\n" }.joined() + note + middle + details + footer
        }
        let full = assemble(rows, details: details)
        if full.count <= limit { return full }
        let note = "\n*Estimate details left out: the comment would pass GitHub's size limit. `costgate --format json` has them all.*\n"
        let lean = assemble(rows, details: "", note: note)
        if lean.count <= limit { return lean }
        var kept = rows
        var dropped = 0
        while !kept.isEmpty && assemble(kept, details: "", note: note + "\n*… \(dropped) more rows not shown.*\n").count > limit {
            kept.removeLast()
            dropped += 1
        }
        return assemble(kept, details: "", note: "\n*… \(dropped) more row\(dropped == 1 ? "" : "s") not shown.*\n" + note)
    }

    package static func icon(_ status: ExitStatus, warnings: Int) -> String {
        switch status {
        case .inputUnusable: return "⚠️"
        case .overBudget: return "❌"
        default: return warnings > 0 ? "⚠️" : "✅"
        }
    }

    package static func findingIcon(_ finding: Finding) -> String {
        if !finding.counts { return "☑️" }
        switch finding.level {
        case .deny: return "❌"
        case .warn: return "⚠️"
        case .note: return "ℹ️"
        }
    }

    package static func changeLabel(_ kind: WorkloadChange.Kind) -> String {
        switch kind {
        case .added: return "➕ added"
        case .removed: return "➖ removed"
        case .changed: return "✏️ changed"
        case .unchanged: return "unchanged"
        }
    }

    package static func status(_ level: Finding.Level) -> String {
        switch level {
        case .deny: return "❌ deny"
        case .warn: return "⚠️ warn"
        case .note: return "✅ pass"
        }
    }

    /// Text inside a table cell or list item: pipes and angle brackets would break the markup.
    package static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Text inside backticks: a backtick would end the span.
    package static func code(_ text: String) -> String { text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|") }
}
