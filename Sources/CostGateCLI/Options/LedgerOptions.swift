import ArgumentParser
import CostGateCore
import Foundation

/// The spend ledger a check counts and records into.
struct LedgerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The spend ledger, a SQLite file (default: the policy's 'ledger:'; none: no ledger).", valueName: "file"))
    var ledger: String?

    @Flag(help: "Record the approved one-off runs in the ledger when the check passes.")
    var record = false

    @Option(help: ArgumentHelp("The commit recorded with each run (a re-check of the same commit replaces its runs).", valueName: "sha"))
    var commit: String?

    @Option(help: ArgumentHelp("The pull request recorded with each run.", valueName: "number"))
    var pullRequest: String?

    /// The ledger to use, nil when neither the flag nor the policy names one.
    func use(policy: Policy, failOnWarn: Bool) throws -> LedgerUse? {
        guard let path = ledger ?? policy.ledgerPath else {
            if record { throw ValidationError("--record needs a ledger: pass --ledger FILE or set 'ledger:' in the policy") }
            return nil
        }
        // Only a recording check creates the ledger.
        let opened: Ledger
        do {
            opened = record ? try Ledger(path: path)
                : try Ledger.existing(path: path, hint: " (a check with --record creates it; otherwise fix --ledger or the policy's 'ledger:')")
        } catch {
            throw LedgerOpenFailure(error: error)
        }
        return LedgerUse(ledger: opened, record: record, commit: commit, pullRequest: pullRequest, failOnWarn: failOnWarn)
    }
}

/// A ledger that cannot be opened: printed at its place, exit 2.
struct LedgerOpenFailure: Error {
    var error: LedgerError
}
