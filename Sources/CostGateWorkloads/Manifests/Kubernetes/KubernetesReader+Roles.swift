import Foundation
import CostGateBasics
import CostGateYAML

/// One kind of pod of an object: a Job's pods, a PyTorchJob's Master or Worker, a Ray worker group.
package struct PodRole {
    package var name: String
    package var replicas: ReplicaRange
    package var pod: PodReading
    /// The annotations in force for this pod template (its own in front of its owners').
    package var annotations: AnnotationLayers
}

extension Array where Element == PodRole {
    /// The role a multi-role workload takes capacity and annotations from: the first with accelerators, else the first.
    package var primary: PodRole? {
        first { ($0.pod.accelerator?.count ?? 0) > 0 } ?? first
    }

    /// Pods of all roles at their nominal replicas.
    package var nominalPods: Int { reduce(0) { $0.saturatingAdding($1.replicas.nominal) } }
}

extension KubernetesReader {
    /// Reads a `PodTemplateSpec` (`metadata` and `spec`); the returned annotations have the template's own in front.
    package func readPodTemplate(_ template: NodeCursor, annotations outer: AnnotationLayers,
                         diagnostics: inout [Diagnostic]) throws(ManifestError) -> (PodReading, AnnotationLayers) {
        guard let podSpec = try template.child("spec") else { throw .missingField(path: "\(template.path).spec", at: template.location) }
        let annotations = try outer.adding(template)
        var pod = try PodTemplateReader.read(podSpec: podSpec, annotations: annotations.merged, annotationLocation: template.location,
                                             memo: memo)
        pod.templateLabels = try template.descend("metadata", "labels")?.stringMap() ?? [:]
        diagnostics += pod.diagnostics
        return (pod, annotations)
    }

    /// A workload of one or more roles. Capacity, placement, instance type and node labels come from the
    /// primary role: the first with accelerators, else the first. `gangSize` is how many pods must all be
    /// up for progress (synchronous training), for the spot model.
    package func workload(_ object: KubernetesObject, roles: [PodRole], pattern: RunPattern, duration: ResolvedDuration,
                  gangSize: Int? = nil, extraAssumptions: [String] = []) throws(ManifestError) -> Workload {
        guard let primary = roles.primary else {
            throw .missingField(path: "spec (no pod templates)", at: object.location)
        }
        var assumptions = extraAssumptions
        if let note = duration.note { assumptions.append(note) }
        for role in roles {
            assumptions += roles.count > 1 ? role.pod.assumptions.map { "\(role.name): \($0)" } : role.pod.assumptions
        }
        let gpuCapacities = Set(roles.filter { ($0.pod.accelerator?.count ?? 0) > 0 }.map(\.pod.capacity))
        if gpuCapacities.count > 1 {
            assumptions.append("roles run on different capacity types; priced as \(primary.name)'s (\(primary.pod.capacity.rawValue))")
        }
        let layers = primary.annotations
        let annotations = layers.merged
        let checkpoint = try annotatedDuration(layers, "costgate.dev/checkpoint-interval", example: "'1h' or '30m'").map { DecimalMath.hours(seconds: $0) }
        // One expression, returned as built: assigning a field afterwards copied the whole workload.
        return Workload(
            id: "\(object.kind)/\(object.namespace ?? "default")/\(object.name)",
            source: object.location, kind: object.kind, apiVersion: object.apiVersion, name: object.name,
            namespace: object.namespace,
            roles: roles.map { role in
                WorkloadRole(name: role.name, replicas: role.replicas, accelerator: role.pod.accelerator, cpu: role.pod.cpu,
                             memoryBytes: role.pod.memoryBytes)
            },
            capacity: primary.pod.capacity, pattern: pattern, durationHours: duration.hours, durationSource: duration.source,
            timeLimitSeconds: nil, instanceType: primary.pod.instanceType, placement: primary.pod.placement,
            labels: object.labels.merging(primary.pod.templateLabels) { object, _ in object }, annotations: annotations,
            nodeLabels: primary.pod.nodeLabels,
            attribution: Workload.Attribution(team: annotations["costgate.dev/team"]),
            checkpointIntervalHours: checkpoint, gangSize: gangSize, assumptions: assumptions,
            spotMaxRuntimeHours: primary.pod.spotMaxRuntimeHours)
    }
}
