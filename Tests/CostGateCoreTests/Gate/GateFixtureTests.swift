import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateBasics
@testable import CostGateWorkloads
@testable import CostGateRun

/// One generic test walks every case under Fixtures/gate: a policy, the manifests it judges, and
/// `expected.txt` with the owner of each workload, every finding and the exit status.
final class GateFixtureTests: XCTestCase {
    static let today = CalendarDay(year: 2026, month: 11, day: 22)!

    func testEveryGateFixture() throws {
        let root = try XCTUnwrap(Bundle.module.url(forResource: "gate", withExtension: nil, subdirectory: "Fixtures"))
        let cases = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 14, "the gate fixtures went missing")
        for name in cases {
            let directory = root.appendingPathComponent(name).path
            let result = try Self.check(directory)
            XCTAssertEqual(result.estimation.diagnostics.filter { $0.severity == .error }.map(\.rendered), [], name)
            let expected = try String(contentsOfFile: directory + "/expected.txt", encoding: .utf8)
                .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            XCTAssertEqual(Self.lines(result).sorted(), expected.sorted(), "gate fixture '\(name)'")
        }
    }

    static func check(_ directory: String) throws -> CheckResult {
        let fileSystem = LocalFileSystem()
        let (loaded, diagnostics) = PolicySource.explicit(directory + "/policy.yaml").load(fileSystem: fileSystem)
        let policy = try XCTUnwrap(loaded, diagnostics.map(\.rendered).joined(separator: "\n"))
        let settings = RunSettings.resolve(policy: policy, today: today, fileSystem: fileSystem)
        XCTAssertEqual(settings.diagnostics, [])
        return CheckPipeline(fileSystem: fileSystem).run(paths: [directory], policy: policy, reading: settings.reading,
                                                         pricing: settings.pricing, today: today)
    }

    /// `owner <workload> <team|->`, `finding <level> <rule> <workload|team:name|-> [waived] [showback]`, `exit <n>`.
    static func lines(_ result: CheckResult) -> [String] {
        let gate = result.gate
        let names = Dictionary(gate.workloads.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        var lines = gate.workloads.map { "owner \($0.displayName) \($0.team ?? "-")" }
        for finding in gate.findings {
            let subject = finding.workload.map { names[$0] ?? $0 } ?? finding.team.map { "team:\($0)" } ?? "-"
            var line = "finding \(finding.level.rawValue) \(finding.ruleID) \(subject)"
            if finding.waiver != nil { line += " waived" }
            if finding.showback { line += " showback" }
            lines.append(line)
        }
        lines.append("exit \(result.exitStatus(failOnWarn: false).rawValue)")
        return lines
    }
}
