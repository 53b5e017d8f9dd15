import Foundation
import CostGateBasics

/// Turns an sbatch script into one workload: one role per hetjob component, replicas = nodes,
/// accelerators per node, run time from `#COSTGATE --duration`, else `--time` (a ceiling),
/// else the default; `--array` multiplies the cost.
public struct SlurmReader: Sendable {
    public var options: ReadOptions

    public init(options: ReadOptions) {
        self.options = options
    }

    public func read(_ file: InputFile) -> (workloads: [Workload], diagnostics: [Diagnostic]) {
        if let refused = SbatchFileCheck.refusal(of: file.bytes, file: file.path) { return ([], [refused.diagnostic]) }
        let text = String(decoding: file.bytes, as: UTF8.self)
        let (parsed, diagnostics) = SbatchScript.parse(text, file: file.path)
        // An error leaves the field it concerns unset: pricing the rest would understate the job.
        guard let script = parsed, let first = script.components.first,
              !diagnostics.contains(where: { $0.severity == .error }) else { return ([], diagnostics) }
        return ([workload(script, first: first, path: file.path)], diagnostics)
    }

    package func workload(_ script: SbatchScript, first: SbatchComponent, path: String) -> Workload {
        var assumptions: [String] = []
        let directives = script.costgate
        var roles: [WorkloadRole] = []
        for (index, component) in script.components.enumerated() {
            let name = script.isHeterogeneous ? "component-\(index)" : "nodes"
            roles.append(role(component, name: name, costgate: directives, assumptions: &assumptions))
        }

        // Run time: what #COSTGATE says it runs, else the --time limit (a ceiling), else the default.
        let limit = script.components.compactMap(\.timeLimit).first
        let durationHours: Decimal
        let durationSource: DurationSource
        if let seconds = directives.durationSeconds {
            durationHours = DecimalMath.hours(seconds: Decimal(seconds))
            durationSource = .costgateDirective
        } else if let minutes = limit?.minutes {
            durationHours = DecimalMath.hours(minutes: Decimal(minutes))
            durationSource = .slurmTime
            assumptions.append("duration is the --time limit (\(minutes) min), a ceiling: the job may end sooner; #COSTGATE --duration says how long it really runs")
        } else {
            let fallback = options.defaultDuration(forKind: "SlurmJob")
            durationHours = fallback.hours
            durationSource = .default
            assumptions.append(limit == .unlimited
                ? "--time is unlimited: \(fallback.origin) of \(fallback.hours) h (add #COSTGATE --duration)"
                : "no --time: the partition's DefaultTime applies, unknown here; \(fallback.origin) of \(fallback.hours) h (add #COSTGATE --duration)")
        }
        let array = script.components.compactMap(\.array).first
        if let array {
            let limitText = array.concurrencyLimit.map { ", at most \($0) at once" } ?? ""
            assumptions.append("--array=\(array.text): \(array.taskCount) tasks\(limitText); the cost is per task × \(array.taskCount)")
        }
        let name = script.jobName ?? Self.stem(of: path)
        let partitions = script.components.flatMap(\.partitions).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let gang = script.components.reduce(0) { $0 + ($1.nodes?.upperBound ?? 1) }
        return Workload(
            id: "slurm/\(path)#\(name)", source: first.location, kind: "SlurmJob", apiVersion: nil, name: name, namespace: nil,
            roles: roles, capacity: .unknown, pattern: .oneOff, durationHours: durationHours, durationSource: durationSource,
            timeLimitSeconds: limit?.seconds, arrayTasks: array?.taskCount,
            attribution: Workload.Attribution(team: directives.team, account: script.components.compactMap(\.account).first,
                                              partitions: partitions, qos: script.components.compactMap(\.qos).first),
            checkpointIntervalHours: directives.checkpointIntervalSeconds.map { DecimalMath.hours(seconds: Decimal($0)) },
            gangSize: gang, assumptions: assumptions)
    }

