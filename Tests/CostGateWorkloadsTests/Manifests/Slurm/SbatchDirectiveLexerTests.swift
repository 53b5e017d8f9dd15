import XCTest
@testable import CostGateWorkloads

final class SbatchDirectiveLexerTests: XCTestCase {
    private func words(_ line: String) -> [String] {
        SbatchDirectiveLexer(file: "job.sbatch").scan(line).lines.flatMap(\.words).map(\.text)
    }

    /// `hetjob`/`packjob` in any ASCII case, as a whole word; never a longer word, another letter, or
    /// bytes of a multi-byte character (KELVIN SIGN lowercases to `k`, but its 3 bytes make the window too short).
    func testComponentSeparatorsAreWholeWordsInAnyCase() {
        func separator(_ text: String, at position: Int = 0) -> String? {
            SbatchDirectiveLexer.componentSeparator(in: Array(text.utf8), at: position)
        }
        XCTAssertEqual(separator("hetjob"), "hetjob")
        XCTAssertEqual(separator("HetJob --gres=gpu:1"), "hetjob")
        XCTAssertEqual(separator("PACKJOB\t"), "packjob")
        XCTAssertEqual(separator("--x hetjob", at: 4), "hetjob")
        XCTAssertNil(separator("hetjobs"))
        XCTAssertNil(separator("hetjo"))
        XCTAssertNil(separator("hetjob=1"))
        XCTAssertNil(separator("pac\u{212A}job"))
        XCTAssertNil(separator("pacKjob".replacingOccurrences(of: "K", with: "\u{212A}")))
        XCTAssertNil(separator("--nodes=2"))
        XCTAssertNil(separator(""))
    }

    /// The magic word of a directive line, read from a slice in place as from an array.
    func testDirectiveKindOfSlicesAndArrays() {
        let lines = ["#SBATCH -N 2", "#SBATCHX", "#SLURM -N 1", "#COSTGATE --duration=1h", "#COSTGATE", "#COSTGATEX", "# SBATCH", "", "echo"]
        let expected: [SbatchDirectiveLine.Kind?] = [.sbatch, .sbatch, .slurm, .costgate, .costgate, nil, nil, nil, nil]
        for (line, kind) in zip(lines, expected) {
            let bytes = Array(("x\n" + line).utf8)
            XCTAssertEqual(SbatchDirectiveLexer.directiveKind(of: Array(line.utf8)), kind, line)
            XCTAssertEqual(SbatchDirectiveLexer.directiveKind(of: bytes[2...]), kind, line)
        }
    }

