import Foundation
import CostGateBasics
import CostGateWorkloads

/// The GCP and TPU tables of the built-in catalog: host rows, accelerator rows (after
/// `GCPSanityBound`), the shapes that join them into instance types, and TPU per-chip prices.
extension BuiltinCatalog {
    package struct GCPTables {
        package var rows: [GCPAcceleratorRow] = []
        package var hosts: [String: [String: PriceCatalog.GCPHostRow]] = [:]
        package var shapes: [String: (accelerator: String, count: Int)] = [:]
        package var instances: [InstanceType] = []
    }

    package static func readGCP(source: (String) -> CatalogSource, notes: inout [String],
                        problems: inout [PricingError]) -> GCPTables {
        var tables = GCPTables()
        let shapeTable = CatalogTable(name: "gcpShapesTable", text: gcpShapesTable, header: ["instance", "accelerator", "count"])
        let hostTable = CatalogTable(name: "gcpHostsTable", text: gcpHostsTable,
                                     header: ["region", "instance", "vcpus", "memoryGiB", "onDemand", "spot", "zones"])
        let rowTable = CatalogTable(name: "gcpAcceleratorsTable", text: gcpAcceleratorsTable,
                                    header: ["region", "accelerator", "model", "count", "onDemand", "spot", "zones"])
        problems += shapeTable.problems + hostTable.problems + rowTable.problems
        for row in shapeTable.rows {
            guard let count = shapeTable.int(row, 2) else {
                problems.append(.malformedRow(table: shapeTable.name, line: row.line, reason: "count is not a number"))
                continue
            }
            tables.shapes[shapeTable.string(row, 0)] = (shapeTable.string(row, 1), count)
        }
        var lastRegion: (row: CatalogTable.Row, text: String)?
        for row in hostTable.rows {
            guard let vcpus = hostTable.int(row, 2), let memory = hostTable.decimal(row, 3), let zones = hostTable.int(row, 6) else {
                problems.append(.malformedRow(table: hostTable.name, line: row.line, reason: "a number does not parse"))
                continue
            }
            let host = PriceCatalog.GCPHostRow(name: hostTable.string(row, 1), region: hostTable.string(row, 0, repeating: &lastRegion),
                                               vcpus: vcpus, memoryGiB: memory, onDemand: hostTable.decimal(row, 4),
                                               spot: hostTable.decimal(row, 5), zones: zones)
            tables.hosts[host.name, default: Dictionary(minimumCapacity: 16)][host.region] = host
        }
        var raw: [GCPAcceleratorRow] = []
        raw.reserveCapacity(rowTable.rows.count)
        lastRegion = nil
        for row in rowTable.rows {
            guard let count = rowTable.int(row, 3), count > 0, let zones = rowTable.int(row, 6) else {
                problems.append(.malformedRow(table: rowTable.name, line: row.line, reason: "count or zones is not a number"))
                continue
            }
            var entry = GCPAcceleratorRow(name: rowTable.string(row, 1), model: GPUModel(id: rowTable.string(row, 2)), count: count,
                                          region: rowTable.string(row, 0, repeating: &lastRegion), onDemand: rowTable.decimal(row, 4),
                                          spot: rowTable.decimal(row, 5), zones: zones)
            if let onDemand = entry.onDemand, let spot = entry.spot, !DecimalMath.isLess(spot, onDemand) {
                entry.spotNote = "spot price \(PriceText.format(spot)) not below the published on-demand "
                    + "\(PriceText.format(onDemand)) for \(entry.name) × \(count) in \(entry.region) (kept as published)"
            }
            raw.append(entry)
        }
        let bounded = GCPSanityBound.apply(to: raw)
        tables.rows = bounded.rows
        notes += bounded.notes
        tables.instances = instances(hosts: tables.hosts, shapes: tables.shapes, rows: bounded.rows, source: source)
        return tables
    }

