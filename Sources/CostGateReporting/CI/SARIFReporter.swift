import Foundation
import CostGateBasics
import CostGatePolicy

/// SARIF 2.1.0 for code scanning: one result per finding and per input problem, at the line and column
/// that cause it; waived findings carry a suppression; the run records costgate's exit code.
public enum SARIFReporter {
    public static let version = "0.1.0"

    public static func render(_ view: FindingsView) -> String {
        document(view).rendered()
    }

    public static func document(_ view: FindingsView) -> JSONValue {
        var rules: [String: String] = [:]
        var results: [JSONValue] = []
        for finding in view.prioritized {
            rules[finding.ruleID] = ruleDescription(finding.ruleID)
            var result: [String: JSONValue] = [
                "ruleId": .string("costgate/\(finding.ruleID)"),
                "level": .string(finding.level == .deny ? "error" : finding.level == .warn ? "warning" : "note"),
                "message": .object(["text": .string(finding.message)]),
                "locations": .array([location(finding.location)]),
            ]
            if let workload = finding.workload { result["properties"] = .object(["workload": .string(workload)]) }
            if let waiver = finding.waiver {
                result["suppressions"] = .array([.object([
                    "kind": .string("external"), "status": .string("accepted"),
                    "justification": .string("\(waiver.reason) (exception until \(waiver.expires), \(waiver.location))"),
                ])])
            }
            results.append(.object(result))
        }
        for diagnostic in view.diagnostics {
            let rule = diagnostic.ruleID ?? "input"
            rules[rule] = rules[rule] ?? "Input costgate could not use (\(rule))"
            results.append(.object([
                "ruleId": .string("costgate/\(rule)"),
                "level": .string(diagnostic.severity == .error ? "error" : "warning"),
                "message": .object(["text": .string(diagnostic.message)]),
                "locations": .array([location(diagnostic.location)]),
            ]))
        }
        let driver: JSONValue = .object([
            "name": .string("costgate"),
            "version": .string(version),
            "informationUri": .string("https://github.com/costgate/costgate"),
            "rules": .array(rules.keys.sorted().map { id in
                .object(["id": .string("costgate/\(id)"), "shortDescription": .object(["text": .string(rules[id]!)])])
            }),
        ])
        return .object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object([
                "tool": .object(["driver": driver]),
                "invocations": .array([.object([
                    "executionSuccessful": .bool(view.exitStatus != .inputUnusable && view.exitStatus != .internalError),
                    "exitCode": .int(Int(view.exitStatus.rawValue)),
                    "exitCodeDescription": .string(view.exitDescription),
                ])]),
                "results": .array(results),
                "properties": .object(["policy": .string(view.policyFile), "catalogDate": .string(view.catalogDate)]),
            ])]),
        ])
    }

    package static func location(_ location: SourceLocation) -> JSONValue {
        var physical: [String: JSONValue] = ["artifactLocation": .object(["uri": .string(uri(location.file))])]
        if location.line > 0 {
            physical["region"] = .object(["startLine": .int(location.line), "startColumn": .int(max(1, location.column))])
        }
        return .object(["physicalLocation": .object(physical)])
    }

    /// A relative URI reference: spaces and other reserved characters percent-encoded, `./` dropped.
    package static func uri(_ path: String) -> String {
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
    }

    package static func ruleDescription(_ id: String) -> String {
        BuiltinRule(rawValue: id)?.summary ?? "Policy rule \(id)"
    }
}
