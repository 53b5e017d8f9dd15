import ArgumentParser
import CostGateCore
import Foundation
import CostGateBasics
import CostGateReporting

/// `--format F` for standard output and repeatable `--output F=PATH`, for any command's set of formats:
/// parsed with suggestions, each format rendered once, files written before standard output.
struct ReportOutputs<Format: ReportFormatOption> {
    var standard: Format
    var files: [(format: Format, path: String)]

    init(format: Format, outputs: [String]) throws {
        let names = Format.allCases.map(\.rawValue)
        func parse(_ text: String, flag: String) throws -> Format {
            guard let format = Format(rawValue: text) else {
                throw ValidationError("unknown format '\(text)' in \(flag): expected \(names.joined(separator: ", "))"
                                      + Suggestion.didYouMean(text, in: names))
            }
            return format
        }
        standard = format
        files = try outputs.map { spec in
            guard let equals = spec.firstIndex(of: "="), equals != spec.startIndex, spec.index(after: equals) != spec.endIndex else {
                throw ValidationError("invalid --output '\(spec)': expected FORMAT=PATH, e.g. \(names[names.count > 1 ? 1 : 0])=report.out")
            }
            return (try parse(String(spec[..<equals]), flag: "--output"), String(spec[spec.index(after: equals)...]))
        }
    }

    /// Renders each requested format once and writes it: files first (each whole or not at all),
    /// standard output last, whatever became of the files. Returns why files could not be written:
    /// the command reports them after everything else and exits 2.
    @discardableResult
    func emit(_ terminal: Terminal, render: (Format) -> RenderedReport) throws -> [String] {
        var rendered: [Format: RenderedReport] = [:]
        func text(_ format: Format) -> RenderedReport {
            if let done = rendered[format] { return done }
            let value = render(format)
            rendered[format] = value
            return value
        }
        var failures: [String] = []
        for file in files {
            if let failure = AtomicFile.write(text(file.format).bytes, to: file.path) {
                failures.append("\(file.format.rawValue) report: \(failure)")
            }
        }
        switch text(standard) {
        case .text(let report): try terminal.out(report)
        case .chunks(let chunks): try terminal.out(chunks: chunks)
        }
        return failures
    }

    /// Says which reports could not be written and ends the command with exit 2; nothing when all were.
    static func finish(_ failures: [String], _ terminal: Terminal) throws {
        guard !failures.isEmpty else { return }
        for failure in failures { terminal.err("costgate: error: \(failure)\n") }
        terminal.err("costgate: \(failures.count) report\(failures.count == 1 ? "" : "s") could not be written (exit 2)\n")
        throw ExitCode(ExitStatus.inputUnusable.rawValue)
    }
}
