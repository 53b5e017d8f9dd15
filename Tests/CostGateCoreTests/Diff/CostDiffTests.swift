import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGatePolicy
@testable import CostGateRun

/// Two sides of a change, each a set of sbatch scripts (`CheckScenario`: every figure is GPUs × hours × 2 USD).
final class CostDiffTests: XCTestCase {
    private func policy(quota: String = "{perRun: 1000, maxIncrease: 100}", extra: String = "") throws -> Policy {
        try CheckScenario.policy("teams:\n  - name: research\n    match: {accounts: [research]}\n    quota: \(quota)\n" + extra)
    }

    private func script(_ name: String, gpus: Int, hours: Int = 10, account: String = "research") -> String {
        CheckScenario.script(name, gpus: gpus, hours: hours, account: account)
    }

    private func diff(base: [String: String], head: [String: String], policy: Policy, changed: Bool = false) -> DiffResult {
        CostDiff.compute(base: CheckScenario.check(base, policy: policy), head: CheckScenario.check(head, policy: policy), policy: policy, policyChanged: changed)
    }

    func testWorkloadsArePairedByIdentityAndEachKindIsNamed() throws {
        let policy = try policy(quota: "{perRun: 1000}")
        let result = diff(base: ["grow.sbatch": script("grow", gpus: 4), "same.sbatch": script("same", gpus: 1), "gone.sbatch": script("gone", gpus: 2)],
                          head: ["grow.sbatch": script("grow", gpus: 8), "same.sbatch": script("same", gpus: 1), "new.sbatch": script("new", gpus: 1)],
                          policy: policy)
        let kinds = Dictionary(uniqueKeysWithValues: result.changes.map { ($0.displayName, $0.kind) })
        XCTAssertEqual(kinds, ["SlurmJob/grow": .changed, "SlurmJob/same": .unchanged, "SlurmJob/gone": .removed, "SlurmJob/new": .added])
        XCTAssertEqual(result.changes.map(\.id), result.changes.map(\.id).sorted(), "in identity order on every run")
        let grow = try XCTUnwrap(result.changes.first { $0.displayName == "SlurmJob/grow" })
        XCTAssertEqual([grow.baseMonthly, grow.headMonthly, grow.delta], [80, 160, 80])
        XCTAssertEqual(grow.percent, 100)
        XCTAssertNil(result.changes.first { $0.kind == .added }?.percent, "no base to compare an added workload with")
        XCTAssertEqual(result.changed.count, 3)
        XCTAssertEqual([result.baseTotal, result.headTotal, result.delta], [140, 200, 60])
        XCTAssertEqual(result.teams.map(\.team), ["research"])
        XCTAssertEqual(result.teams.first?.delta, 60)
        XCTAssertEqual(result.exitStatus(failOnWarn: false), .success)
    }

    func testAChangeAddingMoreThanTheCapIsDeniedAtTheLargestIncrease() throws {
        let result = diff(base: ["a.sbatch": script("a", gpus: 1), "b.sbatch": script("b", gpus: 1)],
                          head: ["a.sbatch": script("a", gpus: 4), "b.sbatch": script("b", gpus: 6)], policy: try policy())
        let increase = try XCTUnwrap(result.findings.first { $0.ruleID == "increase-quota" })
        XCTAssertEqual(increase.level, .deny)
        XCTAssertEqual(increase.team, "research")
        XCTAssertEqual(increase.location.file, "b.sbatch", "at the workload that adds the most")
        XCTAssertEqual(increase.message, "this change adds $160.00 (+400%) to the month of team 'research', more than its cap of $100.00 "
                       + "per change; largest: SlurmJob/b +$100.00")
        XCTAssertEqual(result.teams.first?.status, .deny)
        XCTAssertEqual(result.exitStatus(failOnWarn: false), .overBudget)
    }

    func testAShareCapIsCheckedOnlyAgainstAMonthThatHadSomething() throws {
        let policy = try policy(quota: "{maxIncreasePercent: 50%}")
        let fromNothing = diff(base: ["a.sbatch": script("a", gpus: 1, account: "other")], head: ["a.sbatch": script("a", gpus: 1, account: "other"),
                                                                                                   "b.sbatch": script("b", gpus: 8)], policy: policy)
        XCTAssertFalse(fromNothing.findings.contains { $0.ruleID == "increase-quota" }, "a team with nothing before has no share to exceed")

        let doubled = diff(base: ["b.sbatch": script("b", gpus: 2)], head: ["b.sbatch": script("b", gpus: 4)], policy: policy)
        XCTAssertEqual(doubled.findings.first { $0.ruleID == "increase-quota" }?.message,
                       "this change adds $40.00 (+100%) to the month of team 'research', more than 50% of its $40.00 before the change; "
                       + "largest: SlurmJob/b +$40.00")
        let cheaper = diff(base: ["b.sbatch": script("b", gpus: 4)], head: ["b.sbatch": script("b", gpus: 1)], policy: policy)
        XCTAssertEqual(cheaper.findings.filter { $0.ruleID == "increase-quota" }, [], "a saving is never capped")
    }

    func testAWaiverKeepsTheIncreaseVisibleWithoutFailingAndShowbackWarns() throws {
        let waiver = """
        exceptions:
          - team: research
            waive: [increase-quota]
            reason: launch week
            expires: 2026-12-31
        """
        let base = ["a.sbatch": script("a", gpus: 1)]
        let head = ["a.sbatch": script("a", gpus: 8)]
        let waived = diff(base: base, head: head, policy: try policy(extra: waiver))
        let finding = try XCTUnwrap(waived.findings.first { $0.ruleID == "increase-quota" })
        XCTAssertEqual(finding.waiver?.reason, "launch week")
        XCTAssertEqual(waived.waived, 1)
        XCTAssertEqual(waived.exitStatus(failOnWarn: false), .success)

        var showback = try policy()
        showback.enforcement = .showback
        let shown = diff(base: base, head: head, policy: showback)
        let warned = try XCTUnwrap(shown.findings.first { $0.ruleID == "increase-quota" })
        XCTAssertEqual(warned.level, .warn)
        XCTAssertTrue(warned.showback)
        XCTAssertEqual(shown.exitStatus(failOnWarn: false), .success)
        XCTAssertEqual(shown.exitStatus(failOnWarn: true), .overBudget)
    }

    func testAChangedPolicyIsNotedAndABrokenHeadIsUnusable() throws {
        let policy = try policy()
        let noted = diff(base: ["a.sbatch": script("a", gpus: 1)], head: ["a.sbatch": script("a", gpus: 1)], policy: policy, changed: true)
        XCTAssertEqual(noted.findings.map(\.ruleID), ["policy-changed"])
        XCTAssertEqual(noted.findings.first?.level, .note)

        let broken = diff(base: ["a.sbatch": script("a", gpus: 1)], head: ["a.sbatch": script("a", gpus: 1), "bad.yaml": "kind: [unclosed\n"],
                          policy: policy)
        XCTAssertEqual(broken.exitStatus(failOnWarn: false), .inputUnusable)
    }
}
