/// Whose interruption band is being read, which fixes the window the band's fraction refers to (§3.1).
public enum SpotProvider: String, Sendable, Hashable, CaseIterable, Codable {
    /// AWS Spot Instance Advisor "frequency of interruption": share reclaimed over the trailing month.
    case aws
    /// Azure Spot "eviction rate": documented as the chance of eviction within the next hour.
    case azure
    /// A generic monthly interruption probability.
    case generic

    /// Hours the band's fraction is measured over: AWS 730 (8760/12), Azure 1, generic 730.
    ///
    /// Reading an Azure band as monthly would understate its rate 730-fold.
    public var defaultWindowHours: Double {
        switch self {
        case .aws, .generic: return 730
        case .azure: return 1
        }
    }
}
