import Foundation
import CostGateBasics
import CostGateWorkloads

/// One GCP accelerator-attach row for `count` accelerators in a region (USD per hour), as the
/// generator aggregated it (median over zones), after the sanity bound.
package struct GCPAcceleratorRow: Sendable, Hashable {
    /// SkyPilot's accelerator name: `A100`, `A100-80GB`, `H100`, `H100-MEGA`, `H200`, `B200`, `L4`, …
    package var name: String
    package var model: GPUModel
    package var count: Int
    package var region: String
    package var onDemand: Decimal?
    package var spot: Decimal?
    package var zones: Int
    /// Set when the sanity bound replaced `onDemand`; says what and why.
    package var boundNote: String?
    /// Set when the spot price is not below on-demand.
    package var spotNote: String?

    /// On-demand USD per accelerator-hour of this row.
    package var perAcceleratorOnDemand: Decimal? { onDemand.map { PriceText.divide($0, by: count) } }
}

/// The guard against inconsistent GCP accelerator rows.
///
/// SkyPilot's GCP rows for some models fall into two price levels that no regional difference
/// explains: H100 is 4.20076 USD per GPU-hour in us-central1, us-west1, us-west4 and many non-US
/// regions but 9.79655 in us-east4 and 11.03385 in us-east5 (the us-east4 figure plus its host row
/// matches the public a3-highgpu-8g list price); H100-MEGA (35.39 vs 82.75 per 8), H200 (36.60 vs
/// 74.49 per 8), A100-80GB (1.85 and 2.08 vs 4.42 per GPU) and A100 in a few non-US regions behave the
/// same way. GCP's real regional spread is far smaller (L4, T4, P4 and A100 vary by at most 20 % across
/// US regions in the same rows), so the low level is taken to be a different SKU and not a list price.
///
/// Rule: per SkyPilot accelerator name, the anchor is the highest per-accelerator on-demand price of
/// any US region (any region when there is no US row). A row below `minimumShare` (60 %) of the anchor
/// is inconsistent: its on-demand price is replaced by the median per-accelerator price of the
/// consistent US regions × count, and the row carries a note naming the original value. Spot prices
/// are kept as published (they are a separate market price). Rows above the anchor are kept: an
/// over-estimate is the safe side for a cost gate. With the bundled data this replaces the H100 and
/// A100-80GB rows of us-central1 (the GCP default region), us-west1 and us-west4 (H100), us-east4
/// (A100-80GB), us-east5 (H100-MEGA, H200), us-south1 (H200) and low rows outside the US (A100, H100,
/// H100-MEGA, H200); B200 (64.44 against 90.216 per 8, 71 %) passes. `PriceCatalog.notes` lists them.
package enum GCPSanityBound {
    /// A row is consistent when its per-accelerator price is at least this share of the anchor.
    package static let minimumShare = Decimal(sign: .plus, exponent: -1, significand: 6)

    /// Applies the bound to every row; returns the rows and one note per replaced region row.
    package static func apply(to rows: [GCPAcceleratorRow]) -> (rows: [GCPAcceleratorRow], notes: [String]) {
        var result: [GCPAcceleratorRow] = []
        result.reserveCapacity(rows.count)
        var notes: [String] = []
        // Row indices by name, in table order (indices, not rows: a row copy retains five strings).
        var byName: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() { byName[row.name, default: []].append(index) }
        // Each row's per-accelerator price, computed once: the bound reads it up to three times.
        let perAccelerator = rows.map(\.perAcceleratorOnDemand)
        for name in byName.keys.sorted() {
            let group = byName[name] ?? []
            let priced = group.compactMap { index in perAccelerator[index].map { (index: index, price: $0) } }
            let us = priced.filter { CloudProvider.gcp.isUSRegion(rows[$0.index].region) }
            let anchorRows = us.isEmpty ? priced : us
            guard let (anchor, anchorPrice) = anchorRows.max(by: { DecimalMath.isLess($0.price, $1.price) }) else {
                result += group.map { rows[$0] }
                continue
            }
            let floor = DecimalMath.product(anchorPrice, minimumShare)
            let consistent = anchorRows.filter { !DecimalMath.isLess($0.price, floor) }
            // One value per region: its first smallest-count row (the rows of one region are proportional).
            var smallestConsistent: [String: (count: Int, price: Decimal)] = [:]
            for (index, price) in consistent {
                let row = rows[index]
                if let current = smallestConsistent[row.region], current.count <= row.count { continue }
                smallestConsistent[row.region] = (row.count, price)
            }
            guard let replacement = PriceText.median(smallestConsistent.values.map(\.price)) else {
                result += group.map { rows[$0] }
                continue
            }
            let consistentRegions = smallestConsistent.keys.sorted().joined(separator: ", ")
            // The end of every replaced row's note, the same for the whole group.
            let reason = "(\(PriceText.format(anchorPrice)), \(rows[anchor].region)): replaced by the median of the "
                + "consistent US regions (\(consistentRegions)), \(PriceText.format(replacement))"
            var replaced: [String] = []
            var smallestCount: [String: Int] = [:]
            for index in group {
                let count = rows[index].count
                lower(&smallestCount[rows[index].region, default: count], to: count)  // one lookup per row
            }
            for index in group {
                var row = rows[index]
                if let original = row.onDemand, let price = perAccelerator[index], DecimalMath.isLess(price, floor) {
                    row.onDemand = DecimalMath.product(replacement, Decimal(row.count))
                    // "GCP <name> row in <region> (<price> USD per accelerator-hour, <original> for <count>) is below
                    // 60 % of the highest US row " + reason
                    var note = NoteText()
                    note.add("GCP ")
                    note.add(name)
                    note.add(" row in ")
                    note.add(row.region)
                    note.add(" (")
                    note.add(price: price)
                    note.add(" USD per accelerator-hour, ")
                    note.add(price: original)
                    note.add(" for ")
                    note.add(row.count)
                    note.add(") is below 60 % of the highest US row ")
                    note.add(reason)
                    row.boundNote = note.text
                    if row.count == smallestCount[row.region] { replaced.append("\(row.region) \(PriceText.format(price))") }
                }
                result.append(row)
            }
            if !replaced.isEmpty {
                notes.append("GCP \(name) rows below 60 % of the highest US row (\(PriceText.format(anchorPrice)) USD per "
                             + "accelerator-hour, \(rows[anchor].region)) replaced by the median of the consistent US regions "
                             + "(\(consistentRegions)), \(PriceText.format(replacement)): " + replaced.sorted().joined(separator: ", "))
            }
        }
        return (result, notes)
    }
}

private func lower(_ value: inout Int, to bound: Int) {
    value = min(value, bound)
}