    private func role(_ component: SbatchComponent, name: String, costgate: CostGateDirectives,
                      assumptions: inout [String]) -> WorkloadRole {
        let nodes: ClosedRange<Int>
        if let given = component.nodes {
            nodes = given
            if given.lowerBound != given.upperBound {
                assumptions.append("\(name): --nodes=\(given.lowerBound)-\(given.upperBound): priced at \(given.upperBound) nodes, the ceiling")
            }
        } else if let tasks = component.ntasks, let perNode = component.ntasksPerNode, perNode > 0 {
            let count = tasks / perNode + (tasks % perNode == 0 ? 0 : 1)
            nodes = count...count
            assumptions.append("\(name): no --nodes: \(count) node(s) for \(tasks) tasks at \(perNode) per node")
        } else {
            nodes = 1...1
            assumptions.append("\(name): no --nodes: one node assumed (SLURM allocates what the tasks need)")
        }
        let nodeCount = nodes.upperBound
        let tasks = component.taskCount(nodesUsed: nodeCount)
        // `-N 0` (a burst-buffer-only job) has no nodes to share tasks and devices among.
        let perNodeShare = { (total: Int) -> Int in nodeCount == 0 ? total : total / nodeCount + (total % nodeCount == 0 ? 0 : 1) }

        var accelerator: AcceleratorRequest?
        if let total = component.totalGPUs(nodesUsed: nodeCount), total > 0 {
            let perNode = perNodeShare(total)
            if perNode.saturatingMultiplied(by: nodeCount) != total {
                assumptions.append("\(name): \(total) GPUs over \(nodeCount) nodes priced as \(perNode) per node")
            }
            let location = ["gpus", "gpus-per-node", "gpus-per-task", "gres"].lazy.compactMap { component.optionLocations[$0] }.first
            var request = AcceleratorRequest(resource: "gres/gpu", model: nil, count: perNode, location: location ?? component.location)
            resolveModel(component, costgate: costgate, into: &request, assumptions: &assumptions)
            accelerator = request
        }

        let cpusPerNode: Int
        if let perTask = component.cpusPerTask {
            cpusPerNode = perTask.saturatingMultiplied(by: max(1, perNodeShare(tasks)))
        } else if let perGPU = component.cpusPerGPU, let accelerator {
            cpusPerNode = perGPU.saturatingMultiplied(by: accelerator.count)
        } else {
            cpusPerNode = max(1, perNodeShare(tasks))
        }
        var memoryMiB = 0
        if let perNode = component.memPerNodeMiB, perNode > 0 {
            memoryMiB = perNode
        } else if component.requestsAllNodeMemory {
            assumptions.append("\(name): --mem=0 asks for all of each node's memory, which the script does not say; memory not priced")
        } else if let perCPU = component.memPerCPUMiB {
            memoryMiB = perCPU.saturatingMultiplied(by: cpusPerNode)
        } else if let perGPU = component.memPerGPUMiB, let accelerator {
            memoryMiB = perGPU.saturatingMultiplied(by: accelerator.count)
        }
        if component.exclusive {
            assumptions.append("\(name): --exclusive holds whole nodes; priced for the resources requested")
        }
        return WorkloadRole(name: name, replicas: ReplicaRange(min: nodes.lowerBound, nominal: nodeCount, max: nodeCount),
                            accelerator: accelerator, cpu: Decimal(cpusPerNode), memoryBytes: Int64(memoryMiB).saturatingMultiplied(by: 1 << 20))
    }

    /// The GPU model: the gres/--gpus type, else `#COSTGATE --gpu`, else `--constraint` features.
    private func resolveModel(_ component: SbatchComponent, costgate: CostGateDirectives, into request: inout AcceleratorRequest,
                              assumptions: inout [String]) {
        if let type = component.gpuType {
            if let model = GPUModel.normalize(type) {
                request.model = model
                request.modelSource = "GPU type '\(type)'"
                if let note = GPUModel.normalizationNote(type) { assumptions.append(note) }
                return
            }
            if costgate.gpuModel == nil {
                request.unrecognizedModel = type
                request.modelSource = "the GPU type in the script"
                return
            }
        }
        if let raw = costgate.gpuModel {
            if let model = GPUModel.normalize(raw) {
                request.model = model
                request.modelSource = "#COSTGATE --gpu=\(raw)"
            } else {
                request.unrecognizedModel = raw
                request.modelSource = "#COSTGATE --gpu"
            }
            return
        }
        if let constraint = component.constraint {
            let features = constraint.split(whereSeparator: { "|&,[]*() ".contains($0) }).map(String.init)
            let models = features.compactMap(GPUModel.normalize).reduce(into: [GPUModel]()) { if !$0.contains($1) { $0.append($1) } }
            if let first = models.first {
                request.model = first
                request.candidates = models.count > 1 ? models : []
                request.modelSource = "--constraint=\(constraint)"
            }
        }
    }

    package static func stem(of path: String) -> String {
        let name = InputCollector.fileName(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }
}
