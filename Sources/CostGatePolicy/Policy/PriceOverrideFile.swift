import Foundation
import CostGateBasics
import CostGateYAML
import CostGatePricing

/// A `--prices` file: internal rates that replace catalog prices (on-prem clusters, negotiated
/// discounts). It is a policy's `pricing:` section limited to two keys, read by the same reader, so
/// its values, errors and suggestions are the policy's.
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
    package static let topKeys = ["accelerators", "partitions"]

    /// Applies the file to `settings`; returns the diagnostics (errors leave `settings` partly applied).
    public static func apply(_ bytes: [UInt8], file: String, to settings: inout PricingSettings) -> [Diagnostic] {
        var reader = PolicyReader(file: file)
        reader.rule = "invalid-prices"
        var pricing = PolicyPricing()
        for document in YAMLParser().parse(bytes).documents {
            switch document {
            case .failure(let failure):
                reader.error(SourceLocation(file: file, line: failure.error.line, column: failure.error.column), failure.error.message,
                             rule: "yaml")
            case .success(let parsed):
                guard let root = parsed.root else { continue }
                pricing = reader.readPricing(NodeCursor(node: root, path: "", file: file, document: nil), allowed: topKeys)
            }
        }
        return reader.diagnostics + pricing.apply(to: &settings, file: file, origin: "--prices")
    }
}
