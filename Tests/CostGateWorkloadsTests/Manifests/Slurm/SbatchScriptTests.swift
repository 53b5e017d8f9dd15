import XCTest
@testable import CostGateWorkloads
@testable import CostGateBasics
@testable import CostGateWorkloads

final class SbatchScriptTests: XCTestCase {
    private func fixture(_ name: String) throws -> (text: String, path: String) {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/slurm"))
        return (try String(contentsOf: url, encoding: .utf8), "slurm/\(name)")
    }

    func testArrayFixture() throws {
        let (text, path) = try fixture("array-16x-h100.sbatch")
        let (parsed, diagnostics) = SbatchScript.parse(text, file: path)
        XCTAssertEqual(diagnostics, [])
        let script = try XCTUnwrap(parsed)
        XCTAssertEqual(script.jobName, "sweep-h100")
        XCTAssertEqual(script.jobNameLocation, SourceLocation(file: path, line: 3, column: 9))
        XCTAssertEqual(script.firstCommandLine, 16)
        let job = try XCTUnwrap(script.components.first)
        XCTAssertEqual(script.components.count, 1)
        XCTAssertEqual(job.location, SourceLocation(file: path, line: 3, column: 1))
        XCTAssertEqual(job.array?.taskCount, 16)
        XCTAssertEqual(job.array?.concurrencyLimit, 4)
        XCTAssertEqual(job.totalGPUs(nodesUsed: 1), 8)
        XCTAssertEqual(job.gpuType, "h100")
        XCTAssertEqual(job.timeLimit, .minutes(720))
        XCTAssertTrue(job.requestsAllNodeMemory)
        XCTAssertEqual(job.partitions, ["h100"])
        XCTAssertEqual(job.account, "research")
        XCTAssertEqual(job.optionLocations["gres"], SourceLocation(file: path, line: 9, column: 9))
        XCTAssertEqual(script.costgate.durationSeconds, 9 * 3600)
        XCTAssertEqual(script.costgate.team, "research")
    }

    func testHetjobFixture() throws {
        let (text, path) = try fixture("hetjob-gpu-and-cpu.sbatch")
        let (parsed, diagnostics) = SbatchScript.parse(text, file: path)
        XCTAssertEqual(diagnostics, [])
        let script = try XCTUnwrap(parsed)
        XCTAssertTrue(script.isHeterogeneous)
        let (learner, workers) = (script.components[0], script.components[1])
        XCTAssertEqual(learner.timeLimit, .minutes(2 * 1440))
        XCTAssertEqual(learner.totalGPUs(nodesUsed: 1), 4)
        XCTAssertEqual(learner.gpuType, "a100")
        XCTAssertEqual(learner.memPerNodeMiB, 256 * 1024)
        XCTAssertEqual(workers.location, SourceLocation(file: path, line: 6, column: 1))
        XCTAssertNil(workers.timeLimit, "options do not carry over to the next component")
        XCTAssertEqual(workers.nodes, 4...4)
        XCTAssertEqual(workers.taskCount(nodesUsed: 4), 128)
        XCTAssertEqual(workers.memPerCPUMiB, 2048)
        XCTAssertNil(workers.totalGPUs(nodesUsed: 4))
    }

    func testHetjobSeparators() throws {
        let (parsed, diagnostics) = parseSbatch("""
        #SBATCH -N 1
        #SBATCH HetJob
        #SBATCH -N 2
        #SBATCH packjob -N 99
        #SBATCH -N 3 hetjob -n 5
        """)
        let script = try XCTUnwrap(parsed)
        XCTAssertEqual(script.components.map(\.nodes), [1...1, 2...2, 3...3])
        XCTAssertNil(script.components[2].ntasks)
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "4:9: warning: 'packjob' is deprecated; sbatch asks for 'hetjob'",
            "4:17: warning: sbatch ignores the rest of a 'packjob' line; put these options on the next line",
            "5:14: warning: sbatch drops 'hetjob' and the rest of the line when it is not the first word; put it on its own '#SBATCH' line",
        ])
    }

    func testShellVariablesAreNotExpanded() throws {
        let (parsed, diagnostics) = parseSbatch("""
        #!/bin/bash
        #SBATCH --job-name=train
        #SBATCH -N $NODES --gres=gpu:${GPUS}
        #SBATCH --output=$HOME/logs/%j.out
        """)
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "3:9: error: invalid --nodes value '$NODES': sbatch does not expand shell variables in #SBATCH lines",
            "3:19: error: invalid --gres value 'gpu:${GPUS}': sbatch does not expand shell variables in #SBATCH lines",
            "4:9: warning: '$HOME/logs/%j.out' in --output is taken literally: sbatch does not expand shell variables in #SBATCH lines",
        ])
        let script = try XCTUnwrap(parsed, "a bad value leaves its field unset but keeps the script")
        XCTAssertNil(script.components[0].nodes)
        XCTAssertEqual(script.components[0].gres, [])
        XCTAssertEqual(script.jobName, "train")
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "job.sbatch", line: 3, column: 9))
        XCTAssertEqual(diagnostics.first?.ruleID, SlurmRule.invalidValue)
    }

    func testPlainScriptHasOneEmptyComponent() throws {
        let (parsed, diagnostics) = parseSbatch("#!/bin/bash\nsrun hostname\n")
        let script = try XCTUnwrap(parsed)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(script.components.count, 1)
        XCTAssertEqual(script.components[0].location, sbatchLocation(1, 1))
        XCTAssertNil(script.components[0].timeLimit)
        XCTAssertTrue(script.costgate.isEmpty)
    }

    func testDiagnosticsRenderWithTheFileName() {
        let (_, diagnostics) = SbatchScript.parse("#SBATCH --nodes=lots\n", file: "jobs/train.sbatch")
        XCTAssertEqual(diagnostics.map(\.rendered), [
            "jobs/train.sbatch:1:9: error: invalid --nodes value 'lots': expected a node count or a range such as 2-8 [slurm-invalid-value]",
        ])
    }
}
