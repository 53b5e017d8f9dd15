import Foundation
import CostGateBasics
import CostGateWorkloads

/// The price of one accelerator-hour of a model on a provider in a region (USD), and how it was
/// derived. This is the `$/accelerator-hour` term of
/// `accelerators × $/accelerator-hour + vCPU × $/vCPU-hour + GiB × $/GiB-hour`.
public struct AcceleratorPrice: Sendable, Hashable {
    public var model: GPUModel
    public var provider: CloudProvider
    /// The region asked for (or the provider default; `any` for provider-wide overrides in listings).
    public var region: String
    /// USD per accelerator-hour on demand (per chip for TPUs, per device for Neuron), never 0.
    public var onDemandPerHour: Decimal
    /// USD per accelerator-hour on spot; nil when there is no spot price.
    public var spotPerHour: Decimal?
    /// One sentence naming the row and the arithmetic, followed by any notes; shown by `explain`.
    public var derivation: String
    public var source: CatalogSource
    /// The instance type or SkyPilot row the price was derived from, e.g. `p5.4xlarge`, `H100 × 1`.
    public var reference: String?
    /// Share of one whole `model` accelerator one priced unit is: 1, except for fractional instances
    /// (g6f.large: one device is 0.125 of an L4).
    public var acceleratorFraction: Decimal
    /// Fallbacks, sanity-bound replacements, capped or estimated spot prices.
    public var notes: [String]
    /// For prices derived from one instance (AWS, Azure): its spot price / its on-demand price. A pod's
    /// share of that instance (accelerators, vCPUs and memory alike) costs its on-demand price × this on
    /// spot, so spot is never dearer than on demand unless the instance itself is. Nil otherwise.
    public var spotRatio: Decimal?

    public init(model: GPUModel, provider: CloudProvider, region: String, onDemandPerHour: Decimal,
                spotPerHour: Decimal?, derivation: String, source: CatalogSource, reference: String? = nil,
                acceleratorFraction: Decimal = 1, notes: [String] = [], spotRatio: Decimal? = nil) {
        self.model = model
        self.provider = provider
        self.region = region
        self.onDemandPerHour = onDemandPerHour
        self.spotPerHour = spotPerHour
        self.derivation = derivation
        self.source = source
        self.reference = reference
        self.acceleratorFraction = acceleratorFraction
        self.notes = notes
        self.spotRatio = spotRatio
    }

    /// True when the spot price is not below the on-demand one (the snapshot's spot is not cheaper here).
    public var spotNotCheaper: Bool {
        spotPerHour.map { !DecimalMath.isLess($0, onDemandPerHour) } ?? false
    }
}
