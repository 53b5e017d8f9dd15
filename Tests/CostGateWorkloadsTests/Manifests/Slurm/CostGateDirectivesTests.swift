import XCTest
@testable import CostGateWorkloads

final class CostGateDirectivesTests: XCTestCase {
    func testAllKeys() throws {
        let (parsed, diagnostics) = parseSbatch("""
        #!/bin/bash
        #SBATCH --time=48:00:00
        #COSTGATE --duration=30h --gpu=a100-80gb
        #COSTGATE --team research --checkpoint-interval=1h   # hourly
        """)
        XCTAssertEqual(diagnostics, [])
        let costgate = try XCTUnwrap(parsed).costgate
        XCTAssertEqual(costgate.durationSeconds, 30 * 3600)
        XCTAssertEqual(costgate.gpuModel, "a100-80gb")
        XCTAssertEqual(costgate.team, "research")
        XCTAssertEqual(costgate.checkpointIntervalSeconds, 3600)
        XCTAssertEqual(costgate.locations["duration"], sbatchLocation(3, 11))
        XCTAssertEqual(costgate.locations["checkpoint-interval"], sbatchLocation(4, 27))
        XCTAssertFalse(costgate.isEmpty)
    }

    func testDurations() throws {
        let cases: [(String, Int)] = [
            ("30h", 108_000), ("90m", 5_400), ("2d", 172_800), ("45s", 45), ("1h30m", 5_400), ("1d12h", 129_600),
            ("2H", 7_200), ("90", 5_400), ("1:30:00", 5_400), ("1-12:00:00", 129_600), ("0:45", 45),
        ]
        for (text, seconds) in cases {
            XCTAssertEqual(try CostGateDuration.seconds(in: text), seconds, text)
        }
        XCTAssertEqual(try CostGateDuration.seconds(in: "1.5h"), 5_400, "fractions as in the costgate.dev/duration annotation")
        for text in ["", "h", "30m1h", "1h1h", "10x", "UNLIMITED", "0", "0h", "-1", "1h 30m"] {
            XCTAssertThrowsError(try CostGateDuration.seconds(in: text), "'\(text)' should be rejected")
        }
    }

    func testUnknownKeyWithSuggestion() {
        let (_, diagnostics) = parseSbatch("#COSTGATE --durration=3h --gpu=h100\n")
        XCTAssertEqual(sbatchBrief(diagnostics), ["1:11: error: unknown #COSTGATE key '--durration'; did you mean '--duration'?"])
        XCTAssertEqual(diagnostics.first?.ruleID, SlurmRule.costGateUnknownKey)
    }

    func testInvalidValues() throws {
        let (parsed, diagnostics) = parseSbatch("#COSTGATE --duration=soon --team --gpu=\n")
        XCTAssertEqual(sbatchBrief(diagnostics), [
            "1:11: error: invalid #COSTGATE --duration value 'soon': expected a duration such as 30h, 90m, 1h30m or 2d, "
                + "or a SLURM time such as 1-12:00:00",
            "1:27: error: invalid #COSTGATE --team value '': a value is required",
            "1:34: error: invalid #COSTGATE --gpu value '': a value is required",
        ])
        XCTAssertNil(try XCTUnwrap(parsed).costgate.durationSeconds)
    }

    func testIndentedOrGluedCostGateIsAComment() throws {
        let (parsed, diagnostics) = parseSbatch("  #COSTGATE --team=a\n#COSTGATEteam=b\n")
        XCTAssertTrue(try XCTUnwrap(parsed).costgate.isEmpty)
        XCTAssertEqual(diagnostics.map(\.ruleID), [SlurmRule.ignoredDirective])
    }
}
