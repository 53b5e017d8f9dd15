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
        _ = try ReportOutputs<GateReportFormat>(format: format, outputs: outputs)
    }

    @discardableResult
    func emit(_ terminal: Terminal, render: (GateReportFormat) -> String) throws -> [String] {
        try ReportOutputs<GateReportFormat>(format: format, outputs: outputs).emit(terminal, render: render)
    }
}
