import Foundation
import CostGateSpot
import CostGateBasics
import CostGateWorkloads
import CostGatePricing

extension Estimator {
    /// The spot model applied to one workload.
    package struct SpotAnalysis {
        package var estimate: SpotEstimate
        /// Independent copies of the modelled job (replicas that need not be up together), and runs.
        package var scale: Decimal
        package var figures: SpotFigures
        package var note: String

        package func money(_ value: Double?) -> Decimal? {
            guard let value, value.isFinite else { return nil }
            return DecimalMath.product(DecimalMath.decimal(value), scale)
        }
    }

    /// The spot model's expected cost for an on-demand workload, exact means only (no simulation,
    /// no recommendation): cheap enough to offer on every GPU workload.
    package func spotHint(_ workload: Workload, prices: [RolePrice], instance: InstanceType?, provider: CloudProvider,
                  region: String) -> Decimal? {
        guard let setup = spotJob(workload, prices: prices, instance: instance, provider: provider, region: region, trials: 1),
              let mean = try? SpotModel.mean(setup.job), let cost = mean.costSpot, cost.isFinite else { return nil }
        return DecimalMath.product(DecimalMath.decimal(cost), setup.scale)
    }

    /// Runs the whole spot model (means, simulation, optimum, recommendation) for a workload on spot capacity.
    package func spotAnalysis(_ workload: Workload, prices: [RolePrice], instance: InstanceType?, provider: CloudProvider,
                      region: String) -> SpotAnalysis? {
        guard let setup = spotJob(workload, prices: prices, instance: instance, provider: provider, region: region,
                                  trials: settings.spotTrials) else { return nil }
        let (job, gang, copies, sourceText) = (setup.job, setup.job.nodes, setup.copies, setup.origin.description)
        let interval = job.checkpointIntervalHours
        let maxRuntime = job.maxRuntimeHours
        guard let estimate = cache.spotEstimate(job) else { return nil }
        let recommendation = estimate.recommendation
        let figures = SpotFigures(
            ratePerInstanceHour: estimate.ratePerInstanceHour, rateSource: sourceText, gangSize: gang, mtbiHours: estimate.mtbiHours,
            expectedInterruptions: estimate.mean.interruptions ?? .infinity, checkpointIntervalHours: interval,
            recommendedCheckpointIntervalHours: estimate.optimum.recommendedIntervalHours,
            recommendation: recommendation.action.rawValue, recommendationReason: recommendation.reason.rawValue,
            pNoInterruption: estimate.mean.pNoInterruption, maxRuntimeHours: maxRuntime)
        let checkpoint = interval.map { "checkpoint every \(Self.hours($0))" } ?? "no checkpoints (restart from the beginning)"
        let copiesText = copies > 1 ? "\(copies) independent replicas" : "gang of \(gang)"
        let interruptions = estimate.mean.interruptions.map { FixedText.format($0, places: 3) } ?? "unbounded"
        var note = "spot model: \(sourceText); \(copiesText); \(interruptions) interruptions expected per run; \(checkpoint); "
            + "restart \(Self.hours(job.restartHours)) billed; recommendation \(recommendation.action.rawValue) (\(recommendation.reason.rawValue))"
        if let best = estimate.optimum.recommendedIntervalHours { note += "; best checkpoint interval \(Self.hours(best))" }
        if let maxRuntime { note += "; spot instances stop after \(Self.hours(maxRuntime)) (GKE preemptible)" }
        if copies > 1 { note += "; quantiles add the replicas' quantiles (an upper bound for independent replicas)" }
        return SpotAnalysis(estimate: estimate, scale: setup.scale, figures: figures, note: note)
    }

    package struct SpotWorkloadJob {
        package var job: SpotJob
        /// Independent copies of the job (replicas outside a gang).
        package var copies: Int
        /// Copies × array tasks or runs: what one job's cost is multiplied by.
        package var scale: Decimal
        /// Where the interruption rate comes from; its text is written only for the spot analysis
        /// (the hint on every on-demand GPU workload never shows it).
        package var origin: RateOrigin
    }

