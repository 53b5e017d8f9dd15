/// One AWS Spot Instance Advisor entry (Linux): the interruption band of an instance type in a
/// region and the advertised saving over on-demand.
public struct SpotAdvice: Sendable, Hashable {
    public var region: String
    public var instance: String
    public var band: SpotBand
    /// Advertised saving of spot over on-demand, in percent (0–100), as of the feed snapshot.
    public var savingsPercent: Int
    public var source: CatalogSource

    public init(region: String, instance: String, band: SpotBand, savingsPercent: Int, source: CatalogSource) {
        self.region = region
        self.instance = instance
        self.band = band
        self.savingsPercent = savingsPercent
        self.source = source
    }
}
