import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateEstimation
import CostGateRun

/// The versioned JSON schema of `costgate estimate --format json` (documented in docs/json-schema.md).
public enum EstimateJSONReporter {
    public static let schemaVersion = 1
    /// Raised when members are added within `schemaVersion` (1: unpriced workloads listed, `reading`).
    public static let schemaMinorVersion = 1

    public static func render(_ result: EstimationResult) -> String {
        String(decoding: renderBytes(result), as: UTF8.self)
    }

    /// The document as UTF-8.
    public static func renderBytes(_ result: EstimationResult) -> [UInt8] {
        let chunks = renderChunks(result)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        for chunk in chunks { bytes.append(contentsOf: chunk) }
        return bytes
    }

    /// The document as consecutive pieces of UTF-8, for writing straight out (`writev`): the
    /// workloads, most of it, are each rendered on all cores with their separators, and never
    /// copied into one buffer (megabytes of copying and fresh pages, on one core, at the end).
    /// The head (totals, diagnostics, catalog) is the first piece of the same parallel map, so one
    /// core sums the totals while the others start on the workloads.
    public static func renderChunks(_ result: EstimationResult) -> [[UInt8]] {
        let count = result.workloadCount
        // Each estimate read in place through `pointee`: `result.estimates[index]`, and even a
        // buffer's subscript, copied it (a retain and a release per field).
        var pieces = result.estimates.withUnsafeBufferPointer { buffer in
            nonisolated(unsafe) let base = buffer.baseAddress
            let rows = result.unpriced.isEmpty ? nil : result.rows
            return parallelMap(Array(0...count)) { piece in
                guard piece > 0 else { return head(result, hasWorkloads: count > 0) }
                let position = piece - 1
                let suffix: StaticString = position == count - 1 ? "\n" : ",\n"
                switch rows?[position] ?? .priced(position) {
                case .priced(let index): return workload(base! + index, indent: 4, prefix: "    ", suffix: suffix)
                case .unpriced(let index): return unpricedWorkload(result.unpriced[index], indent: 4, prefix: "    ", suffix: suffix)
                }
            }
        }
        pieces.append(Array(((count == 0 ? "" : "  ]") + "\n}\n").utf8))
        return pieces
    }

    /// Every member but `workloads`, then the opening of `workloads`, its last member.
    private static func head(_ result: EstimationResult, hasWorkloads: Bool) -> [UInt8] {
        let members = self.members(result)
        assert(members.keys.allSatisfy { $0 < "workloads" }, "'workloads' must stay the last key")
        var head = JSONValue.object(members).fragment(indent: 0)
        head.removeLast(2)   // "\n}": the object is reopened for its last member
        head.append(contentsOf: ",\n  \"workloads\": ".utf8)
        head.append(contentsOf: (hasWorkloads ? "[\n" : "[]").utf8)
        return head
    }

    public static func document(_ result: EstimationResult) -> JSONValue {
        var members = self.members(result)
        // Rendered on all cores, at their final indentation.
        members["workloads"] = .array(result.rows.map { row in
            switch row {
            case .priced(let index): return .rendered(workload(result.estimates[index], indent: 4))
            case .unpriced(let index): return .rendered(unpricedWorkload(result.unpriced[index], indent: 4))
            }
        })
        return .object(members)
    }

    /// Every top-level member but `workloads`.
    package static func members(_ result: EstimationResult) -> [String: JSONValue] {
        let totals = result.totals
        return [
            "schemaVersion": .int(schemaVersion),
            "schemaMinorVersion": .int(schemaMinorVersion),
            "reading": reading(ReadingSummary(result)),
            "catalog": .object([
                "source": .string("costgate built-in catalog"),
                "date": .string(result.catalogDate),
                "sources": .array(result.catalogSources.map(JSONValue.string)),
            ]),
            "month": .string(result.month.description),
            "totals": .object([
                "oneOff": costObject(totals.oneOff),
                "monthly": costObject(totals.monthly),
            ]),
            "diagnostics": .array(result.diagnostics.map(diagnostic)),
        ]
    }

    /// One workload at `indent`, written straight to bytes: workloads are most of the document, and
    /// building a `JSONValue` per member (then sorting its keys) cost more than pricing them.
    /// `gate` is `costgate check`'s verdict for the workload, a member of its own.
    package static func workload(_ estimate: Estimate, indent: Int, gate: JSONValue? = nil,
                         prefix: StaticString = "", suffix: StaticString = "") -> [UInt8] {
        withUnsafePointer(to: estimate) { workload($0, indent: indent, gate: gate, prefix: prefix, suffix: suffix) }
    }

