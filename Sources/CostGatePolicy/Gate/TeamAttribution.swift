import CostGateWorkloads

/// Which team owns a workload: the first team in the policy whose match claims it.
public struct TeamAttribution: Sendable {
    public var team: Team?
    /// Why, with the policy place (`namespace 'x' matches 'x-*' (policy.yaml:8:20)`), or why no team did.
    public var reason: String

    public static func of(_ workload: Workload, in policy: Policy) -> TeamAttribution {
        for team in policy.teams {
            if let reason = team.match.reason(for: workload) {
                return TeamAttribution(team: team, reason: "\(reason) (team '\(team.name)', \(team.match.location))")
            }
        }
        return TeamAttribution(team: nil, reason: "no team's match claims it (\(Self.identity(workload)))")
    }

    /// What a team match could have used, for the unowned message.
    package static func identity(_ workload: Workload) -> String {
        var parts: [String] = []
        if workload.apiVersion != nil { parts.append("namespace '\(workload.namespace ?? "default")'") }
        if let team = workload.attribution.team { parts.append("team '\(team)'") }
        if let account = workload.attribution.account { parts.append("account '\(account)'") }
        if !workload.attribution.partitions.isEmpty { parts.append("partition '\(workload.attribution.partitions.joined(separator: ","))'") }
        if parts.isEmpty { parts.append("no namespace, account or team") }
        return parts.joined(separator: ", ")
    }
}
