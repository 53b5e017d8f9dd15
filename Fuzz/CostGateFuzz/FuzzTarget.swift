import CostGateCore
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGatePolicy
import CostGateRun
import CostGateReporting

/// What one fuzz input goes through: the same calls the `costgate` commands make, from the bytes to a
/// rendered report, so that any trap on the way (an overflow, a division by zero, an index out of
/// range) is found. Anything that returns is a pass; only a crash is a finding.
enum FuzzTarget: String, CaseIterable {
    /// The bytes as a Kubernetes manifest file, through `estimate` (text and JSON) and `check`.
    case yaml
    /// The bytes as an sbatch script, likewise.
    case sbatch
    /// The bytes as a policy, gating a fixed set of workloads (spot, arrays, autoscalers, CronJobs).
    case policy
    /// The bytes as the body of a request to `costgate serve --admission`, decided and answered.
    case admission

    func run(_ bytes: [UInt8]) {
        switch self {
        case .yaml: Self.estimateAndCheck(bytes, path: "input.yaml", policy: Self.fixedPolicy)
        case .sbatch: Self.estimateAndCheck(bytes, path: "input.sbatch", policy: Self.fixedPolicy)
        case .policy:
            let (policy, _) = PolicyReader.read(bytes, file: "policy.yaml")
            guard let policy else { return }
            Self.check(files: FuzzWorkloads.files, policy: policy)
        case .admission:
            _ = Self.webhook.review(bytes, now: Date(timeIntervalSince1970: 1_795_694_400))
        }
    }

    private static let today = CalendarDay(year: 2026, month: 11, day: 20)!

    /// A policy with quotas, per-run limits and spot rules, so that gating arithmetic runs on every input.
    private static let fixedPolicy: Policy = {
        let (policy, diagnostics) = PolicyReader.read(Array(FuzzWorkloads.policy.utf8), file: "policy.yaml")
        guard let policy else { fatalError("the fuzz target's own policy does not read: \(diagnostics.map(\.rendered))") }
        return policy
    }()

    /// The webhook's decision with the fixed policy, no ledger (a request must never write anything here).
    private static let webhook: KubernetesAdmission = {
        let settings = RunSettings.resolve(policy: fixedPolicy, today: today, fileSystem: MemoryFileSystem(files: [:]))
        return KubernetesAdmission(gate: SubmissionGate(policy: fixedPolicy, pricing: settings.pricing, reading: settings.reading,
                                                        today: today))
    }()

    private static func estimateAndCheck(_ bytes: [UInt8], path: String, policy: Policy) {
        var files = [path: bytes]
        files["hpa.yaml"] = Array(FuzzWorkloads.autoscaler.utf8)
        check(files: files, policy: policy)
    }

    /// One estimation serves both commands' reports (`check` estimates first), which halves the time an
    /// input takes and so doubles the executions of a run.
    private static func check(files: [String: [UInt8]], policy: Policy) {
        let fileSystem = MemoryFileSystem(files: files)
        let settings = RunSettings.resolve(policy: policy, today: today, fileSystem: fileSystem)
        let result = CheckPipeline(fileSystem: fileSystem)
            .run(paths: files.keys.sorted(), policy: policy, reading: settings.reading, pricing: settings.pricing, today: today)
        _ = EstimateTextReporter(verbose: true).render(result.estimation)
        _ = EstimateJSONReporter.renderBytes(result.estimation)
        let status = result.exitStatus(failOnWarn: true)
        _ = CheckTextReporter(verbose: true).render(result, exitStatus: status)
        _ = CheckJSONReporter.render(result, exitStatus: status)
        _ = MarkdownReporter(tag: "fuzz").render(result, exitStatus: status)
        _ = SARIFReporter.render(FindingsView(result, exitStatus: status))
    }
}
