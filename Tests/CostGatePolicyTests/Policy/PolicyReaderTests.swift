import XCTest
@testable import CostGatePolicy
@testable import CostGateBasics
@testable import CostGateWorkloads
@testable import CostGatePricing

final class PolicyReaderTests: XCTestCase {
    private func read(_ text: String) -> (policy: Policy?, diagnostics: [String]) {
        let (policy, diagnostics) = PolicyReader.read(Array(text.utf8), file: "p.yaml")
        return (policy, diagnostics.map(\.rendered))
    }

    func testAFullPolicyReadsEverySection() throws {
        let (policy, diagnostics) = read("""
        version: 1
        enforcement: showback
        unowned: warn
        defaults: {figure: p90, monthlyScale: max, warnAt: 90%}
        pricing:
          provider: gcp
          region: us-east4
          currency: USD
          hoursPerMonth: 720
          defaultGPU: a100
          defaultDuration: {default: 2h, PyTorchJob: 24h}
          accelerators: [{model: h100, onDemand: 3.5, spot: 1.25}]
          instances: [{name: p4d.24xlarge, onDemand: 20}]
          partitions: {gpu: {perGPUHour: 1.2, perCPUHour: 0.01}}
          nodePools: [{label: pool, value: reserved, perGPUHour: 0.9}]
          spot:
            checkpointInterval: 1h
            restartOverhead: 10m
            interruption:
              h100: 5-10%
              a100-80gb: {ratePerHour: 0.001}
        teams:
          - name: vision
            match: {namespaces: ["vision-*"], labels: {team: vision}, teamAnnotation: vision, accounts: [vis], partitions: [gpu]}
            quota: {perRun: 5000, monthly: 20000.50, gpusPerWorkload: 64, figure: expected}
            enforcement: enforce
        rules:
          - id: spot-h100
            message: H100 on spot
            match: {gpus: [h100], teams: [vision]}
            forbidCapacity: on-demand
        exceptions:
          - team: vision
            monthly: 30000
            expires: 2026-12-31
            reason: launch
        """)
        XCTAssertEqual(diagnostics, [])
        let parsed = try XCTUnwrap(policy)
        XCTAssertEqual(parsed.enforcement, .showback)
        XCTAssertEqual(parsed.unowned, .warn)
        XCTAssertEqual(parsed.defaults, QuotaDefaults(figure: .p90, monthlyScale: .max, warnAt: Decimal(string: "0.9")!))
        XCTAssertEqual(parsed.pricing.provider, .gcp)
        XCTAssertEqual(parsed.pricing.hoursPerMonth, 720)
        XCTAssertEqual(parsed.pricing.defaultDurationHours, ["default": 2, "PyTorchJob": 24])
        XCTAssertEqual(parsed.pricing.acceleratorOverrides.first?.model.id, "h100-80gb")
        XCTAssertEqual(parsed.pricing.partitionRates["gpu"], PartitionRate(perAcceleratorHour: Decimal(string: "1.2")!,
                                                                            perVCPUHour: Decimal(string: "0.01")!))
        // 10 min in hours, rounded to 38 digits (DecimalMath), not truncated as Foundation's `/` does.
        XCTAssertEqual(parsed.pricing.spot.restartHours, Decimal(string: "0.16666666666666666666666666666666666667"))
        XCTAssertEqual(parsed.pricing.spot.interruptionByModel[GPUModel(id: "a100-80gb")], .rate(perInstanceHour: 0.001))
        XCTAssertEqual(parsed.pricing.spot.interruptionByModel[GPUModel(id: "h100-80gb")], .band(.from5To10, provider: .generic))
        let team = try XCTUnwrap(parsed.teams.first)
        XCTAssertEqual(team.quota.monthly, Decimal(string: "20000.50"))
        XCTAssertEqual(team.quota.figure, .expected)
        XCTAssertEqual(team.quota.monthlyScale, .max, "a team inherits the defaults it does not set")
        XCTAssertEqual(team.quota.warnAt, Decimal(string: "0.9"))
        XCTAssertEqual(team.match.teamAnnotations, ["vision"])
        XCTAssertEqual(parsed.rules.first?.check, .forbidCapacity([.onDemand]))
        XCTAssertEqual(parsed.exceptions.first?.target, .team("vision"))
        XCTAssertEqual(parsed.exceptions.first?.expires, CalendarDay("2026-12-31"))
    }

