import ArgumentParser
import CostGateCore
import CostGatePostgres
import Foundation
import CostGateLedger

/// Finds and opens the ledger a command uses: `--ledger`, else COSTGATE_LEDGER_URL, else the
/// policy's `ledger:`. A `postgres://` URL opens the shared PostgreSQL store, anything else a SQLite file.
struct LedgerLocator {
    /// The variable that names the ledger without putting a password on a command line.
    static let variable = "COSTGATE_LEDGER_URL"

    var environment: [String: String]
    /// Seconds to connect, wait for the gate lock or finish one operation (`--ledger-timeout`).
    var timeout: Double

    init(environment: [String: String] = ProcessInfo.processInfo.environment, timeout: Double) {
        self.environment = environment
        self.timeout = timeout
    }

    /// What names the ledger, nil when nothing does; `fromCommandLine` when it was `--ledger`.
    func choose(flag: String?, policy: String?) -> (text: String, fromCommandLine: Bool)? {
        if let flag { return (flag, true) }
        if let url = environment[Self.variable], !url.isEmpty { return (url, false) }
        return policy.map { ($0, false) }
    }

    /// The location, with PGPASSWORD as the password when the URL carries none (libpq's convention).
    func location(_ text: String) throws(LedgerError) -> LedgerLocation {
        var location = try LedgerLocation(text)
        if case .postgres(var url) = location, url.password == nil, let password = environment["PGPASSWORD"], !password.isEmpty {
            url.password = password
            location = .postgres(url)
        }
        return location
    }

    /// Opens the ledger. `create`: a missing SQLite file, or an empty PostgreSQL database, becomes a
    /// new ledger (only a recording check creates one); otherwise it must already exist.
    func open(_ text: String, create: Bool, hint: String = "") throws(LedgerError) -> any Ledger {
        switch try location(text) {
        case .sqlite(let path):
            return create ? try SQLiteLedger(path: path, busyTimeout: timeout)
                : try SQLiteLedger.existing(path: path, hint: hint, busyTimeout: timeout)
        case .postgres(let url):
            return try PostgresLedger(url: url, timeout: timeout, create: create)
        }
    }

    /// A password typed into `--ledger` is visible to every user of the machine (`ps`) and kept in shell
    /// histories and CI logs: said once, on stderr.
    func warning(about text: String, fromCommandLine: Bool) -> String? {
        guard fromCommandLine, case .postgres(let url)? = try? LedgerLocation(text), url.password != nil else { return nil }
        return "costgate: warning: the --ledger URL holds a password, which other users of this machine can see; "
            + "set \(Self.variable) or PGPASSWORD instead\n"
    }

    static func validate(timeout: Double) throws {
        guard timeout > 0, timeout <= 3600 else {
            throw ValidationError("invalid --ledger-timeout '\(timeout)': expected seconds between 0 and 3600")
        }
    }
}
