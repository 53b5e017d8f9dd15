import XCTest
@testable import CostGateWorkloads

final class SlurmArraySpecTests: XCTestCase {
    private func spec(_ text: String) throws -> SlurmArraySpec {
        try XCTUnwrap(try SlurmArraySpec.parse(text))
    }

    func testRange() throws {
        let array = try spec("0-15")
        XCTAssertEqual(array.taskCount, 16)
        XCTAssertEqual(array.minIndex, 0)
        XCTAssertEqual(array.maxIndex, 15)
        XCTAssertNil(array.concurrencyLimit)
        XCTAssertEqual(array.text, "0-15")
    }

    func testList() throws {
        let array = try spec("0,6,16-32")
        XCTAssertEqual(array.taskCount, 19)
        XCTAssertEqual(array.maxIndex, 32)
        XCTAssertEqual(try spec("7").taskCount, 1)
    }

    func testStep() throws {
        let array = try spec("0-15:4")  // 0, 4, 8, 12
        XCTAssertEqual(array.taskCount, 4)
        XCTAssertEqual(array.maxIndex, 12)
        XCTAssertEqual(array.largestStep, 4)
        XCTAssertEqual(try spec("1-10:3").taskCount, 4)  // 1, 4, 7, 10
    }

    func testConcurrencyLimit() throws {
        let array = try spec("0-15%4")
        XCTAssertEqual(array.taskCount, 16)
        XCTAssertEqual(array.concurrencyLimit, 4)
        XCTAssertEqual(try spec("500-17000:1000%26").concurrencyLimit, 26)
        XCTAssertEqual(try spec("500-17000:1000%26").taskCount, 17)
        XCTAssertNil(try spec("0-3%0").concurrencyLimit, "a limit of 0 is no limit")
    }

    func testDuplicatesCountOnce() throws {
        XCTAssertEqual(try spec("0-9,5-14").taskCount, 15)
        XCTAssertEqual(try spec("3,3,3").taskCount, 1)
        XCTAssertEqual(try spec("0-10:2,0-10:5").taskCount, 7)  // 0 2 4 6 8 10 + 5
    }

    func testBracketsAsSlurmStripsThem() throws {
        XCTAssertEqual(try spec("[0-3]").taskCount, 4)
    }

    func testInvalid() {
        let invalid = [
            "a-b",        // not numbers
            "-3",         // negative
            "5-2",        // range ends below its start
            "0-15:0",     // step 0
            "0-15:-2",    // negative step
            "3:2",        // a step needs a range
            "0-15x",      // trailing text
            "1;2",
            "0-4000001",  // above any MaxArraySize
        ]
        for text in invalid {
            XCTAssertThrowsError(try SlurmArraySpec.parse(text), "'\(text)' should be rejected")
        }
        XCTAssertNil(try SlurmArraySpec.parse(""), "an empty value is not an array")
    }

    func testDefaultMaxArraySize() throws {
        XCTAssertTrue(try spec("0-1000").fitsDefaultMaxArraySize)
        XCTAssertFalse(try spec("0-1362%1").fitsDefaultMaxArraySize)

        let (script, diagnostics) = parseSbatch("#SBATCH --array=0-1362%1\n")
        XCTAssertEqual(script?.components[0].array?.taskCount, 1363)
        XCTAssertEqual(diagnostics.map(\.severity), [.warning])
        XCTAssertEqual(diagnostics.first?.ruleID, SlurmRule.arraySize)
        XCTAssertTrue(diagnostics.first?.message.contains("MaxArraySize of at least 1363") == true)
    }

    func testInvalidArrayInAScript() {
        let (script, diagnostics) = parseSbatch("#SBATCH --job-name=x\n#SBATCH -a 9-3\n")
        XCTAssertNil(script?.components[0].array)
        XCTAssertEqual(sbatchBrief(diagnostics), ["2:9: error: invalid --array value '9-3': the range 9-3 ends below its start"])
    }
}
