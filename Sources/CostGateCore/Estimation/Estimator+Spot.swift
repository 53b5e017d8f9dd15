import Foundation

extension Estimator {
    /// Defaults of the spot model the manifest cannot say (spot-model.md §3).
    static let defaultBand = InterruptionBand(spelling: "10-15%")!

    struct SpotExpectation {
        /// E[cost on spot] / (spot price × run hours): ≥ 1, the premium interruptions add.
        var factor: Double
        var figures: SpotFigures
        var note: String
    }

    /// The spot model's expected cost for this workload, as a multiplier on the uninterrupted spot cost.
    func spotExpectationFactor(_ workload: Workload, prices: [RolePrice], instance: InstanceType?,
                               provider: CloudProvider, region: String) -> SpotExpectation {
        let (source, sourceText) = interruptionSource(workload, prices: prices, instance: instance, provider: provider, region: region)
        let gang = max(1, workload.gangSize ?? 1)
        let hours = NSDecimalNumber(decimal: workload.durationHours).doubleValue
        let interval = workload.checkpointIntervalHours.map { NSDecimalNumber(decimal: $0).doubleValue }
        let preemptible = workload.assumptions.contains { $0.hasPrefix("GKE preemptible") }
        let rate = source.ratePerInstanceHour
        var factor = 1.0
        var interruptions = 0.0
        if hours > 0, let job = try? SpotJob(workHours: hours, nodes: gang, interruption: source, checkpointIntervalHours: interval,
                                             priceSpotPerHour: 1, priceOnDemandPerHour: 1,
                                             maxRuntimeHours: preemptible ? 24 : nil, trials: 1, seed: 42),
           let mean = try? SpotModel.mean(job), let cost = mean.costSpot {
            factor = cost / hours
            interruptions = mean.interruptions ?? 0
        }
        let mtbi = rate > 0 ? 1 / (rate * Double(gang)) : nil
        let checkpoint = interval.map { "checkpoint every \($0) h" } ?? "no checkpoints (restart from the beginning)"
        let note = "spot expected cost = spot price × \(String(format: "%.4f", factor)) (\(sourceText); gang of \(gang); "
            + "\(String(format: "%.3f", interruptions)) interruptions expected; \(checkpoint); restart 0.25 h)"
        let figures = SpotFigures(ratePerInstanceHour: rate, rateSource: sourceText, gangSize: gang, mtbiHours: mtbi,
                                  expectedInterruptions: interruptions, checkpointIntervalHours: interval)
        return SpotExpectation(factor: factor, figures: figures, note: note)
    }

    private func interruptionSource(_ workload: Workload, prices: [RolePrice], instance: InstanceType?, provider: CloudProvider,
                                    region: String) -> (InterruptionSource, String) {
        if provider == .aws {
            let name = instance?.name ?? prices.compactMap { $0.accelerator?.reference }.first
            if let name, let band = settings.catalog.spotBand(instance: name, region: region),
               let parsed = InterruptionBand(spelling: band.label) {
                return (.band(parsed, provider: .aws), "AWS Spot Advisor: \(name) in \(region) band \(band.label)")
            }
        }
        return (.band(Self.defaultBand, provider: .generic),
                "no published interruption figure for this capacity: default band 10-15% a month")
    }
}
