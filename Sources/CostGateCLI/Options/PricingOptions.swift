import ArgumentParser
import CostGateCore
import Foundation

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

    /// The settings: the built-in catalog, then the policy's pricing section, then the flags given
    /// (flags win), then the `--prices` file. Returns the diagnostics of the policy's prices and the file.
    func settings(fileSystem: any FileSystem, policy: Policy? = nil) throws -> (PricingSettings, [Diagnostic]) {
        var settings = PricingSettings(catalog: .builtin)
        var diagnostics: [Diagnostic] = []
        if let policy { diagnostics += policy.pricing.apply(to: &settings, file: policy.file) }
        if let provider {
            guard let parsed = CloudProvider(rawValue: provider.lowercased()) else {
                throw ValidationError("unknown provider '\(provider)': expected aws, gcp or azure"
                                      + Suggestion.didYouMean(provider, in: CloudProvider.allCases.map(\.rawValue)))
            }
            settings.provider = parsed
            if region == nil, policy?.pricing.provider != nil, policy?.pricing.provider != parsed { settings.region = nil }
        }
        if let region { settings.region = region }
        if let defaultGPU {
            guard let model = GPUModel.normalize(defaultGPU) else {
                throw ValidationError("unknown GPU model '\(defaultGPU)' for --default-gpu; 'costgate catalog' lists the models")
            }
            settings.defaultGPU = model
        }
        if let pricesFile {
            do {
                let bytes = try fileSystem.contents(of: pricesFile)
                diagnostics += PriceOverrideFile.apply(bytes, file: pricesFile, to: &settings)
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        return (settings, diagnostics)
    }
}
