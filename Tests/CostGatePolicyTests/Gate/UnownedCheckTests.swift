import XCTest
@testable import CostGatePolicy
@testable import CostGateWorkloads

final class UnownedCheckTests: XCTestCase {
    private typealias F = GateCheckFixture

    private func violations(_ workload: Workload, unowned: String) throws -> [Violation] {
        let policy = try F.policy("unowned: \(unowned)\n" + F.mlTeam)
        return UnownedCheck.violations(F.subject(F.estimate(workload, expected: 10), in: policy))
    }

    func testAnOwnedWorkloadPasses() throws {
        XCTAssertEqual(try violations(F.workload(namespace: "ml"), unowned: "deny"), [])
    }

    func testThePolicySaysTheLevelAndAllowSaysNothing() throws {
        let stray = F.workload(namespace: "scratch")
        XCTAssertEqual(try violations(stray, unowned: "deny").map(\.level), [.deny])
        XCTAssertEqual(try violations(stray, unowned: "warn").map(\.level), [.warn])
        XCTAssertEqual(try violations(stray, unowned: "allow"), [])
    }

    func testTheMessageSaysWhatAMatchCouldUseAndHowToClaimIt() throws {
        let kubernetes = try XCTUnwrap(try violations(F.workload(namespace: "scratch"), unowned: "warn").first)
        XCTAssertEqual(kubernetes.ruleID, "unowned")
        XCTAssertEqual(kubernetes.location, F.manifest, "at the manifest, not the GPU request")
        XCTAssertEqual(kubernetes.message, "Job/scratch/train is owned by no team (namespace 'scratch'); the policy's 'unowned: warn' applies: "
                       + "add a team match or a costgate.dev/team annotation")
        let sbatch = try XCTUnwrap(try violations(F.workload("pretrain", kind: "SlurmJob"), unowned: "deny").first)
        XCTAssertTrue(sbatch.message.hasSuffix("(no namespace, account or team); the policy's 'unowned: deny' applies: add a team match or #COSTGATE --team"),
                      sbatch.message)
    }
}
