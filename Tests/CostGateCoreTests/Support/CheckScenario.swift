import Foundation
import XCTest
import CostGateTestSupport
@testable import CostGateCore
@testable import CostGateBasics
@testable import CostGatePolicy
@testable import CostGateRun

/// Checks over in-memory files, the settings merged as the commands merge them: sbatch scripts on a partition
/// priced at $2 per GPU-hour, so every figure is GPUs × hours × 2 USD.
enum CheckScenario {
    static let today = CalendarDay(year: 2026, month: 11, day: 22)!

    /// A version-1 policy with the `gpu` partition priced, then `body` (teams, rules, exceptions).
    static func policy(_ body: String) throws -> Policy {
        let text = "version: 1\npricing:\n  partitions:\n    gpu: {gpu: a100-80gb, perGPUHour: 2.00}\n" + body
        let (policy, diagnostics) = PolicyReader.read(Array(text.utf8), file: "policy.yaml")
        return try XCTUnwrap(policy, diagnostics.map(\.rendered).joined(separator: "\n"))
    }

    /// One sbatch job of one node with `gpus` GPUs for `hours`, on the `gpu` partition under `account`.
    static func script(_ name: String, gpus: Int, hours: Int = 10, account: String = "research") -> String {
        "#!/bin/bash\n#SBATCH --job-name=\(name)\n#SBATCH --account=\(account)\n#SBATCH --partition=gpu\n"
            + "#SBATCH --nodes=1\n#SBATCH --gres=gpu:\(gpus)\n#COSTGATE --duration=\(hours)h\nsrun x\n"
    }

    static func check(_ files: [String: String], policy: Policy) -> CheckResult {
        let fileSystem = MemoryFileSystem(texts: files)
        let settings = RunSettings.resolve(policy: policy, today: today, fileSystem: fileSystem)
        return CheckPipeline(fileSystem: fileSystem).run(paths: files.keys.sorted(), policy: policy, reading: settings.reading,
                                                         pricing: settings.pricing, today: today)
    }
}
