/// Rule identifiers of the findings the sbatch reader reports.
public enum SlurmRule {
    /// A file sbatch refuses before reading any option: no `#!` line, or DOS line breaks.
    public static let scriptFormat = "slurm-script-format"
    /// A directive line sbatch cannot split, or a word that is not an option.
    public static let syntax = "slurm-syntax"
    /// An option sbatch does not know.
    public static let unknownOption = "slurm-unknown-option"
    /// A value sbatch or slurmctld rejects.
    public static let invalidValue = "slurm-invalid-value"
    /// Options sbatch refuses to combine.
    public static let conflictingOptions = "slurm-conflicting-options"
    /// A directive sbatch never reads: after the first command, or indented.
    public static let ignoredDirective = "slurm-ignored-directive"
    /// A `$VAR` in a directive, which sbatch passes on literally.
    public static let shellVariable = "slurm-shell-variable"
    /// A job array that needs a `MaxArraySize` above Slurm's default.
    public static let arraySize = "slurm-array-size"
    /// Something sbatch accepts today but warns about or has removed (`#SLURM`, `packjob`, `--power`).
    public static let deprecated = "slurm-deprecated"
    /// A directive that makes sbatch exit without submitting (`--help`, `--test-only`).
    public static let noSubmission = "slurm-no-submission"
    /// An option only a SPANK plugin (such as pyxis) adds to sbatch.
    public static let pluginOption = "slurm-plugin-option"
    /// A `#COSTGATE` key costgate does not know.
    public static let costGateUnknownKey = "costgate-unknown-key"
    /// A `#COSTGATE` value costgate cannot read.
    public static let costGateInvalidValue = "costgate-invalid-value"
}
