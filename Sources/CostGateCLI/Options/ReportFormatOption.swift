import ArgumentParser
import CostGateCore
import CostGateReporting

/// A command's set of output formats as `--format` and `--output` take them: argument-parser parses
/// the name and lists the formats the command has when it is none of them (exit 64).
protocol ReportFormatOption: ExpressibleByArgument, CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// Every command's default on standard output.
    static var text: Self { get }
}

extension GateReportFormat: ReportFormatOption {}
extension ReportFormat: ReportFormatOption {}
extension AuditReportFormat: ReportFormatOption {}

/// `--format F` for standard output and repeatable `--output F=PATH`, for any command's set of formats.
struct FormatOptions<Format: ReportFormatOption>: ParsableArguments {
    @Option(help: "Format on standard output.")
    var format: Format = .text

    @Option(name: .customLong("output"),
            help: ArgumentHelp("Also write FORMAT to PATH (repeatable): --output json=report.json",
                               valueName: "format=path"))
    var outputs: [String] = []

    func validate() throws {
        _ = try ReportOutputs<Format>(format: format, outputs: outputs)
    }

    /// Renders each format asked for once and writes it (files first); returns why files could not be written.
    func emit(_ terminal: Terminal, render: (Format) -> RenderedReport) throws -> [String] {
        try ReportOutputs<Format>(format: format, outputs: outputs).emit(terminal, render: render)
    }
}
