import ArgumentParser
import CostGateCore
import Foundation
import CostGateReporting

/// Where `check` and `diff` write: one format on standard output, and any number of `FORMAT=PATH`
/// reports from the same run (SARIF for code scanning, markdown for the job summary, …).
struct OutputOptions: ParsableArguments {
    @OptionGroup var formats: FormatOptions<GateReportFormat>

    @Option(help: ArgumentHelp("A tag for the markdown comment's hidden marker, for several costgate comments on one pull request.",
                               valueName: "tag"))
    var commentTag: String?

    /// Writes every format asked for of `gated` with the reporters `GateReportFormat` names.
    func emit<Subject: GateReported>(_ gated: Gated<Subject>, style: ReportStyle, _ terminal: Terminal) throws -> [String] {
        var style = style
        style.commentTag = commentTag
        return try formats.emit(terminal) { $0.reporter(for: Subject.self, style: style).render(gated) }
    }
}
