import Foundation
import XCTest

/// Issue 13 end to end, through the binary: every workload read is shown priced or not, documents
/// with GPUs costgate does not read are findings in every format, empty or piped input is never a
/// quiet pass, and report files are written whole or the run says so.
final class NothingPassesSilentlyTests: XCTestCase {
    private let fixtures = "Tests/CostGateCLITests/Fixtures/silent"
    private let day = ["--today", "2026-11-22"]

    private var repo: String { "\(fixtures)/repo" }

    // MARK: - Unpriced workloads

    func testAnUnpricedWorkloadHasItsRowAndTheSummaryCountsItApart() throws {
        let outcome = try BinaryRunner.run(["estimate", "\(repo)/no-model.yaml", "\(repo)/train-a100.yaml", "--month", "2026-11"])
        XCTAssertEqual(outcome.status, 2, "unpriceable input fails closed")
        let row = try XCTUnwrap(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("Job/ml/no-model") }, outcome.stdout)
        XCTAssertTrue(row.contains("\(repo)/no-model.yaml:1"), String(row))
        XCTAssertTrue(row.contains("12"), "3 pods × 4 GPUs read and shown: \(row)")
        XCTAssertTrue(row.contains("4 h"), String(row))
        XCTAssertTrue(row.contains("cannot price: no GPU model named"), String(row))
        XCTAssertTrue(outcome.stdout.contains("Read 2 workloads in 2 files: 1 priced, 1 cannot be priced; 0 warnings, 1 error."),
                      outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("Total one-off runs (priced workloads only):"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("no workloads"), outcome.stdout)
        for way in ["--default-gpu", "pricing.defaultGPU", "--prices", "costgate.dev/gpu", "pricing.nodePools"] {
            XCTAssertTrue(outcome.stderr.contains(way), "the hint names \(way): \(outcome.stderr)")
        }
    }