    func testUnknownKeysAreErrorsWithASuggestionAndThePlace() {
        let (policy, diagnostics) = read("""
        version: 1
        teams:
          - name: a
            match: {namespaces: [a]}
            quotas: {perRun: 10}
        """)
        XCTAssertNil(policy)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics[0].hasPrefix("p.yaml:5:5: error: unknown key 'quotas' in 'teams[0]'; did you mean 'quota'?"), diagnostics[0])
    }

    func testEveryErrorIsReportedNotOnlyTheFirst() {
        let (policy, diagnostics) = read("""
        version: 1
        enforcment: enforce
        unowned: maybe
        teams:
          - name: a
            quota: {perRun: lots, warnAt: 150%}
          - name: a
        rules:
          - id: r
            message: m
            maxDuration: 2h
            requireDuration: true
        exceptions:
          - workload: Job/x/y
            perRun: 10
            expires: 2026-13-01
            reason: r
        """)
        XCTAssertNil(policy)
        let text = diagnostics.joined(separator: "\n")
        XCTAssertTrue(text.contains("p.yaml:2:1: error: unknown key 'enforcment'; did you mean 'enforcement'?"), text)
        XCTAssertTrue(text.contains("p.yaml:3:10: error: invalid value 'maybe' at 'unowned': expected one of deny, warn, allow"), text)
        XCTAssertTrue(text.contains("p.yaml:6:21: error: invalid value 'lots' at 'teams[0].quota.perRun'"), text)
        XCTAssertTrue(text.contains("p.yaml:6:35: error: invalid value '150%' at 'teams[0].quota.warnAt'"), text)
        XCTAssertTrue(text.contains("p.yaml:7:11: error: invalid value 'a' at 'teams[1].name': team names must be unique"), text)
        XCTAssertTrue(text.contains("a rule has exactly one check"), text)
        XCTAssertTrue(text.contains("p.yaml:16:14: error: invalid value '2026-13-01' at 'exceptions[0].expires'"), text)
    }

    func testVersionIsRequiredAndChecked() {
        XCTAssertTrue(read("teams: []").diagnostics[0].contains("missing required field 'version'"))
        let unsupported = read("version: 2\nteams: []").diagnostics
        XCTAssertEqual(unsupported, ["p.yaml:1:10: error: unsupported policy version '2': this costgate reads version 1 [unsupported-version]"])
        XCTAssertTrue(read("").diagnostics[0].contains("the policy is empty"))
        XCTAssertTrue(read("- version: 1").diagnostics[0].contains("a policy is a mapping"))
        XCTAssertTrue(read("version: 1\n---\nversion: 1").diagnostics[0].contains("a policy is one YAML document"))
    }

    func testReferencesAreChecked() {
        let text = read("""
        version: 1
        teams:
          - name: vision
            match: {namespaces: [v]}
        rules:
          - id: per-run-quota
            message: m
            requireDuration: true
          - id: ok
            message: m
            match: {teams: [vison]}
            requireDuration: true
        exceptions:
          - workload: Job/a/b
            monthly: 10
            expires: 2026-12-01
            reason: r
          - team: vision
            waive: [no-such-rule]
            expires: 2026-12-01
            reason: r
          - team: vision
            expires: 2026-12-01
            reason: r
        """).diagnostics.joined(separator: "\n")
        XCTAssertTrue(text.contains("'per-run-quota' names a built-in quota check"), text)
        XCTAssertTrue(text.contains("invalid value 'vison' at 'rules[1].match.teams': no team of that name; did you mean 'vision'?"), text)
        XCTAssertTrue(text.contains("the monthly quota is a team's"), text)
        XCTAssertTrue(text.contains("invalid value 'no-such-rule' at 'exceptions[1].waive': no rule of that id"), text)
        XCTAssertTrue(text.contains("missing required field 'exceptions[2].perRun, monthly, gpusPerWorkload or waive"), text)
    }

    func testOnlyUSDAndKnownModels() {
        let text = read("""
        version: 1
        pricing:
          currency: EUR
          accelerators: [{model: h1000, onDemand: 1}]
          instances: [{name: p4d.24xlarge, onDemand: -1}]
        """).diagnostics.joined(separator: "\n")
        XCTAssertTrue(text.contains("p.yaml:3:13: error: invalid value 'EUR' at 'pricing.currency'"), text)
        XCTAssertTrue(text.contains("'h1000' at 'pricing.accelerators[0].model': not a GPU model costgate knows"), text)
        XCTAssertTrue(text.contains("'-1' at 'pricing.instances[0].onDemand'"), text)
    }

    func testAnAliasBombIsAnErrorNotAnExplosion() {
        var text = "version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let (policy, diagnostics) = read(text)
        XCTAssertNil(policy)
        XCTAssertTrue(diagnostics.joined().contains("alias"), diagnostics.joined())
    }

    func testWarningsDoNotMakeAPolicyUnusable() {
        let (policy, diagnostics) = read("""
        version: 1
        teams:
          - name: a
          - name: b
            match: {namespaces: [b]}
        """)
        XCTAssertNotNil(policy)
        XCTAssertEqual(diagnostics, [
            "p.yaml:3:11: warning: team 'a' has no match criteria: it owns no workload [policy]",
            "p.yaml:3:11: warning: team 'a' has no quota: its workloads are attributed but never capped [policy]",
            "p.yaml:4:11: warning: team 'b' has no quota: its workloads are attributed but never capped [policy]",
        ])
    }
}
