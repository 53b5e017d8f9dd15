/// Everything `costgate estimate` needs: what to read and how to price it.
public struct EstimationRequest: Sendable {
    public var paths: [String]
    public var reading: ReadOptions
    public var pricing: PricingSettings

    public init(paths: [String], reading: ReadOptions, pricing: PricingSettings) {
        self.paths = paths
        self.reading = reading
        self.pricing = pricing
    }
}
