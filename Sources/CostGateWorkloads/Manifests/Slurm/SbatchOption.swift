/// One option in sbatch's option table: its long name, short letter and whether it takes a value.
public struct SbatchOption: Hashable, Sendable {
    public enum Argument: Hashable, Sendable {
        /// `--hold`: a value is an error.
        case none
        /// `--time=5` or `--time 5`; `-t5` or `-t 5`.
        case required
        /// `--exclusive` or `--exclusive=user`; the value must be attached.
        case optional
    }

    /// The long name, without dashes.
    public var name: String
    /// The name findings and `optionLocations` use; differs only for aliases (`tasks-per-node`).
    public var canonicalName: String
    public var short: Character?
    public var argument: Argument

    public init(_ name: String, short: Character? = nil, _ argument: Argument, canonical: String? = nil) {
        self.name = name
        self.canonicalName = canonical ?? name
        self.short = short
        self.argument = argument
    }

    /// `--name`.
    public var spelled: String { "--\(name)" }
}