    /// The same, read in place: a value passed from an array or a buffer is copied for the call
    /// (a retain and a release per string and array it holds); through a pointer, only the fields
    /// read are.
    package static func workload(_ estimate: UnsafePointer<Estimate>, indent: Int, gate: JSONValue? = nil,
                         prefix: StaticString = "", suffix: StaticString = "") -> [UInt8] {
        var json = JSONOutput(indent: indent)
        json.beginObject()
        json.key("accelerators"); range(estimate.pointee.workload.acceleratorCount, to: &json)
        json.key("apiVersion"); json.string(estimate.pointee.workload.apiVersion)
        json.key("arrayTasks"); json.int(estimate.pointee.workload.arrayTasks)
        json.key("assumptions"); json.strings(estimate.pointee.assumptions)
        json.key("capacity"); json.string(estimate.pointee.workload.capacity.rawValue)
        json.key("cost"); cost(estimate.pointee.cost, to: &json)
        json.key("durationHours"); json.decimal(estimate.pointee.workload.durationHours, rounded: 6)
        json.key("durationSource"); json.string(estimate.pointee.workload.durationSource.rawValue)
        if let gate { json.key("gate"); json.value(gate) }
        json.key("id"); json.string(estimate.pointee.workload.id)
        json.key("kind"); json.string(estimate.pointee.workload.kind)
        json.key("name"); json.string(estimate.pointee.workload.name)
        json.key("namespace"); json.string(estimate.pointee.workload.namespace)
        json.key("priced"); json.bool(true)
        json.key("pricing")
        json.beginObject()
        json.key("provider"); json.string(estimate.pointee.provider.rawValue)
        json.key("region"); json.string(estimate.pointee.region)
        json.endObject()
        json.key("roles")
        json.beginArray()
        for index in 0..<min(estimate.pointee.workload.roles.count, estimate.pointee.prices.count) {
            json.item()
            role(estimate.pointee.workload.roles[index], estimate.pointee.prices[index], to: &json)
        }
        json.endArray()
        json.key("runsPerMonth"); json.int(estimate.pointee.workload.runsPerMonth)
        json.key("source"); location(estimate.pointee.workload.source, to: &json)
        if estimate.pointee.spot != nil {
            json.key("spot")
            json.beginObject()
            json.key("checkpointIntervalHours"); json.double(estimate.pointee.spot!.checkpointIntervalHours)
            json.key("expectedInterruptions"); json.double(estimate.pointee.spot!.expectedInterruptions)
            json.key("gangSize"); json.int(estimate.pointee.spot!.gangSize)
            json.key("maxRuntimeHours"); json.double(estimate.pointee.spot!.maxRuntimeHours)
            json.key("mtbiHours"); json.double(estimate.pointee.spot!.mtbiHours)
            json.key("pNoInterruption"); json.double(estimate.pointee.spot!.pNoInterruption)
            json.key("ratePerInstanceHour"); json.double(estimate.pointee.spot!.ratePerInstanceHour)
            json.key("rateSource"); json.string(estimate.pointee.spot!.rateSource)
            json.key("recommendation"); json.string(estimate.pointee.spot!.recommendation)
            json.key("recommendationReason"); json.string(estimate.pointee.spot!.recommendationReason)
            json.key("recommendedCheckpointIntervalHours"); json.double(estimate.pointee.spot!.recommendedCheckpointIntervalHours)
            json.endObject()
        }
        json.key("timeLimitSeconds"); json.int(estimate.pointee.workload.timeLimitSeconds)
        json.endObject()
        return json.finish(prefix: prefix, suffix: suffix)
    }

    /// A workload that cannot be priced: everything read of it, `priced: false`, `cost` and `pricing`
    /// null, and the diagnostic that says why (the same as in `diagnostics`, with its `reason`).
    package static func unpricedWorkload(_ item: UnpricedWorkload, indent: Int, gate: JSONValue? = nil,
                                 prefix: StaticString = "", suffix: StaticString = "") -> [UInt8] {
        let workload = item.workload
        var json = JSONOutput(indent: indent)
        json.beginObject()
        json.key("accelerators"); range(workload.acceleratorCount, to: &json)
        json.key("apiVersion"); json.string(workload.apiVersion)
        json.key("arrayTasks"); json.int(workload.arrayTasks)
        json.key("assumptions"); json.strings(workload.assumptions)
        json.key("capacity"); json.string(workload.capacity.rawValue)
        json.key("cost"); json.null()
        json.key("diagnostic")
        var diagnostic = self.diagnostic(item.error.diagnostic)
        if case .object(var members) = diagnostic {
            members["reason"] = .string(item.error.reason)
            diagnostic = .object(members)
        }
        json.value(diagnostic)
        json.key("durationHours"); json.decimal(workload.durationHours, rounded: 6)
        json.key("durationSource"); json.string(workload.durationSource.rawValue)
        if let gate { json.key("gate"); json.value(gate) }
        json.key("id"); json.string(workload.id)
        json.key("kind"); json.string(workload.kind)
        json.key("name"); json.string(workload.name)
        json.key("namespace"); json.string(workload.namespace)
        json.key("priced"); json.bool(false)
        json.key("pricing"); json.null()
        json.key("roles")
        json.beginArray()
        for role in workload.roles {
            json.item()
            self.role(role, nil, to: &json)
        }
        json.endArray()
        json.key("runsPerMonth"); json.int(workload.runsPerMonth)
        json.key("source"); location(workload.source, to: &json)
        json.key("timeLimitSeconds"); json.int(workload.timeLimitSeconds)
        json.endObject()
        return json.finish(prefix: prefix, suffix: suffix)
    }