    /// GCP instance types: each host row joined with the accelerator row of its shape in the same region.
    /// Unsorted: the caller files them by name and region.
    private static func instances(hosts: [String: [String: PriceCatalog.GCPHostRow]],
                                  shapes: [String: (accelerator: String, count: Int)], rows: [GCPAcceleratorRow],
                                  source: (String) -> CatalogSource) -> [InstanceType] {
        // By accelerator name, then region, in table order.
        var rowsByKey: [String: [String: [GCPAcceleratorRow]]] = [:]
        // The bound returns each name's rows together: one lookup of the name per run of rows.
        var start = rows.startIndex
        while start < rows.endIndex {
            let name = rows[start].name
            let end = rows[start...].firstIndex { $0.name != name } ?? rows.endIndex
            fill(&rowsByKey[name, default: [:]]) { regions in
                for row in rows[start..<end] { regions[row.region, default: []].append(row) }
            }
            start = end
        }
        let acceleratorSource = source("skypilot-gcp-accelerators"), hostSource = source("skypilot-gcp-hosts")
        var result: [InstanceType] = []
        result.reserveCapacity(hosts.values.reduce(0) { $0 + $1.count })
        for (name, regions) in hosts {
            guard let shape = shapes[name] else { continue }
            let shapeRows = rowsByKey[shape.accelerator] ?? [:]
            for (region, host) in regions {
                var instanceNotes: [String] = []
                var parts: InstanceType.GCPParts?
                var model: GPUModel?
                var onDemand = host.onDemand
                var spot = host.spot
                if shape.count > 0 {
                    let candidates = shapeRows[region] ?? []
                    var accelerator: (onDemand: Decimal?, spot: Decimal?)
                    if let exact = candidates.first(where: { $0.count == shape.count }) {
                        accelerator = (exact.onDemand, exact.spot)
                        instanceNotes += [exact.boundNote, exact.spotNote].compactMap { $0 }
                        model = exact.model
                    } else if let smallest = candidates.min(by: { $0.count < $1.count }) {
                        let scale = DecimalMath.quotient(Decimal(shape.count), Decimal(smallest.count))
                        accelerator = (smallest.onDemand.map { DecimalMath.product($0, scale) },
                                       smallest.spot.map { DecimalMath.product($0, scale) })
                        instanceNotes.append("no \(shape.accelerator) × \(shape.count) row in \(region): the × "
                                             + "\(smallest.count) row scaled by \(PriceText.format(scale))")
                        instanceNotes += [smallest.boundNote].compactMap { $0 }
                        model = smallest.model
                    } else {
                        continue  // the accelerator is not offered in this region
                    }
                    onDemand = both(host.onDemand, accelerator.onDemand).map { DecimalMath.sum($0.0, $0.1) }
                    spot = both(host.spot, accelerator.spot).map { DecimalMath.sum($0.0, $0.1) }
                    parts = InstanceType.GCPParts(accelerator: shape.accelerator, count: shape.count, hostOnDemand: host.onDemand,
                                                  hostSpot: host.spot, acceleratorOnDemand: accelerator.onDemand,
                                                  acceleratorSpot: accelerator.spot)
                    if host.onDemand == 0 {
                        instanceNotes.append("the \(name) host row is 0.0: the \(shape.accelerator) × \(shape.count) row holds "
                                             + "the whole machine")
                    }
                }
                if let total = onDemand, let spotTotal = spot, !DecimalMath.isLess(spotTotal, total), host.onDemand != 0 {
                    instanceNotes.append("spot price \(PriceText.format(spotTotal)) not below on-demand "
                                         + "\(PriceText.format(total)) in the source")
                }
                var instance = InstanceType(name: name, provider: .gcp, region: region, model: model,
                                            acceleratorCount: Decimal(shape.count), vcpus: host.vcpus, memoryGiB: host.memoryGiB,
                                            onDemandPerHour: onDemand, spotPerHour: spot,
                                            source: shape.count > 0 ? acceleratorSource : hostSource, notes: instanceNotes)
                instance.gcpParts = parts
                result.append(instance)
            }
        }
        return result
    }

    package static func readTPUs(source: (String) -> CatalogSource,
                         _ problems: inout [PricingError]) -> [GPUModel: [String: PriceCatalog.TPUChipPrice]] {
        let table = CatalogTable(name: "tpuTable", text: tpuTable, header: ["region", "model", "onDemand", "spot", "source"])
        problems += table.problems
        var result: [GPUModel: [String: PriceCatalog.TPUChipPrice]] = [:]
        for row in table.rows {
            let origin = table.string(row, 4)
            let chip = PriceCatalog.TPUChipPrice(
                onDemand: table.decimal(row, 2), spot: table.decimal(row, 3), origin: origin,
                source: source(origin.hasPrefix("gpuhunt") ? "gpuhunt-tpu" : "skypilot-gcp-accelerators"))
            result[GPUModel(id: table.string(row, 1)), default: [:]][table.string(row, 0)] = chip
        }
        return result
    }
}

private func both<T>(_ lhs: T?, _ rhs: T?) -> (T, T)? {
    guard let lhs, let rhs else { return nil }
    return (lhs, rhs)
}

/// Runs `body` on `value` in place: one lookup of a nested dictionary entry for many changes.
private func fill<Value>(_ value: inout Value, _ body: (inout Value) -> Void) {
    body(&value)
}
