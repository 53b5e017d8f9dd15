import ArgumentParser
import CostGateCore
import Foundation
import CostGateSpot
import CostGateBasics
import CostGateWorkloads
import CostGateEstimation
import CostGateReporting

/// `costgate spot`: the spot advisor. One job in (flags, the catalog, or a job file), the spot model's
/// estimate out: expected cost against on-demand, its spread, the best checkpoint interval and a
/// recommendation, with every assumption and its source.
struct SpotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spot",
        abstract: "Estimate what a job costs on spot capacity and whether to run it there.",
        discussion: """
        Prices are USD per hour for the whole job (all nodes). Durations take hours (48, 0.5) or a unit \
        (36h, 90m, 2d). With --gpu or --instance-type the prices come from the built-in catalog and, unless \
        --rate or --band is given, the interruption band from the AWS Spot Advisor (else 10-15% a month). \
        docs/spot.md describes every flag and both outputs.

        Exit codes: 0 estimated, 2 invalid value or unusable job file, 64 usage error, 70 internal error.

        Examples:
          costgate spot --work-hours 48 --nodes 8 --band 10-15% --provider aws \\
            --checkpoint-interval 1h --price-spot 96 --price-on-demand 320
          costgate spot --gpu h100 --gpus-per-node 8 --nodes 4 --work-hours 48
          costgate spot --gpu a100-80gb --cloud gcp --preemptible --work-hours 100
          costgate spot --input job.json --format json
          costgate spot --input job.json --method monte-carlo
        """)

    @Option(help: ArgumentHelp("A job file (the 'input' object of spot-vectors.json), or - for standard input; "
                               + "excludes the model flags.", valueName: "file"))
    var input: String?

    @Option(help: ArgumentHelp("How P50 / P90 / P99 are computed: the exact distribution of the model (jobs with "
                               + "--fallback-after are simulated), or the Monte Carlo simulation of --trials runs.",
                               valueName: SpotMethod.allCases.map(\.rawValue).joined(separator: "|")))
    var method: String = SpotMethod.exact.rawValue

    @Option(help: "Output format.")
    var format: ReportFormat = .text

    @Flag(help: "Never colour the output.")
    var noColor = false

    @OptionGroup(title: "Model inputs") var model: SpotInputOptions

    func validate() throws {
        guard SpotMethod(rawValue: method) != nil else {
            throw ValidationError("unknown method '\(method)': expected \(SpotMethod.allCases.map(\.rawValue).joined(separator: ", "))"
                                  + Suggestion.didYouMean(method, in: SpotMethod.allCases.map(\.rawValue)))
        }
        let flags = model.givenFlags
        if input != nil && !flags.isEmpty {
            throw ValidationError("--input gives every input of the job; it cannot be combined with \(flags.joined(separator: ", "))")
        }
        if input == nil {
            // Missing or contradictory flags surface here, so argument-parser prints this command's usage;
            // values out of range are left to run(), which reports them with exit status 2.
            do { _ = try model.setup(catalog: .builtin) } catch is SpotInputError {}
        }
    }

    func run() throws {
        let terminal = Terminal.detect(noColor: noColor)
        do {
            let setup = try input.map(readJobFile) ?? model.setup(catalog: .builtin)
            let estimate: SpotEstimate
            do {
                estimate = try SpotModel.estimate(setup.job, method: SpotMethod(rawValue: method)!)
            } catch {
                let location = input.map { SourceLocation.wholeFile($0 == "-" ? "<stdin>" : $0) }
                throw location.map { SpotInputError(Diagnostic(.error, at: $0, error.message)) } ?? SpotInputError(message: error.message)
            }
            switch format {
            case .text: try terminal.out(SpotTextReport.render(estimate, setup: setup))
            case .json: try terminal.out(try SpotJSONReport.render(estimate, setup: setup))
            }
        } catch let error as SpotInputError {
            if error.diagnostic.location.file.isEmpty {
                terminal.err(terminal.colorErrors ? "\u{1B}[1;31merror:\u{1B}[0m \(error.diagnostic.message)\n" : error.rendered + "\n")
            } else {
                terminal.err(terminal.render(error.diagnostic))
            }
            throw ExitCode(ExitStatus.inputUnusable.rawValue)
        }
    }

    /// The job file at `path` (`-`: standard input).
    private func readJobFile(_ path: String) throws -> SpotJobSetup {
        let fileSystem = LocalFileSystem()
        let name = path == "-" ? "<stdin>" : path
        let bytes: [UInt8]
        do {
            bytes = path == "-" ? try fileSystem.standardInput() : try fileSystem.contents(of: path)
        } catch {
            throw SpotInputError(Diagnostic(.error, at: .wholeFile(name), error.message))
        }
        return try SpotJobFile.read(bytes, file: name)
    }
}