    func testAnUnpricedSbatchJobNamesThePartitionMapAndConstraints() throws {
        let outcome = try BinaryRunner.run(["estimate", "-"], stdin: "#!/bin/bash\n#SBATCH --gres=gpu:4\n#SBATCH --time=2:00:00\nsrun x\n")
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stdout.contains("cannot price: no GPU model named"), outcome.stdout)
        for way in ["pricing.partitions", "#COSTGATE --gpu", "-C a100", "--default-gpu"] {
            XCTAssertTrue(outcome.stderr.contains(way), "the hint names \(way): \(outcome.stderr)")
        }
    }

    func testScriptsSbatchWouldRefuseAreErrorsAndTheOthersAreStillPriced() throws {
        let directory = try temporaryDirectory()
        let good = "#!/bin/bash\n#SBATCH -N 2-4\n#SBATCH --gres=gpu:h100:8\n#SBATCH --time=2:00:00\nsrun x\n"
        try good.write(to: directory.appendingPathComponent("good.sbatch"), atomically: true, encoding: .utf8)
        try good.replacingOccurrences(of: "\n", with: "\r\n")
            .write(to: directory.appendingPathComponent("windows.sbatch"), atomically: true, encoding: .utf8)
        try String(good.dropFirst("#!/bin/bash\n".count))
            .write(to: directory.appendingPathComponent("no-shebang.sbatch"), atomically: true, encoding: .utf8)
        let outcome = try BinaryRunner.run(["estimate", directory.path])
        XCTAssertEqual(outcome.status, 2, "sbatch would submit neither: the input is not usable")
        XCTAssertTrue(outcome.stderr.contains("\(directory.path)/windows.sbatch:1:12: error: batch script contains DOS line breaks"),
                      outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("\(directory.path)/no-shebang.sbatch:1:1: error: this does not look like a batch script"),
                      outcome.stderr)
        let row = try XCTUnwrap(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("SlurmJob/good") }, outcome.stdout)
        XCTAssertTrue(row.contains("16-32 × h100"), "-N 2-4 is a range: \(row)")
        XCTAssertTrue(outcome.stdout.contains("0 warnings, 2 errors."), outcome.stdout)
    }

    func testJSONListsEveryWorkloadReadWithPricedFalseAndTheDiagnostic() throws {
        let outcome = try BinaryRunner.run(["estimate", "\(repo)/no-model.yaml", "\(repo)/train-a100.yaml", "--format", "json"])
        XCTAssertEqual(outcome.status, 2)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(document["schemaVersion"] as? Int, 1)
        XCTAssertEqual(document["schemaMinorVersion"] as? Int, 1)
        let reading = try XCTUnwrap(document["reading"] as? [String: Any])
        XCTAssertEqual(reading["workloads"] as? Int, 2)
        XCTAssertEqual(reading["priced"] as? Int, 1)
        XCTAssertEqual(reading["unpriced"] as? Int, 1)
        let workloads = try XCTUnwrap(document["workloads"] as? [[String: Any]])
        XCTAssertEqual(workloads.map { $0["id"] as? String }, ["Job/ml/no-model", "Job/ml/train"], "source order, priced or not")
        let unpriced = workloads[0]
        XCTAssertEqual(unpriced["priced"] as? Bool, false)
        XCTAssertTrue(unpriced["cost"] is NSNull)
        XCTAssertTrue(unpriced["pricing"] is NSNull)
        XCTAssertEqual((unpriced["accelerators"] as? [String: Int])?["nominal"], 12)
        XCTAssertEqual(unpriced["durationHours"] as? Double, 4)
        XCTAssertEqual(unpriced["durationSource"] as? String, "annotation")
        let roles = try XCTUnwrap(unpriced["roles"] as? [[String: Any]])
        XCTAssertEqual((roles.first?["replicas"] as? [String: Int])?["nominal"], 3)
        let diagnostic = try XCTUnwrap(unpriced["diagnostic"] as? [String: Any])
        XCTAssertEqual(diagnostic["rule"] as? String, "cannot-price")
        XCTAssertEqual(diagnostic["reason"] as? String, "missing-model")
        XCTAssertEqual(diagnostic["line"] as? Int, 17)
        XCTAssertEqual(workloads[1]["priced"] as? Bool, true)
    }

    func testCheckShowsTheUnpricedWorkloadInEveryFormatAsAnErrorAtItsLine() throws {
        let base = ["check", "\(repo)/no-model.yaml", "\(repo)/train-a100.yaml", "--policy", "\(fixtures)/policy.yaml"] + day
        let text = try BinaryRunner.run(base)
        XCTAssertEqual(text.status, 2)
        let row = try XCTUnwrap(text.stdout.split(separator: "\n").first { $0.hasPrefix("Job/ml/no-model") }, text.stdout)
        XCTAssertTrue(row.contains("ml") && row.contains("cannot price: no GPU model named") && row.hasSuffix("ERROR"), String(row))
        XCTAssertTrue(text.stdout.contains("ERROR: 2 workloads: 1 pass, 0 warn, 0 deny, 1 cannot be priced;"), text.stdout)

        let github = try BinaryRunner.run(base + ["--format", "github"])
        XCTAssertTrue(github.stdout.contains("::error file=\(repo)/no-model.yaml,line=17,col=15,"), github.stdout)
        let sarif = try BinaryRunner.run(base + ["--format", "sarif"])
        XCTAssertTrue(sarif.stdout.contains("\"ruleId\": \"costgate/cannot-price\""), sarif.stdout)
        let junit = try BinaryRunner.run(base + ["--format", "junit"])
        XCTAssertTrue(junit.stdout.contains("type=\"cannot-price\""), junit.stdout)
        let markdown = try BinaryRunner.run(base + ["--format", "markdown"])
        XCTAssertTrue(markdown.stdout.contains("| cannot price: no GPU model named |"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("**Input errors**"), markdown.stdout)
        let json = try BinaryRunner.run(base + ["--format", "json"])
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let workloads = try XCTUnwrap(document["workloads"] as? [[String: Any]])
        let gate = try XCTUnwrap(workloads.first?["gate"] as? [String: Any])
        XCTAssertEqual(gate["team"] as? String, "ml")
        XCTAssertEqual(gate["outcome"] as? String, "cannot-price")
        let summary = try XCTUnwrap(document["summary"] as? [String: Any])
        XCTAssertEqual((summary["outcomes"] as? [String: Int])?["cannot-price"], 1)
        XCTAssertEqual(summary["exitCode"] as? Int, 2)
    }

    // MARK: - Documents with GPUs that are not read

    func testAnUnreadKindWithGPUsIsAFindingInEveryFormat() throws {
        let base = ["check", "\(repo)/argo-workflow.yaml", "\(repo)/train-a100.yaml", "--policy", "\(fixtures)/policy.yaml"] + day
        let text = try BinaryRunner.run(base)
        XCTAssertEqual(text.status, 0, "a warning by default")
        XCTAssertTrue(text.stdout.contains("\(repo)/argo-workflow.yaml:15:29: warn: Workflow/sweep (argoproj.io/v1alpha1) requests 8 × nvidia.com/gpu"),
                      text.stdout)
        XCTAssertTrue(text.stdout.contains("PASS with warnings: 1 workload: 1 pass, 0 warn, 0 deny; 0 deny findings, 1 warning; "
                                           + "1 document with GPUs not read;"), text.stdout)
        let github = try BinaryRunner.run(base + ["--format", "github"])
        XCTAssertTrue(github.stdout.contains("::warning file=\(repo)/argo-workflow.yaml,line=15,col=29,title=costgate/unread-gpu::"), github.stdout)
        let sarif = try BinaryRunner.run(base + ["--format", "sarif"])
        XCTAssertTrue(sarif.stdout.contains("unread-gpu"), sarif.stdout)
        let junit = try BinaryRunner.run(base + ["--format", "junit"])
        XCTAssertTrue(junit.stdout.contains("unread-gpu"), junit.stdout)
        let markdown = try BinaryRunner.run(base + ["--format", "markdown"])
        XCTAssertTrue(markdown.stdout.contains("requests 8 × nvidia.com/gpu"), markdown.stdout)
        let json = try BinaryRunner.run(base + ["--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"unreadGPUDocuments\" : 1") || json.stdout.contains("\"unreadGPUDocuments\": 1"), json.stdout)

        XCTAssertEqual(try BinaryRunner.run(base + ["--fail-on-warn"]).status, 1, "--fail-on-warn fails on it")
        let deny = try BinaryRunner.run(["check", "\(repo)/argo-workflow.yaml", "\(repo)/train-a100.yaml",
                                         "--policy", "\(fixtures)/policy-unread-deny.yaml"] + day)
        XCTAssertEqual(deny.status, 1, "unread: deny fails closed: \(deny.stdout)")
        XCTAssertTrue(deny.stdout.contains("deny: Workflow/sweep"), deny.stdout)
    }

    func testEstimateCountsUnreadDocumentsAndTheirWarnings() throws {
        let outcome = try BinaryRunner.run(["estimate", "\(repo)/argo-workflow.yaml", "\(repo)/train-a100.yaml"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stdout.contains("Read 1 workload in 2 files: 1 priced; 1 document with GPUs not read; 1 warning, 0 errors."),
                      outcome.stdout)
        XCTAssertTrue(outcome.stderr.contains("warning: Workflow/sweep"), outcome.stderr)
    }

    func testAGPUDaemonSetWithoutANodeCountIsCountedAsUnread() throws {
        let daemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: gpu-agent, namespace: ml}
        spec:
          template:
            spec:
              nodeSelector: {nvidia.com/gpu.product: NVIDIA-A100-SXM4-80GB}
              containers: [{name: c, image: x, resources: {limits: {nvidia.com/gpu: 1}}}]
        """
        let outcome = try BinaryRunner.run(["check", "-", "--policy", "\(fixtures)/policy.yaml", "--fail-on-warn"] + day, stdin: daemonSet)
        XCTAssertEqual(outcome.status, 1, outcome.stdout + outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("1 document with GPUs not read"), outcome.stdout)
        let priced = try BinaryRunner.run(["check", "-", "--policy", "\(fixtures)/policy.yaml", "--daemonset-nodes", "3", "--fail-on-warn"] + day,
                                          stdin: daemonSet)
        XCTAssertEqual(priced.status, 0, priced.stdout + priced.stderr)
    }

    func testTemplatesAndKustomizationsAreSkippedWithANoteNotAYAMLError() throws {
        let outcome = try BinaryRunner.run(["estimate", "\(repo)/chart", "\(repo)/overlay", "\(repo)/train-a100.yaml"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("\(repo)/chart/templates/job.yaml: warning: a Helm/Go template ({{ … }}), skipped although it "
                                              + "requests accelerators"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("helm template CHART | costgate check -"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("\(repo)/overlay/kustomization.yaml: note: a kustomization, skipped"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("kustomize build \(repo)/overlay | costgate check -"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("error:"), outcome.stderr)
        // A quoted Argo parameter is valid YAML, not a template: the workflow is read (and reported as unread-gpu).
        let argo = try BinaryRunner.run(["estimate", "\(repo)/argo-workflow.yaml"])
        XCTAssertTrue(argo.stderr.contains("[unread-gpu]") && !argo.stderr.contains("template"), argo.stderr)
    }

    func testExcludeFromTheFlagAndFromThePolicy() throws {
        let flag = try BinaryRunner.run(["check", repo, "--policy", "\(fixtures)/policy.yaml", "--exclude", "chart/*",
                                         "--exclude", "argo-*.yaml", "--exclude", "no-model.yaml"] + day)
        XCTAssertEqual(flag.status, 0, flag.stdout + flag.stderr)
        XCTAssertFalse(flag.stdout.contains("argo-workflow") || flag.stdout.contains("no-model") || flag.stdout.contains("chart/"), flag.stdout)
        let policy = try BinaryRunner.run(["check", repo, "--policy", "\(fixtures)/policy-exclude.yaml", "--exclude", "chart/*"] + day)
        XCTAssertEqual(policy.status, 0, policy.stdout + policy.stderr)
        XCTAssertTrue(policy.stdout.contains("1 workload: 1 pass"), policy.stdout)
        let everything = try BinaryRunner.run(["estimate", "\(repo)/train-a100.yaml", "--exclude", "*.yaml"])
        XCTAssertEqual(everything.status, 2, "excluding every input leaves nothing: an error, not a pass")
        XCTAssertTrue(everything.stderr.contains("nothing to read"), everything.stderr)
    }

    // MARK: - Empty input, pipes, stdin

    func testEmptyInputIsExitTwoNeverAPass() throws {
        let directory = try BinaryRunner.run(["check", "\(fixtures)/empty-dir", "--policy", "\(fixtures)/policy.yaml"] + day)
        XCTAssertEqual(directory.status, 2)
        XCTAssertTrue(directory.stderr.contains("\(fixtures)/empty-dir: error: nothing to read: the directory holds no manifests"),
                      directory.stderr)
        let stdin = try BinaryRunner.run(["estimate", "-"], stdin: "")
        XCTAssertEqual(stdin.status, 2)
        XCTAssertTrue(stdin.stderr.contains("<stdin>: error: nothing to read: standard input is empty"), stdin.stderr)
        let both = try BinaryRunner.run(["check", "-", "--policy", "-"], stdin: "version: 1\n")
        XCTAssertEqual(both.status, 64, both.stderr)
    }

    func testPipesAndDevStdinAreReadToTheirEnd() throws {
        let manifest = try String(contentsOf: BinaryRunner.repositoryRoot.appendingPathComponent("\(repo)/train-a100.yaml"), encoding: .utf8)
        let outcome = try BinaryRunner.run(["estimate", "/dev/stdin"], stdin: manifest)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("Job/ml/train") && outcome.stdout.contains("$48.83"), outcome.stdout)
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-fifo-\(getpid())").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        defer { unlink(fifo) }
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(manifest.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let fromFIFO = try BinaryRunner.run(["estimate", fifo])
        XCTAssertEqual(fromFIFO.status, 0, fromFIFO.stderr)
        XCTAssertTrue(fromFIFO.stdout.contains("$48.83"), fromFIFO.stdout)
    }

    func testUsageFromAPipeIsReadAndUsageOfAnotherMonthIsAnError() throws {
        let row = "1|train|ml|gpu|billing=8,cpu=8,gres/gpu:a100=1,mem=32G,node=1|3600|COMPLETED|2026-11-03T00:00:00|2026-11-03T01:00:00\n"
        let piped = try BinaryRunner.run(["audit", "--policy", "\(fixtures)/policy.yaml", "--usage", "sacct=/dev/stdin", "--no-alerts"] + day,
                                         stdin: row)
        XCTAssertEqual(piped.status, 0, piped.stdout + piped.stderr)
        XCTAssertFalse(piped.stdout.contains("$0.00 actual"), piped.stdout)
        XCTAssertTrue(piped.stdout.contains("ml"), piped.stdout)
        let october = try BinaryRunner.run(["audit", "--policy", "\(fixtures)/policy.yaml", "--usage", "sacct=\(fixtures)/sacct-october.txt",
                                            "--no-alerts"] + day)
        XCTAssertEqual(october.status, 2, october.stdout + october.stderr)
        XCTAssertTrue(october.stderr.contains("the usage holds no row of the audited month 2026-11: its 1 row is from 2026-10"), october.stderr)
        let empty = try BinaryRunner.run(["audit", "--policy", "\(fixtures)/policy.yaml", "--usage", "sacct=/dev/stdin", "--no-alerts"] + day,
                                         stdin: "")
        XCTAssertTrue(empty.stderr.contains("warning: the sacct usage is empty"), empty.stderr)
    }

    // MARK: - Run time

    func testADefaultRunTimeIsAWarningAtTheWorkloadsLine() throws {
        let outcome = try BinaryRunner.run(["check", "\(fixtures)/no-duration.yaml", "--policy", "\(fixtures)/policy.yaml"] + day)
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("\(fixtures)/no-duration.yaml:1:1: warning: Job/ml/quick declares no run time: priced for the "
                                              + "default of 1 h"), outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("input: 1 warning, 0 errors"), "the summary counts it: \(outcome.stdout)")
        XCTAssertTrue(outcome.stdout.hasPrefix("WORKLOAD") && outcome.stdout.contains("PASS with warnings"), outcome.stdout)
        XCTAssertEqual(try BinaryRunner.run(["check", "\(fixtures)/no-duration.yaml", "--policy", "\(fixtures)/policy.yaml",
                                             "--fail-on-warn"] + day).status, 1)
        XCTAssertEqual(try BinaryRunner.run(["check", "\(fixtures)/no-duration.yaml", "--policy", "\(fixtures)/policy.yaml",
                                             "--default-duration", "2h"] + day).status, 0)
    }

    // MARK: - Report files

    func testAReportThatCannotBeWrittenIsExitTwoWithThePathAndTheVerdictStillPrinted() throws {
        let outcome = try BinaryRunner.run(["check", "\(repo)/train-a100.yaml", "--policy", "\(fixtures)/policy.yaml",
                                            "--output", "sarif=/nonexistent-dir/costgate.sarif"] + day)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("cannot write /nonexistent-dir/costgate.sarif: the directory '/nonexistent-dir' does not exist"),
                      outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("PASS: 1 workload: 1 pass"), "the verdict is still printed: \(outcome.stdout)")
    }

    func testReportFilesAreWrittenWholeByRename() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-out-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("report.json")
        try Data("old".utf8).write(to: target)
        // Hard-linked: an in-place write would change the link too; a rename leaves it alone.
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.linkItem(at: target, to: link)
        let outcome = try BinaryRunner.run(["check", "\(repo)/train-a100.yaml", "--policy", "\(fixtures)/policy.yaml",
                                            "--output", "json=\(target.path)"] + day)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let written = try Data(contentsOf: target)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: written))
        XCTAssertEqual(try String(contentsOf: link, encoding: .utf8), "old", "the report replaced the file by rename")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["link.json", "report.json"],
                       "no temporary file left behind")
    }
}
