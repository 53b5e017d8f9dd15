import Dispatch
import XCTest
@testable import CostGateWorkloads

/// The memo answers as `GPUModel.resolve` does, known labels and unknown ones, from any core.
final class ReadingMemoTests: XCTestCase {
    private let labels = ["NVIDIA-A100-SXM4-40GB", "nvidia-tesla-a100", "a100", "nvidia-l4", "h100", "NVIDIA-H100-80GB-HBM3-MIG-1g.10gb",
                          "Tesla-T4-SHARED", "NVIDIA-FOO-9000", "", " nvidia-l4 "]

    func testAnswersAsResolveDoesTheFirstTimeAndEveryTimeAfter() {
        let memo = ReadingMemo()
        for _ in 0..<3 {
            for label in labels {
                let direct = GPUModel.resolve(label)
                let remembered = memo.resolveGPU(label)
                XCTAssertEqual(remembered?.model, direct?.model, label)
                XCTAssertEqual(remembered?.note, direct?.note, label)
            }
        }
        XCTAssertNil(memo.resolveGPU("NVIDIA-FOO-9000"), "an unknown label stays unknown")
    }

    func testManyCoresShareOneMemo() {
        let memo = ReadingMemo()
        let labels = self.labels
        let expected = labels.map { GPUModel.resolve($0)?.model }
        let mismatches = UnsafeMutableBufferPointer<Int>.allocate(capacity: 64)
        mismatches.initialize(repeating: 0)
        defer { mismatches.deallocate() }
        nonisolated(unsafe) let counts = mismatches
        DispatchQueue.concurrentPerform(iterations: 64) { task in
            for round in 0..<200 {
                let index = (task + round) % labels.count
                if memo.resolveGPU(labels[index])?.model != expected[index] { counts[task] += 1 }
            }
        }
        XCTAssertEqual(mismatches.reduce(0, +), 0)
    }
}
