import CostGateBasics

extension CostGateDirectives {
    /// Reads the words of one `#COSTGATE` line (`--key=value` or `--key value`, exact key names) into these
    /// directives and returns what could not be read.
    package mutating func apply(_ words: [SbatchWord]) -> [SlurmError] {
        var errors: [SlurmError] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.text.hasPrefix("--") else {
                errors.append(.unknownCostGateKey(word.text, suggestion: nil, at: word.location))
                continue
            }
            let body = word.text.dropFirst(2)
            let key = String(body.prefix { $0 != "=" })
            var value = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            if value == nil, index < words.count, !words[index].text.hasPrefix("--") {
                value = words[index].text
                index += 1
            }
            guard Self.keys.contains(key) else {
                let suggestion = Suggestion.closest(to: key, in: Self.keys).map { "--\($0)" }
                errors.append(.unknownCostGateKey("--\(key)", suggestion: suggestion, at: word.location))
                continue
            }
            guard let value, !value.isEmpty else {
                errors.append(.invalidCostGateValue(key: "--\(key)", value: "", reason: "a value is required",
                                                    at: word.location))
                continue
            }
            locations[key] = word.location
            do {
                switch key {
                case "duration": durationSeconds = try CostGateDuration.seconds(in: value)
                case "checkpoint-interval": checkpointIntervalSeconds = try CostGateDuration.seconds(in: value)
                case "gpu": gpuModel = value
                default: team = value
                }
            } catch {
                errors.append(.invalidCostGateValue(key: "--\(key)", value: value, reason: error.reason, at: word.location))
                locations[key] = nil
                if key == "duration" { durationSeconds = nil } else { checkpointIntervalSeconds = nil }
            }
        }
        return errors
    }
}
