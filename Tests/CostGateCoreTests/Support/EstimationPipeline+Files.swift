import CostGateTestSupport
@testable import CostGateCore
@testable import CostGateBasics
@testable import CostGateWorkloads
@testable import CostGatePricing
@testable import CostGateRun

extension EstimationPipeline {
    /// Runs the pipeline over in-memory files with November 2026 as the month.
    static func run(_ files: [String: String], pricing: PricingSettings = PricingSettings(),
                    reading: ReadOptions = ReadOptions(month: CalendarMonth(year: 2026, month: 11)!)) -> EstimationResult {
        EstimationPipeline(fileSystem: MemoryFileSystem(texts: files))
            .run(EstimationRequest(paths: files.keys.sorted(), reading: reading, pricing: pricing))
    }
}
