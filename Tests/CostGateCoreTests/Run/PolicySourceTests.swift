import XCTest
import CostGateTestSupport
@testable import CostGateCore
@testable import CostGateRun

final class PolicySourceTests: XCTestCase {
    func testDiscoveryWalksUpToTheRepositoryRoot() {
        let files = MemoryFileSystem(texts: [
            "/repo/.git/HEAD": "ref",
            "/repo/.costgate.yaml": "version: 1",
            "/repo/jobs/train/job.yaml": "",
        ])
        XCTAssertEqual(PolicySource.discover(from: "/repo/jobs/train", fileSystem: files), .discovered("/repo/.costgate.yaml"))
        XCTAssertEqual(PolicySource.discover(from: "/repo", fileSystem: files), .discovered("/repo/.costgate.yaml"))
    }

    func testANearerPolicyWinsAndTheSearchStopsAtTheRoot() {
        let files = MemoryFileSystem(texts: [
            "/.costgate.yaml": "version: 1",
            "/repo/.git/HEAD": "ref",
            "/repo/team/.costgate.yml": "version: 1",
            "/repo/team/job.yaml": "",
            "/repo/other/job.yaml": "",
        ])
        XCTAssertEqual(PolicySource.discover(from: "/repo/team", fileSystem: files), .discovered("/repo/team/.costgate.yml"))
        XCTAssertNil(PolicySource.discover(from: "/repo/other", fileSystem: files), "a policy above the repository root is not used")
    }

    func testUnreadablePolicyIsAnError() {
        let (policy, diagnostics) = PolicySource.explicit("missing.yaml").load(fileSystem: MemoryFileSystem(texts: [:]))
        XCTAssertNil(policy)
        XCTAssertEqual(diagnostics.map(\.rendered), ["missing.yaml: error: cannot read the policy: no such file or directory [unreadable-policy]"])
    }
}
