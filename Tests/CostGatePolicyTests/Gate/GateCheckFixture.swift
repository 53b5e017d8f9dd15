import Foundation
import XCTest
@testable import CostGatePolicy
@testable import CostGateBasics
@testable import CostGateWorkloads
@testable import CostGateEstimation

/// Workloads and estimates made by hand, so each gate check is tested on exactly the figures it reads.
enum GateCheckFixture {
    static let today = CalendarDay(year: 2026, month: 11, day: 22)!
    static let manifest = SourceLocation(file: "train.yaml", line: 1, column: 1)
    /// Where the GPU request is written: findings about money point here.
    static let gpuLine = SourceLocation(file: "train.yaml", line: 14, column: 17)

    /// A version-1 policy made of `body`.
    static func policy(_ body: String) throws -> Policy {
        let (policy, diagnostics) = PolicyReader.read(Array(("version: 1\n" + body).utf8), file: "policy.yaml")
        return try XCTUnwrap(policy, diagnostics.map(\.rendered).joined(separator: "\n"))
    }

    /// A Kubernetes workload `kind/namespace/name` (an sbatch job when `kind` is `SlurmJob`) of `replicas` pods with `gpus` H100s each.
    static func workload(_ name: String = "train", kind: String = "Job", namespace: String = "ml", gpus: Int = 8,
                         replicas: ReplicaRange = ReplicaRange(exactly: 1), pattern: RunPattern = .oneOff,
                         capacity: CapacityType = .onDemand, hours: Decimal = 10) -> Workload {
        let role = WorkloadRole(name: "worker", replicas: replicas,
                                accelerator: AcceleratorRequest(resource: "nvidia.com/gpu", model: GPUModel.normalize("h100"), count: gpus,
                                                                location: gpuLine),
                                cpu: 8, memoryBytes: 64 << 30)
        let sbatch = kind == "SlurmJob"
        return Workload(id: sbatch ? "slurm/train.sbatch#\(name)" : "\(kind)/\(namespace)/\(name)", source: manifest, kind: kind,
                        apiVersion: sbatch ? nil : "batch/v1", name: name, namespace: sbatch ? nil : namespace, roles: [role],
                        capacity: capacity, pattern: pattern, durationHours: hours, durationSource: .annotation)
    }

    /// `workload` priced at `expected` USD (on demand the same), `max` at its largest scale, `p90` on spot.
    static func estimate(_ workload: Workload, expected: Decimal, max: Decimal? = nil, p90: Decimal? = nil) -> Estimate {
        Estimate(workload: workload, cost: CostFigures(expected: expected, onDemand: expected, min: expected, max: max ?? expected, p90: p90),
                 prices: [], provider: .aws, region: "us-east-1", spot: nil, assumptions: [])
    }

    /// What the gate hands its checks for `estimate` under `policy`: the owning team and the live exceptions naming it.
    static func subject(_ estimate: Estimate, in policy: Policy) -> CheckedWorkload {
        let team = TeamAttribution.of(estimate.workload, in: policy).team
        let exceptions = policy.exceptions.filter { !$0.isExpired(on: today) && $0.applies(to: estimate.workload, team: team?.name) }
        return CheckedWorkload(estimate: estimate, team: team, quota: team?.quota ?? Quota(defaults: policy.defaults),
                               exceptions: exceptions, policy: policy)
    }

    static let mlTeam = """
    teams:
      - name: ml
        match: {namespaces: [ml]}

    """
}
