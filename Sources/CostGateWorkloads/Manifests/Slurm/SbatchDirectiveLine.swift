import CostGateBasics

/// A directive line sbatch (or costgate) reads: `#SBATCH`, `#SLURM` or `#COSTGATE` at column 1, before the first command.
public struct SbatchDirectiveLine: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case sbatch = "#SBATCH"
        /// The old spelling; sbatch still reads it, with an error message asking to change it.
        case slurm = "#SLURM"
        case costgate = "#COSTGATE"
    }

    public var kind: Kind
    /// Where the line starts (column 1).
    public var location: SourceLocation
    /// The arguments, in order.
    public var words: [SbatchWord]
    /// True for a `hetjob` (or `packjob`) line: the options after it belong to the next hetjob component.
    public var startsComponent: Bool

    public init(kind: Kind, location: SourceLocation, words: [SbatchWord], startsComponent: Bool = false) {
        self.kind = kind
        self.location = location
        self.words = words
        self.startsComponent = startsComponent
    }
}
