import XCTest
@testable import CostGateCore

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
        for text in ["", "36", "h", "1x", "1..5h", "0h", "-1h", "1h 30"] {
            XCTAssertNil(DurationText.seconds(text), text)
        }
    }
}
