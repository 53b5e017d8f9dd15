import ArgumentParser
import CostGateCore
import Foundation
import CostGateLedger
import CostGatePolicy
import CostGateRun

/// The spend ledger a check counts and records into.
struct LedgerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The spend ledger: a SQLite file, or postgres://user@host:port/db (default: $COSTGATE_LEDGER_URL, "
                               + "then the policy's 'ledger:'; none: no ledger).", valueName: "file|url"))
    var ledger: String?

    @Option(help: ArgumentHelp("Seconds to wait for the ledger: to connect, for another recorder, for each operation.", valueName: "seconds"))
    var ledgerTimeout: Double = 10

    @Flag(help: "Record the approved one-off runs in the ledger when the check passes.")
    var record = false

    @Option(help: ArgumentHelp("The commit recorded with each run (a re-check of the same commit replaces its runs).", valueName: "sha"))
    var commit: String?

    @Option(help: ArgumentHelp("The pull request recorded with each run.", valueName: "number"))
    var pullRequest: String?

    @Option(help: ArgumentHelp("The repository of --commit, part of each run's identity (default: $GITHUB_REPOSITORY or "
                               + "$CI_PROJECT_PATH).", valueName: "owner/name"))
    var repository: String?

    func validate() throws {
        try LedgerLocator.validate(timeout: ledgerTimeout)
    }

    /// The ledger to use, nil when neither the flag, COSTGATE_LEDGER_URL nor the policy names one.
    func use(policy: Policy, failOnWarn: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LedgerUse? {
        let locator = LedgerLocator(environment: environment, timeout: ledgerTimeout)
        guard let (text, fromCommandLine) = locator.choose(flag: ledger, policy: policy.ledgerPath) else {
            if record {
                throw ValidationError("--record needs a ledger: pass --ledger FILE|URL, set \(LedgerLocator.variable) or set 'ledger:' in the policy")
            }
            return nil
        }
        if let warning = locator.warning(about: text, fromCommandLine: fromCommandLine) { FileHandle.standardError.write(Data(warning.utf8)) }
        // Only a recording check creates the ledger.
        let opened: any Ledger
        do {
            opened = try locator.open(text, create: record,
                                      hint: " (a check with --record creates it; otherwise fix --ledger or the policy's 'ledger:')")
        } catch {
            throw LedgerOpenFailure(error: error)
        }
        let repository = repository ?? [environment["GITHUB_REPOSITORY"], environment["CI_PROJECT_PATH"]].compactMap { $0 }
            .first { !$0.isEmpty }
        return LedgerUse(ledger: opened, record: record, commit: commit, pullRequest: pullRequest, failOnWarn: failOnWarn,
                         repository: repository)
    }
}

/// A ledger that cannot be opened: printed at its place, exit 2.
struct LedgerOpenFailure: Error {
    var error: LedgerError
}
