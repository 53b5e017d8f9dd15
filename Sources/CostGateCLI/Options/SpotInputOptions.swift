import ArgumentParser
import CostGateCore
import Foundation
import CostGateSpot
import CostGateBasics
import CostGateWorkloads
import CostGatePricing
import CostGateEstimation
import CostGateReporting

/// The inputs of the spot model (spot-model.md §3) as flags, or the catalog flags that look prices and
/// the interruption band up. Durations take hours (`48`, `0.5`) or a unit (`36h`, `90m`, `2d`, `1h30m`).
///
/// Malformed flag text and contradictory or missing flags are usage errors (64); values the model
/// rejects (`--nodes 0`) are invalid input (2), named by their flag.
struct SpotInputOptions: ParsableArguments {
    // MARK: Job

    @Option(parsing: .unconditional, help: ArgumentHelp("Hours of useful work W (e.g. 48, 36h, 2d).", valueName: "duration"))
    var workHours: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Nodes that must all be up, gang-scheduled (default 1).", valueName: "n"))
    var nodes: Int?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Hours of work between checkpoints (e.g. 2h, 30m; default none: restart from scratch).",
                               valueName: "duration|none"))
    var checkpointInterval: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Time to write one checkpoint (default 0.05 h = 3 min).", valueName: "duration"))
    var checkpointWrite: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Restart overhead after an interruption (default 0.25 h = 15 min).", valueName: "duration"))
    var restartHours: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Billed share of restart time, 0 to 1 (default 1).", valueName: "fraction"))
    var restartBilledFraction: Double?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Fall back to on-demand at this many interruptions (default never).", valueName: "k"))
    var fallbackAfter: Int?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Provider's maximum runtime of a spot instance (default none).", valueName: "duration"))
    var maxRuntime: String?

    // MARK: Interruptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Interruptions per instance-hour λ.", valueName: "rate"))
    var rate: Double?

    @Option(help: ArgumentHelp("Published interruption band instead of --rate: <5%, 5-10%, 10-15%, 15-20%, >20% "
                               + "(Azure's 0-5 … 20+ too).", valueName: "band"))
    var band: String?

    @Option(help: ArgumentHelp("Whose band --band is: AWS and generic per month (730 h), Azure per hour.",
                               valueName: "aws|azure|generic"))
    var provider: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Window the band's fraction refers to (default by provider).",
                                                        valueName: "duration"))
    var windowHours: String?

    @Option(help: ArgumentHelp("Band midpoint or upper edge (default mid).", valueName: "mid|upper"))
    var bandEstimate: String?

    // MARK: Prices

    @Option(parsing: .unconditional, help: ArgumentHelp("Spot price, USD per hour for the whole job (all nodes).", valueName: "usd"))
    var priceSpot: Double?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("On-demand price, USD per hour for the whole job (all nodes).", valueName: "usd"))
    var priceOnDemand: Double?

    // MARK: Catalog

    @Option(help: ArgumentHelp("GPU model: prices and band come from the built-in catalog.", valueName: "model"))
    var gpu: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Accelerators per node with --gpu (default 1).", valueName: "n"))
    var gpusPerNode: Int?

    @Option(help: ArgumentHelp("Cloud of the catalog prices (default aws).", valueName: "aws|gcp|azure"))
    var cloud: String?

    @Option(help: "Region of the catalog prices (default us-east-1, us-central1 or eastus by cloud).")
    var region: String?

    @Option(help: ArgumentHelp("Instance type of one node (p5.48xlarge, a3-highgpu-8g, Standard_ND96isr_H100_v5).",
                               valueName: "name"))
    var instanceType: String?

    @Flag(help: "GCP preemptible VMs: maximum runtime 24 h (with --cloud gcp).")
    var preemptible = false

    // MARK: Decision and simulation

    @Option(parsing: .unconditional, help: ArgumentHelp("Budget of the job in USD: P90 on spot must fit it.", valueName: "usd"))
    var budget: Double?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Savings spot must reach to be recommended, a fraction or percentage (0.2, 20%).",
                               valueName: "fraction"))
    var minSavings: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Monte Carlo trials (default 100000).", valueName: "n"))
    var trials: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the simulation (default 42).", valueName: "n"))
    var seed: UInt64?

    /// The model flags given, by name (for `--input`, which excludes them all).
    var givenFlags: [String] {
        let values: [(String, Bool)] = [
            ("--work-hours", workHours != nil), ("--nodes", nodes != nil), ("--checkpoint-interval", checkpointInterval != nil),
            ("--checkpoint-write", checkpointWrite != nil), ("--restart-hours", restartHours != nil),
            ("--restart-billed-fraction", restartBilledFraction != nil), ("--fallback-after", fallbackAfter != nil),
            ("--max-runtime", maxRuntime != nil), ("--rate", rate != nil), ("--band", band != nil), ("--provider", provider != nil),
            ("--window-hours", windowHours != nil), ("--band-estimate", bandEstimate != nil), ("--price-spot", priceSpot != nil),
            ("--price-on-demand", priceOnDemand != nil), ("--gpu", gpu != nil), ("--gpus-per-node", gpusPerNode != nil),
            ("--cloud", cloud != nil), ("--region", region != nil), ("--instance-type", instanceType != nil),
            ("--preemptible", preemptible), ("--budget", budget != nil), ("--min-savings", minSavings != nil),
            ("--trials", trials != nil), ("--seed", seed != nil),
        ]
        return values.filter(\.1).map(\.0)
    }

    /// Whether prices and band come from the catalog.
    var usesCatalog: Bool { gpu != nil || instanceType != nil }

    // MARK: - Building the job

    /// The job these flags describe and where each input came from.
    func setup(catalog: PriceCatalog) throws -> SpotJobSetup {
        guard let workHoursText = workHours else {
            throw ValidationError("missing --work-hours (hours of useful work, e.g. 48 or 36h), or give a job file with --input")
        }
        try checkCombinations()
        var sources: [String: String] = [:]
        var raw: [String: String] = [:]   // the text of each flag, keyed by input, for error messages
        func given(_ key: String, _ flag: String, _ text: String?) {
            sources[key] = text == nil ? SpotJobSetup.defaultSource : flag
            if let text { raw[key] = text }
        }

        let work = try Self.hours(workHoursText, flag: "--work-hours")
        given("work_hours", "--work-hours", workHoursText)
        let nodeCount = nodes ?? 1
        given("nodes", "--nodes", nodes.map(String.init))
        var interval: Double?
        if let checkpointInterval, checkpointInterval.lowercased() != "none" {
            interval = try Self.hours(checkpointInterval, flag: "--checkpoint-interval")
        }
        given("checkpoint_interval_hours", "--checkpoint-interval", checkpointInterval)
        let write = try checkpointWrite.map { try Self.hours($0, flag: "--checkpoint-write") } ?? 0.05
        given("checkpoint_write_hours", "--checkpoint-write", checkpointWrite)
        let restart = try restartHours.map { try Self.hours($0, flag: "--restart-hours") } ?? 0.25
        given("restart_hours", "--restart-hours", restartHours)
        given("restart_billed_fraction", "--restart-billed-fraction", restartBilledFraction.map { "\($0)" })
        given("fallback_after_interruptions", "--fallback-after", fallbackAfter.map(String.init))
        given("budget", "--budget", budget.map { "\($0)" })
        given("trials", "--trials", trials.map(String.init))
        given("seed", "--seed", seed.map(String.init))
        let savings = try minSavings.map { try Self.fraction($0, flag: "--min-savings") } ?? 0
        given("min_savings_fraction", "--min-savings", minSavings)
        let window = try windowHours.map { try Self.hours($0, flag: "--window-hours") }
        let estimate = try parsedEstimate()

        // The catalog: prices per node and, on AWS, the Spot Advisor band.
        var pricing: SpotCatalogPricing?
        var title = "\(nodeCount) node\(nodeCount == 1 ? "" : "s")"
        var notes: [String] = []
        if usesCatalog {
            do {
                pricing = try SpotCatalogPricing.lookup(catalog: catalog, cloud: cloud, region: region, gpu: gpu,
                                                        gpusPerNode: gpusPerNode, instanceType: instanceType)
            } catch let error as SpotInputError where priceSpot != nil && priceOnDemand != nil {
                notes.append("catalog: \(error.diagnostic.message); the prices come from the flags")
            }
            if let pricing {
                title = "\(nodeCount) node\(nodeCount == 1 ? "" : "s") × \(pricing.node) (\(pricing.cloud.rawValue) \(pricing.region))"
                notes += pricing.notes
            }
        }

        // Interruptions.
        let interruption: InterruptionSource
        if let rate {
            interruption = .rate(perInstanceHour: rate)
            sources["interruption"] = "--rate"
            raw["interruption"] = "\(rate)"
        } else if let band {
            guard let parsed = InterruptionBand(spelling: band) else {
                throw ValidationError(SpotError.unknownBand(field: "--band", spelling: band).message)
            }
            let bandProvider: SpotProvider
            var providerSource = "--provider"
            if let provider {
                bandProvider = try Self.spotProvider(provider)
            } else {
                // With the catalog (checked above) the band is the cloud's: AWS and Azure have their own, GCP none.
                let cloud = pricing?.cloud ?? .aws
                bandProvider = cloud == .azure ? .azure : cloud == .aws ? .aws : .generic
                providerSource = "--cloud \(cloud.rawValue)"
            }
            interruption = .band(parsed, provider: bandProvider, windowHours: window, estimate: estimate)
            sources["interruption"] = "--band, \(providerSource)" + Self.bandDetail(interruption)
            raw["interruption"] = band
        } else {
            if let advisor = pricing?.advisorBand {
                interruption = .band(advisor.band, provider: .aws, windowHours: window, estimate: estimate)
                sources["interruption"] = advisor.sentence + Self.bandDetail(interruption)
            } else {
                interruption = .band(.defaultWhereUnpublished, provider: .generic, windowHours: window, estimate: estimate)
                let what = pricing.map { "\($0.cloud.rawValue) \($0.node) in \($0.region)" } ?? "this capacity"
                var sentence = "no published interruption figure for \(what) in the catalog: default band 10-15% a month"
                if pricing?.cloud == .azure { sentence += " (Azure's per-hour eviction rates are not in the catalog: give --band with --provider azure)" }
                sources["interruption"] = sentence + Self.bandDetail(interruption)
            }
        }

        // Prices for the whole job: the flags, else nodes × the catalog's per-node price.
        func nodePriceNote(_ pricing: SpotCatalogPricing) -> String { "node price: \(pricing.derivation)" }
        func jobPrice(_ flag: Double?, flagName: String, key: String, perNode: Decimal?, what: String) throws -> Double {
            if let flag {
                sources[key] = flagName
                raw[key] = "\(flag)"
                return flag
            }
            guard let pricing else {   // unreachable: checkCombinations requires both flags without the catalog
                throw ValidationError("missing \(flagName) (USD per hour for the whole job)")
            }
            guard let perNode else {
                throw SpotInputError(message: "the catalog has no \(what) price for \(pricing.node) in \(pricing.region); "
                                     + "give \(flagName) (USD per hour for the whole job)")
            }
            let total = perNode * Decimal(nodeCount)
            sources[key] = "catalog: \(nodeCount) node\(nodeCount == 1 ? "" : "s") × \(SpotCatalogPricing.text(perNode)) "
                + "USD per node-hour (\(pricing.node), \(pricing.cloud.rawValue) \(pricing.region))"
            if !notes.contains(nodePriceNote(pricing)) { notes.insert(nodePriceNote(pricing), at: 0) }
            return NSDecimalNumber(decimal: total).doubleValue
        }
        let spotPrice = try jobPrice(priceSpot, flagName: "--price-spot", key: "price_spot_per_hour",
                                     perNode: pricing?.spotPerNode, what: "spot")
        let onDemandPrice = try jobPrice(priceOnDemand, flagName: "--price-on-demand", key: "price_on_demand_per_hour",
                                         perNode: pricing?.onDemandPerNode, what: "on-demand")

        // Maximum runtime: the flag, else 24 h for GCP preemptible VMs.
        var limit = try maxRuntime.map { try Self.hours($0, flag: "--max-runtime") }
        given("max_runtime_hours", "--max-runtime", maxRuntime)
        if preemptible {
            guard (pricing?.cloud ?? cloud.flatMap { CloudProvider(rawValue: $0.lowercased()) }) == .gcp else {
                throw ValidationError("--preemptible means GCP preemptible VMs (24 h maximum runtime): use it with --cloud gcp")
            }
            if limit == nil {
                limit = 24
                sources["max_runtime_hours"] = "--preemptible: GCP preemptible VMs stop after 24 h"
            } else {
                notes.append("--max-runtime overrides the 24 h of --preemptible")
            }
        }

        do {
            let job = try SpotJob(
                workHours: work, nodes: nodeCount, interruption: interruption, checkpointIntervalHours: interval,
                checkpointWriteHours: write, restartHours: restart, restartBilledFraction: restartBilledFraction ?? 1,
                priceSpotPerHour: spotPrice, priceOnDemandPerHour: onDemandPrice, fallbackAfterInterruptions: fallbackAfter,
                maxRuntimeHours: limit, budget: budget, minSavingsFraction: savings, trials: trials ?? 100_000, seed: seed ?? 42)
            return SpotJobSetup(job: job, sources: sources, title: title, notes: notes)
        } catch {
            throw SpotInputError(message: renamed(error, raw: raw).message)
        }
    }

    /// Flags that are missing or contradict each other, found before any value is looked up.
    private func checkCombinations() throws {
        func list(_ flags: [(String, Bool)]) -> [String] { flags.filter(\.1).map(\.0) }
        func applies(_ flags: [String]) -> String { "\(flags.joined(separator: ", ")) \(flags.count == 1 ? "applies" : "apply")" }
        if !usesCatalog {
            let catalogOnly = list([("--cloud", cloud != nil), ("--region", region != nil), ("--gpus-per-node", gpusPerNode != nil),
                                    ("--preemptible", preemptible)])
            if !catalogOnly.isEmpty {
                throw ValidationError("\(applies(catalogOnly)) to catalog prices: give --gpu or --instance-type too")
            }
        }
        if rate != nil && band != nil { throw ValidationError("give either --rate or --band, not both") }
        let bandFlags = list([("--provider", provider != nil), ("--window-hours", windowHours != nil),
                              ("--band-estimate", bandEstimate != nil)])
        if rate != nil && !bandFlags.isEmpty { throw ValidationError("\(applies(bandFlags)) to a band, not to --rate") }
        if band == nil && provider != nil {
            throw ValidationError("--provider says whose band --band is" + (usesCatalog ? "; the catalog's band follows the cloud" : ""))
        }
        guard !usesCatalog else { return }
        if rate == nil && band == nil {
            throw ValidationError("missing the interruption rate: give --rate (per instance-hour), --band with --provider, "
                                  + "or --gpu/--instance-type to read the band from the catalog")
        }
        if band != nil && provider == nil {
            throw ValidationError("--band needs --provider aws|azure|generic: an Azure band is a chance per hour, "
                                  + "an AWS or generic one a chance per month")
        }
        let missing = list([("--price-spot", priceSpot == nil), ("--price-on-demand", priceOnDemand == nil)])
        if !missing.isEmpty {
            throw ValidationError("missing \(missing.joined(separator: " and ")) (USD per hour for the whole job), "
                                  + "or give --gpu/--instance-type to take prices from the catalog")
        }
    }

    /// The model's error with its field named as the flag that gave it (`'--nodes' must be …, found '0'`).
    private func renamed(_ error: SpotError, raw: [String: String]) -> SpotError {
        func flag(_ field: String) -> (String, String?) {
            let key = field.hasPrefix("interruption") ? "interruption" : field
            let names: [String: String] = [
                "work_hours": "--work-hours", "nodes": "--nodes", "checkpoint_interval_hours": "--checkpoint-interval",
                "checkpoint_write_hours": "--checkpoint-write", "restart_hours": "--restart-hours",
                "restart_billed_fraction": "--restart-billed-fraction", "fallback_after_interruptions": "--fallback-after",
                "max_runtime_hours": "--max-runtime", "budget": "--budget", "min_savings_fraction": "--min-savings",
                "trials": "--trials", "seed": "--seed",
                "price_spot_per_hour": priceSpot != nil ? "--price-spot" : "price_spot_per_hour (from the catalog)",
                "price_on_demand_per_hour": priceOnDemand != nil ? "--price-on-demand" : "price_on_demand_per_hour (from the catalog)",
            ]
            if field == "interruption.window_hours" { return ("--window-hours", windowHours) }
            if key == "interruption" { return (rate != nil ? "--rate" : band != nil ? "--band" : "interruption (from the catalog)", raw[key]) }
            return (names[key] ?? field, raw[key])
        }
        switch error {
        case .invalidValue(let field, let value, let requirement):
            let (name, text) = flag(field)
            return .invalidValue(field: name, value: text ?? value, requirement: requirement)
        case .tooManySegments(let field, let segments, let limit):
            return .tooManySegments(field: flag(field).0, segments: segments, limit: limit)
        default:
            return error
        }
    }

    private func parsedEstimate() throws -> InterruptionBand.Estimate {
        guard let bandEstimate else { return .mid }
        guard let estimate = InterruptionBand.Estimate(rawValue: bandEstimate.lowercased()) else {
            throw ValidationError("unknown --band-estimate '\(bandEstimate)': expected mid or upper"
                                  + Suggestion.didYouMean(bandEstimate, in: InterruptionBand.Estimate.allCases.map(\.rawValue)))
        }
        return estimate
    }

    private static func spotProvider(_ text: String) throws -> SpotProvider {
        guard let provider = SpotProvider(rawValue: text.lowercased()) else {
            throw ValidationError("unknown --provider '\(text)': expected aws, azure or generic"
                                  + Suggestion.didYouMean(text, in: SpotProvider.allCases.map(\.rawValue)))
        }
        return provider
    }

    /// `; mid f = 0.125 over 730 h`.
    private static func bandDetail(_ source: InterruptionSource) -> String {
        guard case .band(let band, _, _, let estimate) = source, let window = source.effectiveWindowHours else { return "" }
        return "; \(estimate.rawValue) f = \(band.fraction(estimate)) over \(SpotText.number(window)) h"
    }

    // MARK: - Values

    /// Hours from `48`, `0.5`, `36h`, `90m`, `45s`, `2d`, `1w` or `1h30m`; a usage error otherwise. A sign or
    /// zero passes through, so the model reports the value as out of range.
    static func hours(_ text: String, flag: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let value = Double(trimmed) { return value }
        if let unit = trimmed.last, let value = Double(trimmed.dropLast()) {
            switch unit {
            case "h": return value
            case "m": return value / 60
            case "s": return value / 3600
            case "d": return value * 24
            case "w": return value * 168
            default: break
            }
        }
        if let seconds = DurationText.seconds(trimmed) {
            return NSDecimalNumber(decimal: seconds).doubleValue / 3600
        }
        throw ValidationError("invalid \(flag) '\(text)': expected hours (48, 0.5) or a duration (36h, 90m, 2d)")
    }

    /// A fraction from `0.2` or `20%`.
    static func fraction(_ text: String, flag: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%"), let percent = Double(trimmed.dropLast().trimmingCharacters(in: .whitespaces)) {
            return percent / 100
        }
        guard let value = Double(trimmed) else {
            throw ValidationError("invalid \(flag) '\(text)': expected a fraction (0.2) or a percentage (20%)")
        }
        return value
    }
}
