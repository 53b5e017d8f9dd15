import ArgumentParser
import CostGateCore
import Foundation
import CostGateBasics

extension CostgateCommand {
    /// `estimate` and `check`, the commands pipelines run on every change, parsed as roots of their
    /// own: parsing through the root reflects every subcommand's arguments first (about 2 ms of a
    /// run). Nil, and the whole tree parses, whenever the fast path does not yield a command: help,
    /// completion scripts and every usage error come from the root, as they always did.
    static func fastPath(_ arguments: [String]?) -> ParsableCommand? {
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        // Only the command itself: help comes back as a command of argument-parser's own.
        case "estimate": return (try? EstimateCommand.parseAsRoot(Array(arguments.dropFirst()))) as? EstimateCommand
        case "check": return (try? CheckCommand.parseAsRoot(Array(arguments.dropFirst()))) as? CheckCommand
        default: return nil
        }
    }

    /// Starts building the built-in catalog (on its own thread) before the arguments are parsed, so
    /// the two overlap: for one manifest the catalog, not the reading, is what a run waits for. Not
    /// for help and version, which never price anything.
    static func startCatalogBuild(_ arguments: [String]) {
        guard let first = arguments.first, !["help", "--version", "--generate-completion-script"].contains(first),
              !arguments.contains(where: { $0 == "-h" || $0 == "--help" }) else { return }
        _ = PriceCatalog.builtin
    }

    /// Parses and runs a command, mapping every outcome to costgate's exit codes: argument-parser
    /// would map an unexpected error to 1, which reads as "over budget"; here it is 70.
    public static func runAndExit(_ arguments: [String]? = nil) -> Never {
        startCatalogBuild(arguments ?? Array(CommandLine.arguments.dropFirst()))
        var command: ParsableCommand
        do {
            command = try fastPath(arguments) ?? parseAsRoot(arguments)
        } catch {
            exit(withError: error)   // help → 0, usage errors → 64
        }
        do {
            try command.run()
            Foundation.exit(ExitStatus.success.rawValue)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let failure as LedgerOpenFailure {
            FileHandle.standardError.write(Data((failure.error.diagnostic.rendered + "\n").utf8))
            Foundation.exit(ExitStatus.inputUnusable.rawValue)
        } catch let error as ValidationError {
            exit(withError: error)
        } catch let error as CleanExit {
            exit(withError: error)
        } catch {
            // argument-parser's own errors (help, version) keep its exit codes; anything else is a bug.
            guard exitCode(for: error) == .failure else { exit(withError: error) }
            FileHandle.standardError.write(Data("costgate: internal error: \(error)\n".utf8))
            Foundation.exit(ExitStatus.internalError.rawValue)
        }
    }
}
