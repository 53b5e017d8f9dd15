import ArgumentParser
import CostGateCore
import Foundation

/// `costgate ledger list|show|void`
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The runs 'costgate check --record' approved: list, show, void.",
        discussion: """
        Examples:
          costgate ledger list --ledger spend.db --month 2026-11 --team research
          costgate ledger show 42 --ledger spend.db
          costgate ledger void 42 --reason "run cancelled before it started" --ledger spend.db
        """,
        subcommands: [LedgerListCommand.self, LedgerShowCommand.self, LedgerVoidCommand.self])
}

struct LedgerFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The ledger file (default: the 'ledger:' of the policy found at the repository root).", valueName: "file"))
    var ledger: String?

    @Option(help: ArgumentHelp("The policy naming the ledger.", valueName: "file"))
    var policy: String?

    func open() throws -> Ledger {
        var path = ledger
        if path == nil, let source = PolicyOptions(policy: policy).source(fileSystem: LocalFileSystem()),
           let loaded = source.load(fileSystem: LocalFileSystem()).policy {
            path = loaded.ledgerPath
        }
        guard let path else { throw ValidationError("no ledger: pass --ledger FILE or set 'ledger:' in the policy") }
        do {
            return try Ledger.existing(path: path)
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

    @Option(help: ArgumentHelp("Output format.", valueName: "text|json"))
    var format: String = "text"

    func run() throws {
        let terminal = Terminal.detect(noColor: false)
        var calendarMonth: CalendarMonth?
        if let month {
            guard let parsed = CalendarMonth(month) else { throw ValidationError("invalid --month '\(month)': expected YYYY-MM") }
            calendarMonth = parsed
        }
        guard ["text", "json"].contains(format) else { throw ValidationError("unknown format '\(format)': expected text or json") }
        let entries = try LedgerFailure.map { try file.open().entries(month: calendarMonth, team: team, includeVoided: all) }
        if format == "json" {
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

/// Ledger errors as exit 2 with the file named.
enum LedgerFailure {
    static func map<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            throw LedgerOpenFailure(error: error)
        }
    }
}
