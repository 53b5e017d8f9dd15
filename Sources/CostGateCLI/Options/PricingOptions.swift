import ArgumentParser
import CostGateCore
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateRun

/// Flags that choose where and at which prices workloads are priced.
struct PricingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Cloud provider for workloads whose manifest does not say (default: the policy's, else aws).",
                               valueName: "aws|gcp|azure"))
    var provider: String?

    @Option(help: "Region (default: us-east-1, us-central1 or eastus by provider).")
    var region: String?

    @Option(name: .customLong("prices"), help: ArgumentHelp("A YAML file of price overrides (internal rates, SLURM partitions).", valueName: "file"))
    var pricesFile: String?

    @Option(help: ArgumentHelp("GPU model assumed where a manifest names none (e.g. a100-80gb).", valueName: "model"))
    var defaultGPU: String?

    /// Checks the flags given and records them; `RunSettings.resolve` merges them with the policy.
    func parse(into flags: inout RunSettings.Flags) throws {
        if let provider {
            guard let parsed = CloudProvider(rawValue: provider.lowercased()) else {
                throw ValidationError("unknown provider '\(provider)': expected aws, gcp or azure"
                                      + Suggestion.didYouMean(provider, in: CloudProvider.allCases.map(\.rawValue)))
            }
            flags.provider = parsed
        }
        flags.region = region
        if let defaultGPU {
            guard let model = GPUModel.normalize(defaultGPU) else {
                throw ValidationError("unknown GPU model '\(defaultGPU)' for --default-gpu; 'costgate catalog' lists the models")
            }
            flags.defaultGPU = model
        }
        flags.pricesFile = pricesFile
    }
}
