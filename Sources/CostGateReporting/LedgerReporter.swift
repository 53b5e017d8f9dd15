import Foundation
import CostGateBasics
import CostGateLedger

/// `costgate ledger` output.
public enum LedgerReporter {
    public static func text(_ entries: [LedgerEntry]) -> String {
        guard !entries.isEmpty else { return "no recorded runs\n" }
        var table = TextTable(headers: ["ID", "MONTH", "TEAM", "WORKLOAD", "AMOUNT", "FIGURE", "RECORDED", "COMMIT", "STATE"],
                              alignments: [.right, .left, .left, .left, .right, .left, .left, .left, .left])
        for entry in entries {
            table.rows.append([String(entry.id ?? 0), entry.month, entry.team ?? "(unowned)", entry.name, MoneyFormat.usd(entry.amount),
                               entry.figure, entry.recordedAt, entry.commit.map { String($0.prefix(12)) } ?? "-",
                               entry.voided ? "void" : "counts"])
        }
        let total = entries.filter { !$0.voided }.reduce(Int64(0)) { $0 + $1.amountCents }
        return table.rendered() + "\n\(entries.count) run\(entries.count == 1 ? "" : "s"), \(MoneyFormat.usd(Decimal(total) / 100)) counting\n"
    }

    public static func detail(_ entry: LedgerEntry) -> String {
        var lines = [
            "id: \(entry.id ?? 0)", "workload: \(entry.name) (\(entry.workload))", "team: \(entry.team ?? "(unowned)")",
            "month: \(entry.month)", "amount: \(MoneyFormat.usd(entry.amount)) (\(entry.figure))", "recorded: \(entry.recordedAt)",
            "source: \(entry.source)",
        ]
        if let repository = entry.repository { lines.append("repository: \(repository)") }
        if let commit = entry.commit { lines.append("commit: \(commit)") }
        if let pullRequest = entry.pullRequest { lines.append("pull request: \(pullRequest)") }
        lines.append(entry.voided ? "state: void (\(entry.voidReason ?? "no reason given"))" : "state: counts")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ entries: [LedgerEntry]) -> String {
        JSONValue.object([
            "schemaVersion": .int(1),
            "runs": .array(entries.map { entry in
                .object([
                    "id": entry.id.map { .int(Int($0)) } ?? .null, "workload": .string(entry.workload), "name": .string(entry.name),
                    "team": .optional(entry.team), "month": .string(entry.month), "amount": .money(entry.amount),
                    "figure": .string(entry.figure), "recordedAt": .string(entry.recordedAt), "commit": .optional(entry.commit),
                    "pullRequest": .optional(entry.pullRequest), "source": .string(entry.source), "voided": .bool(entry.voided),
                    "voidReason": .optional(entry.voidReason), "repository": .optional(entry.repository),
                ])
            }),
        ]).rendered()
    }
}
