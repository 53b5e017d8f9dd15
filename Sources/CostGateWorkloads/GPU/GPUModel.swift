/// A normalized accelerator model: one id per part, whatever spelling a manifest used
/// (`GPUModel.normalize(_:)` maps the spellings). Ids are lower-case kebab-case and carry the
/// memory size where a family comes in two (`a100-40gb`, `a100-80gb`, `v100-16gb`, `v100-32gb`).
///
/// Known ids: NVIDIA `a100-40gb a100-80gb h100-80gb h100-nvl h200-141gb gh200 b200 b300 gb200 l4 l40
/// l40s t4 t4g a10g a10 a30 a40 v100-16gb v100-32gb k80 m60 p100 p4 p40 rtx-pro-6000`; AMD
/// `radeon-pro-v520 mi25 mi300x`; Intel Habana `gaudi gaudi2 gaudi3`; AWS Neuron `inferentia
/// inferentia2 trainium trainium2`; Google TPU `tpu-v2 tpu-v3 tpu-v4 tpu-v5e tpu-v5p tpu-v6e tpu7x`
/// (priced per chip). A known id need not have a price: `mi300x` and `tpu7x` have none in the
/// built-in catalog.
public struct GPUModel: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let id: String

    /// A model with this id. Use `normalize(_:)` for user input; this initializer does not check the id.
    public init(id: String) {
        self.id = id
    }

    public var description: String { id }

    /// Ids sort alphabetically (`a10`, `a100-40gb`, …), which keeps listings stable.
    public static func < (lhs: GPUModel, rhs: GPUModel) -> Bool { lhs.id < rhs.id }

    /// What kind of device one unit of this model is; the unit the catalog prices.
    public enum Kind: String, Sendable, Hashable {
        /// A GPU, priced per GPU-hour.
        case gpu
        /// A Google TPU, priced per chip-hour.
        case tpu
        /// An AWS Inferentia/Trainium device (`aws.amazon.com/neuron`), priced per device-hour.
        case neuron
        /// An Intel Habana Gaudi card, priced per card-hour.
        case gaudi
    }

    /// Whether the id is one costgate knows.
    public var isKnown: Bool { Self.info[id] != nil }

    /// The kind of device (`.gpu` for unknown ids).
    public var kind: Kind { Self.info[id]?.kind ?? .gpu }

    /// A name for people, e.g. `NVIDIA A100 40GB`; the id for unknown ids.
    public var displayName: String { Self.info[id]?.name ?? id }

    /// Every model costgate knows, sorted by id.
    public static var known: [GPUModel] { info.keys.sorted().map { GPUModel(id: $0) } }

    package static let info: [String: (name: String, kind: Kind)] = [
        "a100-40gb": ("NVIDIA A100 40GB", .gpu), "a100-80gb": ("NVIDIA A100 80GB", .gpu),
        "h100-80gb": ("NVIDIA H100 80GB (SXM/PCIe)", .gpu), "h100-nvl": ("NVIDIA H100 NVL 94GB", .gpu),
        "h200-141gb": ("NVIDIA H200 141GB", .gpu), "gh200": ("NVIDIA GH200", .gpu), "b200": ("NVIDIA B200", .gpu),
        "b300": ("NVIDIA B300", .gpu), "gb200": ("NVIDIA GB200", .gpu), "l4": ("NVIDIA L4", .gpu),
        "l40": ("NVIDIA L40", .gpu), "l40s": ("NVIDIA L40S", .gpu), "t4": ("NVIDIA T4", .gpu),
        "t4g": ("NVIDIA T4G (AWS Graviton)", .gpu), "a10g": ("NVIDIA A10G (AWS)", .gpu), "a10": ("NVIDIA A10", .gpu),
        "a30": ("NVIDIA A30", .gpu), "a40": ("NVIDIA A40", .gpu), "v100-16gb": ("NVIDIA V100 16GB", .gpu),
        "v100-32gb": ("NVIDIA V100 32GB", .gpu), "k80": ("NVIDIA K80", .gpu), "m60": ("NVIDIA M60", .gpu),
        "p100": ("NVIDIA P100", .gpu), "p4": ("NVIDIA P4", .gpu), "p40": ("NVIDIA P40", .gpu),
        "rtx-pro-6000": ("NVIDIA RTX PRO 6000 Blackwell", .gpu), "radeon-pro-v520": ("AMD Radeon Pro V520", .gpu),
        "mi25": ("AMD Radeon Instinct MI25", .gpu), "mi300x": ("AMD Instinct MI300X", .gpu),
        "gaudi": ("Intel Habana Gaudi", .gaudi), "gaudi2": ("Intel Gaudi 2", .gaudi), "gaudi3": ("Intel Gaudi 3", .gaudi),
        "inferentia": ("AWS Inferentia", .neuron), "inferentia2": ("AWS Inferentia2", .neuron),
        "trainium": ("AWS Trainium", .neuron), "trainium2": ("AWS Trainium2", .neuron),
        "tpu-v2": ("Google TPU v2", .tpu), "tpu-v3": ("Google TPU v3", .tpu), "tpu-v4": ("Google TPU v4", .tpu),
        "tpu-v5e": ("Google TPU v5e", .tpu), "tpu-v5p": ("Google TPU v5p", .tpu), "tpu-v6e": ("Google TPU v6e", .tpu),
        "tpu7x": ("Google TPU7x (Ironwood)", .tpu),
    ]
}
