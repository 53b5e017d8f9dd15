import ArgumentParser
import CostGateCore
import Foundation

/// Where `check` and `diff` write: one format on standard output, and any number of `FORMAT=PATH`
/// reports from the same run (SARIF for code scanning, markdown for the job summary, …).
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Format on standard output.", valueName: GateReportFormat.allCases.map(\.rawValue).joined(separator: "|")))
    var format: String = "text"

    @Option(name: .customLong("output"),
            help: ArgumentHelp("Also write FORMAT to PATH (repeatable): --output sarif=costgate.sarif --output markdown=summary.md",
                               valueName: "format=path"))
    var outputs: [String] = []

    @Option(help: ArgumentHelp("A tag for the markdown comment's hidden marker, for several costgate comments on one pull request.",
                               valueName: "tag"))
    var commentTag: String?

    func validate() throws {
        _ = try parsed()
    }

    func parsed() throws -> (standard: GateReportFormat, files: [(format: GateReportFormat, path: String)]) {
        let names = GateReportFormat.allCases.map(\.rawValue)
        func format(_ text: String, flag: String) throws -> GateReportFormat {
            guard let format = GateReportFormat(rawValue: text) else {
                throw ValidationError("unknown format '\(text)' in \(flag): expected \(names.joined(separator: ", "))"
                                      + Suggestion.didYouMean(text, in: names))
            }
            return format
        }
        let standard = try format(self.format, flag: "--format")
        let files = try outputs.map { spec -> (format: GateReportFormat, path: String) in
            guard let equals = spec.firstIndex(of: "="), equals != spec.startIndex, spec.index(after: equals) != spec.endIndex else {
                throw ValidationError("invalid --output '\(spec)': expected FORMAT=PATH, e.g. sarif=costgate.sarif")
            }
            return (try format(String(spec[..<equals]), flag: "--output"), String(spec[spec.index(after: equals)...]))
        }
        return (standard, files)
    }

    /// Renders each requested format once and writes it: files first, standard output last.
    func emit(_ terminal: Terminal, render: (GateReportFormat) -> String) throws {
        let (standard, files) = try parsed()
        var rendered: [GateReportFormat: String] = [:]
        func text(_ format: GateReportFormat) -> String {
            if let done = rendered[format] { return done }
            let value = render(format)
            rendered[format] = value
            return value
        }
        for file in files {
            do {
                try Data(text(file.format).utf8).write(to: URL(fileURLWithPath: file.path))
            } catch {
                throw OutputError(reason: "cannot write \(file.format.rawValue) to \(file.path): \(error.localizedDescription)")
            }
        }
        try terminal.out(text(standard))
    }
}
