import CostGateBasics

/// Finds the directive lines of a batch script and splits them into words, byte for byte as sbatch does
/// (`src/sbatch/opt.c`: `_opt_batch_script`, `get_argument`).
///
/// - A directive starts at column 1 with `#SBATCH` (case-sensitive; `#SLURM` is also read) or `#COSTGATE`.
/// - Reading stops at the first line holding a non-blank character that is not `#` (the first command);
///   blank lines and other `#` lines, the shebang included, are skipped.
/// - Words are separated by whitespace; `'…'` and `"…"` group, a backslash escapes the next character,
///   an unescaped `#` starts a comment, an unmatched quote or a word starting with `:` is fatal.
/// - A line whose first word is `hetjob` (or `packjob`), in any case, starts the next hetjob component.
public struct SbatchDirectiveLexer: Sendable {
    /// The directive lines, the line of the first command and what was found on the way.
    public struct Result: Sendable {
        public var lines: [SbatchDirectiveLine] = []
        /// The 1-based line of the first command, where sbatch stops reading; nil when there is none.
        public var firstCommandLine: Int?
        public var diagnostics: [Diagnostic] = []
        /// True when a line could not be split (unmatched quote, leading `:`), so its options are unknown.
        public var hasUnreadableLine = false
    }

    public let file: String

    public init(file: String) { self.file = file }

