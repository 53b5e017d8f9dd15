/// The spot / preemptible interruption model (spec `spot-model.md` v1): expected cost and wall time
/// on spot capacity, its distribution, the optimum checkpoint interval and a recommendation.
///
/// Pure: same job (inputs, trials, seed) ⇒ the same estimate, bit for bit on Linux/glibc.
public enum SpotModel {
    /// Evaluates one job.
    ///
    /// Means come from the closed form (§5) or, with `k_max` or `L`, the exact dynamic programme (§8);
    /// quantiles from `method`: the exact distribution (`SpotDistribution`, `SpotRuntimeDistribution`)
    /// of jobs without `k_max`, else the simulation (§7). They are computed for the configured job and, when a budget
    /// needs its P90, for the recommended candidate.
    public static func estimate(_ job: SpotJob, method: SpotMethod = .exact) throws(SpotError) -> SpotEstimate {
        try estimate(job, method: method, memo: nil)
    }

    /// `estimate(_:method:)` with the exact quantiles' hours remembered across prices in `memo`.
    package static func estimate(_ job: SpotJob, method: SpotMethod, memo: SpotShapeMemo?) throws(SpotError) -> SpotEstimate {
        let configured = SpotScenario(job: job, interval: job.checkpointIntervalHours)
        let mean = try expectation(configured)
        let optimum = CheckpointOptimum(job: job)

        var monteCarlo: SpotMonteCarlo?
        var quantiles: SpotQuantiles?
        var skipped: SpotEstimate.MonteCarloSkip?
        if mean.isFinite {
            if mean.expectedInterruptions > SpotSimulation.expectedInterruptionLimit {
                skipped = .expectedInterruptionsAboveLimit
            } else {
                (quantiles, monteCarlo) = try spread(configured, job: job, mean: mean, method: method, memo: memo)
            }
        }

        var candidates = [SpotCandidate(
            name: .configured,
            intervalHours: configured.layout.segments > 1 ? job.checkpointIntervalHours : nil,
            segments: configured.layout.segments,
            meanCost: mean.costSpot)]
        var recommendedScenario: SpotScenario?
        var recommendedMean: SpotMean?
        if let segments = optimum.recommendedSegments {
            let scenario = SpotScenario(job: job, interval: optimum.recommendedIntervalHours)
            if !scenario.layout.matches(configured.layout) {
                let candidateMean = try expectation(scenario)
                recommendedScenario = scenario
                recommendedMean = candidateMean
                candidates.append(SpotCandidate(
                    name: .recommended,
                    intervalHours: optimum.recommendedIntervalHours,
                    segments: segments,
                    meanCost: candidateMean.costSpot))
            }
        }

        let recommendation = try SpotRecommendation.decide(
            candidates: candidates,
            onDemandCost: job.onDemandCost,
            minSavingsFraction: job.minSavingsFraction,
            budget: job.budget
        ) { (candidate: SpotCandidate) throws(SpotError) -> Double in
            switch candidate.name {
            case .configured:
                return quantiles?.p90Cost ?? .infinity
            case .recommended:
                guard let scenario = recommendedScenario, let candidateMean = recommendedMean,
                      candidateMean.expectedInterruptions <= SpotSimulation.expectedInterruptionLimit
                else { return .infinity }
                return try spread(scenario, job: job, mean: candidateMean, method: method, memo: memo).quantiles.p90Cost
            }
        }

        let lambda = job.jobRatePerHour
        return SpotEstimate(
            job: job,
            ratePerInstanceHour: job.ratePerInstanceHour,
            jobRatePerHour: lambda,
            mtbiHours: lambda > 0 && (1 / lambda).isFinite ? 1 / lambda : nil,
            layout: configured.layout,
            completes: mean.isFinite,
            mean: mean,
            optimum: optimum,
            quantiles: quantiles,
            monteCarlo: monteCarlo,
            monteCarloAccept: monteCarlo.map { SpotMonteCarloAcceptance(monteCarlo: $0, mean: mean) },
            monteCarloSkipped: skipped,
            recommendation: recommendation)
    }

    /// Exact expectations of the job as configured (§5 or §8), without simulation or recommendation:
    /// microseconds, for callers that only need `E[cost]` (such as the workload estimator).
    public static func mean(_ job: SpotJob) throws(SpotError) -> SpotMean {
        try expectation(SpotScenario(job: job, interval: job.checkpointIntervalHours))
    }

    /// Closed form without `k_max` and `L`, the dynamic programme otherwise.
    package static func expectation(_ scenario: SpotScenario) throws(SpotError) -> SpotMean {
        scenario.isBasic ? SpotClosedForm.mean(scenario) : try SpotDynamicProgramme.mean(scenario)
    }

    /// The quantiles of one scenario by `method`, and the simulation's summary when it was run.
    package static func spread(_ scenario: SpotScenario, job: SpotJob, mean: SpotMean, method: SpotMethod, memo: SpotShapeMemo? = nil)
        throws(SpotError) -> (quantiles: SpotQuantiles, monteCarlo: SpotMonteCarlo?) {
        if method == .exact {
            if scenario.hasExactDistribution { return (SpotQuantiles(exact: scenario, memo: memo), nil) }
            if let runtime = try SpotQuantiles(runtime: scenario, mean: mean, memo: memo) { return (runtime, nil) }
        }
        let monteCarlo = try simulate(scenario, job: job)
        return (SpotQuantiles(monteCarlo: monteCarlo), monteCarlo)
    }

    package static func simulate(_ scenario: SpotScenario, job: SpotJob) throws(SpotError) -> SpotMonteCarlo {
        SpotMonteCarlo(sample: try SpotSimulation(scenario: scenario).run(trials: job.trials, seed: job.seed))
    }
}
