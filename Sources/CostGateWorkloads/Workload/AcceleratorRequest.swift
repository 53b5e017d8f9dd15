import Foundation
import CostGateBasics

/// The accelerators one pod (or one SLURM node) holds.
public struct AcceleratorRequest: Hashable, Sendable {
    /// The resource name as requested (`nvidia.com/gpu`, `nvidia.com/mig-3g.20gb`, `google.com/tpu`, `gres/gpu`).
    public var resource: String
    /// The normalized model, when the manifest says which one.
    public var model: GPUModel?
    /// Devices per pod as requested (MIG slices count as devices of their own).
    public var count: Int
    /// Share of a whole accelerator that one requested device stands for: 1 for whole GPUs,
    /// `slices/7` for a MIG slice.
    public var fraction: Decimal
    /// Where the count was written (the field that causes the cost).
    public var location: SourceLocation?
    /// Several models the workload may land on (`In` with several values): the estimate prices the dearest.
    public var candidates: [GPUModel] = []
    /// Where the model came from (`nodeSelector nvidia.com/gpu.product=NVIDIA-A100-SXM4-40GB`).
    public var modelSource: String?
    /// A model name the manifest gives that no catalog entry knows; pricing reports it.
    public var unrecognizedModel: String?

    public init(resource: String, model: GPUModel?, count: Int, fraction: Decimal = 1, location: SourceLocation? = nil) {
        self.resource = resource
        self.model = model
        self.count = count
        self.fraction = fraction
        self.location = location
    }

    /// Whole-accelerator equivalents per pod (what is priced).
    public var equivalents: Decimal { DecimalMath.product(Decimal(count), fraction) }
}
