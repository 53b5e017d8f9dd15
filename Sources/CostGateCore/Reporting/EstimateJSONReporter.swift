import Foundation

/// The versioned JSON schema of `costgate estimate --format json` (documented in docs/json-schema.md).
public enum EstimateJSONReporter {
    public static let schemaVersion = 1

    public static func render(_ result: EstimationResult) -> String {
        document(result).rendered()
    }

    public static func document(_ result: EstimationResult) -> JSONValue {
        .object([
            "schemaVersion": .int(schemaVersion),
            "catalog": .object([
                "source": .string("costgate built-in catalog"),
                "date": .string(result.catalogDate),
                "sources": .array(result.catalogSources.map(JSONValue.string)),
            ]),
            "month": .string(result.month.description),
            // Workloads are most of the document: rendered on all cores, at their final indentation.
            "workloads": .array(parallelMap(result.estimates) { .rendered(workload($0).fragment(indent: 4)) }),
            "totals": .object([
                "oneOff": costObject(result.oneOffTotal),
                "monthly": costObject(result.monthlyTotal),
            ]),
            "diagnostics": .array(result.diagnostics.map(diagnostic)),
        ])
    }

    static func workload(_ estimate: Estimate) -> JSONValue {
        let workload = estimate.workload
        var members: [String: JSONValue] = [
            "id": .string(workload.id),
            "source": location(workload.source),
            "kind": .string(workload.kind),
            "apiVersion": .optional(workload.apiVersion),
            "name": .string(workload.name),
            "namespace": .optional(workload.namespace),
            "roles": .array(zip(workload.roles, estimate.prices).map(role)),
            "accelerators": range(workload.acceleratorCount),
            "capacity": .string(workload.capacity.rawValue),
            "durationHours": .decimal(workload.durationHours.rounded(6)),
            "durationSource": .string(workload.durationSource.rawValue),
            "timeLimitSeconds": .optional(workload.timeLimitSeconds),
            "arrayTasks": .optional(workload.arrayTasks),
            "runsPerMonth": .optional(workload.runsPerMonth),
            "pricing": .object(["provider": .string(estimate.provider.rawValue), "region": .string(estimate.region)]),
            "cost": costObject(estimate.cost),
            "assumptions": .array(estimate.assumptions.map(JSONValue.string)),
        ]
        if let spot = estimate.spot {
            members["spot"] = .object([
                "ratePerInstanceHour": .double(spot.ratePerInstanceHour),
                "rateSource": .string(spot.rateSource),
                "gangSize": .int(spot.gangSize),
                "mtbiHours": .optional(spot.mtbiHours),
                "expectedInterruptions": .double(spot.expectedInterruptions),
                "checkpointIntervalHours": .optional(spot.checkpointIntervalHours),
                "recommendedCheckpointIntervalHours": .optional(spot.recommendedCheckpointIntervalHours),
                "recommendation": .string(spot.recommendation),
                "recommendationReason": .string(spot.recommendationReason),
                "pNoInterruption": .optional(spot.pNoInterruption),
                "maxRuntimeHours": .optional(spot.maxRuntimeHours),
            ])
        }
        return .object(members)
    }

    static func role(_ role: WorkloadRole, _ price: RolePrice) -> JSONValue {
        var members: [String: JSONValue] = [
            "name": .string(role.name),
            "replicas": range(role.replicas),
            "cpu": .decimal(role.cpu.rounded(3)),
            "memoryBytes": .int(Int(role.memoryBytes)),
            "pricePerReplicaHour": .object([
                "onDemand": .decimal(price.onDemandPerHour.rounded(6)),
                "spot": price.spotPerHour.map { .decimal($0.rounded(6)) } ?? .null,
            ]),
        ]
        if let accelerator = role.accelerator {
            var object: [String: JSONValue] = [
                "resource": .string(accelerator.resource),
                "model": .optional(price.model?.id ?? accelerator.model?.id),
                "count": .int(accelerator.count),
            ]
            if accelerator.fraction != 1 { object["fraction"] = .decimal(accelerator.fraction.rounded(6)) }
            members["accelerator"] = .object(object)
        } else {
            members["accelerator"] = .null
        }
        return .object(members)
    }

    static func range(_ range: ReplicaRange) -> JSONValue {
        .object(["min": .int(range.min), "nominal": .int(range.nominal), "max": .int(range.max)])
    }

    static func costObject(_ cost: CostFigures) -> JSONValue {
        .object([
            "expected": .money(cost.expected), "onDemand": .money(cost.onDemand), "min": .money(cost.min), "max": .money(cost.max),
            "p50": cost.p50.map(JSONValue.money) ?? .null, "p90": cost.p90.map(JSONValue.money) ?? .null,
            "p99": cost.p99.map(JSONValue.money) ?? .null,
        ])
    }

    static func location(_ location: SourceLocation) -> JSONValue {
        .object([
            "file": .string(location.file),
            "line": .int(location.line),
            "column": .int(location.column),
            "document": .optional(location.document),
        ])
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
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
