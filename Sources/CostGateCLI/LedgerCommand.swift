import ArgumentParser
import CostGateCore
import CostGatePostgres
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateLedger
import CostGateReporting

/// `costgate ledger list|show|void`
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The runs 'costgate check --record' approved: list, show, void; migrate its schema.",
        discussion: """
        Examples:
          costgate ledger list --ledger spend.db --month 2026-11 --team research
          costgate ledger show 42 --ledger spend.db
          costgate ledger void 42 --reason "run cancelled before it started" --ledger spend.db
          COSTGATE_LEDGER_URL=postgres://costgate@db.internal:5432/costgate costgate ledger migrate
        """,
        subcommands: [LedgerListCommand.self, LedgerShowCommand.self, LedgerVoidCommand.self, LedgerMigrateCommand.self])
}

struct LedgerFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The ledger: a SQLite file, or postgres://user@host:port/db (default: $COSTGATE_LEDGER_URL, then the "
                               + "'ledger:' of the policy found at the repository root).", valueName: "file|url"))
    var ledger: String?

    @Option(help: ArgumentHelp("The policy naming the ledger.", valueName: "file"))
    var policy: String?

    @Option(help: ArgumentHelp("Seconds to wait for the ledger: to connect and for each operation.", valueName: "seconds"))
    var ledgerTimeout: Double = 10

    func validate() throws {
        try LedgerLocator.validate(timeout: ledgerTimeout)
    }

    /// What names the ledger: the flag, COSTGATE_LEDGER_URL, or the policy's `ledger:`.
    func chosen(_ locator: LedgerLocator) throws -> String {
        var policyLedger: String?
        if ledger == nil, locator.environment[LedgerLocator.variable]?.isEmpty ?? true,
           let source = PolicyOptions(policy: policy).source(fileSystem: LocalFileSystem()),
           let loaded = source.load(fileSystem: LocalFileSystem()).policy {
            policyLedger = loaded.ledgerPath
        }
        guard let (text, fromCommandLine) = locator.choose(flag: ledger, policy: policyLedger) else {
            throw ValidationError("no ledger: pass --ledger FILE|URL, set \(LedgerLocator.variable) or set 'ledger:' in the policy")
        }
        if let warning = locator.warning(about: text, fromCommandLine: fromCommandLine) { FileHandle.standardError.write(Data(warning.utf8)) }
        return text
    }

    func open() throws -> any Ledger {
        let locator = LedgerLocator(timeout: ledgerTimeout)
        let text = try chosen(locator)
        do {
            return try locator.open(text, create: false)
        } catch {
            throw LedgerOpenFailure(error: error)
        }
    }
}

struct LedgerListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List recorded runs.")

    @OptionGroup var file: LedgerFileOptions

    @Option(help: ArgumentHelp("Only this month.", valueName: "YYYY-MM"))
    var month: String?

    @Option(help: "Only this team.")
    var team: String?

    @Flag(help: "Include voided runs.")
    var all = false

    @Option(help: "Output format.")
    var format: ReportFormat = .text

    func run() throws {
        let terminal = Terminal.detect(noColor: false)
        var calendarMonth: CalendarMonth?
        if let month {
            guard let parsed = CalendarMonth(month) else { throw ValidationError("invalid --month '\(month)': expected YYYY-MM") }
            calendarMonth = parsed
        }
        let entries = try LedgerFailure.map { try file.open().entries(month: calendarMonth, team: team, includeVoided: all) }
        if format == .json {
            try terminal.out(LedgerReporter.json(entries))
        } else {
            try terminal.out(LedgerReporter.text(entries))
        }
    }
}

struct LedgerShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one recorded run.")

    @OptionGroup var file: LedgerFileOptions

    @Argument(help: "The run's id (from 'ledger list').")
    var id: Int64

    func run() throws {
        let entry = try LedgerFailure.map { try file.open().entry(id) }
        try Terminal.detect(noColor: false).out(LedgerReporter.detail(entry))
    }
}

struct LedgerVoidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "void", abstract: "Stop counting a recorded run (it stays on record).")

    @OptionGroup var file: LedgerFileOptions

    @Argument(help: "The run's id (from 'ledger list').")
    var id: Int64

    @Option(help: "Why the run no longer counts.")
    var reason: String

    func run() throws {
        let entry = try LedgerFailure.map { try file.open().void(id, reason: reason) }
        try Terminal.detect(noColor: false).out(LedgerReporter.detail(entry))
    }
}

struct LedgerMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create the ledger's schema, or bring it to this costgate's version.",
        discussion: """
        A shared PostgreSQL ledger is never migrated by a check: upgrade costgate on every runner first, then run this once. \
        A SQLite ledger is migrated whenever it is opened; this creates one or says its version.

        Examples:
          COSTGATE_LEDGER_URL=postgres://costgate@db.internal:5432/costgate?sslmode=verify-full costgate ledger migrate
          costgate ledger migrate --ledger spend.db
        """)

    @OptionGroup var file: LedgerFileOptions

    func run() throws {
        let locator = LedgerLocator(timeout: file.ledgerTimeout)
        let text = try file.chosen(locator)
        let (location, from, to) = try LedgerFailure.typed { () throws(LedgerError) -> (String, Int, Int) in
            switch try locator.location(text) {
            case .sqlite(let path):
                let before = try SQLiteLedger.storedVersion(path: path)
                return (path, before, try SQLiteLedger(path: path, busyTimeout: file.ledgerTimeout).schemaVersion())
            case .postgres(let url):
                let (from, to) = try PostgresLedger.migrate(url: url, timeout: file.ledgerTimeout)
                return (url.redacted, from, to)
            }
        }
        let line = from == to ? "the ledger \(location) is at schema version \(to), the current one"
            : from == 0 ? "created the ledger \(location) at schema version \(to)"
            : "migrated the ledger \(location) from schema version \(from) to \(to)"
        try Terminal.detect(noColor: false).out("costgate: \(line)\n")
    }
}

/// Ledger errors as exit 2 with the file named.
enum LedgerFailure {
    static func map<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            throw LedgerOpenFailure(error: error)
        }
    }

    static func typed<T>(_ body: () throws(LedgerError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw LedgerOpenFailure(error: error)
        }
    }
}
