import CostGateBasics

/// A SLURM batch script as sbatch reads it: the `#SBATCH` options of each hetjob component and costgate's
/// `#COSTGATE` hints. Shell code after the directives is not interpreted.
public struct SbatchScript: Hashable, Sendable {
    /// The path the script was read from, as given.
    public var file: String
    /// The hetjob components in order; a plain job has exactly one.
    public var components: [SbatchComponent]
    /// What the `#COSTGATE` lines say.
    public var costgate: CostGateDirectives
    /// The 1-based line of the first command, where sbatch stops reading directives; nil when there is none.
    public var firstCommandLine: Int?

    public init(file: String, components: [SbatchComponent], costgate: CostGateDirectives = CostGateDirectives(),
                firstCommandLine: Int? = nil) {
        self.file = file
        self.components = components
        self.costgate = costgate
        self.firstCommandLine = firstCommandLine
    }

    /// True for a heterogeneous job (more than one component).
    public var isHeterogeneous: Bool { components.count > 1 }

    /// The job's name: the first component's `--job-name`.
    public var jobName: String? { components.first?.jobName }

    /// Where the job's name was given.
    public var jobNameLocation: SourceLocation? { components.first?.optionLocations["job-name"] }

    /// True when some line starts, at column 1, with `#SBATCH` or `#COSTGATE`, wherever it is in the file.
    public static func isSlurmScript(_ text: String) -> Bool {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).contains { line in
            line.starts(with: "#SBATCH".utf8) || SbatchDirectiveLexer.directiveKind(of: line) == .costgate
        }
    }

    /// Reads a batch script. Never throws: returns what it could read and the findings, sorted by place.
    ///
    /// An error about an `#SBATCH` line means sbatch (or slurmctld) would reject the script; an error about a
    /// `#COSTGATE` line means costgate cannot use the hint. Either way the field the error names is left unset and
    /// everything else is read. `script` is nil only when a directive line could not be split at all (an unmatched
    /// quote, a word starting with `:`), because then no option of the script can be trusted.
    public static func parse(_ text: String, file: String) -> (script: SbatchScript?, diagnostics: [Diagnostic]) {
        SbatchScriptParser(file: file).parse(text)
    }
}
