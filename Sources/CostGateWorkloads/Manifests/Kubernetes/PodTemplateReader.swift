import Foundation
import CostGateBasics
import CostGateYAML

/// Reads a `PodSpec`: effective requests, the accelerator, and the node labels that name the GPU
/// model, the instance type and the capacity type.
package enum PodTemplateReader {
    /// Node label keys that name the accelerator model, in the order they are trusted.
    package static let modelKeys = [
        "nvidia.com/gpu.product",
        "cloud.google.com/gke-accelerator",
        "karpenter.k8s.aws/instance-gpu-name",
        "cloud.google.com/gke-tpu-accelerator",
        "accelerator",
    ]
    package static let instanceTypeKeys = ["node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type"]

    /// - Parameters:
    ///   - podSpec: the `spec` of a pod or pod template.
    ///   - annotations: the owning object's and template's annotations (for `costgate.dev/gpu`).
    ///   - memo: where GPU labels already resolved in this reading are looked up (nil: none).
    package static func read(podSpec: NodeCursor, annotations: [String: String], annotationLocation: SourceLocation,
                     memo: ReadingMemo? = nil) throws(ManifestError) -> PodReading {
        var reading = PodReading()
        let containers = try readContainers(podSpec.child("containers"), sidecarsAllowed: false, into: &reading)
        let initContainers = try readContainers(podSpec.child("initContainers"), sidecarsAllowed: true, into: &reading)
        let overhead = try podSpec.child("overhead").map { cursor throws(ManifestError) in try readResourceList(cursor) }
        var podLevel = try podSpec.descend("resources", "requests")
        if podLevel == nil { podLevel = try podSpec.descend("resources", "limits") }
        let podCPU = try podLevel?.child("cpu")?.quantity().value
        let podMemory = try podLevel?.child("memory")?.quantity().integerValue
        let total = PodResources.effective(containers: containers, initContainers: initContainers, overhead: overhead?.vector,
                                           podLevel: (podCPU, podMemory))
        reading.cpu = total.cpu
        reading.memoryBytes = total.memoryBytes
        reading.restartPolicy = try podSpec.optionalString("restartPolicy")
        reading.activeDeadlineSeconds = try podSpec.optionalInt("activeDeadlineSeconds")

        let selection = try NodeSelection.read(podSpec: podSpec)
        reading.nodeLabels = selection.singleValued
        let claims = try podSpec.child("resourceClaims")?.items() ?? []
        readPlacement(selection, into: &reading)
        readAccelerator(total: total, containers: podSpec, selection: selection, annotations: annotations,
                        annotationLocation: annotationLocation, memo: memo, into: &reading)
        if let first = claims.first {
            // Dynamic Resource Allocation: the devices live in ResourceClaim(Template)s, not in the pod.
            if reading.accelerator == nil {
                reading.diagnostics.append(Diagnostic(.error, at: first.location,
                    "the pod requests devices through DRA resource claims, which costgate cannot count from the pod: its GPUs "
                    + "would be priced at zero; request them as nvidia.com/gpu limits to price this workload",
                    rule: "dra-claims"))
            } else {
                reading.assumptions.append("DRA resource claims beside \(reading.accelerator!.resource) are taken for channels or "
                    + "other devices, not extra GPUs")
            }
        }
        return reading
    }

    // MARK: - Containers

    private static func readContainers(_ list: NodeCursor?, sidecarsAllowed: Bool, into reading: inout PodReading) throws(ManifestError) -> [PodResources.Container] {
        guard let list else { return [] }
        var result: [PodResources.Container] = []
        for container in try list.items() {
            var requests = ResourceVector()
            let limits = try container.descend("resources", "limits").map { cursor throws(ManifestError) in try readResourceList(cursor) }
            let explicit = try container.descend("resources", "requests").map { cursor throws(ManifestError) in try readResourceList(cursor) }
            // Requests default to limits for every resource given only as a limit.
            requests.cpu = explicit?.hasCPU == true ? explicit!.vector.cpu : (limits?.vector.cpu ?? 0)
            requests.memoryBytes = explicit?.hasMemory == true ? explicit!.vector.memoryBytes : (limits?.vector.memoryBytes ?? 0)
            for (name, count) in limits?.vector.extended ?? [:] {
                requests.extended[name] = count
                if let requested = explicit?.vector.extended[name], requested != count,
                   let location = explicit?.locations[name] {
                    reading.diagnostics.append(Diagnostic(.error, at: location,
                        "'\(name)' request (\(requested)) differs from its limit (\(count)); Kubernetes requires extended resource requests to equal limits",
                        rule: "gpu-request-limit-mismatch"))
                }
            }
            for (name, count) in explicit?.vector.extended ?? [:] where limits?.vector.extended[name] == nil {
                if AcceleratorResource.isAccelerator(name), let location = explicit?.locations[name] {
                    reading.diagnostics.append(Diagnostic(.error, at: location,
                        "'\(name): \(count)' is given only under requests; Kubernetes requires GPUs under resources.limits (move it there)",
                        rule: "gpu-requests-only"))
                }
            }
            let restartPolicy = try container.optionalString("restartPolicy")
            let sidecar = sidecarsAllowed && restartPolicy == "Always"
            result.append(PodResources.Container(requests: requests, isSidecar: sidecar))
            for list in [limits, explicit] {
                for (name, location) in list?.locations ?? [:]
                where AcceleratorResource.isAccelerator(name) && reading.acceleratorLocations[name] == nil {
                    reading.acceleratorLocations[name] = location
                }
            }
        }
        return result
    }

    package struct ResourceList {
        package var vector = ResourceVector()
        package var hasCPU = false
        package var hasMemory = false
        /// Where each extended resource (accelerators and their modifiers) is named.
        package var locations: [String: SourceLocation] = [:]
    }

    private static func readResourceList(_ cursor: NodeCursor) throws(ManifestError) -> ResourceList {
        var list = ResourceList()
        // Entry by entry without `entries()`: most lists are cpu and memory, read once per container
        // of every manifest, and need neither a location nor a key path unless they are wrong.
        for entry in try cursor.lazyEntries() {
            let quantity = try entry.value.quantity()
            switch entry.key {
            case "cpu":
                list.vector.cpu = quantity.value
                list.hasCPU = true
            case "memory":
                list.vector.memoryBytes = quantity.integerValue
                list.hasMemory = true
            default:
                guard AcceleratorResource.isAccelerator(entry.key) || AcceleratorResource.isVirtualGPUModifier(entry.key) else { continue }
                list.locations[entry.key] = entry.keyLocation
                if AcceleratorResource.isAccelerator(entry.key) && !quantity.isInteger {
                    throw .invalidValue(path: entry.value.path, value: quantity.text,
                                        reason: "accelerator counts must be whole numbers (extended resources cannot be fractional)",
                                        at: entry.value.location)
                }
                if quantity.value < 0 {
                    throw .invalidValue(path: entry.value.path, value: quantity.text, reason: "must not be negative", at: entry.value.location)
                }
                list.vector.extended[entry.key] = quantity.integerValue
            }
        }
        return list
    }

    // MARK: - Placement

    private static func readPlacement(_ selection: NodeSelection, into reading: inout PodReading) {
        for key in instanceTypeKeys {
            guard let requirement = selection.requirement(key) else { continue }
            reading.instanceType = requirement.values.first
            if requirement.values.count > 1 {
                reading.assumptions.append("\(requirement.origin) allows instance types \(requirement.values.joined(separator: ", ")); priced as \(requirement.values[0])")
            }
            break
        }
        if let region = selection.requirement("topology.kubernetes.io/region")?.values.first {
            reading.placement.region = region
        } else if let zone = selection.requirement("topology.kubernetes.io/zone")?.values.first {
            reading.placement.region = regionOfZone(zone)
        }
        // The first prefix of `providerKeys` that some key has; of its keys, the first in order.
        // One pass, comparing bytes: label keys are ASCII (sorting the keys and a Unicode-aware
        // `hasPrefix` per key and prefix cost more than the rest of the placement).
        var best: (rank: Int, key: String)?
        for key in selection.requirements.keys {
            guard let rank = providerKeys.firstIndex(where: { entry in entry.prefix.withUTF8Buffer { key.utf8.starts(with: $0) } }) else { continue }
            if let current = best, (current.rank, current.key) <= (rank, key) { continue }
            best = (rank, key)
        }
        if let best {
            reading.placement.provider = providerKeys[best.rank].provider
            reading.placement.providerSource = best.key
        }
        readCapacity(selection, into: &reading)
    }

    /// Label prefixes that name a cloud, in the order they decide it.
    private static let providerKeys: [(prefix: StaticString, provider: CloudProvider)] = [
        ("karpenter.k8s.aws/", .aws), ("eks.amazonaws.com/", .aws), ("cloud.google.com/", .gcp), ("kubernetes.azure.com/", .azure),
        ("karpenter.azure.com/", .azure),
    ]

    /// `us-central1-a` → `us-central1`, `us-east-1a` → `us-east-1`.
    package static func regionOfZone(_ zone: String) -> String {
        if let last = zone.last, last.isLetter, zone.count > 2 {
            let trimmed = zone.dropLast()
            return String(trimmed.hasSuffix("-") ? trimmed.dropLast() : trimmed)
        }
        return zone
    }

    private static func readCapacity(_ selection: NodeSelection, into reading: inout PodReading) {
        func classify(_ key: String, _ value: String) -> CapacityType? {
            let lowered = value.lowercased()
            switch key {
            case "karpenter.sh/capacity-type", "eks.amazonaws.com/capacityType", "kubernetes.azure.com/scalesetpriority":
                if lowered == "spot" { return .spot }
                if lowered == "on-demand" || lowered == "on_demand" || lowered == "regular" || lowered == "reserved"
                    || lowered == "capacity_block" { return .onDemand }
                return nil
            case "cloud.google.com/gke-spot", "cloud.google.com/gke-preemptible":
                return lowered == "true" ? .spot : (lowered == "false" ? .onDemand : nil)
            case "cloud.google.com/gke-provisioning":
                return lowered == "spot" ? .spot : (lowered == "standard" ? .onDemand : nil)
            default: return nil
            }
        }
        guard !selection.requirements.isEmpty || !selection.toleratedKeys.isEmpty else { return }
        let keys = ["karpenter.sh/capacity-type", "eks.amazonaws.com/capacityType", "cloud.google.com/gke-spot",
                    "cloud.google.com/gke-preemptible", "cloud.google.com/gke-provisioning", "kubernetes.azure.com/scalesetpriority"]
        for key in keys {
            guard let requirement = selection.requirement(key) else { continue }
            let kinds = Set(requirement.values.compactMap { classify(key, $0) })
            if kinds == [.spot] {
                reading.capacity = .spot
                if key == "cloud.google.com/gke-preemptible" { reading.spotMaxRuntimeHours = 24 }
            } else if kinds == [.onDemand] {
                reading.capacity = .onDemand
            } else if kinds.count > 1 {
                reading.capacity = .onDemand
                reading.assumptions.append("\(requirement.origin) allows spot and on-demand nodes (\(key)); priced on demand, the ceiling")
            }
            if reading.capacity != .unknown {
                reading.assumptions.append("capacity \(reading.capacity.rawValue) from \(requirement.origin) \(key)=\(requirement.values.joined(separator: ","))")
                return
            }
        }
        for key in ["cloud.google.com/gke-spot", "kubernetes.azure.com/scalesetpriority", "karpenter.sh/capacity-type"]
        where selection.tolerates(key) {
            reading.assumptions.append("tolerates spot nodes (\(key)) but does not require them; priced on demand")
            return
        }
    }

    // MARK: - Accelerators

    // swiftlint:disable:next function_body_length
    private static func readAccelerator(total: ResourceVector, containers podSpec: NodeCursor, selection: NodeSelection,
                                        annotations: [String: String], annotationLocation: SourceLocation,
                                        memo: ReadingMemo?, into reading: inout PodReading) {
        let devices = total.extended.filter { AcceleratorResource.isAccelerator($0.key) && $0.value > 0 }
        guard let (resource, count) = devices.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else {
            if total.extended.keys.contains(where: AcceleratorResource.isVirtualGPUModifier) {
                reading.diagnostics.append(Diagnostic(.warning, at: annotationLocation,
                    "vGPU memory/core limits without a GPU count: no GPU is priced", rule: "vgpu-without-gpu"))
            }
            return
        }
        if devices.count > 1 {
            let names = devices.keys.sorted().joined(separator: ", ")
            reading.assumptions.append("several accelerator resources (\(names)); priced as \(count) × \(resource)")
        }
        let implied = AcceleratorResource.impliedModel(resource)
        var request = AcceleratorRequest(resource: resource, model: implied.model, count: Int(count), fraction: implied.fraction,
                                         location: reading.acceleratorLocations[resource])
        if let note = implied.note { reading.assumptions.append(note) }
        if total.extended.keys.contains(where: AcceleratorResource.isVirtualGPUModifier) {
            reading.assumptions.append("HAMi vGPU memory/core limits ignored: each nvidia.com/gpu is priced as a whole GPU")
        }

        // The model: node labels first, then the costgate.dev/gpu annotation.
        if implied.model == nil || resource.hasPrefix("nvidia.com/mig-") {
            for key in modelKeys {
                guard let requirement = selection.requirement(key) else { continue }
                let source = "\(requirement.origin) \(key)=\(requirement.values.joined(separator: ","))"
                // Resolve each value once: the model and the note about any choice it took.
                let resolved = requirement.values.map { raw in (raw: raw, resolution: memo.map { $0.resolveGPU(raw) } ?? GPUModel.resolve(raw)) }
                let models = resolved.compactMap(\.resolution?.model)
                if models.count < requirement.values.count {
                    let unknown = resolved.filter { $0.resolution == nil }.map(\.raw)
                    if models.isEmpty {
                        request.unrecognizedModel = unknown[0]
                        request.modelSource = source
                        break
                    }
                    reading.assumptions.append("unrecognized model \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in \(source) ignored")
                }
                guard !models.isEmpty else { continue }
                if resource.hasPrefix("nvidia.com/mig-") {
                    // A MIG node label refines the parent GPU (an H100 rather than an A100 80GB).
                    if let refined = models.first, let profile = MIGProfile.parse(resourceName: resource, parentHint: refined) {
                        request.model = profile.parent
                        request.fraction = profile.fraction
                        request.modelSource = source
                    }
                    break
                }
                let unique = models.reduce(into: [GPUModel]()) { if !$0.contains($1) { $0.append($1) } }
                request.model = unique[0]
                request.candidates = unique.count > 1 ? unique : []
                request.modelSource = source
                reading.assumptions += resolved.compactMap(\.resolution?.note)
                break
            }
        }
        if request.model == nil && request.unrecognizedModel == nil, let raw = annotations["costgate.dev/gpu"] {
            if let model = GPUModel.normalize(raw) {
                request.model = model
                request.modelSource = "annotation costgate.dev/gpu=\(raw)"
            } else {
                request.unrecognizedModel = raw
                request.modelSource = "annotation costgate.dev/gpu"
            }
        }
        if resource == "google.com/tpu", let topology = selection.requirement("cloud.google.com/gke-tpu-topology")?.values.first {
            let chips = topology.split(separator: "x").compactMap { Int($0) }.reduce(1) { $0.saturatingMultiplied(by: $1) }
            reading.assumptions.append("TPU topology \(topology) = \(chips) chips in the slice")
        }
        reading.accelerator = request
    }
}
