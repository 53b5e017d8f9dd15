import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the CLI writes: standard output for reports, standard error for diagnostics and progress.
struct Terminal {
    var colorOutput: Bool
    var colorErrors: Bool

    static func detect(noColor: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        let allowed = !noColor && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        return Terminal(colorOutput: allowed && isatty(STDOUT_FILENO) == 1, colorErrors: allowed && isatty(STDERR_FILENO) == 1)
    }

    func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `path:line:column: severity: message [rule]`, the severity coloured on a terminal.
    func render(_ diagnostic: Diagnostic) -> String {
        guard colorErrors else { return diagnostic.rendered + "\n" }
        let code: String
        switch diagnostic.severity {
        case .error: code = "31"
        case .warning: code = "33"
        case .note: code = "36"
        }
        var text = "\u{1B}[1m\(diagnostic.location):\u{1B}[0m \u{1B}[1;\(code)m\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
        if let rule = diagnostic.ruleID { text += " [\(rule)]" }
        return text + "\n"
    }
}

import CostGateCore
