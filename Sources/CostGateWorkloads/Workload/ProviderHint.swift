/// What a manifest says about where it runs; the configured provider and region fill the rest.
public struct PlacementHint: Sendable, Hashable {
    public var provider: CloudProvider?
    public var region: String?
    /// Why the provider was inferred (`karpenter.k8s.aws/instance-gpu-name`).
    public var providerSource: String?

    public init(provider: CloudProvider? = nil, region: String? = nil, providerSource: String? = nil) {
        self.provider = provider
        self.region = region
        self.providerSource = providerSource
    }
}
