import Foundation

extension GPUModel {
    /// One normalized id for every spelling users write, or nil for a spelling costgate does not know.
    ///
    /// Accepted, case-insensitively, with `-`, `_`, `/` or blanks as separators:
    /// * GPU Feature Discovery `nvidia.com/gpu.product`: `NVIDIA-A100-SXM4-40GB`, `NVIDIA-A100-80GB-PCIe`,
    ///   `Tesla-T4`, `NVIDIA-H100-80GB-HBM3`, `NVIDIA-H100-NVL`, `NVIDIA-L4`, with the `-SHARED`
    ///   (time-slicing) and `-MIG-1g.5gb` (single MIG strategy) suffixes, which name the parent GPU;
    /// * GKE `cloud.google.com/gke-accelerator`: `nvidia-tesla-a100` (40 GB), `nvidia-a100-80gb`,
    ///   `nvidia-h100-80gb`, `nvidia-h100-mega-80gb`, `nvidia-h200-141gb`, `nvidia-b200`, `nvidia-l4`,
    ///   `nvidia-tesla-t4`, `nvidia-tesla-v100` (16 GB), …;
    /// * GKE `cloud.google.com/gke-tpu-accelerator`: `tpu-v5-lite-podslice`, `tpu-v5-lite-device`,
    ///   `tpu-v6e-slice`, `tpu-v4-podslice`, `tpu-v5p-slice`, `tpu7x`; catalog slice names `tpu-v6e-8`;
    /// * Karpenter `karpenter.k8s.aws/instance-gpu-name` / `instance-accelerator-name`: `a100`, `h100`,
    ///   `a10g`, `l40s`, `t4`, `radeon-pro-v520`, `inferentia2`, `trainium`;
    /// * Slurm GRES types: `a100`, `a100_80gb`, `h100`, `v100`, `v100-32gb`, `tesla_v100`;
    /// * catalog names: `A100`, `A100-80GB`, `H100`, `H100-MEGA`, `V100-32GB`, `RTXPRO6000`, `Radeon Pro V520`;
    /// * shorthand: `a100-40gb`, `A100 80GB`, `a100-80g`, `h100-sxm5`, and every canonical id.
    ///
    /// The bare names `a100` and `v100` are ambiguous and read as the smaller part (`a100-40gb`,
    /// `v100-16gb`); `normalizationNote(_:)` says so. `h100` without a size is the 80 GB SXM/PCIe part.
    public static func normalize(_ raw: String) -> GPUModel? {
        resolve(raw)?.model
    }

    /// A sentence to show when `normalize(_:)` had to choose or drop something, e.g.
    /// `'a100' read as a100-40gb (the 40 GB part); write a100-80gb for the 80 GB part`; nil when the
    /// spelling was unambiguous or unknown.
    public static func normalizationNote(_ raw: String) -> String? {
        resolve(raw)?.note
    }

    // MARK: - Resolution

    package struct Resolution: Sendable {
        package var model: GPUModel
        package var note: String?
    }

