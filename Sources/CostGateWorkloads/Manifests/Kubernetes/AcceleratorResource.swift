import Foundation

/// Extended resource names that stand for accelerators, and what one unit of each is worth.
package enum AcceleratorResource {
    /// Whether `name` is an accelerator resource costgate prices.
    package static func isAccelerator(_ name: String) -> Bool {
        name == "nvidia.com/gpu" || name == "nvidia.com/gpu.shared" || name.hasPrefix("nvidia.com/mig-")
            || name == "amd.com/gpu" || name == "google.com/tpu" || name.hasPrefix("aws.amazon.com/neuron")
            || name == "habana.ai/gaudi" || name == "gpu.intel.com/i915" || name == "gpu.intel.com/xe"
    }

    /// HAMi-style vGPU modifiers: they shape a GPU share, they are not devices.
    package static func isVirtualGPUModifier(_ name: String) -> Bool {
        name == "nvidia.com/gpumem" || name == "nvidia.com/gpucores" || name == "nvidia.com/gpumem-percentage"
    }

    /// The model a resource name implies on its own (MIG slices name their parent; Neuron its family).
    package static func impliedModel(_ name: String) -> (model: GPUModel?, fraction: Decimal, note: String?) {
        if name.hasPrefix("nvidia.com/mig-"), let profile = MIGProfile.parse(resourceName: name) {
            return (profile.parent, profile.fraction,
                    "MIG slice \(name.dropFirst("nvidia.com/".count)) priced as \(profile.fraction.formatted4) of one \(profile.parent.id)")
        }
        switch name {
        case "habana.ai/gaudi": return (GPUModel.normalize("gaudi"), 1, nil)
        case "aws.amazon.com/neuroncore":
            return (nil, Decimal(1) / 2, "a NeuronCore priced as 1/2 of a Neuron device (Trainium/Inferentia2 have 2 cores per device)")
        case "nvidia.com/gpu.shared":
            return (nil, 1, "time-sliced nvidia.com/gpu.shared replica priced as a whole GPU (the sharing ratio is a node setting)")
        default: return (nil, 1, nil)
        }
    }
}

extension Decimal {
    /// Up to four decimals, no trailing zeros (`0.4286`, `0.5`).
    package var formatted4: String {
        var rounded = Decimal()
        var input = self
        NSDecimalRound(&rounded, &input, 4, .plain)
        return "\(rounded)"
    }
}
