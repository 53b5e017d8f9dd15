import ArgumentParser
import CostGateCore
import CostGateWorkloads
import CostGateEstimation

/// `costgate`: prices ML jobs before they run.
public struct CostgateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "costgate",
        abstract: "Estimate what Kubernetes and SLURM ML jobs will cost, and gate them on team budgets, before they run.",
        discussion: """
        Reads Kubernetes manifests (Pod, Deployment, StatefulSet, ReplicaSet, DaemonSet, Job, CronJob, \
        HorizontalPodAutoscaler, and the Kubeflow, KubeRay, JobSet, LeaderWorkerSet, Volcano, KServe and vLLM \
        operators' resources) and SLURM sbatch scripts, and prices them offline from a dated built-in catalog.

        check gates workloads on a YAML budget policy's team quotas and rules; diff does it for a pull request \
        with the base branch's policy; audit compares each team's month (usage, ledger, recurring) with its quota.

        Exit codes: 0 estimated / within budget, 1 a budget or quota exceeded, 2 some input unusable, \
        64 usage error, 70 internal error.

        Examples:
          costgate estimate examples/
          costgate check examples/ --policy examples/policy.yaml
          costgate diff --base origin/main --format markdown
          costgate explain examples/ --workload SlurmJob/llm-pretrain --policy examples/policy.yaml
          costgate audit k8s/ --usage sacct=sacct.txt --ledger spend.db
          costgate policy validate policies/example.yaml
          cat job.sbatch | costgate estimate -
          costgate serve --admission --tls-cert tls.crt --tls-key tls.key --policy policy.yaml
          costgate spot --gpu h100 --gpus-per-node 8 --nodes 4 --work-hours 48
        """,
        version: "0.1.0",
        subcommands: [EstimateCommand.self, CheckCommand.self, DiffCommand.self, AuditCommand.self, ExplainCommand.self, PolicyCommand.self, LedgerCommand.self, CatalogCommand.self, SpotCommand.self, SlurmCommand.self, ServeCommand.self]
    )

    public init() {}
}
