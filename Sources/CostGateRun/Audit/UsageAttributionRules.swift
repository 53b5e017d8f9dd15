import CostGatePolicy
import CostGateUsage

/// Which team a usage row belongs to: a team-naming tag first, then the teams' match rules in policy order.
package enum UsageAttributionRules {
    package static func team(for record: UsageRecord, policy: Policy) -> Team? {
        let attribution = record.attribution
        for key in policy.audit.teamTags {
            if let value = attribution.tags[key] ?? attribution.labels[key], let team = policy.teams.first(where: { $0.name == value }) {
                return team
            }
        }
        for team in policy.teams where matches(team.match, attribution) { return team }
        return nil
    }

    package static func matches(_ match: TeamMatch, _ attribution: UsageAttribution) -> Bool {
        if let namespace = attribution.namespace, match.namespaces.contains(where: { $0.matches(namespace) }) { return true }
        let labels = attribution.labels.merging(attribution.tags) { label, _ in label }
        if !match.labels.isEmpty, match.labels.allSatisfy({ key, glob in labels[key].map(glob.matches) ?? false }) { return true }
        if let declared = labels["costgate.dev/team"], match.teamAnnotations.contains(declared) { return true }
        if let account = attribution.account, match.accounts.contains(where: { $0.matches(account) }) { return true }
        if let partition = attribution.partition, match.partitions.contains(where: { $0.matches(partition) }) { return true }
        return false
    }
}
