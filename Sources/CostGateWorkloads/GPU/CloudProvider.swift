/// A public cloud whose GPU prices the built-in catalog carries.
public enum CloudProvider: String, CaseIterable, Sendable, Hashable, Comparable {
    case aws
    case gcp
    case azure

    /// The region used when a workload names none: `us-east-1`, `us-central1`, `eastus`.
    public var defaultRegion: String {
        switch self {
        case .aws: return "us-east-1"
        case .gcp: return "us-central1"
        case .azure: return "eastus"
        }
    }

    /// Whether `region` is one of this provider's United States regions, the set the catalog falls
    /// back to (median) when an instance or model has no row in the requested region.
    public func isUSRegion(_ region: String) -> Bool {
        switch self {
        case .aws, .gcp:
            return region.hasPrefix("us-")
        case .azure:
            let stem = region.last?.isNumber == true ? String(region.dropLast()) : region
            return ["eastus", "westus", "centralus", "northcentralus", "southcentralus", "westcentralus"].contains(stem)
        }
    }

    /// Orders as declared (aws, gcp, azure), the order listings use.
    public static func < (lhs: CloudProvider, rhs: CloudProvider) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .aws: return 0
        case .gcp: return 1
        case .azure: return 2
        }
    }
}
