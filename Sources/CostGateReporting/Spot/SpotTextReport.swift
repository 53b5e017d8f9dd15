import Foundation
import CostGateSpot

/// The text form of `costgate spot`: cost on spot against on-demand, the spread of the simulation,
/// the checkpoint interval, the recommendation with its reasons, and every assumption with its source.
/// Pure: a finished estimate in, text out.
public enum SpotTextReport {
    public static func render(_ estimate: SpotEstimate, setup: SpotJobSetup) -> String {
        let job = estimate.job
        let mean = estimate.mean
        let monteCarlo = estimate.monteCarlo
        var out = ""
        func line(_ label: String, _ value: String) {
            out += "  " + label.padding(toLength: 24, withPad: " ", startingAt: 0) + value + "\n"
        }

        let interval = job.checkpointIntervalHours.map { "checkpoint every \(SpotText.hours($0))" } ?? "no checkpoints"
        out += "Spot estimate for \(setup.title): \(SpotText.hours(job.workHours)) of work, \(interval)\n\n"

        if let cost = mean.costSpot {
            line("Expected cost on spot", SpotText.usd(cost) + (mean.source == .dynamicProgramme ? " (exact, dynamic programme)" : ""))
        } else {
            line("Expected cost on spot", "unbounded: the job never completes on spot")
        }
        line("On-demand cost", SpotText.usd(mean.costOnDemand))
        if let savings = mean.savings {
            if savings >= 0 {
                line("Expected savings", SpotText.usd(savings) + (mean.savingsFraction.map { " (\(SpotText.percent($0)))" } ?? ""))
            } else {
                let share = mean.savingsFraction.map { " (\(SpotText.percent(-$0)) more than on demand)" } ?? ""
                line("Expected extra cost", SpotText.usd(-savings) + share)
            }
        }
        if let quantiles = estimate.quantiles {
            let how = quantiles.method == .exact ? " (exact distribution)" : " (simulated, \(job.trials) trials)"
            line("Cost P50 / P90 / P99", [quantiles.p50Cost, quantiles.p90Cost, quantiles.p99Cost].map(SpotText.usd)
                .joined(separator: " / ") + how)
            let wall = mean.wallHours.map { "\(SpotText.number($0, places: 2)) h expected; " } ?? ""
            line("Wall time", wall + "P50 \(SpotText.number(quantiles.p50Wall, places: 2)) h, "
                 + "P90 \(SpotText.number(quantiles.p90Wall, places: 2)) h, P99 \(SpotText.number(quantiles.p99Wall, places: 2)) h")
        } else {
            let why = estimate.monteCarloSkipped != nil
                ? "not computed: more than 10,000 interruptions expected per run"
                : "not computed: the job never completes on spot"
            line("Cost P50 / P90 / P99", why)
            if let wall = mean.wallHours { line("Wall time", "\(SpotText.number(wall, places: 2)) h expected") }
        }
        var interruptions = mean.interruptions.map { "\(SpotText.number($0)) expected" } ?? "unbounded"
        if let none = mean.pNoInterruption {
            interruptions += "; P(no interruption) \(SpotText.percent(none))"
        } else if let none = monteCarlo?.pNoInterruption {
            interruptions += "; P(no interruption) \(SpotText.percent(none)) (simulated)"
        }
        line("Interruptions", interruptions)
        if let forced = mean.forcedInterruptions, let limit = job.maxRuntimeHours {
            line("Forced interruptions", "\(SpotText.number(forced)) expected (instances stop after \(SpotText.hours(limit)))")
        }
        if let kMax = job.fallbackAfterInterruptions, let probability = mean.fallbackProbability {
            line("Fallback to on-demand", "\(SpotText.percent(probability, places: 2)) of runs (at the \(SpotText.ordinal(kMax)) interruption)")
        }
        if let mtbi = estimate.mtbiHours {
            line("Gang MTBI", "\(mtbi < 1 ? SpotText.hours(mtbi) : SpotText.number(mtbi, places: 2) + " h") (\(job.nodes) node\(job.nodes == 1 ? "" : "s") × "
                 + "\(SpotText.rate(estimate.ratePerInstanceHour)) interruptions per instance-hour)")
        } else {
            line("Gang MTBI", "none: no interruptions (λ = 0)")
        }

        out += "\nCheckpoint interval\n"
        let layout = estimate.layout
        line("configured", layout.segments == 1 ? "none (one segment: a restart starts from the beginning)"
             : "\(job.checkpointIntervalHours.map(SpotText.hours) ?? "none"), \(layout.segments) segments, \(layout.checkpoints) checkpoint writes")
        let optimum = estimate.optimum
        if let young = optimum.youngHours, let daly = optimum.dalyHours, let lambert = optimum.lambertHours {
            line("Young", SpotText.hours(young))
            line("Daly", SpotText.hours(daly))
            line("exact, continuous", SpotText.hours(lambert))
        } else {
            line("Young / Daly / exact", job.jobRatePerHour == 0 ? "none: no interruptions, checkpoints only cost time"
                                                                 : "none: checkpoints are free (write time 0)")
        }
        if let segments = optimum.exactSegments {
            line("exact, fixed interval", optimum.exactIntervalHours.map { "\(SpotText.hours($0)), \(segments) segments" }
                 ?? "do not checkpoint")
        }
        if let segments = optimum.recommendedSegments {
            var text = optimum.recommendedIntervalHours.map { "\(SpotText.hours($0)), \(segments) segments" } ?? "do not checkpoint"
            if let candidate = estimate.recommendation.candidates.first(where: { $0.name == .recommended }) {
                text += ": expected cost " + (candidate.meanCost.map(SpotText.usd) ?? "unbounded")
            } else {
                text += ": the configured layout"
            }
            line("recommended", text)
        }

        let recommendation = estimate.recommendation
        var action = recommendation.action.rawValue
        if let every = recommendation.checkpointIntervalHours { action += " every \(SpotText.hours(every))" }
        out += "\nRecommendation: \(action) (\(recommendation.reason.rawValue))\n"
        for reason in reasons(estimate) { out += "  - \(reason)\n" }

        out += "\nAssumptions\n"
        var table = TextTable(headers: ["INPUT", "VALUE", "SOURCE"], alignments: [.left, .left, .left])
        for (key, label, value) in assumptionRows(estimate) {
            table.rows.append([label, value, setup.sources[key] ?? SpotJobSetup.defaultSource])
        }
        out += table.rendered().split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
            .joined(separator: "\n")
        for note in setup.notes { out += "  note: \(note)\n" }
        out += "  model: spot-model.md v1: each instance is interrupted at a constant rate and the gang stops at the first\n"
            + "         interruption; per-second billing, nothing refunded; means "
            + (mean.source == .closedForm ? "in closed form" : "exact (dynamic programme)")
            + ", quantiles from the simulation\n"
        return out
    }

