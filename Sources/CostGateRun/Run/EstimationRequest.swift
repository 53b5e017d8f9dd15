import CostGateWorkloads
import CostGatePricing

/// Everything `costgate estimate` needs: what to read and how to price it.
public struct EstimationRequest: Sendable {
    public var paths: [String]
    public var reading: ReadOptions
    public var pricing: PricingSettings
    /// Globs of paths to leave out (`--exclude`, the policy's `exclude`).
    public var exclude: [String]

    public init(paths: [String], reading: ReadOptions, pricing: PricingSettings, exclude: [String] = []) {
        self.paths = paths
        self.reading = reading
        self.pricing = pricing
        self.exclude = exclude
    }
}