    func testDirectivesMustStartAtColumnOne() throws {
        let text = """
        #!/bin/bash
          #SBATCH --nodes=8
        #SBATCH --nodes=2
        # SBATCH --nodes=16
        ##SBATCH --nodes=32
        #sbatch --nodes=64
        """
        let (script, diagnostics) = parseSbatch(text)
        XCTAssertEqual(script?.components[0].nodes, 2...2)
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "2:3: warning: indented '#SBATCH' is a plain comment to sbatch; directives must start at column 1",
        ])
    }

    func testReadingStopsAtTheFirstCommand() throws {
        let text = """
        #!/bin/bash

        # a comment, then blank lines

        #SBATCH --nodes=2
        \t
        set -e
        #SBATCH --nodes=4
        #COSTGATE --team=late
        srun hostname
        """
        let (script, diagnostics) = parseSbatch(text)
        let parsed = try XCTUnwrap(script)
        XCTAssertEqual(parsed.components[0].nodes, 2...2)
        XCTAssertEqual(parsed.firstCommandLine, 7)
        XCTAssertNil(parsed.costgate.team)
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "8:1: warning: '#SBATCH' after the first command (line 7) is ignored by sbatch",
            "9:1: warning: '#COSTGATE' after the first command (line 7) is ignored; put it with the '#SBATCH' lines at the top",
        ])
        XCTAssertEqual(diagnostics.first?.ruleID, SlurmRule.ignoredDirective)
    }

    func testAByteOrderMarkIsACommand() {
        let (_, diagnostics) = parseSbatch("\u{FEFF}#!/bin/bash\n#SBATCH -N 2\n")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics[0].message.hasSuffix("(line 1 starts with a byte-order mark, which sbatch reads as a command)"))
    }

    func testQuotingAndEscapes() {
        XCTAssertEqual(words(#"#SBATCH --constraint="a100|h100" --comment 'two words'"#),
                       ["--constraint=a100|h100", "--comment", "two words"])
        XCTAssertEqual(words(#"#SBATCH --comment=a\ b --job-name=x\"y"#), ["--comment=a b", #"--job-name=x"y"#])
        XCTAssertEqual(words(#"#SBATCH --comment="it's" --job-name='say "hi"'"#), ["--comment=it's", #"--job-name=say "hi""#])
        XCTAssertEqual(words("#SBATCH\t-N\t4\r"), ["-N", "4"], "tabs and a CR are whitespace")
    }

    func testHashStartsACommentUnlessQuotedOrEscaped() {
        XCTAssertEqual(words("#SBATCH --time=1:00:00 # one hour"), ["--time=1:00:00"])
        XCTAssertEqual(words("#SBATCH --job-name=run#2"), ["--job-name=run"])
        XCTAssertEqual(words(#"#SBATCH --job-name="run#2" -N 1"#), ["--job-name=run#2", "-N", "1"])
        XCTAssertEqual(words(##"#SBATCH --job-name=run\#2"##), ["--job-name=run#2"])
        XCTAssertEqual(words("#SBATCH # --nodes=4"), [])
        XCTAssertEqual(words("#SBATCH"), [])
    }

    func testUnmatchedQuoteMakesTheScriptUnusable() {
        let (script, diagnostics) = parseSbatch("#SBATCH --nodes=2\n#SBATCH --job-name=\"train -N 4\n")
        XCTAssertNil(script)
        XCTAssertEqual(sbatchBrief(diagnostics), ["2:20: error: unmatched double quote in #SBATCH line"])
    }

    func testLeadingColonIsFatal() {
        let (script, diagnostics) = parseSbatch("#SBATCH -N 2 : -N 4\n")
        XCTAssertNil(script)
        XCTAssertEqual(sbatchBrief(diagnostics), ["1:14: error: unexpected ':' in #SBATCH line"])
    }

    func testEmptyQuotedWordEndsTheLine() {
        let (script, diagnostics) = parseSbatch("#SBATCH --nodes=2 \"\" --ntasks=8\n")
        XCTAssertNil(script?.components[0].ntasks)
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "1:22: warning: sbatch stops reading this line at the empty quoted word before it; the rest is ignored",
        ])
    }

    func testWordLocations() {
        let lines = SbatchDirectiveLexer(file: "f").scan("#SBATCH  -N 4   --time=5\n").lines
        XCTAssertEqual(lines[0].words.map(\.location.column), [10, 13, 17])
        let unicode = SbatchDirectiveLexer(file: "f").scan("#SBATCH --job-name=café -N 2\n").lines
        XCTAssertEqual(unicode[0].words.map(\.location.column), [9, 25, 28], "columns count characters")
    }

    func testSlurmSpellingIsReadWithAWarning() throws {
        let (script, diagnostics) = parseSbatch("#SLURM --nodes=3\n")
        XCTAssertEqual(script?.components[0].nodes, 3...3)
        XCTAssertEqual(diagnostics.map(\.ruleID), [SlurmRule.deprecated])
    }

    func testIsSlurmScript() {
        XCTAssertTrue(SbatchScript.isSlurmScript("#!/bin/bash\n#SBATCH -N 1\nsrun x\n"))
        XCTAssertTrue(SbatchScript.isSlurmScript("#!/bin/bash\necho hi\n#SBATCH -N 1\n"), "anywhere in the file")
        XCTAssertTrue(SbatchScript.isSlurmScript("#COSTGATE --team=ml\n"))
        XCTAssertFalse(SbatchScript.isSlurmScript("#!/bin/bash\n  #SBATCH -N 1\n"))
        XCTAssertFalse(SbatchScript.isSlurmScript("apiVersion: batch/v1\nkind: Job\n"))
        XCTAssertFalse(SbatchScript.isSlurmScript("#COSTGATEWAY\n"))
    }
}
