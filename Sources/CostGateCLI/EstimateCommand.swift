import ArgumentParser
import CostGateCore
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateRun
import CostGateReporting

/// `costgate estimate PATH...`
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Price the workloads in manifests and sbatch scripts.",
        discussion: """
        PATH is a file, a directory (read recursively: *.yaml, *.yml, *.json and sbatch scripts) or - for standard input.

        Examples:
          costgate estimate examples/
          costgate estimate job.yaml --format json > estimate.json
          costgate estimate train.sbatch --prices policies/onprem-prices.yaml
          costgate estimate k8s/ --provider gcp --region us-east4 --month 2026-12
        """)

    @Argument(help: ArgumentHelp("Files, directories, or - for standard input.", valueName: "path"))
    var paths: [String]

    @OptionGroup(title: "Output") var output: FormatOptions<ReportFormat>

    @Flag(name: .shortAndLong, help: "Show the assumptions behind each figure.")
    var verbose = false

    @Flag(help: "Never colour the output.")
    var noColor = false

    @OptionGroup(title: "Pricing") var pricing: PricingOptions
    @OptionGroup(title: "Reading") var reading: ReadingOptions

    func run() throws {
        let terminal = Terminal.detect(noColor: noColor)
        let fileSystem = LocalFileSystem()
        let settings = RunSettings.resolve(policy: nil, flags: try RunSettings.Flags(reading: reading, pricing: pricing),
                                           today: CalendarDay(containing: Date()), fileSystem: fileSystem)
        var result = EstimationPipeline(fileSystem: fileSystem)
            .run(EstimationRequest(paths: paths, reading: settings.reading, pricing: settings.pricing, exclude: reading.exclude))
        result.diagnostics = (settings.diagnostics + result.diagnostics).sorted()

        let style = ReportStyle(verbose: verbose, color: terminal.colorOutput)
        let unwritten = try output.emit(terminal) { $0.estimateReporter(style).render(result) }
        ProcessLifetime.outlive(result)
        for diagnostic in result.diagnostics { terminal.err(terminal.render(diagnostic)) }
        if result.hasErrors {
            let count = result.diagnostics.filter { $0.severity == .error }.count
            terminal.err("costgate: \(count) error\(count == 1 ? "" : "s"): some input could not be used (exit 2)\n")
            throw ExitCode(ExitStatus.inputUnusable.rawValue)
        }
        try ReportOutputs<ReportFormat>.finish(unwritten, terminal)
    }
}
