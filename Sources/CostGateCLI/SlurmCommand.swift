import ArgumentParser
import CostGateCore
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateLedger
import CostGatePolicy
import CostGateRun

/// `costgate slurm …`: enforcement at SLURM's own door.
struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "SLURM integration: gate submissions in slurmctld's job_submit hook.",
        subcommands: [SlurmJobSubmitCommand.self])
}

/// `costgate slurm job-submit --policy FILE --script FILE -- SBATCH-OPTIONS…`, called by
/// `integrations/slurm/job_submit.lua` for every submission.
struct SlurmJobSubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "job-submit",
        abstract: "Decide one SLURM submission: print ACCEPT or REJECT, then the message for the submitter.",
        discussion: """
        The job is read from the options sbatch resolved (after --, in their long form) and the script's #COSTGATE \
        lines, priced offline and gated with the policy (per-run quotas and rules; the month's spend too with a \
        local --ledger). The policy's admission section decides: mode enforce|warn|off, onError allow|deny \
        (a policy that cannot be read denies, unless its admission.onError still reads as allow).

        The first line of standard output is the verdict, ACCEPT or REJECT; the lines after it are for the \
        submitter. Exit status: 0 accepted within budget, 1 over budget (rejected, or accepted in warn mode), \
        2 no decision from the policy (onError chose), 64 usage.

        Examples:
          costgate slurm job-submit --policy /etc/slurm/costgate.yaml --script job.sh -- --nodes=2 --gres=gpu:a100:8 --time=720
          costgate slurm job-submit --policy policy.yaml --script - --job-name sweep -- --array=0-15 --gpus=h100:8 --account=research
        """)

    @Option(help: ArgumentHelp("The budget policy.", valueName: "file"))
    var policy: String

    @Option(help: ArgumentHelp("The batch script as submitted, or - for standard input (its #COSTGATE lines are read).", valueName: "file"))
    var script: String = "-"

    @Option(help: ArgumentHelp("The job's name (sbatch --job-name).", valueName: "name"))
    var jobName: String?

    @Option(help: ArgumentHelp("The day quotas and exceptions are checked on (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var today: String?

    @OptionGroup(title: "Ledger") var ledger: LedgerOptions
    @OptionGroup(title: "Pricing") var pricing: PricingOptions

    @Argument(parsing: .postTerminator, help: ArgumentHelp("sbatch options as resolved by sbatch, after --.", valueName: "sbatch-option"))
    var options: [String] = []

    func run() throws {
        let fileSystem = LocalFileSystem()
        let day = try PolicyOptions.day(today)
        let decision: AdmissionDecision
        do {
            decision = try decide(fileSystem: fileSystem, today: day)
        } catch let failure as PolicyFailure {
            decision = failure.decision
        }
        FileHandle.standardOutput.write(Data(decision.output.utf8))
        if decision.status != .success { throw ExitCode(decision.status.rawValue) }
    }

    /// A policy that cannot be used: its errors, and the verdict its `admission.onError` (or deny) chooses.
    struct PolicyFailure: Error {
        var decision: AdmissionDecision
    }

    private func decide(fileSystem: LocalFileSystem, today: CalendarDay) throws -> AdmissionDecision {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.contents(of: policy)
        } catch {
            throw PolicyFailure(decision: Self.unusablePolicy(onError: .deny, reasons: [error.diagnostic.rendered]))
        }
        let (read, diagnostics) = PolicyReader.read(bytes, file: policy)
        guard let policy = read else {
            let onError = PolicyReader.admissionOnError(bytes, file: self.policy) ?? .deny
            throw PolicyFailure(decision: Self.unusablePolicy(onError: onError, reasons: diagnostics.filter { $0.severity == .error }.map(\.rendered)))
        }
        // The options are the job; the script adds only its #COSTGATE lines, so one that cannot be read is said
        // beside the verdict, not a reason to refuse.
        var scriptText = ""
        var scriptProblem: String?
        do {
            let scriptBytes = script == "-" ? try fileSystem.standardInput() : try fileSystem.contents(of: script)
            scriptText = String(decoding: scriptBytes, as: UTF8.self)
        } catch {
            scriptProblem = "costgate: the script's #COSTGATE lines were not read: \(error.diagnostic.rendered)"
        }
        let settings = RunSettings.resolve(policy: policy, flags: try RunSettings.Flags(reading: nil, pricing: pricing), today: today,
                                           fileSystem: fileSystem)
        // A price the policy or --prices names but costgate cannot use would price the job wrongly: the policy is
        // as unusable as a broken one, and its onError decides.
        let settingErrors = settings.diagnostics.filter { $0.severity == .error }
        guard settingErrors.isEmpty else {
            throw PolicyFailure(decision: Self.unusablePolicy(onError: policy.admission.onError, reasons: settingErrors.map(\.rendered)))
        }
        let ledgerUse: LedgerUse?
        do {
            ledgerUse = try ledger.use(policy: policy, failOnWarn: false)
        } catch let failure as LedgerOpenFailure {
            let onError = policy.admission.onError
            return AdmissionDecision(verdict: onError == .allow ? .accept : .reject, status: .inputUnusable,
                                     lines: ["costgate: the ledger cannot be used (admission.onError: \(onError.rawValue)):",
                                             "  " + failure.error.message])
        }
        let submission = SlurmSubmission(options: options, script: scriptText, jobName: jobName)
        var decision = SubmissionGate(policy: policy, pricing: settings.pricing, reading: settings.reading, today: today).decide(submission, ledger: ledgerUse)
        if let scriptProblem { decision.lines.append(scriptProblem) }
        return decision
    }

    static func unusablePolicy(onError: AdmissionSettings.OnError, reasons: [String]) -> AdmissionDecision {
        let lead = onError == .allow
            ? "costgate: the budget policy cannot be used; the job is accepted unchecked (admission.onError: allow):"
            : "costgate: job rejected: the budget policy cannot be used (a broken policy denies unless admission.onError is allow):"
        return AdmissionDecision(verdict: onError == .allow ? .accept : .reject, status: .inputUnusable,
                                 lines: [lead] + reasons.map { "  " + $0 })
    }
}
