import XCTest
@testable import CostGateCore
@testable import CostGateReporting

final class TextTableTests: XCTestCase {
    func testColumnsAreSizedToTheirWidestCellAndLinesEndWithoutSpaces() {
        var table = TextTable(headers: ["WORKLOAD", "COST", "NOTE"], alignments: [.left, .right, .left])
        table.rows = [["Job/ml/train", "$1,234.00", ""], ["Pod/a", "$5.00", "spot"]]
        XCTAssertEqual(table.rendered(), """
        WORKLOAD           COST  NOTE
        Job/ml/train  $1,234.00
        Pod/a             $5.00  spot

        """)
    }

    func testOnlyTheHeaderIsEmboldened() {
        var table = TextTable(headers: ["A"], alignments: [.left])
        table.rows = [["b"]]
        XCTAssertEqual(table.rendered { "*\($0)*" }, "*A*\nb\n")
    }
}
