import Foundation
import CostGateBasics
import CostGateYAML
import CostGateLedger

/// Reads a policy file. Every problem is reported (not only the first) as `file:line:column` with the
/// key path; a policy with any error is unusable, so callers must not gate with it.
public struct PolicyReader {
    public let file: String
    package var diagnostics: [Diagnostic] = []
    /// The rule id of its errors: a `--prices` file reads its sections with this reader too.
    package var rule = "invalid-policy"

    package static let topKeys = ["version", "enforcement", "unowned", "unread", "exclude", "defaults", "pricing", "teams", "rules", "exceptions", "ledger", "audit", "admission"]
    package static let auditKeys = ["mode", "sharedCost", "teamTags"]
    package static let admissionKeys = ["mode", "onError"]
    package static let defaultsKeys = ["figure", "monthlyScale", "warnAt", "maxIncrease", "maxIncreasePercent"]
    package static let teamKeys = ["name", "match", "quota", "enforcement"]
    package static let matchKeys = ["namespaces", "labels", "teamAnnotation", "accounts", "partitions"]
    package static let quotaKeys = ["perRun", "monthly", "gpusPerWorkload", "warnAt", "figure", "monthlyScale", "maxIncrease", "maxIncreasePercent"]

    public init(file: String) {
        self.file = file
    }

    /// The policy, or nil with the errors that make it unusable; warnings come either way.
    public static func read(_ bytes: [UInt8], file: String) -> (policy: Policy?, diagnostics: [Diagnostic]) {
        var reader = PolicyReader(file: file)
        let policy = reader.read(bytes)
        let diagnostics = reader.diagnostics.sorted()
        return (diagnostics.contains { $0.severity == .error } ? nil : policy, diagnostics)
    }

    package mutating func read(_ bytes: [UInt8]) -> Policy? {
        let stream = YAMLParser().parse(bytes)
        var roots: [YAMLNode] = []
        for document in stream.documents {
            switch document {
            case .failure(let failure):
                error(SourceLocation(file: file, line: failure.error.line, column: failure.error.column), failure.error.message, rule: "yaml")
            case .success(let parsed):
                if let root = parsed.root { roots.append(root) }
            }
        }
        guard diagnostics.isEmpty else { return nil }
        guard let root = roots.first else {
            error(.wholeFile(file), "the policy is empty: it needs at least 'version: 1' and a team")
            return nil
        }
        if roots.count > 1 {
            error(SourceLocation(file: file, line: Int(roots[1].line), column: Int(roots[1].column)),
                  "a policy is one YAML document; this file has \(roots.count)")
            return nil
        }
        let cursor = NodeCursor(node: root, path: "", file: file, document: nil)
        guard let version = readVersion(cursor) else { return nil }
        checkAllKeys(cursor, allowed: Self.topKeys)

        var policy = Policy(file: file, version: version)
        attempt { () throws(ManifestError) in
            if let node = try cursor.child("enforcement") { policy.enforcement = try PolicyValues.choice(node, Enforcement.self) }
            if let node = try cursor.child("unowned") {
                policy.unowned = try PolicyValues.choice(node, UnownedAction.self)
                policy.unownedLocation = node.location
            }
            if let node = try cursor.child("unread") { policy.unread = try PolicyValues.choice(node, UnreadAction.self) }
            if let node = try cursor.child("exclude") { policy.exclude = try PolicyValues.strings(node) }
        }
        let policyFile = file
        attempt { () throws(ManifestError) in
            guard let ledger = try cursor.optionalString("ledger") else { return }
            guard !ledger.isEmpty else {
                throw .invalidValue(path: "ledger", value: ledger, reason: "expected the path of the ledger file", at: cursor.location)
            }
            // A PostgreSQL URL is a place, not a path; and a policy is committed, so it never holds a password.
            if case .postgres(let url)? = try? LedgerLocation(ledger) {
                guard url.password == nil else {
                    throw .invalidValue(path: "ledger", value: url.redacted, reason: "a ledger URL in the policy must not hold a password: "
                                        + "set COSTGATE_LEDGER_URL or PGPASSWORD on the runner", at: cursor.location)
                }
                policy.ledgerPath = ledger
                return
            }
            policy.ledgerPath = Self.resolve(ledger, against: policyFile)
        }
        if let admission = attempt({ () throws(ManifestError) in try cursor.child("admission") }) ?? nil {
            policy.admission = readAdmission(admission)
        }
        if let audit = attempt({ () throws(ManifestError) in try cursor.child("audit") }) ?? nil {
            checkAllKeys(audit, allowed: Self.auditKeys)
            attempt { () throws(ManifestError) in
                if let mode = try audit.child("mode") { policy.audit.mode = try PolicyValues.choice(mode, AuditSettings.Mode.self) }
                if let split = try audit.child("sharedCost") {
                    policy.audit.sharedCost = try PolicyValues.choice(split, AuditSettings.SharedSplit.self)
                }
                if let tags = try audit.child("teamTags") { policy.audit.teamTags = try PolicyValues.strings(tags) }
            }
        }
        if let defaults = attempt({ () throws(ManifestError) in try cursor.child("defaults") }) ?? nil {
            policy.defaults = readDefaults(defaults, base: QuotaDefaults(), keys: Self.defaultsKeys)
        }
        if let pricing = attempt({ () throws(ManifestError) in try cursor.child("pricing") }) ?? nil {
            policy.pricing = readPricing(pricing)
        }
        policy.teams = readTeams(cursor, defaults: policy.defaults)
        policy.rules = readRules(cursor, teams: policy.teams.map(\.name))
        policy.exceptions = readExceptions(cursor, teams: policy.teams.map(\.name), rules: policy.rules.map(\.id))
        if policy.teams.isEmpty, diagnostics.allSatisfy({ $0.severity != .error }) {
            warning(cursor.location, "the policy has no teams: every workload is unowned (unowned: \(policy.unowned.rawValue))")
        }
        return policy
    }

