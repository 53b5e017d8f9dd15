import Foundation
import CostGateBasics

/// A team: which workloads it owns and what it may spend.
public struct Team: Sendable {
    public var name: String
    /// Where the team is declared in the policy.
    public var location: SourceLocation
    public var match: TeamMatch
    public var quota: Quota
    /// Overrides the policy's enforcement for this team.
    public var enforcement: Enforcement?

    public init(name: String, location: SourceLocation, match: TeamMatch, quota: Quota, enforcement: Enforcement? = nil) {
        self.name = name
        self.location = location
        self.match = match
        self.quota = quota
        self.enforcement = enforcement
    }
}

/// A team's caps, USD. Absent caps are not checked.
public struct Quota: Sendable, Hashable {
    /// One run: a one-off Job or training run, an sbatch script with its whole array, one CronJob run.
    public var perRun: Decimal?
    /// A calendar month: recurring and long-running workloads plus the one-off runs in this check.
    public var monthly: Decimal?
    /// Accelerators one workload may hold at its largest scale.
    public var gpusPerWorkload: Int?
    public var warnAt: Decimal
    public var figure: GatedFigure
    public var monthlyScale: MonthlyScale
    /// Caps on what one change (a pull request) may add to the team's month: USD, and a share of the month before.
    public var maxIncrease: Decimal?
    public var maxIncreasePercent: Decimal?
    /// Where each cap is written, for explanations (`perRun`, `monthly`, `gpusPerWorkload`).
    public var locations: [String: SourceLocation]

    public init(perRun: Decimal? = nil, monthly: Decimal? = nil, gpusPerWorkload: Int? = nil,
                defaults: QuotaDefaults = QuotaDefaults(), locations: [String: SourceLocation] = [:]) {
        self.perRun = perRun
        self.monthly = monthly
        self.gpusPerWorkload = gpusPerWorkload
        self.warnAt = defaults.warnAt
        self.figure = defaults.figure
        self.monthlyScale = defaults.monthlyScale
        self.maxIncrease = defaults.maxIncrease
        self.maxIncreasePercent = defaults.maxIncreasePercent
        self.locations = locations
    }
}
