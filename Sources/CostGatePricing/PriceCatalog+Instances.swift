import Foundation

extension PriceCatalog {
    /// The instance type `name` (`p4d.24xlarge`, `a2-highgpu-8g`, `Standard_ND96asr_v4`; case-insensitive,
    /// Azure names also without `Standard_`) priced in `region`. The provider is the one whose catalog has
    /// the name. `region` nil means the provider's default region. When the type has no row in that region,
    /// its prices are the median over the provider's US regions that have it (all regions when none is in
    /// the US) and `notes` says so. Nil when the name is unknown.
    public func instance(named name: String, region: String?) -> InstanceType? {
        guard let rows = rows(forInstance: name), let any = rows.values.first else { return nil }
        let wanted = region ?? any.provider.defaultRegion
        guard var found = rows[wanted] ?? fallbackInstance(rows: rows, region: wanted) else { return nil }
        if let override = instanceOverrides[found.name.lowercased()] {
            found.onDemandPerHour = override.onDemand
            found.spotPerHour = override.spot
            found.source = .override(override.note)
            found.priceRegions = [wanted]
            found.notes.append("instance price from \(override.note)")
            // The overridden price is the whole instance's: the accelerator share comes from it, not from GCP's parts.
            found.gcpParts = nil
        }
        return found
    }

    /// Replaces the catalog's prices of one instance type (USD per instance-hour) in every region.
    /// Returns false when the catalog does not know the type (its size and accelerators are needed).
    public mutating func override(instance name: String, onDemandPerHour: Decimal, spotPerHour: Decimal?, note: String) -> Bool {
        guard let rows = rows(forInstance: name), let any = rows.values.first else { return false }
        instanceOverrides[any.name.lowercased()] = OverridePrice(onDemand: onDemandPerHour, spot: spotPerHour, note: note)
        return true
    }

    package func rows(forInstance name: String) -> [String: InstanceType]? {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        // SageMaker (HyperPod) names EC2 types with an `ml.` prefix.
        return instances[key] ?? instances["standard_" + key] ?? (key.hasPrefix("ml.") ? instances[String(key.dropFirst(3))] : nil)
    }

    /// The median of a type's prices over US regions, for a region the catalog has no row for.
    private func fallbackInstance(rows: [String: InstanceType], region: String) -> InstanceType? {
        guard let any = rows.values.first else { return nil }
        let provider = any.provider
        let us = rows.values.filter { provider.isUSRegion($0.region) }
        let pool = (us.isEmpty ? Array(rows.values) : us).sorted { $0.region < $1.region }
        guard let first = pool.first else { return nil }
        let regions = pool.map(\.region)
        var result = first
        result.region = region
        result.priceRegions = regions
        result.onDemandPerHour = PriceText.median(pool.compactMap(\.onDemandPerHour))
        result.spotPerHour = PriceText.median(pool.compactMap(\.spotPerHour))
        if pool.count > 1, result.gcpParts != nil {
            result.gcpParts?.hostOnDemand = PriceText.median(pool.compactMap { $0.gcpParts?.hostOnDemand })
            result.gcpParts?.hostSpot = PriceText.median(pool.compactMap { $0.gcpParts?.hostSpot })
            result.gcpParts?.acceleratorOnDemand = PriceText.median(pool.compactMap { $0.gcpParts?.acceleratorOnDemand })
            result.gcpParts?.acceleratorSpot = PriceText.median(pool.compactMap { $0.gcpParts?.acceleratorSpot })
        }
        let scope = us.isEmpty ? "regions" : "US regions"
        var notes = ["\(first.name) has no \(region) row in the catalog: priced at the median over the \(scope) "
                     + "that have it (\(regions.joined(separator: ", ")))"]
        // Keep the notes that hold for every region of the pool (corrections), drop per-region ones.
        let shared = pool.dropFirst().reduce(Set(first.notes)) { $0.intersection($1.notes) }
        notes += first.notes.filter { shared.contains($0) }
        result.notes = notes
        return result
    }
}
