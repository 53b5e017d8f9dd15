import ArgumentParser
import CostGateCore
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGatePricing
import CostGateReporting

/// `costgate catalog`: the built-in prices.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List the built-in GPU price catalog.",
        discussion: """
        Examples:
          costgate catalog
          costgate catalog --provider gcp --model a100-80gb
          costgate catalog --format json
        """)

    @Option(help: ArgumentHelp("Only this provider.", valueName: "aws|gcp|azure"))
    var provider: String?

    @Option(help: ArgumentHelp("Only this GPU model (any spelling).", valueName: "model"))
    var model: String?

    @Option(help: ArgumentHelp("Output format.", valueName: "text|json"))
    var format: String = "text"

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("unknown format '\(format)': expected text or json") }
    }

    func run() throws {
        let terminal = Terminal.detect(noColor: false)
        var providerFilter: CloudProvider?
        if let provider {
            guard let parsed = CloudProvider(rawValue: provider.lowercased()) else {
                throw ValidationError("unknown provider '\(provider)': expected aws, gcp or azure")
            }
            providerFilter = parsed
        }
        var modelFilter: GPUModel?
        if let model {
            guard let parsed = GPUModel.normalize(model) else {
                throw ValidationError("unknown GPU model '\(model)'")
            }
            modelFilter = parsed
        }
        let catalog = PriceCatalog.builtin
        let entries = catalog.listing(provider: providerFilter, model: modelFilter)
        if format == "json" {
            let document = JSONValue.object([
                "schemaVersion": .int(1),
                "date": .string(catalog.date),
                "sources": .array(catalog.sources.map { .string($0.description) }),
                "accelerators": .array(entries.map { entry in
                    .object([
                        "provider": .string(entry.provider.rawValue),
                        "region": .string(entry.region),
                        "model": .string(entry.model.id),
                        "onDemandPerHour": .decimal(entry.onDemandPerHour.rounded(6)),
                        "spotPerHour": entry.spotPerHour.map { .decimal($0.rounded(6)) } ?? .null,
                        "from": entry.reference.map { .string($0) } ?? .null,
                        "spotNotCheaper": .bool(entry.spotNotCheaper),
                        "derivation": .string(entry.derivation),
                    ])
                }),
            ])
            try terminal.out(document.rendered())
            return
        }
        var table = TextTable(headers: ["PROVIDER", "REGION", "MODEL", "FROM", "ON-DEMAND $/h", "SPOT $/h"],
                              alignments: [.left, .left, .left, .left, .right, .right])
        var dearer = 0
        for entry in entries {
            let spot = entry.spotPerHour.map { "\($0.rounded(4))" + (entry.spotNotCheaper ? " *" : "") } ?? "-"
            if entry.spotNotCheaper { dearer += 1 }
            table.rows.append([entry.provider.rawValue, entry.region, entry.model.id, entry.reference ?? "-",
                               "\(entry.onDemandPerHour.rounded(4))", spot])
        }
        try terminal.out(table.rendered())
        try terminal.out("\nPer accelerator-hour, USD, from the instance (AWS, Azure) or accelerator row (GCP) named in FROM; "
                         + "pods are priced from the configuration with as many accelerators as they request.\n")
        if dearer > 0 {
            try terminal.out("* spot not cheaper than on demand in the catalog's snapshot (\(dearer) row\(dearer == 1 ? "" : "s")): "
                             + "costgate prices spot there as published and says so.\n")
        }
        try terminal.out("Catalog dated \(catalog.date). Sources:\n")
        for source in catalog.sources { try terminal.out("  - \(source.description)\n") }
    }
}