    package static func reading(_ summary: ReadingSummary) -> JSONValue {
        .object([
            "files": .int(summary.files), "workloads": .int(summary.workloads), "priced": .int(summary.priced),
            "unpriced": .int(summary.unpriced), "unreadGPUDocuments": .int(summary.unreadGPUDocuments),
            "warnings": .int(summary.warnings), "errors": .int(summary.errors),
        ])
    }

    package static func role(_ role: WorkloadRole, _ price: RolePrice?, to json: inout JSONOutput) {
        json.beginObject()
        json.key("accelerator")
        if let accelerator = role.accelerator {
            json.beginObject()
            json.key("count"); json.int(accelerator.count)
            if accelerator.fraction != 1 { json.key("fraction"); json.decimal(accelerator.fraction, rounded: 6) }
            json.key("model"); json.string(price?.model?.id ?? accelerator.model?.id)
            json.key("resource"); json.string(accelerator.resource)
            json.endObject()
        } else {
            json.null()
        }
        json.key("cpu"); json.decimal(role.cpu, rounded: 3)
        json.key("memoryBytes"); json.int(Int(role.memoryBytes))
        json.key("name"); json.string(role.name)
        json.key("pricePerReplicaHour")
        if let price {
            json.beginObject()
            json.key("onDemand"); json.decimal(price.onDemandPerHour, rounded: 6)
            json.key("spot")
            if let spot = price.spotPerHour { json.decimal(spot, rounded: 6) } else { json.null() }
            json.endObject()
        } else {
            json.null()
        }
        json.key("replicas"); range(role.replicas, to: &json)
        json.endObject()
    }

    package static func range(_ range: ReplicaRange, to json: inout JSONOutput) {
        json.beginObject()
        json.key("max"); json.int(range.max)
        json.key("min"); json.int(range.min)
        json.key("nominal"); json.int(range.nominal)
        json.endObject()
    }

    package static func cost(_ cost: CostFigures, to json: inout JSONOutput) {
        json.beginObject()
        json.key("expected"); json.money(cost.expected)
        json.key("max"); json.money(cost.max)
        json.key("min"); json.money(cost.min)
        json.key("onDemand"); json.money(cost.onDemand)
        json.key("p50"); json.money(cost.p50)
        json.key("p90"); json.money(cost.p90)
        json.key("p99"); json.money(cost.p99)
        json.endObject()
    }

    package static func location(_ location: SourceLocation, to json: inout JSONOutput) {
        json.beginObject()
        json.key("column"); json.int(location.column)
        json.key("document"); json.int(location.document)
        json.key("file"); json.string(location.file)
        json.key("line"); json.int(location.line)
        json.endObject()
    }

    /// A source location as a `JSONValue`, for the smaller documents.
    package static func location(_ location: SourceLocation) -> JSONValue {
        .object([
            "file": .string(location.file), "line": .int(location.line), "column": .int(location.column),
            "document": .optional(location.document),
        ])
    }

    package static func costObject(_ cost: CostFigures) -> JSONValue {
        .object([
            "expected": .money(cost.expected), "onDemand": .money(cost.onDemand), "min": .money(cost.min), "max": .money(cost.max),
            "p50": cost.p50.map(JSONValue.money) ?? .null, "p90": cost.p90.map(JSONValue.money) ?? .null,
            "p99": cost.p99.map(JSONValue.money) ?? .null,
        ])
    }

    package static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            "file": .string(diagnostic.location.file),
            "line": .int(diagnostic.location.line),
            "column": .int(diagnostic.location.column),
            "severity": .string(diagnostic.severity.rawValue),
            "message": .string(diagnostic.message),
            "rule": .optional(diagnostic.ruleID),
        ])
    }
}
