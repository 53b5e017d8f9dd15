import CostGateBasics
import CostGateWorkloads

/// Which workloads a team owns. Any one criterion that matches claims the workload (a team is usually
/// known by its namespaces *or* its label *or* its SLURM account); within `labels` every label must match.
public struct TeamMatch: Sendable, Hashable {
    /// Kubernetes namespaces (a missing namespace is `default`).
    public var namespaces: [Glob]
    /// Labels on the workload, each value a glob; all must match.
    public var labels: [String: Glob]
    /// Values of the `costgate.dev/team` annotation or `#COSTGATE --team`.
    public var teamAnnotations: [String]
    /// SLURM `--account`.
    public var accounts: [Glob]
    /// SLURM `--partition` (any of a job's partitions).
    public var partitions: [Glob]
    public var location: SourceLocation

    public init(namespaces: [Glob] = [], labels: [String: Glob] = [:], teamAnnotations: [String] = [], accounts: [Glob] = [],
                partitions: [Glob] = [], location: SourceLocation) {
        self.namespaces = namespaces
        self.labels = labels
        self.teamAnnotations = teamAnnotations
        self.accounts = accounts
        self.partitions = partitions
        self.location = location
    }

    public var isEmpty: Bool {
        namespaces.isEmpty && labels.isEmpty && teamAnnotations.isEmpty && accounts.isEmpty && partitions.isEmpty
    }

    /// Why the workload matches (`namespace 'vision-train' matches 'vision-*'`), or nil.
    public func reason(for workload: Workload) -> String? {
        if let declared = workload.attribution.team, teamAnnotations.contains(declared) {
            let via = workload.apiVersion == nil ? "#COSTGATE --team" : "annotation costgate.dev/team"
            return "\(via) is '\(declared)'"
        }
        if workload.apiVersion != nil {
            let namespace = workload.namespace ?? "default"
            if let glob = namespaces.first(where: { $0.matches(namespace) }) {
                return "namespace '\(namespace)' matches '\(glob)'"
            }
        }
        if !labels.isEmpty, labels.allSatisfy({ key, glob in workload.labels[key].map(glob.matches) ?? false }) {
            let text = labels.keys.sorted().map { "\($0)=\(workload.labels[$0] ?? "")" }.joined(separator: ", ")
            return "label\(labels.count == 1 ? "" : "s") \(text)"
        }
        if let account = workload.attribution.account, let glob = accounts.first(where: { $0.matches(account) }) {
            return "SLURM account '\(account)' matches '\(glob)'"
        }
        for partition in workload.attribution.partitions {
            if let glob = partitions.first(where: { $0.matches(partition) }) {
                return "SLURM partition '\(partition)' matches '\(glob)'"
            }
        }
        return nil
    }
}
