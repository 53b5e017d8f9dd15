import XCTest
@testable import CostGateWorkloads

final class SlurmNumbersTests: XCTestCase {
    func testNodeCounts() throws {
        XCTAssertEqual(try SlurmNumbers.nodeRange("4"), 4...4)
        XCTAssertEqual(try SlurmNumbers.nodeRange("2-8"), 2...8)
        XCTAssertEqual(try SlurmNumbers.nodeRange("-8"), 1...8, "a missing minimum is 1")
        XCTAssertEqual(try SlurmNumbers.nodeRange("2k"), 2048...2048)
        XCTAssertEqual(try SlurmNumbers.nodeRange("1-15:4"), 1...13, "sizes 1, 5, 9, 13")
        XCTAssertEqual(try SlurmNumbers.nodeRange("2,4,8"), 2...8)
        for text in ["", "abc", "$NODES", "4x", "8-2", "2-", "1.5", "your_own_num_nodes", "1,20000"] {
            XCTAssertThrowsError(try SlurmNumbers.nodeRange(text), "'\(text)' should be rejected")
        }
    }

    func testPositiveIntegers() throws {
        XCTAssertEqual(try SlurmNumbers.positiveInteger("8"), 8)
        XCTAssertEqual(try SlurmNumbers.positiveInteger("+8"), 8)
        for text in ["0", "-1", "", "8 ", "eight", "4k", "2147483647"] {
            XCTAssertThrowsError(try SlurmNumbers.positiveInteger(text), "'\(text)' should be rejected")
        }
    }

    func testMemorySizes() throws {
        XCTAssertEqual(try SlurmNumbers.mebibytes("32000"), 32000, "MiB by default")
        XCTAssertEqual(try SlurmNumbers.mebibytes("8G"), 8192)
        XCTAssertEqual(try SlurmNumbers.mebibytes("512gb"), 512 * 1024)
        XCTAssertEqual(try SlurmNumbers.mebibytes("1950M"), 1950)
        XCTAssertEqual(try SlurmNumbers.mebibytes("1T"), 1024 * 1024)
        XCTAssertEqual(try SlurmNumbers.mebibytes("1500K"), 2, "KiB round up to whole MiB")
        XCTAssertEqual(try SlurmNumbers.mebibytes("0"), 0)
        for text in ["", "1.5G", "4GiB", "-1", "G", "8 G", "8P"] {
            XCTAssertThrowsError(try SlurmNumbers.mebibytes(text), "'\(text)' should be rejected")
        }
    }

    func testMemoryInAScript() throws {
        let whole = try sbatchComponent("#SBATCH --exclusive --mem=0\n")
        XCTAssertEqual(whole.memPerNodeMiB, 0)
        XCTAssertTrue(whole.requestsAllNodeMemory)
        XCTAssertTrue(whole.exclusive)
        XCTAssertEqual(try sbatchComponent("#SBATCH --mem-per-cpu=4G\n").memPerCPUMiB, 4096)
        XCTAssertEqual(try sbatchComponent("#SBATCH --mem-per-gpu=29G --cpus-per-gpu=8\n").memPerGPUMiB, 29 * 1024)
    }

    func testConflictingOptions() {
        let (_, memory) = parseSbatch("#SBATCH --mem=8G\n#SBATCH --mem-per-cpu=1G\n")
        XCTAssertEqual(sbatchBrief(memory), [
            "2:9: error: '--mem' and '--mem-per-cpu' are mutually exclusive; sbatch rejects the script",
        ])
        let (_, cpus) = parseSbatch("#SBATCH --cpus-per-gpu=8 -c 4\n")
        XCTAssertEqual(sbatchBrief(cpus), [
            "1:26: error: '--cpus-per-task' and '--cpus-per-gpu' are mutually exclusive; sbatch rejects the script",
        ])
        let (script, gres) = parseSbatch("#SBATCH --gpus-per-node=8 --gres=gpu:8 -N 2\n")
        XCTAssertEqual(gres.map(\.severity), [.warning], "only Slurm 26.05 and later reject this")
        XCTAssertEqual(script?.components[0].totalGPUs(nodesUsed: 2), 16)
    }
}
