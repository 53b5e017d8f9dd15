import Foundation

/// Reads a usage export of the given kind. Bad rows are diagnostics at their line; the others are kept.
public enum UsageImporter {
    public static func read(_ bytes: [UInt8], file: String, source: UsageRecord.Source, pricing: PricingSettings) -> UsageReading {
        switch source {
        case .sacct: return SacctImporter.read(bytes, file: file, pricing: pricing)
        case .focus: return FOCUSImporter.read(bytes, file: file)
        case .opencost: return OpenCostImporter.read(bytes, file: file)
        }
    }
}

/// `sacct --parsable2 --noheader` with the documented field list (stub until implemented).
public enum SacctImporter {
    /// The `--format` costgate expects, in this order.
    public static let fields = ["JobID", "JobName", "Account", "Partition", "AllocTRES", "ElapsedRaw", "State", "Start", "End"]

    public static func read(_ bytes: [UInt8], file: String, pricing: PricingSettings) -> UsageReading {
        UsageReading(diagnostics: [Diagnostic(.error, at: .wholeFile(file), "sacct import is not implemented yet", rule: "usage")])
    }
}

/// FinOps FOCUS CSV (stub until implemented).
public enum FOCUSImporter {
    public static func read(_ bytes: [UInt8], file: String) -> UsageReading {
        UsageReading(diagnostics: [Diagnostic(.error, at: .wholeFile(file), "FOCUS import is not implemented yet", rule: "usage")])
    }
}

/// OpenCost `/allocation` JSON (stub until implemented).
public enum OpenCostImporter {
    public static func read(_ bytes: [UInt8], file: String) -> UsageReading {
        UsageReading(diagnostics: [Diagnostic(.error, at: .wholeFile(file), "OpenCost import is not implemented yet", rule: "usage")])
    }
}