    package static func resolve(_ raw: String) -> Resolution? {
        // Label values rarely carry spaces: trim (through Foundation) only when an end is not plain ASCII.
        let plainEnds = raw.utf8.first.map { (0x21...0x7E).contains($0) } == true && raw.utf8.last.map { (0x21...0x7E).contains($0) } == true
        var text = (plainEnds ? raw : raw.trimmingCharacters(in: .whitespacesAndNewlines)).lowercased()
        guard !text.isEmpty else { return nil }
        var notes: [String] = []
        var shared = false
        var migProfile: String?
        while text.hasSuffix("-shared") || text.hasSuffix("_shared") {
            text.removeLast("-shared".count)
            shared = true
        }
        if let offset = Self.byteOffset(of: "-mig-", in: text) {
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: offset)
            migProfile = String(text[utf8.index(start, offsetBy: 5)...])
            text = String(text[..<start])
        }
        let model: GPUModel
        if let exact = exactAliases[text] {
            model = GPUModel(id: exact)
        } else if let guess = family(of: text) {
            model = guess.model
            if let note = guess.ambiguity { notes.append("'\(raw)' read as \(note)") }
        } else {
            return nil
        }
        if let migProfile {
            notes.append("'\(raw)' names a MIG \(migProfile) slice: read as its parent GPU, \(model.id) (single MIG "
                         + "strategy: each nvidia.com/gpu is one slice)")
        }
        if shared {
            notes.append("'\(raw)' is a time-shared GPU (-SHARED): read as \(model.id), each replica priced as a whole GPU")
        }
        return Resolution(model: model, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// The UTF-8 offset of the first `needle` (ASCII) in `text`. By hand: Foundation's `range(of:)`
    /// went through a CFString search, and the generic `firstRange(of:)` cost more still, per label.
    package static func byteOffset(of needle: StaticString, in text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            needle.withUTF8Buffer { wanted -> Int? in
                guard bytes.count >= wanted.count, let base = bytes.baseAddress, let target = wanted.baseAddress else { return nil }
                return (0...(bytes.count - wanted.count)).first { memcmp(base + $0, target, wanted.count) == 0 }
            }
        } ?? text.range(of: needle.description).map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound) }
    }

    /// Spellings that say more than their tokens: GKE's `nvidia-tesla-a100` is always the 40 GB part and
    /// `nvidia-tesla-v100` the 16 GB part (GCP offers no other), so they carry no ambiguity note.
    package static let exactAliases: [String: String] = [
        "nvidia-tesla-a100": "a100-40gb",
        "nvidia-tesla-v100": "v100-16gb",
    ]

    /// Tokens that never change the model: vendors, form factors, memory types, marketing words,
    /// GKE/TPU topology words.
    package static let noiseTokens: Set<String> = [
        "nvidia", "tesla", "amd", "instinct", "intel", "habana", "aws", "google", "gpu", "tensor", "core",
        "sxm", "sxm2", "sxm3", "sxm4", "sxm5", "pcie", "hbm2", "hbm2e", "hbm3", "hbm3e", "oam", "server", "edition",
        "blackwell", "hopper", "ampere", "mega", "podslice", "slice", "device", "pod",
    ]

    /// Families keyed by their tokens joined without separators; `memory` maps a size token (GB) to an id
    /// where the family has several sizes, `fallback` is the id for no size token.
    private struct Family {
        var fallback: String
        var memory: [Int: String] = [:]
        var ambiguity: String?
    }

    private static let families: [String: Family] = {
        var table: [String: Family] = [
            "a100": Family(fallback: "a100-40gb", memory: [40: "a100-40gb", 80: "a100-80gb"],
                           ambiguity: "a100-40gb (the 40 GB part); write a100-80gb for the 80 GB part"),
            "v100": Family(fallback: "v100-16gb", memory: [16: "v100-16gb", 32: "v100-32gb"],
                           ambiguity: "v100-16gb (the 16 GB part); write v100-32gb for the 32 GB part"),
            "v100s": Family(fallback: "v100-32gb", memory: [32: "v100-32gb"]),
            // Digital Research Alliance of Canada clusters (Cedar) call their 32 GB V100s `v100l`.
            "v100l": Family(fallback: "v100-32gb", memory: [32: "v100-32gb"]),
            "h100": Family(fallback: "h100-80gb", memory: [80: "h100-80gb", 94: "h100-nvl"]),
            "h100nvl": Family(fallback: "h100-nvl", memory: [94: "h100-nvl", 96: "h100-nvl"]),
        ]
        let plain: [String: String] = [
            "h200": "h200-141gb", "h200nvl": "h200-141gb", "gh200": "gh200", "b200": "b200", "b300": "b300",
            "gb200": "gb200", "l4": "l4", "l40": "l40", "l40s": "l40s", "t4": "t4", "t4g": "t4g", "a10g": "a10g",
            "a10": "a10", "a30": "a30", "a40": "a40", "k80": "k80", "m60": "m60", "p100": "p100", "p4": "p4",
            "p40": "p40", "rtxpro6000": "rtx-pro-6000", "radeonprov520": "radeon-pro-v520", "v520": "radeon-pro-v520",
            "mi25": "mi25", "radeonmi25": "mi25", "mi300x": "mi300x",
            "gaudi": "gaudi", "gaudi1": "gaudi", "gaudihl205": "gaudi", "hl205": "gaudi", "gaudi2": "gaudi2",
            "gaudi3": "gaudi3", "inferentia": "inferentia", "inferentia1": "inferentia", "inf1": "inferentia",
            "inferentia2": "inferentia2", "inf2": "inferentia2", "trainium": "trainium", "trainium1": "trainium",
            "trn1": "trainium", "trainium2": "trainium2", "trn2": "trainium2",
            "tpuv2": "tpu-v2", "tpuv3": "tpu-v3", "tpuv4": "tpu-v4", "tpuv5lite": "tpu-v5e", "tpuv5litepod": "tpu-v5e",
            "tpuv5e": "tpu-v5e", "tpuv5p": "tpu-v5p", "tpuv6e": "tpu-v6e", "tpuv6lite": "tpu-v6e", "tpu7x": "tpu7x",
            "tpuv7x": "tpu7x", "tpuv7": "tpu7x", "tpu7": "tpu7x",
        ]
        for (key, id) in plain { table[key] = Family(fallback: id) }
        return table
    }()

    private static func family(of text: String) -> (model: GPUModel, ambiguity: String?)? {
        // Split on the separators' bytes (all ASCII, never inside a multi-byte character): as
        // `components(separatedBy: CharacterSet("-_/ \t"))` does, without bridging to NSString.
        let separators: [UInt8] = Array("-_/ \t".utf8)
        var tokens = text.utf8.split(omittingEmptySubsequences: true) { separators.contains($0) }
            .map { String(Substring($0)) }.filter { !noiseTokens.contains($0) }
        var memory: Int?
        tokens.removeAll { token in
            guard let size = memoryGB(token) else { return false }
            memory = memory ?? size
            return true
        }
        // TPU slice names end in a chip count (`tpu-v6e-8`, `tpu-v5litepod-16`).
        if tokens.first == "tpu" || tokens.first?.hasPrefix("tpu") == true, tokens.count > 1,
           tokens.last?.allSatisfy(\.isNumber) == true {
            tokens.removeLast()
        }
        let key = tokens.joined()
        if let family = families[key] {
            if let memory {
                if let id = family.memory[memory] { return (GPUModel(id: id), nil) }
                // A size on a single-size family (`l4-24gb`, `GH200-480GB`) changes nothing; a size a
                // multi-size family does not come in (`a100-60gb`) is not a model costgate knows.
                return family.memory.isEmpty ? (GPUModel(id: family.fallback), nil) : nil
            }
            return (GPUModel(id: family.fallback), family.ambiguity)
        }
        // Canonical ids and anything else already in id form.
        if GPUModel(id: text).isKnown { return (GPUModel(id: text), nil) }
        return nil
    }

    /// `40gb`, `80g`, `141gib` → the size in GB.
    private static func memoryGB(_ token: String) -> Int? {
        for suffix in ["gib", "gb", "g"] where token.hasSuffix(suffix) {
            let digits = token.dropLast(suffix.count)
            if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return Int(digits) }
        }
        return nil
    }
}
