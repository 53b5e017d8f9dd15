import Foundation
import CostGateBasics
import CostGateEstimation

/// The gate: attributes each estimate to a team, checks quotas, rules and exceptions, and says what
/// fails. A pure function of the policy, the estimates and the day.
public struct GateEvaluator: Sendable {
    public var policy: Policy
    public var today: CalendarDay
    /// What each team already committed this month in the ledger (runs approved earlier), USD.
    public var committed: [String: Decimal]

    public init(policy: Policy, today: CalendarDay, committed: [String: Decimal] = [:]) {
        self.policy = policy
        self.today = today
        self.committed = committed
    }

    /// The checks each workload goes through, in the order their findings are listed.
    package static var workloadChecks: [any WorkloadCheck.Type] { [UnownedCheck.self, PerRunQuotaCheck.self, GPUQuotaCheck.self, PolicyRuleCheck.self] }

    /// `unpriced`: workloads read but not priced, listed with their team (their cost is unknown: the
    /// run is an input error). `unread`: documents with accelerators costgate does not read, each a
    /// finding of the policy's `unread` level.
    public func evaluate(_ estimates: [Estimate], unpriced: [UnpricedWorkload] = [], unread: [Diagnostic] = []) -> GateReport {
        var findings: [Finding] = []
        var verdicts: [WorkloadVerdict] = []
        let live = policy.exceptions.indices.filter { !policy.exceptions[$0].isExpired(on: today) }
        var used = Set<Int>()
        var expiredMatches: [Int: [String]] = [:]
        var months: [String?: MonthlyQuotaCheck.Month] = [:]

        for estimate in estimates {
            let workload = estimate.workload
            let attribution = TeamAttribution.of(workload, in: policy)
            let team = attribution.team
            let applying = live.filter { policy.exceptions[$0].applies(to: workload, team: team?.name) }
            used.formUnion(applying)
            for index in policy.exceptions.indices where policy.exceptions[index].isExpired(on: today)
                && policy.exceptions[index].applies(to: workload, team: team?.name) {
                expiredMatches[index, default: []].append(workload.displayName)
            }
            let subject = CheckedWorkload(estimate: estimate, team: team, quota: team?.quota ?? Quota(defaults: policy.defaults),
                                          exceptions: applying.map { policy.exceptions[$0] }, policy: policy)
            let enforcement = team?.enforcement ?? policy.enforcement
            let local = Self.workloadChecks.flatMap { $0.violations(subject) }.map {
                $0.finding(workload: workload.id, team: team?.name, enforcement: enforcement, exceptions: subject.exceptions)
            }
            let monthly = MonthlyQuotaCheck.contribution(subject)
            months[team?.name, default: MonthlyQuotaCheck.Month()].add(monthly, of: estimate)

            let counting = local.filter(\.counts)
            verdicts.append(WorkloadVerdict(
                id: workload.id, displayName: workload.displayName, source: workload.source, team: team?.name,
                attribution: attribution.reason, figure: subject.quota.figure, perRunCost: PerRunQuotaCheck.cost(subject), monthlyCost: monthly,
                perRunCap: workload.pattern == .longRunning ? nil : PerRunQuotaCheck.cap(subject), gpus: GPUQuotaCheck.gpus(subject),
                gpuCap: GPUQuotaCheck.cap(subject), exceptions: applying.map { policy.exceptions[$0].location },
                status: counting.map(\.level).max() ?? .note, waived: local.contains { !$0.counts }))
            findings += local
        }

        var unpricedByTeam: [String?: Int] = [:]
        for item in unpriced {
            let workload = item.workload
            let attribution = TeamAttribution.of(workload, in: policy)
            let quota = attribution.team?.quota ?? Quota(defaults: policy.defaults)
            unpricedByTeam[attribution.team?.name, default: 0] += 1
            verdicts.append(WorkloadVerdict(
                id: workload.id, displayName: workload.displayName, source: workload.source, team: attribution.team?.name,
                attribution: attribution.reason, figure: quota.figure, perRunCost: nil, monthlyCost: 0,
                perRunCap: workload.pattern == .longRunning ? nil : quota.perRun, gpus: workload.acceleratorCount.max,
                gpuCap: quota.gpusPerWorkload, exceptions: [], status: .note, waived: false, cannotPrice: item.error.summary))
        }
        if !unpriced.isEmpty { verdicts.sort { $0.source != $1.source ? $0.source < $1.source : $0.id < $1.id } }
        findings += unread.map { UnreadGPUCheck.finding($0, policy: policy) }

        // Teams and their months.
        var summaries: [TeamSummary] = []
        for team in policy.teams {
            guard let month = months[team.name] ?? (unpricedByTeam[team.name] != nil ? MonthlyQuotaCheck.Month() : nil) else { continue }
            let earlier = committed[team.name] ?? 0
            let enforcement = team.enforcement ?? policy.enforcement
            let teamExceptions = live.filter {
                if case .team(let name) = policy.exceptions[$0].target { return name == team.name }
                return false
            }
            used.formUnion(teamExceptions)
            let exceptions = teamExceptions.map { policy.exceptions[$0] }
            let spent = month.oneOff + month.recurring + earlier
            var status = Finding.Level.note
            if let violation = MonthlyQuotaCheck.violation(team: team, month: month, spent: spent, committed: earlier, exceptions: exceptions) {
                let result = violation.finding(workload: nil, team: team.name, enforcement: enforcement, exceptions: exceptions)
                findings.append(result)
                if result.counts { status = result.level }
            }
            let workloadStatus = verdicts.filter { $0.team == team.name }.map(\.status).max() ?? .note
            summaries.append(TeamSummary(
                team: team.name, enforcement: enforcement, workloads: month.count, monthly: spent, oneOff: month.oneOff,
                recurring: month.recurring, committed: earlier, monthlyCap: MonthlyQuotaCheck.cap(team, exceptions: exceptions),
                perRunCap: team.quota.perRun, figure: team.quota.figure, monthlyScale: team.quota.monthlyScale,
                status: Swift.max(status, workloadStatus), unpriced: unpricedByTeam[team.name] ?? 0))
        }
        if let month = months[nil] ?? (unpricedByTeam[nil] != nil ? MonthlyQuotaCheck.Month() : nil) {
            let status = verdicts.filter { $0.team == nil }.map(\.status).max() ?? .note
            summaries.append(TeamSummary(
                team: nil, enforcement: policy.enforcement, workloads: month.count, monthly: month.oneOff + month.recurring,
                oneOff: month.oneOff, recurring: month.recurring, committed: 0, monthlyCap: nil, perRunCap: nil, figure: policy.defaults.figure,
                monthlyScale: policy.defaults.monthlyScale, status: status, unpriced: unpricedByTeam[nil] ?? 0))
        }

        findings += ExceptionReview.findings(policy, today: today, used: used, expiredMatches: expiredMatches)
        return GateReport(policyFile: policy.file, today: today, findings: findings.sorted(), workloads: verdicts, teams: summaries)
    }
}
