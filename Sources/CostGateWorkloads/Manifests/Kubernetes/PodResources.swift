import Foundation

/// Requests of one container, or the aggregate of a pod: cpu in cores, memory in bytes, extended
/// resources (accelerators) by name.
package struct ResourceVector: Sendable, Equatable {
    package var cpu: Decimal = 0
    package var memoryBytes: Int64 = 0
    package var extended: [String: Int64] = [:]

    package static func + (lhs: ResourceVector, rhs: ResourceVector) -> ResourceVector {
        ResourceVector(cpu: lhs.cpu + rhs.cpu, memoryBytes: lhs.memoryBytes.saturatingAdding(rhs.memoryBytes),
                       extended: lhs.extended.merging(rhs.extended) { $0.saturatingAdding($1) })
    }

    /// The per-resource maximum of two vectors.
    package func maximum(_ other: ResourceVector) -> ResourceVector {
        ResourceVector(cpu: Swift.max(cpu, other.cpu), memoryBytes: Swift.max(memoryBytes, other.memoryBytes),
                       extended: extended.merging(other.extended, uniquingKeysWith: Swift.max))
    }
}

/// The scheduler's view of a pod's requests (kubernetes/component-helpers `PodRequests`):
/// app containers summed, init containers as a running maximum with restartable sidecars
/// (KEP-753) added to both, then `overhead`. Pod-level `resources` replaces cpu and memory only.
package enum PodResources {
    package struct Container {
        package var requests: ResourceVector
        package var isSidecar: Bool
    }

    package static func effective(containers: [Container], initContainers: [Container], overhead: ResourceVector?,
                          podLevel: (cpu: Decimal?, memoryBytes: Int64?)) -> ResourceVector {
        var app = containers.reduce(ResourceVector()) { $0 + $1.requests }
        var runningSidecars = ResourceVector()
        var initMax = ResourceVector()
        for container in initContainers {
            if container.isSidecar {
                app = app + container.requests
                runningSidecars = runningSidecars + container.requests
                initMax = initMax.maximum(runningSidecars)
            } else {
                initMax = initMax.maximum(container.requests + runningSidecars)
            }
        }
        var pod = app.maximum(initMax)
        if let cpu = podLevel.cpu { pod.cpu = cpu }
        if let memory = podLevel.memoryBytes { pod.memoryBytes = memory }
        if let overhead { pod = pod + overhead }
        return pod
    }
}
