import CostGateYAML

/// A training runtime's JobSet template as one TrainJob sees it: its replicated jobs, with the
/// TrainJob's `runtimePatches` (or the older `podTemplateOverrides` / `podSpecOverrides`) and
/// `trainer.resourcesPerNode` applied the way the Trainer controller applies them.
package struct TrainerRuntimeTemplate {
    /// One `spec.template.spec.replicatedJobs[]` entry.
    package struct ReplicatedJob {
        package var name: String
        /// Key path of the entry in the runtime (`spec.template.spec.replicatedJobs[2]`).
        package var path: String
        /// The entry's `template` (a JobTemplateSpec), moved into the TrainJob's file when the runtime is elsewhere.
        package var node: YAMLNode
        /// `template.spec.template` (a PodTemplateSpec), likewise.
        package var podTemplate: YAMLNode
        package var replicas: Int
        package var parallelism: Int
        package var ancestor: String?
        package var activeDeadlineSeconds: Int?

        package var isInitializer: Bool {
            ancestor == "dataset-initializer" || ancestor == "model-initializer"
                || name == "dataset-initializer" || name == "model-initializer"
        }
    }

    package var job: KubernetesObject
    package var jobSpec: NodeCursor
    package var runtime: KubernetesObject

    /// A runtime from another file is reported at the TrainJob's `runtimeRef`: its own lines mean nothing there.
    private var isForeign: Bool { runtime.location.file != job.location.file }

    /// A cursor over a template node, in the file its positions belong to.
    package func cursor(_ node: YAMLNode, path: String) -> NodeCursor {
        isForeign ? NodeCursor(node: node, path: "\(runtime.kind) \(runtime.name): \(path)", file: job.root.file, document: job.root.document)
                  : NodeCursor(node: node, path: path, file: runtime.root.file, document: runtime.root.document)
    }

    private func placed(_ node: YAMLNode) throws(ManifestError) -> YAMLNode {
        guard isForeign else { return node }
        let anchor = try jobSpec.child("runtimeRef")?.node ?? jobSpec.node
        return node.relocated(line: anchor.line, column: anchor.column)
    }

    package func replicatedJobs(_ runtimeSpec: NodeCursor) throws(ManifestError) -> [ReplicatedJob] {
        guard let list = try runtimeSpec.descend("template", "spec", "replicatedJobs") else {
            throw .missingField(path: "spec.template.spec.replicatedJobs", at: runtimeSpec.location)
        }
        var jobs: [ReplicatedJob] = []
        for entry in try list.items() {
            guard let name = try entry.optionalString("name") else { throw .missingField(path: "\(entry.path).name", at: entry.location) }
            guard let template = try entry.child("template") else { throw .missingField(path: "\(entry.path).template", at: entry.location) }
            guard let podTemplate = try template.descend("spec", "template") else {
                throw .missingField(path: "\(template.path).spec.template", at: template.location)
            }
            let replicas = try entry.optionalInt("replicas") ?? 1
            let parallelism = try template.descend("spec", "parallelism")?.int() ?? 1
            for (value, node) in [(replicas, try entry.child("replicas")), (parallelism, try template.descend("spec", "parallelism"))]
            where value < 0 {
                throw .invalidValue(path: node?.path ?? entry.path, value: String(value), reason: "must not be negative",
                                    at: node?.location ?? entry.location)
            }
            jobs.append(ReplicatedJob(
                name: name, path: entry.path, node: try placed(template.node), podTemplate: try placed(podTemplate.node),
                replicas: replicas, parallelism: parallelism,
                ancestor: try template.descend("metadata", "labels")?.optionalString(KubernetesReader.trainerAncestorLabel),
                activeDeadlineSeconds: try template.descend("spec", "activeDeadlineSeconds")?.int()))
        }
        return jobs
    }

    /// The job's pod template with every patch and override that targets it applied, in order.
    /// `nodeSelector` merges key by key (a strategic merge of a map); `affinity` and `tolerations` replace.
    package func patched(_ replicated: ReplicatedJob) throws(ManifestError) -> YAMLNode {
        var podSpecs: [NodeCursor] = []
        for patch in try jobSpec.child("runtimePatches")?.items() ?? [] {
            for target in try patch.descend("trainingRuntimeSpec", "template", "spec", "replicatedJobs")?.items() ?? []
            where try target.optionalString("name") == replicated.name {
                if let spec = try target.descend("template", "spec", "template", "spec") { podSpecs.append(spec) }
            }
        }
        for override in try jobSpec.child("podTemplateOverrides")?.items() ?? [] where try targets(override, replicated.name) {
            if let spec = try override.child("spec") { podSpecs.append(spec) }
        }
        for override in try jobSpec.child("podSpecOverrides")?.items() ?? [] where try targets(override, replicated.name) {
            podSpecs.append(override)
        }
        guard !podSpecs.isEmpty else { return replicated.podTemplate }
        var spec = replicated.podTemplate.value("spec") ?? .mapping([], at: replicated.podTemplate)
        for patch in podSpecs {
            if let selector = try patch.child("nodeSelector") {
                _ = try selector.entries()   // a wrong type is an error here, at the patch
                spec = spec.setting("nodeSelector", to: (spec.value("nodeSelector") ?? .mapping([], at: selector.node)).merging(selector.node))
            }
            if let affinity = try patch.child("affinity") { spec = spec.setting("affinity", to: affinity.node) }
            if let tolerations = try patch.child("tolerations") { spec = spec.setting("tolerations", to: tolerations.node) }
        }
        return replicated.podTemplate.setting("spec", to: spec)
    }

    private func targets(_ override: NodeCursor, _ name: String) throws(ManifestError) -> Bool {
        for target in try override.child("targetJobs")?.items() ?? [] where try target.optionalString("name") == name { return true }
        return false
    }

    /// `trainer.resourcesPerNode` merged into the container named `node`, resource by resource (the
    /// controller's strategic merge, `pkg/util/trainingruntime.MergeResourceRequirements`).
    package func withResourcesPerNode(_ podTemplate: YAMLNode, resources: YAMLNode, notes: inout [String]) -> YAMLNode {
        guard let spec = podTemplate.value("spec"), case .sequence(var containers)? = spec.value("containers")?.content,
              let index = containers.firstIndex(where: { $0.value("name").map { if case .scalar("node", _) = $0.content { true } else { false } } ?? false })
        else {
            notes.append("spec.trainer.resourcesPerNode ignored: the trainer job has no container named 'node' (Trainer applies it only there)")
            return podTemplate
        }
        var merged = containers[index].value("resources") ?? .mapping([], at: resources)
        for list in ["limits", "requests"] {
            guard let overlay = resources.value(list) else { continue }
            merged = merged.setting(list, to: (merged.value(list) ?? .mapping([], at: overlay)).merging(overlay))
        }
        containers[index] = containers[index].setting("resources", to: merged)
        notes.append("trainer container resources from spec.trainer.resourcesPerNode, merged over the runtime's")
        return podTemplate.setting("spec", to: spec.setting("containers", to: .sequence(containers, at: spec.value("containers")!)))
    }
}
