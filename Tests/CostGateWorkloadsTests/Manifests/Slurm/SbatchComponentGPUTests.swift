import XCTest
@testable import CostGateWorkloads

final class SbatchComponentGPUTests: XCTestCase {
    func testGPUsForTheWholeJob() throws {
        let component = try sbatchComponent("#SBATCH -G 8 -N 2 --gpus-per-node=2\n")
        XCTAssertEqual(component.gpus, SlurmGPUCount(count: 8))
        XCTAssertEqual(component.totalGPUs(nodesUsed: 2), 8, "--gpus wins over the per-node count")
        XCTAssertEqual(try sbatchComponent("#SBATCH --gpus=h100:16\n").gpuType, "h100")
    }

    func testGPUsPerNode() throws {
        let component = try sbatchComponent("#SBATCH --nodes=4 --gpus-per-node=a100:8\n")
        XCTAssertEqual(component.nodes, 4...4)
        XCTAssertEqual(component.totalGPUs(nodesUsed: 4), 32)
        XCTAssertEqual(component.gpuType, "a100")
    }

    func testGPUsPerTask() throws {
        let withTasks = try sbatchComponent("#SBATCH --ntasks=6 --gpus-per-task=2\n")
        XCTAssertEqual(withTasks.totalGPUs(nodesUsed: 2), 12)
        let perNode = try sbatchComponent("#SBATCH -N 2 --ntasks-per-node=4 --gpus-per-task=1\n")
        XCTAssertEqual(perNode.taskCount(nodesUsed: 2), 8)
        XCTAssertEqual(perNode.totalGPUs(nodesUsed: 2), 8)
        let defaultTasks = try sbatchComponent("#SBATCH -N 3 --gpus-per-task=1\n")
        XCTAssertEqual(defaultTasks.totalGPUs(nodesUsed: 3), 3, "one task per node by default")
    }

    func testGRESGPUsPerNode() throws {
        let component = try sbatchComponent("#SBATCH -N 16 --gres=gpu:4\n")
        XCTAssertEqual(component.totalGPUs(nodesUsed: 16), 64)
        XCTAssertNil(component.gpuType)
        XCTAssertEqual(try sbatchComponent("#SBATCH --gres=gpu:a100:2,gpu:1\n").totalGPUs(nodesUsed: 1), 3)
    }

    func testNodesNeverExceedTasks() throws {
        XCTAssertEqual(try sbatchComponent("#SBATCH -N 2-8 -n 4\n").nodes, 2...4)
        let (script, diagnostics) = parseSbatch("#SBATCH -N 4 -n 2 -w node[01-04]\n")
        XCTAssertEqual(script?.components[0].nodes, 2...2)
        XCTAssertEqual(script?.components[0].nodelist, "node[01-04]")
        XCTAssertEqual(sbatchBrief(diagnostics), ["1:9: warning: sbatch cannot run 2 tasks on 4 nodes and lowers --nodes to 2"])
    }

    func testNoGPUs() throws {
        let component = try sbatchComponent("#SBATCH -N 2 --gres=shard:2 -c 8\n")
        XCTAssertNil(component.totalGPUs(nodesUsed: 2))
        XCTAssertFalse(component.requestsGPUs)
        XCTAssertNil(component.gpuType)
        XCTAssertEqual(try sbatchComponent("#SBATCH --gpus=0\n").totalGPUs(nodesUsed: 1), 0, "an explicit zero")
    }

    func testGPUTypeFromAnyForm() throws {
        XCTAssertEqual(try sbatchComponent("#SBATCH --gres=gpu:v100-32g:1\n").gpuType, "v100-32g")
        XCTAssertEqual(try sbatchComponent("#SBATCH --gpus-per-task=l40s:1 -n 2\n").gpuType, "l40s")
        XCTAssertNil(try sbatchComponent("#SBATCH --gpus-per-node=volta:3,kepler:1\n").gpuType, "mixed types")
    }
}