    /// Where a workload's interruption rate comes from, for the spot figures and the note.
    package enum RateOrigin: CustomStringConvertible {
        case policyRate(model: GPUModel, rate: Double)
        case policyBand(model: GPUModel, band: InterruptionBand, provider: SpotProvider)
        case spotAdvisor(instance: String, region: String, band: String)
        case unpublished

        package var description: String {
            switch self {
            case .policyRate(let model, let rate): return "the policy's interruption rate for \(model.id): \(rate) per instance-hour"
            case .policyBand(let model, let band, let provider):
                return "the policy's interruption band for \(model.id): \(band.spelling(for: provider)) (\(provider.rawValue))"
            case .spotAdvisor(let instance, let region, let band): return "AWS Spot Advisor: \(instance) in \(region) band \(band) a month"
            case .unpublished: return "no published interruption figure for this capacity: default band 10-15% a month"
            }
        }
    }

    /// The spot model's job for `workload`: the gang (pods that must all be up) at whole-gang prices;
    /// replicas outside a gang are independent copies whose costs add up.
    package func spotJob(_ workload: Workload, prices: [RolePrice], instance: InstanceType?, provider: CloudProvider, region: String,
                 trials: Int) -> SpotWorkloadJob? {
        let hours = workload.durationHours.doubleValue
        guard hours > 0 else { return nil }
        let replicas = workload.roles.reduce(0) { $0 + $1.replicas.nominal }
        guard replicas > 0 else { return nil }
        let gang = min(max(1, workload.gangSize ?? 1), replicas)
        let copies = gang > 1 ? 1 : replicas
        // The model computes in Double (spot-model.md); convert each role's price once.
        var spotTotal = 0.0
        var onDemandTotal = 0.0
        for (role, price) in zip(workload.roles, prices) {
            let onDemand = price.onDemandPerHour.doubleValue
            spotTotal += Double(role.replicas.nominal) * (price.spotPerHour?.doubleValue ?? onDemand)
            onDemandTotal += Double(role.replicas.nominal) * onDemand
        }
        let (source, origin) = interruptionSource(workload, prices: prices, instance: instance, provider: provider, region: region)
        guard let job = try? SpotJob(
            workHours: hours, nodes: gang, interruption: source,
            checkpointIntervalHours: (workload.checkpointIntervalHours ?? settings.spot.checkpointIntervalHours)?.doubleValue,
            restartHours: settings.spot.restartHours?.doubleValue ?? 0.25,
            priceSpotPerHour: spotTotal / Double(copies), priceOnDemandPerHour: onDemandTotal / Double(copies),
            maxRuntimeHours: workload.spotMaxRuntimeHours?.doubleValue,
            trials: trials, seed: settings.spotSeed) else { return nil }
        let multiplier = Decimal(workload.arrayTasks ?? workload.runsPerMonth ?? 1)
        return SpotWorkloadJob(job: job, copies: copies, scale: DecimalMath.product(Decimal(copies), multiplier), origin: origin)
    }

    package static func hours(_ value: Double) -> String {
        value >= 1 ? FixedText.format(value, places: 2) + " h" : FixedText.format(value * 60, places: 0) + " min"
    }

    private func interruptionSource(_ workload: Workload, prices: [RolePrice], instance: InstanceType?, provider: CloudProvider,
                                    region: String) -> (InterruptionSource, RateOrigin) {
        if let model = prices.lazy.compactMap({ $0.model }).first, let source = settings.spot.interruptionByModel[model] {
            switch source {
            case .rate(let rate): return (source, .policyRate(model: model, rate: rate))
            case .band(let band, let bandProvider, _, _): return (source, .policyBand(model: model, band: band, provider: bandProvider))
            }
        }
        if provider == .aws {
            let name = instance?.name ?? prices.compactMap { $0.accelerator?.reference }.first
            if let name, let band = cache.spotBand(settings.catalog, instance: name, region: region) {
                return (.band(band.interruptionBand, provider: .aws), .spotAdvisor(instance: name, region: region, band: band.label))
            }
        }
        return (.band(.defaultWhereUnpublished, provider: .generic), .unpublished)
    }
}
