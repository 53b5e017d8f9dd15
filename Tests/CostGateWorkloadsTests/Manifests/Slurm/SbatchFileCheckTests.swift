import XCTest
@testable import CostGateWorkloads
@testable import CostGateBasics

/// The two checks sbatch makes of the whole file before it reads any option.
final class SbatchFileCheckTests: XCTestCase {
    private func read(_ text: String) -> (workloads: [Workload], diagnostics: [Diagnostic]) {
        SlurmReader(options: ReadOptions(month: CalendarMonth(year: 2026, month: 11)!))
            .read(InputFile(path: "job.sbatch", bytes: Array(text.utf8), format: .sbatch))
    }

    func testAScriptWithoutAnInterpreterLineIsRefused() {
        let (workloads, diagnostics) = read("#SBATCH --gres=gpu:a100:4\n#SBATCH --time=1:00:00\nsrun train.py\n")
        XCTAssertTrue(workloads.isEmpty)
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "1:1: error: this does not look like a batch script: the first line must start with #! followed by the path "
                + "to an interpreter (for instance #!/bin/bash); sbatch rejects it",
        ])
        XCTAssertEqual(diagnostics.first?.ruleID, SlurmRule.scriptFormat)
    }

    func testALeadingBlankLineOrCommentIsNotAnInterpreterLine() {
        XCTAssertEqual(read("\n#!/bin/bash\n#SBATCH -N 1\n").diagnostics.first?.ruleID, SlurmRule.scriptFormat)
        XCTAssertEqual(read(" #!/bin/bash\n#SBATCH -N 1\n").diagnostics.first?.ruleID, SlurmRule.scriptFormat)
    }

    func testDOSLineBreaksAreRefusedAtTheFirstOne() {
        let (workloads, diagnostics) = read("#!/bin/bash\n#SBATCH -N 1\n#SBATCH --gres=gpu:2\r\nsrun x\r\n")
        XCTAssertTrue(workloads.isEmpty)
        XCTAssertEqual(diagnostics.map(\.location), [sbatchLocation(3, 21)], "the \\r of line 3")
        XCTAssertTrue(diagnostics.first?.message.hasPrefix("batch script contains DOS line breaks") == true)
        XCTAssertTrue(diagnostics.first?.message.contains("dos2unix") == true)
    }

    func testALoneCarriageReturnIsNotALineBreak() {
        let (workloads, diagnostics) = read("#!/bin/bash\n#SBATCH -N 1\necho \"a\rb\"\n")
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(workloads.count, 1)
    }

    func testAWellFormedScriptIsRead() {
        let (workloads, diagnostics) = read("#!/bin/sh\n#SBATCH -N 2-4\n#SBATCH --gres=gpu:h100:8\nsrun x\n")
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        let role = workloads.first?.roles.first
        XCTAssertEqual(role?.replicas, ReplicaRange(min: 2, nominal: 4, max: 4), "-N 2-4 is a range priced at its ceiling")
        XCTAssertEqual(workloads.first?.acceleratorCount, ReplicaRange(min: 16, nominal: 32, max: 32))
    }
}
