import Foundation

/// Durations in `#COSTGATE` lines: unit forms (`30h`, `90m`, `2d`, `45s`, `1h30m`, units in d-h-m-s order, any case)
/// or any SLURM time (`90` minutes, `1:30:00`, `1-12:00:00`).
public enum CostGateDuration {
    /// The duration in seconds, above 0.
    public static func seconds(in text: String) throws(SlurmError.ValueProblem) -> Int {
        let problem = SlurmError.ValueProblem(
            "expected a duration such as 30h, 90m, 1h30m or 2d, or a SLURM time such as 1-12:00:00")
        let seconds: Int
        if let units = DurationText.seconds(text) {
            // The same unit syntax as the costgate.dev/duration annotation; whole seconds, rounded up.
            var rounded = Decimal()
            var exact = units
            NSDecimalRound(&rounded, &exact, 0, .up)
            seconds = NSDecimalNumber(decimal: rounded).intValue
        } else {
            let slurm: Int?
            do {
                slurm = try SlurmTimeLimit.seconds(in: text)
            } catch {
                throw problem
            }
            guard let slurm else { throw SlurmError.ValueProblem("a duration must be finite") }
            seconds = slurm
        }
        guard seconds > 0 else { throw SlurmError.ValueProblem("a duration must be longer than 0") }
        return seconds
    }
}
