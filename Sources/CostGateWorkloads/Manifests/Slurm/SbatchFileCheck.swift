import CostGateBasics

/// What sbatch checks of a script file before it reads a single option (`sbatch.c`): a `#!` first line,
/// then no DOS line breaks. A file that fails either is never submitted, so costgate refuses it too,
/// with sbatch's own reason.
package enum SbatchFileCheck {
    package static func refusal(of bytes: [UInt8], file: String) -> SlurmError? {
        guard bytes.starts(with: "#!".utf8) else {
            return .noInterpreterLine(at: SourceLocation(file: file, line: 1, column: 1))
        }
        guard let lineFeed = bytes.indices.first(where: { $0 > 0 && bytes[$0] == UInt8(ascii: "\n") && bytes[$0 - 1] == UInt8(ascii: "\r") }) else {
            return nil
        }
        let before = bytes[..<lineFeed]
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return .dosLineBreaks(at: SourceLocation(file: file, line: line, column: lineFeed - lineStart))
    }
}
