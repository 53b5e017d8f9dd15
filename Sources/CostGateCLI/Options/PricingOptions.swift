import ArgumentParser
import CostGateCore
import Foundation

/// Flags that choose where and at which prices workloads are priced.
struct PricingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Cloud provider for workloads whose manifest does not say.", valueName: "aws|gcp|azure"))
    var provider: String = "aws"

    @Option(help: "Region (default: us-east-1, us-central1 or eastus by provider).")
    var region: String?

    @Option(name: .customLong("prices"), help: ArgumentHelp("A YAML file of price overrides (internal rates, SLURM partitions).", valueName: "file"))
    var pricesFile: String?

    @Option(help: ArgumentHelp("GPU model assumed where a manifest names none (e.g. a100-80gb).", valueName: "model"))
    var defaultGPU: String?

    func settings(fileSystem: any FileSystem) throws -> (PricingSettings, [Diagnostic]) {
        guard let provider = CloudProvider(rawValue: provider.lowercased()) else {
            throw ValidationError("unknown provider '\(provider)': expected aws, gcp or azure"
                                  + Suggestion.didYouMean(provider, in: CloudProvider.allCases.map(\.rawValue)))
        }
        var settings = PricingSettings(catalog: .builtin, provider: provider, region: region)
        if let defaultGPU {
            guard let model = GPUModel.normalize(defaultGPU) else {
                throw ValidationError("unknown GPU model '\(defaultGPU)' for --default-gpu; 'costgate catalog' lists the models")
            }
            settings.defaultGPU = model
        }
        var diagnostics: [Diagnostic] = []
        if let pricesFile {
            do {
                let bytes = try fileSystem.contents(of: pricesFile)
                diagnostics = PriceOverrideFile.apply(bytes, file: pricesFile, to: &settings)
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        return (settings, diagnostics)
    }
}
