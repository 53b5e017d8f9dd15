import Foundation
import CostGateBasics

/// JUnit XML for GitLab, Jenkins and the like: one test case per workload (failed by its denies), one per
/// team-wide finding, and an error case per unusable input.
public enum JUnitReporter {
    public static func render(_ view: FindingsView) -> String {
        var cases: [String] = []
        var failures = 0
        var errors = 0
        for row in view.workloads {
            let mine = view.findings.filter { $0.workload == row.id }
            let denies = mine.filter { $0.counts && $0.level == .deny }
            var body = ""
            if !denies.isEmpty {
                failures += 1
                let message = denies.map { "\($0.location): \($0.message) [\($0.ruleID)]" }.joined(separator: "\n")
                body += "      <failure message=\"\(escape(denies[0].message))\" type=\"\(escape(denies[0].ruleID))\">\(escape(message))</failure>\n"
            }
            let others = mine.filter { !($0.counts && $0.level == .deny) }
            if !others.isEmpty {
                let text = others.map { "\($0.level.rawValue)\($0.counts ? "" : " (waived)"): \($0.location): \($0.message) [\($0.ruleID)]" }
                body += "      <system-out>\(escape(text.joined(separator: "\n")))</system-out>\n"
            }
            let name = "\(row.name) (\(MoneyFormat.usd(row.monthly)))"
            cases.append("    <testcase classname=\"\(escape(row.team ?? "unowned"))\" name=\"\(escape(name))\" file=\"\(escape(row.source.file))\" "
                         + "line=\"\(row.source.line)\"" + (body.isEmpty ? "/>" : ">\n\(body)    </testcase>"))
        }
        for finding in view.findings where finding.workload == nil && finding.level != .note {
            let failed = finding.counts && finding.level == .deny
            if failed { failures += 1 }
            let body = failed ? "\n      <failure message=\"\(escape(finding.message))\" type=\"\(escape(finding.ruleID))\"/>\n    "
                : "\n      <system-out>\(escape(finding.message))</system-out>\n    "
            cases.append("    <testcase classname=\"\(escape(finding.team ?? "policy"))\" name=\"\(escape(finding.ruleID))\" "
                         + "file=\"\(escape(finding.location.file))\" line=\"\(finding.location.line)\">\(body)</testcase>")
        }
        for diagnostic in view.diagnostics where diagnostic.severity == .error {
            errors += 1
            cases.append("    <testcase classname=\"input\" name=\"\(escape(diagnostic.location.description))\" file=\"\(escape(diagnostic.location.file))\">\n"
                         + "      <error message=\"\(escape(diagnostic.message))\" type=\"\(escape(diagnostic.ruleID ?? "input"))\"/>\n    </testcase>")
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="costgate" tests="\(cases.count)" failures="\(failures)" errors="\(errors)">
          <testsuite name="costgate \(escape(view.policyFile))" tests="\(cases.count)" failures="\(failures)" errors="\(errors)">
        \(cases.joined(separator: "\n"))
          </testsuite>
        </testsuites>

        """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters.
                if let scalar = character.unicodeScalars.first, scalar.value < 0x20, !"\n\t\r".unicodeScalars.contains(scalar) { continue }
                out.append(character)
            }
        }
        return out
    }
}