    public func scan(_ text: String) -> Result {
        var result = Result()
        var warnedSlurm = false
        let lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, lineBytes) in lines.enumerated() {
            let lineNumber = index + 1
            if let firstCommand = result.firstCommandLine {
                // Past the first command only directives are looked for, in place.
                if let kind = Self.directiveKind(of: lineBytes) {
                    result.diagnostics.append(ignoredAfterCommand(kind, line: lineNumber, firstCommand: firstCommand,
                                                                  startsWithBOM: lines.first?.starts(with: Self.bom) == true))
                }
                continue
            }
            let line = Array(lineBytes)
            guard let kind = Self.directiveKind(of: line) else {
                switch Self.classify(line) {
                case .command: result.firstCommandLine = lineNumber
                case .indentedDirective(let offset, let magic):
                    result.diagnostics.append(Diagnostic(
                        .warning, at: location(line: lineNumber, offset: offset, in: line),
                        "indented '\(magic)' is a plain comment to sbatch; directives must start at column 1",
                        rule: SlurmRule.ignoredDirective))
                case .blankOrComment: break
                }
                continue
            }
            if kind == .slurm && !warnedSlurm {
                warnedSlurm = true
                result.diagnostics.append(Diagnostic(
                    .warning, at: location(line: lineNumber, offset: 0, in: line),
                    "sbatch reads '#SLURM' lines but asks to change them to '#SBATCH'", rule: SlurmRule.deprecated))
            }
            let split = splitWords(line, from: kind.rawValue.utf8.count, lineNumber: lineNumber, kind: kind)
            result.diagnostics += split.diagnostics
            if split.unreadable { result.hasUnreadableLine = true }
            result.lines.append(SbatchDirectiveLine(kind: kind, location: location(line: lineNumber, offset: 0, in: line),
                                                    words: split.words, startsComponent: split.startsComponent))
        }
        return result
    }

    // MARK: - Lines

    package static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The magic word a line starts with. `#SBATCH` and `#SLURM` are prefixes (`strncmp`), `#COSTGATE` must be a word.
    package static func directiveKind(of line: some Collection<UInt8>) -> SbatchDirectiveLine.Kind? {
        guard line.first == UInt8(ascii: "#") else { return nil }
        if line.starts(with: "#SBATCH".utf8) { return .sbatch }
        if line.starts(with: "#SLURM".utf8) { return .slurm }
        let costgate = "#COSTGATE".utf8
        if line.starts(with: costgate) {
            let after = line.dropFirst(costgate.count).first
            if after.map(isSpace) ?? true { return .costgate }
        }
        return nil
    }

    package enum LineClass: Equatable {
        case blankOrComment
        case command
        /// A comment whose text after the indentation is a directive sbatch will not read.
        case indentedDirective(offset: Int, magic: String)
    }

    package static func classify(_ line: [UInt8]) -> LineClass {
        guard let offset = line.firstIndex(where: { !isSpace($0) }) else { return .blankOrComment }
        guard line[offset] == UInt8(ascii: "#") else { return .command }
        if offset > 0, let kind = directiveKind(of: Array(line[offset...])) {
            return .indentedDirective(offset: offset, magic: kind.rawValue)
        }
        return .blankOrComment
    }

    /// C's `isspace` in the C locale.
    package static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    // MARK: - Words

    package struct Split {
        package var words: [SbatchWord] = []
        package var startsComponent = false
        package var diagnostics: [Diagnostic] = []
        package var unreadable = false
    }

    /// `get_argument`, called until it returns nothing.
    package func splitWords(_ line: [UInt8], from start: Int, lineNumber: Int, kind: SbatchDirectiveLine.Kind) -> Split {
        var split = Split()
        var position = start
        let directive = kind.rawValue
        while true {
            while position < line.count, Self.isSpace(line[position]) { position += 1 }
            guard position < line.count else { break }
            let wordStart = position
            if kind != .costgate, let separator = Self.componentSeparator(in: line, at: position) {
                position += separator.utf8.count
                if separator == "packjob" {
                    split.diagnostics.append(Diagnostic(
                        .warning, at: location(line: lineNumber, offset: wordStart, in: line),
                        "'packjob' is deprecated; sbatch asks for 'hetjob'", rule: SlurmRule.deprecated))
                }
                if split.words.isEmpty && !split.startsComponent {
                    split.startsComponent = true
                } else {
                    split.diagnostics.append(Diagnostic(
                        .warning, at: location(line: lineNumber, offset: wordStart, in: line),
                        "sbatch drops '\(separator)' and the rest of the line when it is not the first word; "
                            + "put it on its own '#SBATCH' line", rule: SlurmRule.ignoredDirective))
                    break
                }
                if let rest = Self.contentOffset(in: line, from: position) {
                    split.diagnostics.append(Diagnostic(
                        .warning, at: location(line: lineNumber, offset: rest, in: line),
                        "sbatch ignores the rest of a '\(separator)' line; put these options on the next line",
                        rule: SlurmRule.ignoredDirective))
                }
                break
            }
            if line[position] == UInt8(ascii: ":") {
                split.diagnostics.append(SlurmError.unexpectedColon(
                    directive: directive, at: location(line: lineNumber, offset: position, in: line)).diagnostic)
                split.unreadable = true
                break
            }
            var bytes: [UInt8] = []
            var hasArgument = false
            var quote: UInt8?
            var escaped = false
            var quoteOffset = 0
            while position < line.count, quote != nil || !Self.isSpace(line[position]) {
                let byte = line[position]
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    position += 1
                    if position < line.count, line[position] == UInt8(ascii: " ") {
                        bytes.append(line[position])
                        hasArgument = true
                        position += 1
                    } else {
                        escaped = true
                    }
                    continue
                } else if let open = quote {
                    if byte == open {
                        quote = nil
                        position += 1
                        continue
                    }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                    quoteOffset = position
                    position += 1
                    continue
                } else if byte == UInt8(ascii: "#") {
                    break  // an unescaped '#' starts a comment
                }
                bytes.append(byte)
                hasArgument = true
                position += 1
            }
            if let open = quote {
                split.diagnostics.append(SlurmError.unmatchedQuote(
                    Character(Unicode.Scalar(open)), directive: directive,
                    at: location(line: lineNumber, offset: quoteOffset, in: line)).diagnostic)
                split.unreadable = true
                break
            }
            guard hasArgument else {
                // get_argument returns nothing for an empty word ("" or ''), which ends the line for sbatch.
                if line[wordStart] != UInt8(ascii: "#"), let rest = Self.contentOffset(in: line, from: position) {
                    split.diagnostics.append(Diagnostic(
                        .warning, at: location(line: lineNumber, offset: rest, in: line),
                        "sbatch stops reading this line at the empty quoted word before it; the rest is ignored",
                        rule: SlurmRule.ignoredDirective))
                }
                break
            }
            split.words.append(SbatchWord(String(decoding: bytes, as: UTF8.self),
                                          at: location(line: lineNumber, offset: wordStart, in: line)))
        }
        return split
    }

    /// `hetjob` or `packjob` (any case) followed by whitespace or the end of the line.
    package static func componentSeparator(in line: [UInt8], at position: Int) -> String? {
        // Most words start with '-': no keyword to compare.
        guard position < line.count, line[position] | 0x20 == UInt8(ascii: "h") || line[position] | 0x20 == UInt8(ascii: "p") else {
            return nil
        }
        for keyword in ["hetjob", "packjob"] {
            let length = keyword.utf8.count
            guard position + length <= line.count else { continue }
            // ASCII case folding: a window of `length` bytes holding a multi-byte character has fewer
            // characters than the keyword, so no Unicode lowercasing could make it one.
            guard zip(line[position..<position + length], keyword.utf8).allSatisfy({ pair in
                pair.0 == pair.1 || (pair.0 >= UInt8(ascii: "A") && pair.0 <= UInt8(ascii: "Z") && pair.0 | 0x20 == pair.1)
            }) else { continue }
            if position + length == line.count || isSpace(line[position + length]) { return keyword }
        }
        return nil
    }

    /// The offset of the next character that is neither whitespace nor the start of a comment.
    package static func contentOffset(in line: [UInt8], from start: Int) -> Int? {
        guard let offset = line[start...].firstIndex(where: { !isSpace($0) }),
              line[offset] != UInt8(ascii: "#") else { return nil }
        return offset
    }

    // MARK: - Locations

    /// 1-based line and column; columns count characters, not bytes.
    package func location(line: Int, offset: Int, in bytes: [UInt8]) -> SourceLocation {
        let column = bytes[..<min(offset, bytes.count)].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return SourceLocation(file: file, line: line, column: column)
    }

    package func ignoredAfterCommand(_ kind: SbatchDirectiveLine.Kind, line: Int, firstCommand: Int,
                             startsWithBOM: Bool) -> Diagnostic {
        var message = "'\(kind.rawValue)' after the first command (line \(firstCommand)) is ignored by sbatch"
        if kind == .costgate {
            message = "'#COSTGATE' after the first command (line \(firstCommand)) is ignored; "
                + "put it with the '#SBATCH' lines at the top"
        }
        if firstCommand == 1 && startsWithBOM {
            message += " (line 1 starts with a byte-order mark, which sbatch reads as a command)"
        }
        return Diagnostic(.warning, at: SourceLocation(file: file, line: line, column: 1), message,
                          rule: SlurmRule.ignoredDirective)
    }
}
