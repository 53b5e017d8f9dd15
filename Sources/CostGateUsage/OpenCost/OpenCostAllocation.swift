import Foundation
import CostGateBasics

/// One allocation of an OpenCost response (`"<name>": {…}`) as a usage record.
package enum OpenCostAllocation {
    package struct Problem: Error {
        package var diagnostic: Diagnostic
    }

    /// OpenCost's names for cost nobody requested (`core/pkg/opencost`: `IdleSuffix`, `UnmountedSuffix`).
    package static let idle = "__idle__"
    package static let unmounted = "__unmounted__"
    /// The name part OpenCost uses when an allocation has no value for an aggregation key (`UnallocatedSuffix`).
    package static let unallocated = "__unallocated__"

    package static func read(_ member: JSONDocument.Member, file: String) -> Result<UsageRecord, Problem> {
        func failure(_ node: (line: Int, column: Int), _ message: String) -> Result<UsageRecord, Problem> {
            .failure(Problem(diagnostic: Diagnostic(.error, at: SourceLocation(file: file, line: node.line, column: node.column),
                                                    message, rule: "usage")))
        }
        let allocation = member.node
        guard case .object = allocation.value else {
            return failure((allocation.line, allocation.column), "allocation '\(member.key)' must be an object, found \(allocation.found)")
        }
        var name = member.key
        if let field = allocation.member("name") {
            guard case .string(let text) = field.node.value else {
                return failure((field.node.line, field.node.column), "'name' of allocation '\(member.key)' must be a string, found \(field.node.found)")
            }
            if !text.isEmpty { name = text }
        }

        // Cost.
        guard let total = allocation.member("totalCost") else {
            return failure((member.line, member.column), "allocation '\(name)' has no 'totalCost'")
        }
        let cost: Decimal
        switch total.node.value {
        case .number(let text):
            guard let value = UsageNumber.decimal(text) else {
                return failure((total.node.line, total.node.column), "'totalCost' '\(text)' is not a number")
            }
            cost = value
        case .null:
            return failure((total.node.line, total.node.column),
                           "'totalCost' of allocation '\(name)' is null (OpenCost could not compute it)")
        default:
            return failure((total.node.line, total.node.column), "'totalCost' of allocation '\(name)' must be a number, found \(total.node.found)")
        }
        var gpuHours: Decimal?
        if let hours = allocation.member("gpuHours") {
            switch hours.node.value {
            case .number(let text): gpuHours = UsageNumber.decimal(text)
            case .null: break
            default:
                return failure((hours.node.line, hours.node.column), "'gpuHours' of allocation '\(name)' must be a number, found \(hours.node.found)")
            }
        }

        // Times.
        func time(_ node: JSONDocument.Node?, _ key: String) -> Result<Date?, Problem> {
            guard let node else { return .success(nil) }
            switch node.value {
            case .null: return .success(nil)
            case .string(let text):
                guard let date = UsageTimestamp.parse(text, zone: .required) else {
                    return .failure(Problem(diagnostic: Diagnostic(.error, at: SourceLocation(file: file, line: node.line, column: node.column),
                        "'\(key)' of allocation '\(name)' is '\(text)', not an RFC 3339 time (2026-11-01T00:00:00Z)", rule: "usage")))
                }
                return .success(date)
            default:
                return .failure(Problem(diagnostic: Diagnostic(.error, at: SourceLocation(file: file, line: node.line, column: node.column),
                    "'\(key)' of allocation '\(name)' must be a time string, found \(node.found)", rule: "usage")))
            }
        }
        let window = allocation.member("window")?.node
        let start: Date?
        let end: Date?
        switch (time(allocation.member("start")?.node, "start"), time(window?.member("start")?.node, "window.start"),
                time(allocation.member("end")?.node, "end"), time(window?.member("end")?.node, "window.end")) {
        case (.success(let own), .success(let windowStart), .success(let ownEnd), .success(let windowEnd)):
            start = own ?? windowStart
            end = ownEnd ?? windowEnd
        case (.failure(let problem), _, _, _), (_, .failure(let problem), _, _), (_, _, .failure(let problem), _),
             (_, _, _, .failure(let problem)):
            return .failure(problem)
        }
        guard let start else {
            return failure((member.line, member.column), "allocation '\(name)' has no 'start' (nor 'window.start') to date it")
        }

        // Attribution.
        var attribution = UsageAttribution()
        var workload: String?
        if let properties = allocation.member("properties") {
            switch properties.node.value {
            case .null: break
            case .object:
                func string(_ key: String) -> String? {
                    guard case .string(let text)? = properties.node.member(key)?.node.value, !text.isEmpty else { return nil }
                    return text
                }
                attribution.namespace = string("namespace")
                workload = string("controller") ?? string("pod")
                var labels: [String: String] = [:]
                for key in ["namespaceLabels", "labels"] {
                    guard let map = properties.node.member(key) else { continue }
                    switch map.node.value {
                    case .null: continue
                    case .object(let pairs):
                        for pair in pairs {
                            switch pair.node.value {
                            case .string(let value): labels[pair.key] = value
                            case .number(let value): labels[pair.key] = value
                            case .bool(let value): labels[pair.key] = String(value)
                            default:
                                return failure((pair.node.line, pair.node.column),
                                               "label '\(pair.key)' of allocation '\(name)' must be a string, found \(pair.node.found)")
                            }
                        }
                    default:
                        return failure((map.node.line, map.node.column),
                                       "'properties.\(key)' of allocation '\(name)' must be an object, found \(map.node.found)")
                    }
                }
                attribution.labels = labels
            default:
                return failure((properties.node.line, properties.node.column),
                               "'properties' of allocation '\(name)' must be an object, found \(properties.node.found)")
            }
        }

        var shared = false
        var notes: [String] = []
        if name.contains(idle) {
            shared = true
            notes.append("idle cost (capacity no workload requested): shared")
        } else if name.contains(unmounted) {
            shared = true
            notes.append("unmounted volumes (no pod mounts them): shared")
        } else if name.contains(unallocated) {
            notes.append("unallocated: OpenCost found no value for an aggregation key")
        }
        // OpenCost's own placeholder names are not namespaces.
        if let namespace = attribution.namespace, namespace.hasPrefix("__"), namespace.hasSuffix("__") { attribution.namespace = nil }
        if shared { attribution.namespace = nil }

        return .success(UsageRecord(
            source: .opencost, location: SourceLocation(file: file, line: member.line, column: member.column), id: name,
            name: workload, start: start, end: end, month: CalendarMonth(containing: start), cost: cost, gpuHours: gpuHours,
            attribution: attribution, shared: shared, notes: notes))
    }
}