    /// Why the recommendation is what it is, in the order a reader checks it.
    public static func reasons(_ estimate: SpotEstimate) -> [String] {
        let job = estimate.job
        let recommendation = estimate.recommendation
        let onDemand = estimate.mean.costOnDemand
        let configured = recommendation.candidates.first { $0.name == .configured }
        let recommended = recommendation.candidates.first { $0.name == .recommended }
        let best = recommendation.bestCandidate == .recommended ? recommended : configured
        var result: [String] = []
        func layoutText(_ candidate: SpotCandidate?) -> String {
            guard let interval = candidate?.intervalHours else { return "not checkpointing" }
            return "checkpointing every \(SpotText.hours(interval))"
        }

        if let recommended, let configured {
            let newCost = recommended.meanCost.map(SpotText.usd) ?? "unbounded"
            let oldCost = configured.meanCost.map(SpotText.usd) ?? "unbounded"
            if recommendation.bestCandidate == .recommended {
                var instead = layoutText(configured)
                if recommended.intervalHours != nil && configured.intervalHours != nil {
                    instead = String(instead.dropFirst("checkpointing ".count))
                }
                var text = "\(layoutText(recommended)) instead of \(instead)"
                text += configured.meanCost == nil ? " lets the job complete, at an expected \(newCost)"
                    : " lowers the expected cost from \(oldCost) to \(newCost)"
                if job.jobRatePerHour == 0 { text += " (no interruptions: checkpoint writes only cost time)" }
                result.append(text)
            } else {
                var text = "\(layoutText(recommended)), the basic-model optimum, would cost \(newCost) against \(oldCost) as configured"
                if job.maxRuntimeHours != nil { text += " (under the maximum runtime every forced stop discards the interval in progress)" }
                result.append(text)
            }
        }

        let bestCost = best?.meanCost
        let bestLayout = recommendation.bestCandidate == .recommended ? " \(layoutText(recommended))" : ""
        switch recommendation.reason {
        case .neverCompletes:
            var text = "the job never completes on spot"
            if let limit = job.maxRuntimeHours {
                text += ": a segment plus the \(SpotText.hours(job.restartHours)) restart does not fit into the "
                    + "\(SpotText.hours(limit)) maximum runtime; checkpoint more often or set --fallback-after"
            } else {
                text += ": the expected time overflows (interruptions far more frequent than segments are long)"
            }
            result.append(text)
        case .noExpectedSavings:
            let cost = bestCost.map(SpotText.usd) ?? "unbounded"
            if job.minSavingsFraction > 0 {
                result.append("the expected cost on spot, \(cost), is not \(SpotText.percent(job.minSavingsFraction)) below on demand "
                              + "(\(SpotText.usd(onDemand))) as --min-savings requires")
            } else {
                result.append("the expected cost on spot, \(cost), is not below on demand (\(SpotText.usd(onDemand)))")
            }
        case .p90OverBudget:
            if let cost = bestCost {
                result.append("the expected cost on spot, \(SpotText.usd(cost)), is below on demand (\(SpotText.usd(onDemand)))")
            }
            let p90 = recommendation.bestP90Cost.map(SpotText.usd) ?? "unknown (not simulated)"
            result.append("but the P90 cost on spot\(bestLayout), \(p90), exceeds the budget of \(SpotText.usd(job.budget ?? 0)), "
                          + "which on demand fits")
        case .expectedSavings:
            if let cost = bestCost {
                let share = onDemand > 0 ? " \(SpotText.percent((onDemand - cost) / onDemand)) below" : " below"
                var text = "the expected cost on spot, \(SpotText.usd(cost)), is\(share) on demand (\(SpotText.usd(onDemand)))"
                if job.minSavingsFraction > 0 { text += ", more than the \(SpotText.percent(job.minSavingsFraction)) --min-savings" }
                result.append(text)
            }
            if let budget = job.budget {
                let p90 = recommendation.bestP90Cost.map(SpotText.usd) ?? "unknown (not simulated)"
                if recommendation.withinBudget == true {
                    result.append("the P90 cost on spot\(bestLayout), \(p90), fits the budget of \(SpotText.usd(budget))")
                } else {
                    result.append("neither fits the budget of \(SpotText.usd(budget)): P90 on spot\(bestLayout) \(p90), "
                                  + "on demand \(SpotText.usd(onDemand)); spot is the cheaper in expectation")
                }
            }
            if recommendation.action == .spotCheckpoint {
                result.append("round the interval up if you must, never down: a shorter one adds a checkpoint write and a short last segment")
            }
        }
        if estimate.monteCarloSkipped != nil {
            result.append("the simulation was skipped: more than 10,000 interruptions are expected per run")
        }
        return result
    }

