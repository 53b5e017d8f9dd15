import CostGateBasics

/// Reads the words of one hetjob component into options, as sbatch's `getopt_long` call does (`_set_options`,
/// option string starting with `+`): long options as `--name=value` or `--name value`, abbreviated to any unambiguous
/// prefix; short options as `-N4` or `-N 4`, several letters may share one dash (`-vH`); a required value may be the
/// first word of the next directive line; `--` ends the options.
public struct SbatchOptionParser: Sendable {
    /// One option as written, with its value.
    public struct Occurrence: Hashable, Sendable {
        public var option: SbatchOption
        public var value: String?
        /// How the option was spelt (`--nodes`, `-N`, `--nod`), for messages.
        public var written: String
        /// Where the option word starts.
        public var location: SourceLocation
    }

    public struct Result: Sendable {
        public var occurrences: [Occurrence] = []
        public var errors: [SlurmError] = []
        public var warnings: [Diagnostic] = []
    }

    public init() {}

    public func parse(_ words: [SbatchWord]) -> Result {
        var result = Result()
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            let text = word.text
            if text == "--" {
                if index < words.count { result.errors.append(.notAnOption(words[index].text, at: words[index].location)) }
                break
            }
            if text.hasPrefix("--") {
                parseLong(word, words: words, index: &index, into: &result)
            } else if text.hasPrefix("-") && text.count > 1 {
                parseShort(word, words: words, index: &index, into: &result)
            } else {
                result.errors.append(.notAnOption(text, at: word.location))
            }
        }
        return result
    }

    // MARK: - Long options

    package enum Match: Equatable {
        case found(SbatchOption)
        case ambiguous([SbatchOption])
        case none
    }

    /// glibc's rule: an exact name wins; otherwise a prefix of exactly one option, or of several options that
    /// behave identically.
    package static func match(_ name: String) -> Match {
        if let exact = SbatchOption.byName[name] { return .found(exact) }
        let candidates = SbatchOption.all.filter { $0.name.hasPrefix(name) }
        guard let first = candidates.first else { return .none }
        let differing = candidates.contains {
            $0.canonicalName != first.canonicalName || $0.argument != first.argument
        }
        return differing ? .ambiguous(candidates) : .found(first)
    }

    package func parseLong(_ word: SbatchWord, words: [SbatchWord], index: inout Int, into result: inout Result) {
        let body = word.text.dropFirst(2)
        let name: String
        let attached: String?
        if let equals = body.firstIndex(of: "=") {
            name = String(body[..<equals])
            attached = String(body[body.index(after: equals)...])
        } else {
            name = String(body)
            attached = nil
        }
        let written = "--\(name)"
        guard !name.isEmpty else {
            result.errors.append(.unknownOption(word.text, suggestion: nil, otherCommand: nil, at: word.location))
            return
        }
        let option: SbatchOption
        switch Self.match(name) {
        case .found(let found):
            option = found
        case .ambiguous(let candidates):
            result.errors.append(.ambiguousOption(written, candidates: candidates.map(\.spelled), at: word.location))
            // Consume the value a required option would take, so it is not read as the next option.
            if attached == nil, candidates.allSatisfy({ $0.argument == .required }), index < words.count { index += 1 }
            return
        case .none:
            if let plugin = SbatchOption.pluginOptions[name] {
                result.warnings.append(Diagnostic(
                    .warning, at: word.location,
                    "'\(written)' is not an sbatch option; sbatch accepts it only where the pyxis SPANK plugin is installed",
                    rule: SlurmRule.pluginOption))
                option = plugin
            } else if let removed = SbatchOption.removed[name] {
                result.warnings.append(Diagnostic(
                    .warning, at: word.location,
                    "'\(written)' was removed from sbatch in Slurm \(removed.release); newer sbatch rejects the script",
                    rule: SlurmRule.deprecated))
                option = removed.option
            } else {
                let suggestion = Suggestion.closest(to: written, in: SbatchOption.all.map(\.spelled))
                result.errors.append(.unknownOption(written, suggestion: suggestion,
                                                    otherCommand: SbatchOption.otherCommands[name], at: word.location))
                // A misspelt option that takes a value (`--partiton gpu`) would leave its value behind as a
                // second, confusing error.
                if attached == nil, let suggestion, SbatchOption.byName[String(suggestion.dropFirst(2))]?.argument == .required,
                   index < words.count, !words[index].text.hasPrefix("-") {
                    index += 1
                }
                return
            }
        }
        var value = attached
        switch option.argument {
        case .none:
            if let attached {
                result.errors.append(.unexpectedValue(option: option.spelled, value: attached, at: word.location))
                return
            }
        case .required:
            if value == nil {
                guard index < words.count else {
                    result.errors.append(.missingValue(option: option.spelled, at: word.location))
                    return
                }
                value = words[index].text
                index += 1
            }
        case .optional:
            break
        }
        result.occurrences.append(Occurrence(option: option, value: value, written: written, location: word.location))
    }

    // MARK: - Short options

    package func parseShort(_ word: SbatchWord, words: [SbatchWord], index: inout Int, into result: inout Result) {
        var letters = Substring(word.text.dropFirst())
        while let letter = letters.first {
            letters = letters.dropFirst()
            let written = "-\(letter)"
            guard let option = SbatchOption.byShort[letter] else {
                result.errors.append(.unknownOption(written, suggestion: nil, otherCommand: nil, at: word.location))
                continue
            }
            var value: String?
            switch option.argument {
            case .none:
                break
            case .required:
                if !letters.isEmpty {
                    value = String(letters)
                } else if index < words.count {
                    value = words[index].text
                    index += 1
                } else {
                    result.errors.append(.missingValue(option: written, at: word.location))
                    return
                }
                letters = ""
            case .optional:
                value = letters.isEmpty ? nil : String(letters)
                letters = ""
            }
            result.occurrences.append(Occurrence(option: option, value: value, written: written, location: word.location))
        }
    }
}
