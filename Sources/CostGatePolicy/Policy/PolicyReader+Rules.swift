import Foundation
import CostGateBasics
import CostGateYAML
import CostGateWorkloads

extension PolicyReader {
    package static let ruleKeys = ["id", "message", "severity", "match"] + RuleCheck.keys
    package static let selectorKeys = ["workloads", "namespaces", "kinds", "teams", "gpus"]
    package static let exceptionKeys = ["workload", "team", "perRun", "monthly", "gpusPerWorkload", "waive", "expires", "reason"]

    package mutating func readRules(_ root: NodeCursor, teams: [String]) -> [PolicyRule] {
        var rules: [PolicyRule] = []
        var seen: [String: SourceLocation] = [:]
        for item in attempt({ () throws(ManifestError) in try root.child("rules")?.items() ?? [] }) ?? [] {
            checkAllKeys(item, allowed: Self.ruleKeys)
            let rule = attempt { () throws(ManifestError) -> PolicyRule in
                let idNode = try PolicyValues.required(item, "id")
                let id = try idNode.string()
                guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
                    throw .invalidValue(path: idNode.path, value: id, reason: "rule ids are letters, digits, '-', '_' and '.'", at: idNode.location)
                }
                if PolicyRule.reservedIDs.contains(id) {
                    throw .invalidValue(path: idNode.path, value: id, reason: "'\(id)' names a built-in quota check; choose another id",
                                        at: idNode.location)
                }
                if let first = seen[id] {
                    throw .invalidValue(path: idNode.path, value: id, reason: "rule ids must be unique (first used at line \(first.line))",
                                        at: idNode.location)
                }
                seen[id] = idNode.location
                let message = try PolicyValues.required(item, "message").string()
                let severity = try item.child("severity").map { n throws(ManifestError) in try PolicyValues.choice(n, RuleSeverity.self) } ?? .deny
                let selector = try Self.readSelector(item.child("match"), teams: teams)
                return PolicyRule(id: id, message: message, severity: severity, selector: selector, check: try Self.readCheck(item),
                                  location: idNode.location)
            }
            if let rule { rules.append(rule) }
        }
        return rules
    }

    private static func readCheck(_ item: NodeCursor) throws(ManifestError) -> RuleCheck {
        let given = try item.entries().filter { RuleCheck.keys.contains($0.key) }
        guard given.count == 1, let (key, _, node) = given.first.map({ ($0.key, $0.keyLocation, $0.value) }) else {
            if given.count > 1 {
                throw .invalidValue(path: given[1].value.path, value: given.map(\.key).joined(separator: ", "),
                                    reason: "a rule has exactly one check; split it into one rule per check", at: given[1].keyLocation)
            }
            throw .missingField(path: "\(item.path).<check> (one of \(RuleCheck.keys.joined(separator: ", ")))", at: item.location)
        }
        switch key {
        case "forbidCapacity":
            let names = try PolicyValues.strings(node)
            var kinds = Set<CapacityType>()
            for name in names {
                guard let kind = CapacityType(rawValue: name) else {
                    let allowed = ["spot", "on-demand", "unknown"]
                    throw .invalidValue(path: node.path, value: name, reason: "expected spot, on-demand or unknown"
                                        + Suggestion.didYouMean(name, in: allowed), at: node.location)
                }
                kinds.insert(kind)
            }
            return .forbidCapacity(kinds)
        case "requireSpotOverGPUHours":
            return .requireSpotOverGPUHours(try PolicyValues.money(node, what: "GPU-hours, e.g. 512"))
        case "maxDuration":
            return .maxDurationHours(try PolicyValues.hours(node))
        case "requireDuration":
            guard try node.bool() else { throw .invalidValue(path: node.path, value: "false", reason: "write true, or remove the rule", at: node.location) }
            return .requireDeclaredDuration
        default:
            guard try node.bool() else { throw .invalidValue(path: node.path, value: "false", reason: "write true, or remove the rule", at: node.location) }
            return .requireCheckpointOnSpot
        }
    }

    private static func readSelector(_ node: NodeCursor?, teams: [String]) throws(ManifestError) -> WorkloadSelector {
        guard let node else { return WorkloadSelector() }
        try PolicyValues.checkKeys(node, allowed: Self.selectorKeys)
        var selector = WorkloadSelector(workloads: try PolicyValues.globs(node.child("workloads")),
                                        namespaces: try PolicyValues.globs(node.child("namespaces")),
                                        kinds: try node.child("kinds").map { n throws(ManifestError) in try PolicyValues.strings(n) } ?? [])
        if let teamNode = try node.child("teams") {
            selector.teams = try PolicyValues.strings(teamNode)
            try Self.checkTeams(selector.teams, known: teams, at: teamNode)
        }
        if let gpuNode = try node.child("gpus") {
            let items: [NodeCursor] = if case .scalar = gpuNode.node.content { [gpuNode] } else { try gpuNode.items() }
            selector.gpus = try items.map { item throws(ManifestError) in try PolicyValues.gpuModel(item) }
        }
        return selector
    }

    private static func checkTeams(_ names: [String], known: [String], at node: NodeCursor) throws(ManifestError) {
        for name in names where !known.contains(name) {
            throw .invalidValue(path: node.path, value: name, reason: "no team of that name" + Suggestion.didYouMean(name, in: known),
                                at: node.location)
        }
    }

    package mutating func readExceptions(_ root: NodeCursor, teams: [String], rules: [String]) -> [PolicyException] {
        var exceptions: [PolicyException] = []
        let waivable = rules + BuiltinRule.allCases.filter(\.isWaivable).map(\.id).sorted()
        for item in attempt({ () throws(ManifestError) in try root.child("exceptions")?.items() ?? [] }) ?? [] {
            checkAllKeys(item, allowed: Self.exceptionKeys)
            let exception = attempt { () throws(ManifestError) -> PolicyException in
                let workload = try item.child("workload")
                let team = try item.child("team")
                let target: PolicyException.Target
                switch (workload, team) {
                case (let node?, nil): target = .workload(Glob(try node.string()))
                case (nil, let node?):
                    let name = try node.string()
                    try Self.checkTeams([name], known: teams, at: node)
                    target = .team(name)
                case (_?, _?):
                    throw .invalidValue(path: item.path, value: "workload and team", reason: "an exception names either a workload or a team",
                                        at: item.location)
                case (nil, nil):
                    throw .missingField(path: "\(item.path).workload (or team)", at: item.location)
                }
                let expiresNode = try PolicyValues.required(item, "expires")
                let expiresText = try expiresNode.string()
                guard let expires = CalendarDay(expiresText) else {
                    throw .invalidValue(path: expiresNode.path, value: expiresText, reason: "expected a date YYYY-MM-DD (the last day it applies)",
                                        at: expiresNode.location)
                }
                let reason = try PolicyValues.required(item, "reason").string()
                guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw .invalidValue(path: "\(item.path).reason", value: reason, reason: "say why the exception exists", at: item.location)
                }
                let monthly = try item.child("monthly")
                if let monthly, case .workload = target {
                    throw .invalidValue(path: monthly.path, value: "monthly",
                                        reason: "the monthly quota is a team's: raise it with an exception for 'team'", at: monthly.location)
                }
                var waive: [String] = []
                if let waiveNode = try item.child("waive") {
                    waive = try PolicyValues.strings(waiveNode)
                    for id in waive where !waivable.contains(id) {
                        throw .invalidValue(path: waiveNode.path, value: id,
                                            reason: "no rule of that id" + Suggestion.didYouMean(id, in: waivable), at: waiveNode.location)
                    }
                    if case .workload = target, let teamWide = waive.first(where: { $0 == BuiltinRule.monthlyQuota.id || $0 == BuiltinRule.increaseQuota.id }) {
                        throw .invalidValue(path: waiveNode.path, value: teamWide,
                                            reason: "'\(teamWide)' is a team's finding: waive it with an exception for 'team'", at: waiveNode.location)
                    }
                    if case .team = target, waive.contains(BuiltinRule.unowned.id) {
                        throw .invalidValue(path: waiveNode.path, value: BuiltinRule.unowned.id,
                                            reason: "a team's workloads are never unowned: waive it for a 'workload'", at: waiveNode.location)
                    }
                }
                let exception = PolicyException(
                    target: target, perRun: try item.child("perRun").map { n throws(ManifestError) in try PolicyValues.money(n) },
                    monthly: try monthly.map { n throws(ManifestError) in try PolicyValues.money(n) },
                    gpusPerWorkload: try item.child("gpusPerWorkload").map { n throws(ManifestError) in try PolicyValues.positiveInt(n) },
                    waive: waive, expires: expires, reason: reason, location: item.location)
                if exception.perRun == nil, exception.monthly == nil, exception.gpusPerWorkload == nil, waive.isEmpty {
                    throw .missingField(path: "\(item.path).perRun, monthly, gpusPerWorkload or waive (what the exception allows)",
                                        at: item.location)
                }
                return exception
            }
            if let exception { exceptions.append(exception) }
        }
        return exceptions
    }
}
