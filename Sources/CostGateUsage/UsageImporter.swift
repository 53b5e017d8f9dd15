import Foundation
import CostGatePricing

/// Reads a usage export of the given kind. Bad rows are diagnostics at their place; the others are kept.
///
/// * `.sacct`: `SacctImporter` (`SacctImporter.command`'s output);
/// * `.focus`: `FOCUSImporter` (a FinOps FOCUS 1.0–1.2 CSV export);
/// * `.opencost`: `OpenCostImporter` (an OpenCost `/allocation` API response).
public enum UsageImporter {
    public static func read(_ bytes: [UInt8], file: String, source: UsageRecord.Source, pricing: PricingSettings) -> UsageReading {
        switch source {
        case .sacct: return SacctImporter.read(bytes, file: file, pricing: pricing)
        case .focus: return FOCUSImporter.read(bytes, file: file)
        case .opencost: return OpenCostImporter.read(bytes, file: file)
        }
    }
}
