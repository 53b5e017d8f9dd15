/// Durations in `#COSTGATE` lines: unit forms (`30h`, `90m`, `2d`, `45s`, `1h30m`, units in d-h-m-s order, any case)
/// or any SLURM time (`90` minutes, `1:30:00`, `1-12:00:00`).
public enum CostGateDuration {
    /// The duration in seconds, above 0.
    public static func seconds(in text: String) throws(SlurmError.ValueProblem) -> Int {
        let problem = SlurmError.ValueProblem(
            "expected a duration such as 30h, 90m, 1h30m or 2d, or a SLURM time such as 1-12:00:00")
        let seconds: Int
        if let units = try unitSeconds(text) {
            seconds = units
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

    /// `1d2h3m4s` and its parts, or nil when the text is not made of digits and unit letters.
    static func unitSeconds(_ text: String) throws(SlurmError.ValueProblem) -> Int? {
        let lowered = text.lowercased()
        guard lowered.contains(where: { "dhms".contains($0) }),
              lowered.allSatisfy({ SlurmScanner.isDigit($0) || "dhms".contains($0) }) else { return nil }
        let problem = SlurmError.ValueProblem("expected whole numbers with units in the order d, h, m, s, such as 1h30m")
        let units: [(Character, Int)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
        var total = 0
        var nextUnit = 0
        var digits = ""
        for character in lowered {
            if SlurmScanner.isDigit(character) {
                digits.append(character)
                continue
            }
            guard let unit = units[nextUnit...].firstIndex(where: { $0.0 == character }), !digits.isEmpty,
                  digits.count <= 9, let number = Int(digits) else { throw problem }
            total += number * units[unit].1
            nextUnit = unit + 1
            digits = ""
        }
        guard digits.isEmpty else { throw problem }
        return total
    }
}
