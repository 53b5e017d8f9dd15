import ArgumentParser
import CostGateCore
import Foundation

extension CostgateCommand {
    /// Parses and runs a command, mapping every outcome to costgate's exit codes: argument-parser
    /// would map an unexpected error to 1, which reads as "over budget"; here it is 70.
    public static func runAndExit(_ arguments: [String]? = nil) -> Never {
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
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
