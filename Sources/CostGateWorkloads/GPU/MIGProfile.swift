import Foundation

/// A Multi-Instance GPU slice, e.g. `3g.20gb`: `compute` of the parent's compute slices and
/// `memoryGB` of its memory. A slice is priced as `fraction` of its parent GPU, where
/// `fraction = compute / 7` (`compute / 4` on the A30 and RTX PRO 6000, which have four compute
/// slices). This apportions by compute only, a costgate policy choice (NVIDIA publishes no
/// price split); memory-heavy 1g profiles such as `1g.20gb`, of which at most four fit on a GPU,
/// are therefore priced as 1/7.
///
/// Profiles and the GPUs that offer them follow NVIDIA/mig-parted
/// `deployments/systemd/config-default.yaml`. Several profiles exist on more than one GPU
/// (`1g.10gb`, `3g.40gb`, `7g.80gb` on the A100 80GB and the H100 80GB; `1g.10gb` also on the
/// A100 40GB): without a hint the dearest candidate is chosen (a ceiling), and `note` says so.
public struct MIGProfile: Sendable, Hashable {
    /// Compute slices of the parent (the number before `g`).
    public let compute: Int
    /// Memory of the slice in GB (the number before `gb`).
    public let memoryGB: Int
    /// The GPU the slice is cut from.
    public let parent: GPUModel
    /// Share of one parent GPU the slice is priced at: `compute / 7` (or `/ 4`).
    public let fraction: Decimal
    /// Whether the profile asks for media extensions (`+me`) or other engines (`+gfx`, `+me.all`).
    public let mediaExtensions: Bool
    /// Every GPU that offers this profile, dearest first; `parent` is one of them.
    public let candidates: [GPUModel]

    /// `3g.20gb`, with `+me` when media extensions are asked for.
    public var name: String { "\(compute)g.\(memoryGB)gb" + (mediaExtensions ? "+me" : "") }

    /// Set when the parent had to be chosen among several GPUs.
    public var note: String? {
        guard candidates.count > 1 else { return nil }
        let others = candidates.map(\.id).joined(separator: ", ")
        return "MIG \(compute)g.\(memoryGB)gb exists on \(others): priced as a slice of \(parent.id)"
    }

    /// Parses an extended resource name of the mixed MIG strategy, `nvidia.com/mig-3g.20gb` or
    /// `nvidia.com/mig-1g.10gb+me`. `parentHint` (a model read from a node label) picks the parent when
    /// it offers the profile; otherwise the dearest candidate is used.
    public static func parse(resourceName: String, parentHint: GPUModel? = nil) -> MIGProfile? {
        let prefix = "nvidia.com/mig-"
        guard resourceName.lowercased().hasPrefix(prefix) else { return nil }
        return parse(profile: String(resourceName.dropFirst(prefix.count)), parentHint: parentHint)
    }

    /// Parses a GPU Feature Discovery product label of the single MIG strategy,
    /// `NVIDIA-A100-SXM4-40GB-MIG-1g.5gb` (optionally `-SHARED`): the parent comes from the label.
    public static func parse(gpuProduct: String) -> MIGProfile? {
        var text = gpuProduct
        while text.lowercased().hasSuffix("-shared") { text.removeLast("-shared".count) }
        guard let range = text.range(of: "-mig-", options: .caseInsensitive),
              let parent = GPUModel.normalize(String(text[..<range.lowerBound])) else { return nil }
        return parse(profile: String(text[range.upperBound...]), parentHint: parent)
    }

    /// Parses a bare profile, `3g.20gb`, `1g.10gb+me`, `1g.24gb-me`.
    public static func parse(profile raw: String, parentHint: GPUModel? = nil) -> MIGProfile? {
        var text = raw.lowercased()
        var extensions = false
        if let plus = text.firstIndex(of: "+") {
            extensions = true
            text = String(text[..<plus])
        }
        for suffix in ["-me", "-gfx"] where text.hasSuffix(suffix) {
            extensions = true
            text.removeLast(suffix.count)
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].hasSuffix("g"), parts[1].hasSuffix("gb"),
              let compute = Int(parts[0].dropLast()), let memory = Int(parts[1].dropLast(2)) else { return nil }
        let key = "\(compute)g.\(memory)gb"
        let candidates = parents.filter { $0.profiles.contains(key) }.map(\.model)
        guard !candidates.isEmpty else { return nil }
        let parent = parentHint.flatMap { hint in candidates.first { $0 == hint } } ?? candidates[0]
        let slices = parents.first { $0.model == parent }?.slices ?? 7
        let chosen = parentHint.map { candidates.contains($0) } == true ? [parent] : candidates
        return MIGProfile(compute: compute, memoryGB: memory, parent: parent,
                          fraction: Decimal(compute) / Decimal(slices), mediaExtensions: extensions,
                          candidates: chosen)
    }

    /// MIG-capable GPUs, dearest first (by typical list price), with their compute slices and
    /// profiles (NVIDIA/mig-parted `config-default.yaml`).
    package static let parents: [(model: GPUModel, slices: Int, profiles: Set<String>)] = [
        (GPUModel(id: "gb200"), 7, ["1g.24gb", "1g.47gb", "2g.47gb", "3g.95gb", "4g.95gb", "7g.189gb"]),
        (GPUModel(id: "b200"), 7, ["1g.23gb", "1g.45gb", "2g.45gb", "3g.90gb", "4g.90gb", "7g.180gb"]),
        (GPUModel(id: "h200-141gb"), 7, ["1g.18gb", "1g.35gb", "2g.35gb", "3g.71gb", "4g.71gb", "7g.141gb"]),
        (GPUModel(id: "gh200"), 7, ["1g.12gb", "2g.24gb", "3g.48gb", "4g.48gb", "7g.96gb",
                                    "1g.18gb", "1g.36gb", "2g.36gb", "3g.72gb", "4g.72gb", "7g.144gb"]),
        (GPUModel(id: "h100-80gb"), 7, ["1g.10gb", "1g.20gb", "2g.20gb", "3g.40gb", "4g.40gb", "7g.80gb"]),
        (GPUModel(id: "h100-nvl"), 7, ["1g.12gb", "1g.24gb", "2g.24gb", "3g.47gb", "4g.47gb", "7g.94gb"]),
        (GPUModel(id: "a100-80gb"), 7, ["1g.10gb", "1g.20gb", "2g.20gb", "3g.40gb", "4g.40gb", "7g.80gb"]),
        (GPUModel(id: "rtx-pro-6000"), 4, ["1g.24gb", "2g.48gb", "4g.96gb"]),
        (GPUModel(id: "a100-40gb"), 7, ["1g.5gb", "1g.10gb", "2g.10gb", "3g.20gb", "4g.20gb", "7g.40gb"]),
        (GPUModel(id: "a30"), 4, ["1g.6gb", "2g.12gb", "4g.24gb"]),
    ]
}
