import ArgumentParser
import CostGateCore

/// `costgate`: prices ML jobs before they run.
public struct CostgateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "costgate",
        abstract: "Estimate what Kubernetes and SLURM ML jobs will cost, and gate them on team budgets, before they run.",
        discussion: """
        Reads Kubernetes manifests (Pod, Deployment, StatefulSet, ReplicaSet, DaemonSet, Job, CronJob, \
        HorizontalPodAutoscaler) and SLURM sbatch scripts, and prices them offline from a dated built-in catalog.

        `check` attributes each workload to a team of a YAML budget policy and fails when a quota or rule denies.

        Exit codes: 0 estimated / within budget, 1 a budget or quota exceeded (check), 2 some input unusable,
        64 usage error, 70 internal error.

        Examples:
          costgate estimate examples/
          costgate check examples/ --policy examples/policy.yaml
          costgate explain examples/ --workload Job/ml-research/llm-finetune --policy examples/policy.yaml
          costgate policy validate policies/example.yaml
          costgate estimate train.yaml --format json
          cat job.sbatch | costgate estimate -
          costgate catalog --model h100
          costgate spot --gpu h100 --gpus-per-node 8 --nodes 4 --work-hours 48
        """,
        version: "0.1.0",
        subcommands: [EstimateCommand.self, CheckCommand.self, DiffCommand.self, AuditCommand.self, ExplainCommand.self, PolicyCommand.self, LedgerCommand.self, CatalogCommand.self, SpotCommand.self]
    )

    public init() {}
}