    private mutating func readVersion(_ cursor: NodeCursor) -> Int? {
        guard case .mapping = cursor.node.content else {
            error(cursor.location, "a policy is a mapping of keys (version, teams, …), found \(cursor.describedForError)")
            return nil
        }
        guard let node = attempt({ () throws(ManifestError) in try cursor.child("version") }) ?? nil else {
            error(cursor.location, "missing required field 'version': add 'version: 1' as the policy's first line")
            return nil
        }
        guard case .scalar(let text, _) = node.node.content else {
            error(node.location, "expected a version number at 'version', found \(node.describedForError)")
            return nil
        }
        guard let version = Int(text), Policy.supportedVersions.contains(version) else {
            error(node.location, "unsupported policy version '\(text)': this costgate reads version "
                  + Policy.supportedVersions.map(String.init).joined(separator: ", "), rule: "unsupported-version")
            return nil
        }
        return version
    }

    /// A path in the policy, relative to the policy file's directory (absolute paths as they are).
    package static func resolve(_ path: String, against file: String) -> String {
        guard !path.hasPrefix("/"), let slash = file.lastIndex(of: "/"), file != "-" else { return path }
        return String(file[...slash]) + path
    }

    // MARK: - Defaults and teams

    package mutating func readDefaults(_ node: NodeCursor, base: QuotaDefaults, keys: [String]) -> QuotaDefaults {
        var result = base
        checkAllKeys(node, allowed: keys)
        attempt { () throws(ManifestError) in
            if let figure = try node.child("figure") { result.figure = try PolicyValues.choice(figure, GatedFigure.self) }
        }
        attempt { () throws(ManifestError) in
            if let scale = try node.child("monthlyScale") { result.monthlyScale = try PolicyValues.choice(scale, MonthlyScale.self) }
        }
        attempt { () throws(ManifestError) in
            if let warn = try node.child("warnAt") { result.warnAt = try PolicyValues.fraction(warn) }
        }
        attempt { () throws(ManifestError) in
            if let cap = try node.child("maxIncrease") { result.maxIncrease = try PolicyValues.money(cap) }
        }
        attempt { () throws(ManifestError) in
            if let share = try node.child("maxIncreasePercent") { result.maxIncreasePercent = try PolicyValues.fraction(share) }
        }
        return result
    }

    private mutating func readTeams(_ root: NodeCursor, defaults: QuotaDefaults) -> [Team] {
        var teams: [Team] = []
        var seen: [String: SourceLocation] = [:]
        let items = attempt { () throws(ManifestError) in try root.child("teams")?.items() ?? [] } ?? []
        for item in items {
            guard let team = attempt({ () throws(ManifestError) -> Team in
                try PolicyValues.checkKeys(item, allowed: Self.teamKeys)
                let nameNode = try PolicyValues.required(item, "name")
                let name = try nameNode.string()
                if let first = seen[name] {
                    throw .invalidValue(path: nameNode.path, value: name,
                                        reason: "team names must be unique (first declared at line \(first.line))", at: nameNode.location)
                }
                seen[name] = nameNode.location
                let match = try Self.readMatch(item.child("match"), team: item)
                let enforcement = try item.child("enforcement").map { node throws(ManifestError) in
                    try PolicyValues.choice(node, Enforcement.self)
                }
                return Team(name: name, location: nameNode.location, match: match, quota: Quota(defaults: defaults),
                            enforcement: enforcement)
            }) else { continue }
            var complete = team
            if let quotaNode = attempt({ () throws(ManifestError) in try item.child("quota") }) ?? nil {
                complete.quota = readQuota(quotaNode, defaults: defaults)
            } else {
                warning(team.location, "team '\(team.name)' has no quota: its workloads are attributed but never capped")
            }
            if team.match.isEmpty {
                warning(team.location, "team '\(team.name)' has no match criteria: it owns no workload")
            }
            teams.append(complete)
        }
        return teams
    }

