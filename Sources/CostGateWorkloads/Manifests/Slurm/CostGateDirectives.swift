import CostGateBasics

/// What `#COSTGATE` lines tell costgate that sbatch options cannot:
/// `#COSTGATE --duration=30h --gpu=a100-80gb --team=research --checkpoint-interval=1h`.
/// Read with the same column-1 and first-command rules as `#SBATCH`; the last value of a key wins.
public struct CostGateDirectives: Hashable, Sendable {
    /// `--duration`: the expected run time in seconds, used instead of the time limit.
    public var durationSeconds: Int?
    /// `--gpu`: the GPU model to price (`a100-80gb`), as written.
    public var gpuModel: String?
    /// `--team`: who pays.
    public var team: String?
    /// `--checkpoint-interval`: seconds between checkpoints, for the spot (preemption) model.
    public var checkpointIntervalSeconds: Int?
    /// Where each key was last given, by key (`duration`, `gpu`, `team`, `checkpoint-interval`).
    public var locations: [String: SourceLocation] = [:]

    /// The keys `#COSTGATE` accepts.
    public static let keys = ["duration", "gpu", "team", "checkpoint-interval"]

    public init(durationSeconds: Int? = nil, gpuModel: String? = nil, team: String? = nil,
                checkpointIntervalSeconds: Int? = nil, locations: [String: SourceLocation] = [:]) {
        self.durationSeconds = durationSeconds
        self.gpuModel = gpuModel
        self.team = team
        self.checkpointIntervalSeconds = checkpointIntervalSeconds
        self.locations = locations
    }

    /// True when no `#COSTGATE` key was read.
    public var isEmpty: Bool { locations.isEmpty }
}
