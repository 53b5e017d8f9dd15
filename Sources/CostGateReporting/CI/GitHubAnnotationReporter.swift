import Foundation
import CostGateBasics
import CostGatePolicy

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message` at the real place.
/// GitHub shows at most 10 errors and 10 warnings per step, so denies come first and the rest is counted
/// in one notice that points to the job summary.
public enum GitHubAnnotationReporter {
    public static let limitPerLevel = 10

    public static func render(_ view: FindingsView) -> String {
        var lines: [String] = []
        var shown: [String: Int] = [:]
        var hidden = 0
        func emit(_ command: String, _ location: SourceLocation, title: String, message: String) {
            guard shown[command, default: 0] < limitPerLevel else {
                hidden += 1
                return
            }
            shown[command, default: 0] += 1
            var properties = ["file=\(property(location.file))"]
            if location.line > 0 {
                properties += ["line=\(location.line)", "col=\(max(1, location.column))"]
            }
            properties.append("title=\(property(title))")
            lines.append("::\(command) \(properties.joined(separator: ","))::\(data(message))")
        }
        for diagnostic in view.diagnostics where diagnostic.severity == .error {
            emit("error", diagnostic.location, title: "costgate: unusable input", message: diagnostic.message)
        }
        for finding in view.prioritized where finding.level != .note || finding.ruleID == BuiltinRule.exceptionUnused.id {
            let command = !finding.counts ? "notice" : finding.level == .deny ? "error" : finding.level == .warn ? "warning" : "notice"
            var message = finding.message
            if let waiver = finding.waiver { message += " (waived until \(waiver.expires): \(waiver.reason))" }
            if finding.showback { message += " (showback: not enforced)" }
            emit(command, finding.location, title: "costgate/\(finding.ruleID)", message: message)
        }
        if hidden > 0 {
            lines.append("::notice title=costgate::\(hidden) more finding\(hidden == 1 ? "" : "s") not annotated (GitHub shows \(limitPerLevel) "
                         + "per level and step); the job summary and the SARIF report have them all")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Property values: `%`, CR, LF, `:` and `,` escaped as the runner expects.
    package static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// Message data: `%`, CR and LF escaped.
    package static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }
}
