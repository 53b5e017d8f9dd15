import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateBasics
@testable import CostGateLedger
@testable import CostGatePolicy
@testable import CostGateUsage
@testable import CostGateRun

final class AuditorTests: XCTestCase {
    private let november = CalendarMonth(year: 2026, month: 11)!

    private func policy(mode: String = "showback", split: String = "proportional") throws -> Policy {
        let text = """
        version: 1
        audit: {mode: \(mode), sharedCost: \(split), teamTags: [team]}
        teams:
          - name: research
            match: {namespaces: [research], accounts: [research]}
            quota: {monthly: 1000, warnAt: 80%}
          - name: serving
            match: {namespaces: [serving]}
            quota: {monthly: 500}
          - name: tools
            match: {namespaces: [tools]}
        """
        let (policy, diagnostics) = PolicyReader.read(Array(text.utf8), file: "policy.yaml")
        return try XCTUnwrap(policy, diagnostics.map(\.rendered).joined(separator: "\n"))
    }

    private func row(_ id: String, cost: Decimal, namespace: String? = nil, tags: [String: String] = [:], shared: Bool = false,
                     month: CalendarMonth? = nil, name: String? = nil) -> UsageRecord {
        UsageRecord(source: .opencost, location: SourceLocation(file: "allocation.json", line: 1, column: 1), id: id, name: name,
                    month: month ?? november, cost: cost, attribution: UsageAttribution(namespace: namespace, tags: tags), shared: shared)
    }

    private func run(_ workload: String, team: String, cents: Int64, month: String = "2026-11", voided: Bool = false) -> LedgerEntry {
        LedgerEntry(workload: workload, name: workload, team: team, month: month, amountCents: cents, figure: "expected",
                    recordedAt: "2026-11-02T00:00:00Z", commit: "abc", pullRequest: nil, source: "job.yaml:1", voided: voided)
    }

    private func auditor(_ policy: Policy, day: Int = 16) -> Auditor {
        Auditor(policy: policy, month: november, today: CalendarDay(year: 2026, month: 11, day: day)!)
    }

    func testTheRestOfTheMonthCountsTodayAndIsWholeOrNothingOutsideIt() throws {
        let policy = try policy()
        XCTAssertEqual(auditor(policy, day: 16).remainingFraction, Decimal(15) / 30)
        XCTAssertEqual(auditor(policy, day: 30).remainingFraction, Decimal(1) / 30)
        XCTAssertEqual(Auditor(policy: policy, month: november, today: CalendarDay(year: 2026, month: 10, day: 31)!).remainingFraction, 1)
        XCTAssertEqual(Auditor(policy: policy, month: november, today: CalendarDay(year: 2027, month: 1, day: 1)!).remainingFraction, 0)
    }

    func testUsageIsAttributedByTagThenByMatchAndOtherMonthsAreLeftOut() throws {
        let report = auditor(try policy()).audit(estimates: [], ledger: [], usage: [
            row("a", cost: 300, namespace: "research"),
            row("b", cost: 100, namespace: "elsewhere", tags: ["team": "serving"]),
            row("c", cost: 900, namespace: "research", month: CalendarMonth(year: 2026, month: 10)!),
        ])
        XCTAssertEqual(report.teams.map(\.team), ["research", "serving"], "a team with no quota and no spend is left out")
        XCTAssertEqual(report.teams.map(\.actual), [300, 100])
        XCTAssertEqual(report.shared, 0)
        XCTAssertEqual(report.usageRows, [.opencost: 3])
    }

    func testLedgerRunsNotBilledYetAreCommittedAndBilledOnesMeasureTheEstimate() throws {
        let report = auditor(try policy()).audit(estimates: [], ledger: [
            run("slurm/train.sbatch#llm", team: "research", cents: 40_000),
            run("Job/research/eval", team: "research", cents: 10_000),
            run("Job/research/old", team: "research", cents: 99_900, voided: true),
            run("Job/research/last-month", team: "research", cents: 99_900, month: "2026-10"),
        ], usage: [row("12345", cost: 450, namespace: "research", name: "llm")])
        let research = try XCTUnwrap(report.teams.first { $0.team == "research" })
        XCTAssertEqual(research.actual, 450)
        XCTAssertEqual(research.committed, 100, "only the run no usage row shows yet; voided runs and other months never count")
        XCTAssertEqual(report.accuracy.map(\.team), ["research"])
        XCTAssertEqual(report.accuracy.first?.estimated, 400)
        XCTAssertEqual(report.accuracy.first?.ratio, Decimal(450) / 400 * 100, "matched by the sbatch job's name")
    }

    func testSharedCostIsShownInShowbackAndChargedInChargeback() throws {
        let usage = [row("a", cost: 600, namespace: "research"), row("b", cost: 200, namespace: "serving"),
                     row("__idle__", cost: 80, shared: true), row("x", cost: 20, namespace: "unknown")]
        let showback = auditor(try policy()).audit(estimates: [], ledger: [], usage: usage)
        XCTAssertEqual(showback.shared, 100, "idle rows and rows no team claims")
        XCTAssertEqual(showback.teams.map(\.sharedShare), [75, 25], "in proportion to direct spend")
        XCTAssertEqual(showback.teams.map(\.projected), [600, 200], "showback shows the share beside the total")

        let chargeback = auditor(try policy(mode: "chargeback", split: "even")).audit(estimates: [], ledger: [], usage: usage)
        XCTAssertEqual(chargeback.teams.map(\.sharedShare), [50, 50], "even among the teams with a quota")
        XCTAssertEqual(chargeback.teams.map(\.projected), [650, 250])
    }

    func testVerdictsAndTheExitStatusFollowTheQuotaAndEnforcement() throws {
        let report = auditor(try policy()).audit(estimates: [], ledger: [], usage: [
            row("a", cost: 800, namespace: "research"), row("b", cost: 501, namespace: "serving"), row("c", cost: 5, namespace: "tools"),
        ])
        XCTAssertEqual(report.teams.map(\.verdict), [.warn, .over, .ok], "research reaches 80%, serving passes 500, tools has no quota")
        XCTAssertEqual(report.teams.first?.utilisation, 80)
        XCTAssertNil(report.teams.last?.utilisation)
        XCTAssertEqual(report.exitStatus, .overBudget)

        let broken = auditor(try policy()).audit(estimates: [], ledger: [], usage: [],
                                                 diagnostics: [Diagnostic(.error, at: .wholeFile("usage.csv"), "cannot read")])
        XCTAssertEqual(broken.exitStatus, .inputUnusable, "an unreadable export never passes as within quota")
    }

    func testAShowbackTeamOverItsQuotaDoesNotFailTheAudit() throws {
        var policy = try policy()
        policy.enforcement = .showback
        let report = auditor(policy).audit(estimates: [], ledger: [], usage: [row("b", cost: 900, namespace: "serving")])
        XCTAssertEqual(report.teams.first { $0.team == "serving" }?.verdict, .over)
        XCTAssertEqual(report.exitStatus, .success)
    }
}
