import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateReporting

/// SARIF, JUnit and GitHub annotations say the same through `FindingsView`; each format's own rules
/// (escaping, GitHub's annotation limit, JUnit's counts) beyond what the goldens show.
final class CIReporterTests: XCTestCase {
    /// Twelve runs over research's per-run quota of $100, one workload of nobody's, and a broken file.
    private func view() throws -> FindingsView {
        let policy = try CheckScenario.policy("""
        unowned: warn
        teams:
          - name: research
            match: {accounts: [research]}
            quota: {perRun: 100}
        """)
        var files: [String: String] = ["broken.yaml": "kind: [unclosed\n", "stray.sbatch": CheckScenario.script("stray", gpus: 1, account: "x")]
        for index in 1...12 { files["run\(index).sbatch"] = CheckScenario.script("run-\(index)", gpus: 8) }
        let result = CheckScenario.check(files, policy: policy)
        return FindingsView(result, exitStatus: result.exitStatus(failOnWarn: false))
    }

    func testDeniesComeFirstThenWarningsThenTheRestInTheirOrder() throws {
        let view = try view()
        XCTAssertEqual(view.exitStatus, .inputUnusable)
        XCTAssertEqual(view.exitDescription, "Some input could not be used")
        let levels = view.prioritized.map(\.level)
        XCTAssertEqual(levels, levels.sorted(by: >))
        XCTAssertEqual(view.prioritized.filter { $0.level == .deny }.map(\.location), view.findings.filter { $0.level == .deny }.map(\.location),
                       "the findings' own order within a level")
    }

    func testGitHubShowsTenPerLevelAndCountsTheRest() throws {
        let lines = GitHubAnnotationReporter.render(try view()).split(separator: "\n")
        let errors = lines.filter { $0.hasPrefix("::error ") }
        XCTAssertEqual(errors.count, GitHubAnnotationReporter.limitPerLevel, "one input error and nine denies of twelve")
        XCTAssertTrue(errors.first?.hasPrefix("::error file=broken.yaml,line=2,col=1,title=costgate%3A unusable input::") == true,
                      String(errors.first ?? ""))
        XCTAssertEqual(lines.filter { $0.hasPrefix("::warning ") }.count, 1, "the unowned workload")
        XCTAssertEqual(lines.last, "::notice title=costgate::3 more findings not annotated (GitHub shows 10 per level and step); "
                       + "the job summary and the SARIF report have them all")
    }

    func testGitHubEscapesWhatWorkflowCommandsWouldReadAsSyntax() {
        XCTAssertEqual(GitHubAnnotationReporter.data("50% of\r\nquota"), "50%25 of%0D%0Aquota")
        XCTAssertEqual(GitHubAnnotationReporter.property("k8s/a:b,c.yaml"), "k8s/a%3Ab%2Cc.yaml")
    }

    func testJUnitFailsEachDeniedWorkloadOnceAndErrsEachUnusableInput() throws {
        let xml = JUnitReporter.render(try view())
        XCTAssertTrue(xml.contains("<testsuites name=\"costgate\" tests=\"14\" failures=\"12\" errors=\"1\">"), xml)
        XCTAssertTrue(xml.contains("<testcase classname=\"unowned\" name=\"SlurmJob/stray ($20.00)\" file=\"stray.sbatch\" line=\"2\">"), xml)
        XCTAssertTrue(xml.contains("<testcase classname=\"input\" name=\"broken.yaml:2:1\" file=\"broken.yaml\">"), xml)
    }

    func testJUnitEscapesMarkupAndDropsControlCharactersXMLForbids() {
        XCTAssertEqual(JUnitReporter.escape("<a href=\"x\">Tom & Jerry's</a>"), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;")
        XCTAssertEqual(JUnitReporter.escape("bell\u{07}\ttab\nline"), "bell\ttab\nline")
    }

    func testSARIFIsValidJSONWithOneResultPerShownFinding() throws {
        let view = try view()
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(SARIFReporter.render(view).utf8)) as? [String: Any])
        XCTAssertEqual(document["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((document["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.filter { $0["ruleId"] as? String == "costgate/per-run-quota" }.count, 12, "SARIF has every finding, unlike annotations")
    }
}
