import Foundation

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

    /// `unpriced`: workloads read but not priced, listed with their team (their cost is unknown: the
    /// run is an input error). `unread`: documents with accelerators costgate does not read, each a
    /// finding of the policy's `unread` level.
    public func evaluate(_ estimates: [Estimate], unpriced: [UnpricedWorkload] = [], unread: [Diagnostic] = []) -> GateReport {
        var findings: [Finding] = []
        var verdicts: [WorkloadVerdict] = []
        let live = policy.exceptions.indices.filter { !policy.exceptions[$0].isExpired(on: today) }
        var used = Set<Int>()
        var expiredMatches: [Int: [String]] = [:]
        var teamTotals: [String?: (oneOff: Decimal, recurring: Decimal, count: Int, top: [(Decimal, Estimate)])] = [:]

        for estimate in estimates {
            let workload = estimate.workload
            let attribution = TeamAttribution.of(workload, in: policy)
            let team = attribution.team
            let quota = team?.quota ?? Quota(defaults: policy.defaults)
            let enforcement = team?.enforcement ?? policy.enforcement
            let applying = live.filter { policy.exceptions[$0].applies(to: workload, team: team?.name) }
            used.formUnion(applying)
            for index in policy.exceptions.indices where policy.exceptions[index].isExpired(on: today)
                && policy.exceptions[index].applies(to: workload, team: team?.name) {
                expiredMatches[index, default: []].append(workload.displayName)
            }
            let exceptions = applying.map { policy.exceptions[$0] }
            var local: [Finding] = []
            func add(_ rule: String, _ level: Finding.Level, _ message: String, at location: SourceLocation? = nil) {
                local.append(finding(rule, level, message, at: location ?? workload.source, workload: workload, team: team?.name,
                                     enforcement: enforcement, exceptions: exceptions))
            }

            if team == nil {
                switch policy.unowned {
                case .deny, .warn:
                    add("unowned", policy.unowned == .deny ? .deny : .warn,
                        "\(workload.displayName) is owned by no team (\(TeamAttribution.identity(workload))); the policy's "
                        + "'unowned: \(policy.unowned.rawValue)' applies: add a team match or "
                        + (workload.apiVersion == nil ? "#COSTGATE --team" : "a costgate.dev/team annotation"))
                case .allow:
                    break
                }
            }

            // Per run.
            let figure = quota.figure.value(of: estimate.cost)
            let perRun: Decimal? = switch workload.pattern {
            case .oneOff: figure
            case .recurring(let runs, _): runs > 0 ? figure / Decimal(runs) : 0
            case .longRunning: nil
            }
            // An exception's cap replaces the team's for the workloads it names.
            let effectivePerRunCap = exceptions.compactMap(\.perRun).max() ?? quota.perRun
            if let cost = perRun, let cap = effectivePerRunCap, let team {
                let raised = exceptions.contains { $0.perRun != nil } ? " (raised by an exception)" : ""
                let what = "\(quota.figure == .expected ? "expected cost" : "\(quota.figure.rawValue) cost") of one run \(MoneyFormat.usd(cost))"
                if cost > cap {
                    add("per-run-quota", .deny, "\(workload.displayName): \(what) exceeds team '\(team.name)' per-run quota "
                        + "\(MoneyFormat.usd(cap))\(raised) by \(MoneyFormat.usd(cost - cap)) (\(Self.percent(cost, of: cap)))",
                        at: workload.costLocation)
                } else if Self.reachesWarning(cost, cap: cap, warnAt: quota.warnAt) {
                    add("per-run-quota", .warn, "\(workload.displayName): \(what) is \(Self.percent(cost, of: cap)) of team '\(team.name)' "
                        + "per-run quota \(MoneyFormat.usd(cap))\(raised) (warns at \(Self.percent(quota.warnAt, of: 1)))",
                        at: workload.costLocation)
                }
            }

            // GPUs.
            let gpus = workload.acceleratorCount.max
            let gpuCap = exceptions.compactMap(\.gpusPerWorkload).max() ?? quota.gpusPerWorkload
            if let cap = gpuCap, let team, gpus > cap {
                let location = workload.costLocation
                add("gpu-quota", .deny, "\(workload.displayName) uses up to \(gpus) accelerators; team '\(team.name)' allows \(cap) per workload",
                    at: location)
            }

            // Rules.
            for rule in policy.rules where rule.selector.selects(estimate, team: team?.name) {
                guard let why = rule.check.violation(estimate) else { continue }
                add(rule.id, rule.severity == .deny ? .deny : .warn, "\(rule.message): \(workload.displayName) \(why)",
                    at: rule.check.pointsAtCost ? workload.costLocation : workload.source)
            }

            // The month.
            let monthly: Decimal
            switch workload.pattern {
            case .oneOff: monthly = figure
            case .recurring, .longRunning:
                monthly = quota.monthlyScale == .max ? Swift.max(estimate.cost.max, figure) : figure
            }
            var totals = teamTotals[team?.name] ?? (0, 0, 0, [])
            if workload.pattern == .oneOff { totals.oneOff += monthly } else { totals.recurring += monthly }
            totals.count += 1
            totals.top.append((monthly, estimate))
            teamTotals[team?.name] = totals

            let counting = local.filter(\.counts)
            verdicts.append(WorkloadVerdict(
                id: workload.id, displayName: workload.displayName, source: workload.source, team: team?.name,
                attribution: attribution.reason, figure: quota.figure, perRunCost: perRun, monthlyCost: monthly,
                perRunCap: workload.pattern == .longRunning ? nil : effectivePerRunCap, gpus: gpus, gpuCap: gpuCap,
                exceptions: applying.map { policy.exceptions[$0].location },
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
        for diagnostic in unread {
            var result = Finding(ruleID: Diagnostic.unreadGPURule, level: policy.unread == .deny ? .deny : .warn,
                                 message: diagnostic.message, location: diagnostic.location)
            if result.level == .deny, policy.enforcement == .showback {
                result.level = .warn
                result.showback = true
            }
            findings.append(result)
        }

        // Teams and their months.
        var summaries: [TeamSummary] = []
        for team in policy.teams {
            guard let totals = teamTotals[team.name] ?? (unpricedByTeam[team.name] != nil ? (0, 0, 0, []) : nil) else { continue }
            let earlier = committed[team.name] ?? 0
            let enforcement = team.enforcement ?? policy.enforcement
            let teamExceptions = live.filter {
                if case .team(let name) = policy.exceptions[$0].target { return name == team.name }
                return false
            }
            used.formUnion(teamExceptions)
            let exceptions = teamExceptions.map { policy.exceptions[$0] }
            let cap = exceptions.compactMap(\.monthly).max() ?? team.quota.monthly
            let spent = totals.oneOff + totals.recurring + earlier
            var status = Finding.Level.note
            if let cap, !totals.top.isEmpty {
                let top = totals.top.max { lhs, rhs in lhs.0 != rhs.0 ? lhs.0 < rhs.0 : lhs.1.workload.id > rhs.1.workload.id }!.1
                let raised = exceptions.contains { $0.monthly != nil } ? " (raised by an exception)" : ""
                let scale = team.quota.monthlyScale == .max ? "recurring at their largest scale" : "recurring at nominal scale"
                let ledger = earlier > 0 ? ", plus \(MoneyFormat.usd(earlier)) already committed in the ledger" : ""
                let basis = "\(team.quota.figure.rawValue) cost; \(scale), plus the one-off runs in this check\(ledger); largest: \(top.workload.displayName)"
                var level: Finding.Level?
                var message = ""
                if spent > cap {
                    level = .deny
                    message = "team '\(team.name)' spends \(MoneyFormat.usd(spent)) this month, over its monthly quota \(MoneyFormat.usd(cap))"
                        + "\(raised) by \(MoneyFormat.usd(spent - cap)) (\(Self.percent(spent, of: cap)); \(basis))"
                } else if Self.reachesWarning(spent, cap: cap, warnAt: team.quota.warnAt) {
                    level = .warn
                    message = "team '\(team.name)' spends \(MoneyFormat.usd(spent)) this month, \(Self.percent(spent, of: cap)) of its "
                        + "monthly quota \(MoneyFormat.usd(cap))\(raised) (warns at \(Self.percent(team.quota.warnAt, of: 1)); \(basis))"
                }
                if let level {
                    let result = finding("monthly-quota", level, message, at: top.workload.costLocation, workload: nil, team: team.name,
                                         enforcement: enforcement, exceptions: exceptions)
                    findings.append(result)
                    if result.counts { status = result.level }
                }
            }
            let workloadStatus = verdicts.filter { $0.team == team.name }.map(\.status).max() ?? .note
            summaries.append(TeamSummary(
                team: team.name, enforcement: enforcement, workloads: totals.count, monthly: spent, oneOff: totals.oneOff,
                recurring: totals.recurring, committed: earlier, monthlyCap: cap, perRunCap: team.quota.perRun, figure: team.quota.figure,
                monthlyScale: team.quota.monthlyScale, status: Swift.max(status, workloadStatus),
                unpriced: unpricedByTeam[team.name] ?? 0))
        }
        if let totals = teamTotals[nil] ?? (unpricedByTeam[nil] != nil ? (0, 0, 0, []) : nil) {
            let status = verdicts.filter { $0.team == nil }.map(\.status).max() ?? .note
            summaries.append(TeamSummary(
                team: nil, enforcement: policy.enforcement, workloads: totals.count, monthly: totals.oneOff + totals.recurring,
                oneOff: totals.oneOff, recurring: totals.recurring, committed: 0, monthlyCap: nil, perRunCap: nil, figure: policy.defaults.figure,
                monthlyScale: policy.defaults.monthlyScale, status: status, unpriced: unpricedByTeam[nil] ?? 0))
        }

        // Exceptions that lapsed or matched nothing.
        for (index, exception) in policy.exceptions.enumerated() {
            if exception.isExpired(on: today) {
                let matched = expiredMatches[index].map { names in
                    "; it would apply to \(names.prefix(3).joined(separator: ", "))\(names.count > 3 ? " and \(names.count - 3) more" : "")"
                } ?? ""
                findings.append(Finding(ruleID: "exception-expired", level: .warn,
                    message: "exception for \(exception.targetText) expired on \(exception.expires) (\(exception.reason)) and no longer "
                        + "applies\(matched): renew it or remove it", location: exception.location))
            } else if !used.contains(index) {
                findings.append(Finding(ruleID: "exception-unused", level: .note,
                    message: "exception for \(exception.targetText) matches no workload in this check (\(exception.reason))",
                    location: exception.location))
            }
        }
        return GateReport(policyFile: policy.file, today: today, findings: findings.sorted(), workloads: verdicts, teams: summaries)
    }

    /// A finding after waivers and enforcement.
    private func finding(_ rule: String, _ level: Finding.Level, _ message: String, at location: SourceLocation, workload: Workload?,
                         team: String?, enforcement: Enforcement, exceptions: [PolicyException]) -> Finding {
        var result = Finding(ruleID: rule, level: level, message: message, location: location, workload: workload?.id, team: team)
        if let waiver = exceptions.first(where: { $0.waive.contains(rule) }) {
            result.waiver = Finding.Waiver(reason: waiver.reason, expires: waiver.expires, location: waiver.location)
        }
        if level == .deny, enforcement == .showback {
            result.level = .warn
            result.showback = true
        }
        return result
    }

    static func reachesWarning(_ cost: Decimal, cap: Decimal, warnAt: Decimal) -> Bool {
        warnAt < 1 && cost >= cap * warnAt
    }

    /// `125%` (whole percent, rounded half up); `∞` against a zero cap.
    static func percent(_ value: Decimal, of whole: Decimal) -> String {
        guard whole > 0 else { return value > 0 ? "∞%" : "0%" }
        return "\((value / whole * 100).rounded(0))%"
    }
}
