import Foundation
import XCTest
@testable import CostGatePricing

/// Cells read from bytes must equal what the `String` and `Substring` readers made of them.
final class CatalogTableTests: XCTestCase {
    func testCellsReadAsTheirStrings() {
        let text = "name,count,price,flags\nP4d.24XLarge,8,32.7726,karpenter;count-from=none\nn1,-3,0.0,\nÄb,+7,12.50,x\n"
        let table = CatalogTable(name: "t", text: text, header: ["name", "count", "price", "flags"])
        XCTAssertEqual(table.problems, [])
        XCTAssertEqual(table.rows.map(\.line), [2, 3, 4])
        for (row, line) in zip(table.rows, text.split(separator: "\n").dropFirst()) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertEqual(table.string(row, 0), String(cells[0]))
            XCTAssertEqual(table.isLowercase(row, 0), cells[0].lowercased() == cells[0])
            XCTAssertEqual(table.isLowercase(row, 3), cells[3].lowercased() == cells[3])
            XCTAssertEqual(table.int(row, 1), Int(cells[1]))
            XCTAssertEqual(table.decimal(row, 2), PriceText.decimal(cells[2]))
            XCTAssertEqual(table.isEmpty(row, 3), cells[3].isEmpty)
            XCTAssertEqual(table.items(row, 3, separator: UInt8(ascii: ";")), cells[3].split(separator: ";").map(String.init))
        }
    }

    func testIntegersOutOfRangeAreNil() {
        let table = CatalogTable(name: "t", text: "n\n9223372036854775807\n9223372036854775808\n-9223372036854775808\n-\n1x",
                                 header: ["n"])
        XCTAssertEqual(table.rows.map { table.int($0, 0) }, [Int.max, nil, Int.min, nil, nil])
    }
}
