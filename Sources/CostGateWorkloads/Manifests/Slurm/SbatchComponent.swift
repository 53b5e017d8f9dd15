import CostGateBasics

/// The resources one hetjob component asks for; a plain job has one component. A nil field means the option
/// was not given, so Slurm's default (or the partition's) applies.
public struct SbatchComponent: Hashable, Sendable {
    /// The first directive line of the component (its `hetjob` line for the second and later ones).
    public var location: SourceLocation

    /// `-t, --time`.
    public var timeLimit: SlurmTimeLimit?
    /// `--time-min`: the least time the scheduler may shrink the limit to.
    public var timeMin: SlurmTimeLimit?
    /// `-N, --nodes`: `4` is 4...4, `2-8` is 2...8. Lowered to the task count when `--ntasks` is smaller, as sbatch does.
    public var nodes: ClosedRange<Int>?
    /// `-n, --ntasks`.
    public var ntasks: Int?
    /// `--ntasks-per-node` (alias `--tasks-per-node`).
    public var ntasksPerNode: Int?
    /// `-c, --cpus-per-task`.
    public var cpusPerTask: Int?
    /// `--cpus-per-gpu`.
    public var cpusPerGPU: Int?
    /// `--mem`, in MiB per node; 0 asks for all the memory of each node (see `requestsAllNodeMemory`).
    public var memPerNodeMiB: Int?
    /// `--mem-per-cpu`, in MiB.
    public var memPerCPUMiB: Int?
    /// `--mem-per-gpu`, in MiB.
    public var memPerGPUMiB: Int?
    /// `--gres`, per node; empty when not given or `none`.
    public var gres: [SlurmGRES] = []
    /// `-G, --gpus`: GPUs for the whole job.
    public var gpus: SlurmGPUCount?
    /// `--gpus-per-node`.
    public var gpusPerNode: SlurmGPUCount?
    /// `--gpus-per-task`.
    public var gpusPerTask: SlurmGPUCount?
    /// `-a, --array`.
    public var array: SlurmArraySpec?
    /// `-p, --partition`: the job runs in whichever of these partitions starts it first.
    public var partitions: [String] = []
    /// `-A, --account`.
    public var account: String?
    /// `-q, --qos`.
    public var qos: String?
    /// `-C, --constraint`: node features, possibly with `&`, `|` (`a100|h100`).
    public var constraint: String?
    /// `-w, --nodelist`, as written (`node[01-04]`); without `--nodes`, sbatch asks for as many nodes as it names.
    public var nodelist: String?
    /// True for `--exclusive` (or `=exclusive`, `=allocation`): whole nodes, not shared with other jobs.
    public var exclusive = false
    /// The `--exclusive=` value (`user`, `mcs`, `topo`), or `oversubscribe` after `-s, --oversubscribe`; lowercased.
    public var exclusiveMode: String?
    /// `-J, --job-name`.
    public var jobName: String?
    /// Where each option was last given, by canonical long name (`nodes`, `gres`, `time`…), for findings and regions.
    public var optionLocations: [String: SourceLocation] = [:]

    public init(location: SourceLocation) {
        self.location = location
    }

    /// True for `--mem=0`, which asks for all the memory of every node.
    public var requestsAllNodeMemory: Bool { memPerNodeMiB == 0 }
}
