import ArgumentParser
import CostGateCore
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGatePolicy
import CostGateRun
import CostGateReporting

/// `costgate explain PATH [--workload ID]`
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the whole derivation of an estimate and, with a policy, its verdict.",
        discussion: """
        For each workload (or the one --workload names): what was read and where, which price entry, where the run time
        came from, the spot inputs, the arithmetic, and with a policy the team match, the quota arithmetic and the findings.

        Examples:
          costgate explain examples/k8s/job-spot-h100-karpenter.yaml
          costgate explain examples/ --workload SlurmJob/llm-pretrain --policy examples/policy.yaml
        """)

    @Argument(help: ArgumentHelp("Files, directories, or - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(help: ArgumentHelp("The workload to explain: its id (Job/ns/name) or, for sbatch scripts, SlurmJob/<name>.", valueName: "id"))
    var workload: String?

    @OptionGroup(title: "Policy") var policyOptions: PolicyOptions

    @Flag(help: "Never colour the output.")
    var noColor = false

    @OptionGroup(title: "Pricing") var pricing: PricingOptions
    @OptionGroup(title: "Reading") var reading: ReadingOptions

    func validate() throws {
        try policyOptions.validate(alongside: paths)
    }

    func run() throws {
        let terminal = Terminal.detect(noColor: noColor)
        let fileSystem = LocalFileSystem()
        let today = try policyOptions.day()
        var policy: Policy?
        var diagnostics: [Diagnostic] = []
        if let (_, loaded, policyDiagnostics) = try policyOptions.load(terminal: terminal, fileSystem: fileSystem, required: false) {
            diagnostics += policyDiagnostics
            guard let loaded else {
                for diagnostic in diagnostics { terminal.err(terminal.render(diagnostic)) }
                throw ExitCode(ExitStatus.inputUnusable.rawValue)
            }
            policy = loaded
        }
        let settings = RunSettings.resolve(policy: policy, flags: try RunSettings.Flags(reading: reading, pricing: pricing), today: today,
                                           fileSystem: fileSystem)
        diagnostics += settings.diagnostics
        let estimation: EstimationResult
        var gate: GateReport?
        if let policy {
            let result = CheckPipeline(fileSystem: fileSystem).run(paths: paths, policy: policy, reading: settings.reading, pricing: settings.pricing,
                                                                    today: today, exclude: reading.exclude)
            estimation = result.estimation
            gate = result.gate
        } else {
            estimation = EstimationPipeline(fileSystem: fileSystem).run(EstimationRequest(paths: paths, reading: settings.reading, pricing: settings.pricing,
                                                                                                   exclude: reading.exclude))
        }
        diagnostics = (diagnostics + estimation.diagnostics).sorted()

        var chosen = estimation.estimates
        if let workload {
            chosen = chosen.filter { $0.workload.id == workload || $0.workload.displayName == workload }
            if chosen.isEmpty {
                for diagnostic in diagnostics { terminal.err(terminal.render(diagnostic)) }
                let names = estimation.estimates.map(\.workload.displayName)
                throw ValidationError("no workload '\(workload)' in the input" + Suggestion.didYouMean(workload, in: names)
                                      + (names.isEmpty ? "" : " (workloads: \(names.joined(separator: ", ")))"))
            }
        }
        let reporter = ExplainTextReporter(color: terminal.colorOutput)
        try terminal.out(chosen.map { reporter.render($0, catalogDate: estimation.catalogDate, gate: gate, policy: policy) }
            .joined(separator: "\n"))
        for diagnostic in diagnostics { terminal.err(terminal.render(diagnostic)) }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.inputUnusable.rawValue) }
    }
}