    private static func readMatch(_ node: NodeCursor?, team: NodeCursor) throws(ManifestError) -> TeamMatch {
        guard let node else { return TeamMatch(location: team.location) }
        try PolicyValues.checkKeys(node, allowed: Self.matchKeys)
        var labels: [String: Glob] = [:]
        for (key, value) in try node.child("labels")?.stringMap() ?? [:] { labels[key] = Glob(value) }
        return TeamMatch(namespaces: try PolicyValues.globs(node.child("namespaces")), labels: labels,
                         teamAnnotations: try node.child("teamAnnotation").map { n throws(ManifestError) in try PolicyValues.strings(n) } ?? [],
                         accounts: try PolicyValues.globs(node.child("accounts")),
                         partitions: try PolicyValues.globs(node.child("partitions")), location: node.location)
    }

    private mutating func readQuota(_ node: NodeCursor, defaults: QuotaDefaults) -> Quota {
        var quota = Quota(defaults: readDefaults(node, base: defaults, keys: Self.quotaKeys))
        attempt { () throws(ManifestError) in
            if let perRun = try node.child("perRun") {
                quota.perRun = try PolicyValues.money(perRun)
                quota.locations["perRun"] = perRun.location
            }
        }
        attempt { () throws(ManifestError) in
            if let monthly = try node.child("monthly") {
                quota.monthly = try PolicyValues.money(monthly)
                quota.locations["monthly"] = monthly.location
            }
        }
        attempt { () throws(ManifestError) in
            if let gpus = try node.child("gpusPerWorkload") {
                quota.gpusPerWorkload = try PolicyValues.positiveInt(gpus)
                quota.locations["gpusPerWorkload"] = gpus.location
            }
        }
        quota.locations["quota"] = node.location
        return quota
    }

    // MARK: - Diagnostics

    /// Reports every key of `cursor` outside `allowed` (not only the first).
    package mutating func checkAllKeys(_ cursor: NodeCursor, allowed: [String]) {
        guard let entries = attempt({ () throws(ManifestError) in try cursor.entries() }) else { return }
        for entry in entries where !allowed.contains(entry.key) {
            let error = ManifestError.unknownKey(key: entry.key, in: cursor.path, allowed: allowed, at: entry.keyLocation)
            diagnostics.append(Diagnostic(.error, at: error.location, error.message, rule: rule))
        }
    }

    /// Runs `body`, turning its error into a diagnostic; nil when it failed.
    @discardableResult
    package mutating func attempt<T>(_ body: () throws(ManifestError) -> T) -> T? {
        do {
            return try body()
        } catch {
            diagnostics.append(Diagnostic(.error, at: error.location, error.message, rule: rule))
            return nil
        }
    }

    package mutating func error(_ at: SourceLocation, _ message: String, rule: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: at, message, rule: rule ?? self.rule))
    }

    package mutating func warning(_ at: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: at, message, rule: "policy"))
    }

    package mutating func readAdmission(_ node: NodeCursor) -> AdmissionSettings {
        checkAllKeys(node, allowed: Self.admissionKeys)
        var settings = AdmissionSettings()
        attempt { () throws(ManifestError) in
            if let mode = try node.child("mode") { settings.mode = try PolicyValues.choice(mode, AdmissionSettings.Mode.self) }
            if let onError = try node.child("onError") { settings.onError = try PolicyValues.choice(onError, AdmissionSettings.OnError.self) }
        }
        return settings
    }

    /// The `admission.onError` of a policy that does not read as a whole, when that much of it does: a site's
    /// fail-open choice holds even when someone breaks another part of the file. Nil when it cannot be read.
    public static func admissionOnError(_ bytes: [UInt8], file: String) -> AdmissionSettings.OnError? {
        guard case .success(let parsed)? = YAMLParser().parse(bytes).documents.first, let root = parsed.root else { return nil }
        let cursor = NodeCursor(node: root, path: "", file: file, document: nil)
        guard let admission = try? cursor.child("admission"), let node = try? admission.child("onError") else { return nil }
        return try? PolicyValues.choice(node, AdmissionSettings.OnError.self)
    }
}
