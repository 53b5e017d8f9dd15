import CostGateBasics

/// Why a workload could not be priced. Each case says what to add.
public enum EstimateError: Error, Sendable, Equatable {
    case unknownModel(workload: String, role: String, model: String, source: String, at: SourceLocation)
    case missingModel(workload: String, role: String, resource: String, count: Int, at: SourceLocation)
    case noPrice(workload: String, model: String, provider: String, region: String, at: SourceLocation)
    case unknownInstanceType(workload: String, instanceType: String, at: SourceLocation)
    /// A count or a run time beyond `WorkloadBounds`: almost always a typo, never a real bill.
    case outOfRange(workload: String, figure: String, value: String, limit: String, at: SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .unknownModel(_, _, _, _, let at), .missingModel(_, _, _, _, let at), .noPrice(_, _, _, _, let at),
             .unknownInstanceType(_, _, let at), .outOfRange(_, _, _, _, let at):
            return at
        }
    }

    public var message: String {
        switch self {
        case .unknownModel(let workload, let role, let model, let source, _):
            return "cannot price \(workload) (\(role)): GPU model '\(model)' from \(source) is not in the catalog; "
                + "use a model 'costgate catalog' lists, or give its price in a --prices file"
        case .missingModel(let workload, let role, let resource, let count, _) where resource.hasPrefix("gres/"):
            return "cannot price \(workload) (\(role)): \(count) GPUs per node but no GPU type is named; write it in the request "
                + "(--gres=gpu:a100:\(count), --gpus-per-node=h100:\(count)) or a --constraint feature (-C a100), add "
                + "'#COSTGATE --gpu=MODEL', give the partition's rate in the policy's pricing.partitions (the usual on-prem "
                + "set-up) or a --prices file, set the policy's pricing.defaultGPU, or pass --default-gpu"
        case .missingModel(let workload, let role, let resource, let count, _):
            return "cannot price \(workload) (\(role)): \(count) × \(resource) but no GPU model is named; add a nodeSelector "
                + "(nvidia.com/gpu.product, cloud.google.com/gke-accelerator, karpenter.k8s.aws/instance-gpu-name, "
                + "node.kubernetes.io/instance-type), the annotation costgate.dev/gpu, a node pool's rate in the policy's "
                + "pricing.nodePools or a --prices file, the policy's pricing.defaultGPU, or pass --default-gpu"
        case .noPrice(let workload, let model, let provider, let region, _):
            return "cannot price \(workload): no \(provider) price for \(model) (region \(region)) in the catalog; "
                + "choose another --provider/--region or give its price in a --prices file"
        case .unknownInstanceType(let workload, let instanceType, _):
            return "cannot price \(workload): instance type '\(instanceType)' is not in the catalog and no GPU model is named; "
                + "add the annotation costgate.dev/gpu or give its price in a --prices file"
        case .outOfRange(let workload, let figure, let value, let limit, _):
            return "cannot price \(workload): \(figure) \(value) is more than costgate prices (at most \(limit)); "
                + "check the manifest for a typo"
        }
    }

    /// A stable identifier of the reason, for JSON consumers.
    public var reason: String {
        switch self {
        case .unknownModel: return "unknown-model"
        case .missingModel: return "missing-model"
        case .noPrice: return "no-price"
        case .unknownInstanceType: return "unknown-instance-type"
        case .outOfRange: return "out-of-range"
        }
    }

    /// The reason in a few words, for a table's cost column.
    public var summary: String {
        switch self {
        case .unknownModel(_, _, let model, _, _): return "GPU model '\(model)' not in the catalog"
        case .missingModel: return "no GPU model named"
        case .noPrice(_, let model, let provider, let region, _): return "no \(provider) price for \(model) in \(region)"
        case .unknownInstanceType(_, let instanceType, _): return "instance type '\(instanceType)' not in the catalog"
        case .outOfRange(_, let figure, let value, _, _): return "\(figure) \(value) out of range"
        }
    }

    public var diagnostic: Diagnostic { Diagnostic(.error, at: location, message, rule: "cannot-price") }
}
