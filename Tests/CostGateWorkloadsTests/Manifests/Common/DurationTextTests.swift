import XCTest
@testable import CostGateWorkloads

final class DurationTextTests: XCTestCase {
    func testUnitsAndCombinations() {
        XCTAssertEqual(DurationText.seconds("36h"), 129_600)
        XCTAssertEqual(DurationText.seconds("90m"), 5_400)
        XCTAssertEqual(DurationText.seconds("2d"), 172_800)
        XCTAssertEqual(DurationText.seconds("1h30m"), 5_400)
        XCTAssertEqual(DurationText.seconds("1.5h"), 5_400)
        XCTAssertEqual(DurationText.seconds("45s"), 45)
    }

    func testRejectsWhatIsNotADuration() {
        XCTAssertEqual(DurationText.seconds(" 2H "), 7_200, "surrounding blanks and upper-case units")
        for text in ["", "36", "h", "1x", "1..5h", "0h", "-1h", "1h 30", ".", "30m1h", "999999999999999999w", "٣h"] {
            XCTAssertNil(DurationText.seconds(text), text)
        }
    }
}
