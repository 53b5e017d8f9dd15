import XCTest
@testable import CostGatePolicy
@testable import CostGateWorkloads

final class PolicyRuleCheckTests: XCTestCase {
    private typealias F = GateCheckFixture

    private let rules = """
    rules:
      - id: state-capacity
        message: Jobs must say their capacity
        match: {kinds: [Job]}
        forbidCapacity: [unknown]
      - id: max-run-length
        message: A run lasts two days at most
        severity: warn
        maxDuration: 2d
      - id: ml-declares-duration
        message: ml's jobs declare their run time
        match: {teams: [ml]}
        requireDuration: true

    """

    private func violations(_ workload: Workload) throws -> [Violation] {
        let policy = try F.policy(F.mlTeam + rules)
        return PolicyRuleCheck.violations(F.subject(F.estimate(workload, expected: 1), in: policy))
    }

    func testEachRuleSpeaksWithItsOwnIdLevelAndMessageInPolicyOrder() throws {
        var workload = F.workload(capacity: .unknown, hours: 72)
        workload.durationSource = .default
        let found = try violations(workload)
        XCTAssertEqual(found.map(\.ruleID), ["state-capacity", "max-run-length", "ml-declares-duration"])
        XCTAssertEqual(found.map(\.level), [.deny, .warn, .deny])
        XCTAssertEqual(found.first?.message, "Jobs must say their capacity: Job/ml/train capacity type is not stated "
                       + "(no karpenter.sh/capacity-type or provider spot label): treated as not spot")
    }

    func testTheSelectorDecidesWhichWorkloadsARuleSees() throws {
        var other = F.workload(namespace: "scratch", capacity: .unknown)
        other.durationSource = .default
        XCTAssertEqual(try violations(other).map(\.ruleID), ["state-capacity"], "not ml's, so its run time is not required")
        XCTAssertEqual(try violations(F.workload("pretrain", kind: "SlurmJob", capacity: .unknown)), [], "not a Job")
    }

    func testAFindingPointsAtTheGPURequestWhenItIsAboutTheAccelerators() throws {
        var workload = F.workload(capacity: .unknown, hours: 72)
        workload.durationSource = .default
        XCTAssertEqual(try violations(workload).map(\.location), [F.gpuLine, F.manifest, F.manifest],
                       "capacity is the GPU request's; run time is the whole object's")
    }
}
