import CostGateBasics

/// Everything in an sbatch script that sbatch (or slurmctld, for `--gres`, `--gpus` and `--array`) would reject,
/// plus the errors of costgate's own `#COSTGATE` lines. Each case carries the place that causes it.
public enum SlurmError: Error, Hashable, Sendable {
    /// The first line does not start with `#!` (sbatch: "This does not look like a batch script").
    case noInterpreterLine(at: SourceLocation)
    /// A line ends in `\r\n` (sbatch: "Batch script contains DOS line breaks"); the place is the first one.
    case dosLineBreaks(at: SourceLocation)
    /// A quote opened in a directive line is never closed (sbatch: "Unmatched `\"` in [...]").
    case unmatchedQuote(Character, directive: String, at: SourceLocation)
    /// An argument starts with `:` (sbatch: "Unexpected `:` in [...]").
    case unexpectedColon(directive: String, at: SourceLocation)
    /// A word that is not an option (sbatch: "Invalid directive found in batch script").
    case notAnOption(String, at: SourceLocation)
    /// An option sbatch does not know; `suggestion` is a close known option, `otherCommand` names the
    /// Slurm command (`srun`, `salloc`) that does know it.
    case unknownOption(String, suggestion: String?, otherCommand: String?, at: SourceLocation)
    /// An abbreviated long option that matches several options.
    case ambiguousOption(String, candidates: [String], at: SourceLocation)
    /// An option that needs a value is the last word of its component.
    case missingValue(option: String, at: SourceLocation)
    /// A value given to an option that takes none (`--hold=yes`).
    case unexpectedValue(option: String, value: String, at: SourceLocation)
    /// A value sbatch or slurmctld would reject. `reason` explains, without a trailing period.
    case invalidValue(option: String, value: String, reason: String, at: SourceLocation)
    /// Options sbatch refuses to combine; `options` are spelt with their dashes.
    case conflictingOptions([String], at: SourceLocation)
    /// A `#COSTGATE` key costgate does not know.
    case unknownCostGateKey(String, suggestion: String?, at: SourceLocation)
    /// A `#COSTGATE` value costgate cannot read.
    case invalidCostGateValue(key: String, value: String, reason: String, at: SourceLocation)

    /// What a value parser reports before it knows where the value came from.
    public struct ValueProblem: Error, Hashable, Sendable {
        public var reason: String
        public init(_ reason: String) { self.reason = reason }
    }

    public var location: SourceLocation {
        switch self {
        case .noInterpreterLine(let at), .dosLineBreaks(let at):
            return at
        case .unmatchedQuote(_, _, let at), .unexpectedColon(_, let at), .notAnOption(_, let at),
             .unknownOption(_, _, _, let at), .ambiguousOption(_, _, let at), .missingValue(_, let at),
             .unexpectedValue(_, _, let at), .invalidValue(_, _, _, let at), .conflictingOptions(_, let at),
             .unknownCostGateKey(_, _, let at), .invalidCostGateValue(_, _, _, let at):
            return at
        }
    }

    /// Lowercase, no trailing period, the offending text quoted.
    public var message: String {
        switch self {
        case .noInterpreterLine:
            return "this does not look like a batch script: the first line must start with #! followed by the path "
                + "to an interpreter (for instance #!/bin/bash); sbatch rejects it"
        case .dosLineBreaks:
            return "batch script contains DOS line breaks (\\r\\n) instead of UNIX line breaks (\\n); sbatch rejects it "
                + "(convert it with dos2unix, or: tr -d '\\r' < in > out)"
        case let .unmatchedQuote(quote, directive, _):
            return "unmatched \(quote == "\"" ? "double" : "single") quote in \(directive) line"
        case let .unexpectedColon(directive, _):
            return "unexpected ':' in \(directive) line"
        case let .notAnOption(word, _):
            return "'\(word)' is not an option; sbatch stops with 'invalid directive found in batch script'"
        case let .unknownOption(option, suggestion, otherCommand, _):
            if let otherCommand {
                return "'\(option)' is an option of \(otherCommand), not sbatch; sbatch rejects it as an invalid directive"
            }
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return "unknown sbatch option '\(option)'\(hint)"
        case let .ambiguousOption(option, candidates, _):
            var listed = candidates.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            if candidates.count > 5 { listed += " and \(candidates.count - 5) more" }
            return "ambiguous sbatch option '\(option)': it abbreviates \(listed)"
        case let .missingValue(option, _):
            return "option '\(option)' needs a value"
        case let .unexpectedValue(option, value, _):
            return "option '\(option)' takes no value, found '\(value)'"
        case let .invalidValue(option, value, reason, _):
            return "invalid \(option) value '\(value)': \(reason)"
        case let .conflictingOptions(options, _):
            return "\(SlurmError.listed(options)) are mutually exclusive; sbatch rejects the script"
        case let .unknownCostGateKey(key, suggestion, _):
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return "unknown #COSTGATE key '\(key)'\(hint)"
        case let .invalidCostGateValue(key, value, reason, _):
            return "invalid #COSTGATE \(key) value '\(value)': \(reason)"
        }
    }

    /// The stable rule identifier used in reports.
    public var ruleID: String {
        switch self {
        case .noInterpreterLine, .dosLineBreaks:
            return SlurmRule.scriptFormat
        case .unmatchedQuote, .unexpectedColon, .notAnOption, .missingValue, .unexpectedValue:
            return SlurmRule.syntax
        case .unknownOption, .ambiguousOption:
            return SlurmRule.unknownOption
        case .invalidValue:
            return SlurmRule.invalidValue
        case .conflictingOptions:
            return SlurmRule.conflictingOptions
        case .unknownCostGateKey:
            return SlurmRule.costGateUnknownKey
        case .invalidCostGateValue:
            return SlurmRule.costGateInvalidValue
        }
    }

    public var diagnostic: Diagnostic {
        Diagnostic(.error, at: location, message, rule: ruleID)
    }

    /// `'a', 'b' and 'c'`.
    package static func listed(_ items: [String]) -> String {
        let quoted = items.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
    }
}