    /// (input key, label, value) for each input actually used.
    public static func assumptionRows(_ estimate: SpotEstimate) -> [(String, String, String)] {
        let job = estimate.job
        let interruption: String
        switch job.interruption {
        case .rate(let rate):
            interruption = "λ = \(SpotText.rate(rate)) per instance-hour"
        case .band(let band, let provider, _, _):
            interruption = "λ = \(SpotText.rate(job.ratePerInstanceHour)) per instance-hour "
                + "(\(provider.rawValue) band \(band.spelling(for: provider)))"
        }
        return [
            ("work_hours", "work", SpotText.hours(job.workHours)),
            ("nodes", "nodes", "\(job.nodes)"),
            ("interruption", "interruptions", interruption),
            ("checkpoint_interval_hours", "checkpoint interval", job.checkpointIntervalHours.map(SpotText.hours) ?? "none"),
            ("checkpoint_write_hours", "checkpoint write", SpotText.hours(job.checkpointWriteHours)),
            ("restart_hours", "restart", SpotText.hours(job.restartHours)),
            ("restart_billed_fraction", "restart billed", SpotText.percent(job.restartBilledFraction, places: 0)),
            ("price_spot_per_hour", "spot price", "\(SpotText.number(job.priceSpotPerHour, places: 6)) USD/h for the job"),
            ("price_on_demand_per_hour", "on-demand price", "\(SpotText.number(job.priceOnDemandPerHour, places: 6)) USD/h for the job"),
            ("fallback_after_interruptions", "fallback", job.fallbackAfterInterruptions.map { "at the \(SpotText.ordinal($0)) interruption" }
                ?? "never"),
            ("max_runtime_hours", "max runtime", job.maxRuntimeHours.map(SpotText.hours) ?? "none"),
            ("budget", "budget", job.budget.map(SpotText.usd) ?? "none"),
            ("min_savings_fraction", "minimum savings", SpotText.percent(job.minSavingsFraction)),
            ("trials", "trials", "\(job.trials)"),
            ("seed", "seed", "\(job.seed)"),
        ]
    }
}
