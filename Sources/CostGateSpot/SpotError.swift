/// Why the spot model could not evaluate a job. Fields are named by their snake_case input keys
/// (`work_hours`, `interruption.band`) so a message points at the offending line of the job file.
public enum SpotError: Error, Sendable, Equatable {
    /// A number outside its valid range (§3); `requirement` reads like "must be > 0".
    case invalidValue(field: String, value: String, requirement: String)
    /// An interruption band spelling that §3.1 does not accept.
    case unknownBand(field: String, spelling: String)
    /// A provider other than `aws`, `azure` or `generic`.
    case unknownProvider(field: String, name: String)
    /// A band estimate other than `mid` or `upper`.
    case unknownBandEstimate(field: String, name: String)
    /// The interruption object gives both a rate and a band, or neither.
    case ambiguousInterruption(field: String)
    /// `W / τ` (or a recommended interval) needs more segments than the model evaluates.
    case tooManySegments(field: String, segments: Double, limit: Int)
    /// The exact programme of §8 would take more than `limit` steps (segments × `k_max` × segments per incarnation).
    case modelTooLarge(steps: Double, limit: Double)
    /// One simulated run exceeded the §7.7 interruption limit (the job is hopeless on spot).
    case tooManyInterruptions(trial: Int, limit: Int)

    /// Lowercase, no trailing period, the offending value quoted (style guide).
    public var message: String {
        switch self {
        case .invalidValue(let field, let value, let requirement):
            return "'\(field)' \(requirement), found '\(value)'"
        case .unknownBand(let field, let spelling):
            let known = InterruptionBand.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            if let suggestion = InterruptionBand.suggestion(for: spelling) {
                return "unknown interruption band '\(spelling)' at '\(field)'; did you mean '\(suggestion.rawValue)'?"
            }
            return "unknown interruption band '\(spelling)' at '\(field)'; expected one of \(known)"
        case .unknownProvider(let field, let name):
            let known = SpotProvider.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            return "unknown spot provider '\(name)' at '\(field)'; expected one of \(known)"
        case .unknownBandEstimate(let field, let name):
            return "unknown band estimate '\(name)' at '\(field)'; expected 'mid' or 'upper'"
        case .ambiguousInterruption(let field):
            return "'\(field)' needs exactly one of 'rate_per_instance_hour' or 'band' (with 'provider')"
        case .tooManySegments(let field, let segments, let limit):
            return "'\(field)' gives \(segments) segments, more than the limit of \(limit); choose a longer checkpoint interval"
        case .modelTooLarge(let steps, let limit):
            return "the exact expectation needs \(steps.rounded()) steps, more than the limit of \(Int(limit)); "
                + "lower 'fallback_after_interruptions' or choose a longer 'checkpoint_interval_hours'"
        case .tooManyInterruptions(let trial, let limit):
            return "simulated run \(trial) exceeded \(limit) interruptions; the job cannot finish on spot capacity"
        }
    }
}

extension SpotError: CustomStringConvertible {
    public var description: String { message }
}
