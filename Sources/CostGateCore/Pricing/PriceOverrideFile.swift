import Foundation

/// A `--prices` file: internal rates that replace catalog prices (on-prem clusters, negotiated
/// discounts). Data only; unknown keys are errors with a suggestion.
///
/// ```yaml
/// accelerators:
///   - model: a100-80gb      # any spelling costgate normalizes
///     provider: aws         # optional: every provider when absent
///     onDemand: 2.10        # USD per accelerator-hour
///     spot: 1.05            # optional
/// partitions:               # SLURM partitions charged back at internal rates
///   gpu-a100:
///     perGPUHour: 1.20
///     perCPUHour: 0.01      # optional
///     perGiBHour: 0.002     # optional
/// ```
public enum PriceOverrideFile {
    static let topKeys = ["accelerators", "partitions"]
    static let acceleratorKeys = ["model", "provider", "onDemand", "spot"]
    static let partitionKeys = ["perGPUHour", "perCPUHour", "perGiBHour"]

    /// Applies the file to `settings`; returns the diagnostics (errors leave `settings` partly applied).
    public static func apply(_ bytes: [UInt8], file: String, to settings: inout PricingSettings) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let stream = YAMLParser().parse(bytes)
        for document in stream.documents {
            switch document {
            case .failure(let failure):
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: failure.error.line, column: failure.error.column),
                                              failure.error.message, rule: "yaml"))
            case .success(let parsed):
                guard let root = parsed.root else { continue }
                do {
                    try read(NodeCursor(node: root, path: "", file: file, document: nil), into: &settings)
                } catch {
                    diagnostics.append(Diagnostic(.error, at: error.location, error.message, rule: "invalid-prices"))
                }
            }
        }
        return diagnostics
    }

    private static func read(_ root: NodeCursor, into settings: inout PricingSettings) throws(ManifestError) {
        try checkKeys(root, allowed: topKeys)
        for item in try root.child("accelerators")?.items() ?? [] {
            try checkKeys(item, allowed: acceleratorKeys)
            guard let modelNode = try item.child("model") else { throw .missingField(path: "\(item.path).model", at: item.location) }
            let raw = try modelNode.string()
            guard let model = GPUModel.normalize(raw) else {
                throw .invalidValue(path: modelNode.path, value: raw, reason: "not a GPU model costgate knows (costgate catalog lists them)",
                                    at: modelNode.location)
            }
            var provider: CloudProvider?
            if let providerNode = try item.child("provider") {
                let text = try providerNode.string()
                guard let parsed = CloudProvider(rawValue: text) else {
                    throw .invalidValue(path: providerNode.path, value: text,
                                        reason: "expected one of aws, gcp, azure" + Suggestion.didYouMean(text, in: CloudProvider.allCases.map(\.rawValue)),
                                        at: providerNode.location)
                }
                provider = parsed
            }
            guard let onDemandNode = try item.child("onDemand") else { throw .missingField(path: "\(item.path).onDemand", at: item.location) }
            let onDemand = try money(onDemandNode)
            let spot = try item.child("spot").map { node throws(ManifestError) in try money(node) }
            settings.catalog.override(model: model, provider: provider, onDemandPerHour: onDemand, spotPerHour: spot,
                                      note: "--prices \(root.file):\(modelNode.location.line)")
        }
        for entry in try root.child("partitions")?.entries() ?? [] {
            try checkKeys(entry.value, allowed: partitionKeys)
            guard let gpuNode = try entry.value.child("perGPUHour") else {
                throw .missingField(path: "\(entry.value.path).perGPUHour", at: entry.value.location)
            }
            settings.partitionRates[entry.key] = PartitionRate(
                perAcceleratorHour: try money(gpuNode),
                perVCPUHour: try entry.value.child("perCPUHour").map { node throws(ManifestError) in try money(node) } ?? 0,
                perGiBHour: try entry.value.child("perGiBHour").map { node throws(ManifestError) in try money(node) } ?? 0)
        }
    }

    private static func checkKeys(_ cursor: NodeCursor, allowed: [String]) throws(ManifestError) {
        for entry in try cursor.entries() where !allowed.contains(entry.key) {
            throw .unknownKey(key: entry.key, in: cursor.path, allowed: allowed, at: entry.keyLocation)
        }
    }

    /// A non-negative decimal read from its text, never through Double.
    private static func money(_ node: NodeCursor) throws(ManifestError) -> Decimal {
        let text = try node.string()
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value >= 0,
              text.allSatisfy({ $0.isNumber || $0 == "." }) else {
            throw .invalidValue(path: node.path, value: text, reason: "expected a non-negative price in USD per hour, e.g. 2.10",
                                at: node.location)
        }
        return value
    }
}
