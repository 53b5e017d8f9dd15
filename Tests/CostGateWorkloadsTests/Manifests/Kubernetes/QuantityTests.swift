import Foundation
import XCTest
import CostGateTestSupport
import CostGateYAML
@testable import CostGateWorkloads

/// Values from kubernetes/apimachinery `quantity_test.go` (`TestQuantityParse` and friends).
final class QuantityTests: XCTestCase {
    private func value(_ text: String) throws -> Decimal { try Quantity(parsing: text).value }

    func testBinaryAndDecimalSuffixes() throws {
        XCTAssertEqual(try value("0"), 0)
        XCTAssertEqual(try value("1Ki"), 1024)
        XCTAssertEqual(try value("7Mi"), 7 * 1_048_576)
        XCTAssertEqual(try value("6Gi"), 6 * 1_073_741_824)
        XCTAssertEqual(try value("5Ti"), Decimal(5) * Decimal(1_099_511_627_776))
        XCTAssertEqual(try value("4Pi"), Decimal(4) * Decimal(1_125_899_906_842_624))
        XCTAssertEqual(try value("3Ei"), Decimal(3) * Decimal(1_152_921_504_606_846_976))
        XCTAssertEqual(try value("5n"), Decimal(string: "0.000000005"))
        XCTAssertEqual(try value("4u"), Decimal(string: "0.000004"))
        XCTAssertEqual(try value("3m"), Decimal(string: "0.003"))
        XCTAssertEqual(try value("8k"), 8000)
        XCTAssertEqual(try value("50k"), 50000)
        XCTAssertEqual(try value("7M"), 7_000_000)
        XCTAssertEqual(try value("6G"), 6_000_000_000)
        XCTAssertEqual(try value("5T"), Decimal(5_000_000_000_000))
        XCTAssertEqual(try value("2P"), Decimal(2_000_000_000_000_000))
    }

    func testExaVersusExponent() throws {
        XCTAssertEqual(try value("1E"), Decimal(1_000_000_000_000_000_000 as UInt64))
        XCTAssertEqual(try value("1E3"), 1000)
        XCTAssertEqual(try value("12E"), Decimal(string: "12000000000000000000")! > Decimal(Int64.max) ? Decimal(Int64.max) : 0,
                       "12E exceeds int64 and is capped")
        XCTAssertEqual(try value("1e3"), 1000)
        XCTAssertEqual(try value("1E6"), 1_000_000)
        XCTAssertEqual(try value("1.3E+6"), 1_300_000)
        XCTAssertEqual(try value("1E-3"), Decimal(string: "0.001"))
        XCTAssertEqual(try value("0.5e-1"), Decimal(string: "0.05"))
    }

    func testFractionsAndRoundingUpToNano() throws {
        XCTAssertEqual(try value("100.035k"), 100035)
        XCTAssertEqual(try value("0.0005k"), Decimal(string: "0.5"))
        XCTAssertEqual(try value("10.035M"), 10_035_000)
        XCTAssertEqual(try value("3.001n"), Decimal(string: "0.000000004"))
        XCTAssertEqual(try value("0.00000012345"), Decimal(string: "0.000000124"))
        XCTAssertEqual(try value("0.9n"), Decimal(string: "0.000000001"))
        XCTAssertEqual(try value(".5"), Decimal(string: "0.5"))
        XCTAssertEqual(try value("1."), 1)
        XCTAssertEqual(try value("500m"), Decimal(string: "0.5"))
        XCTAssertEqual(try value("+2"), 2)
    }

    func testCapsAtInt64Max() throws {
        XCTAssertEqual(try value("9Ei"), Decimal(Int64.max))
        XCTAssertEqual(try value("9223372036854775807Ki"), Decimal(Int64.max))
    }

    func testInvalidForms() {
        for text in ["1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-", " 1", "1 ", "", "1K", "1e", "."] {
            XCTAssertThrowsError(try Quantity(parsing: text), "'\(text)' must be invalid")
        }
    }

    func testValueAndMilliValueRoundUp() throws {
        XCTAssertEqual(try Quantity(parsing: "1.5").integerValue, 2)
        XCTAssertEqual(try Quantity(parsing: "100m").integerValue, 1)
        XCTAssertEqual(try Quantity(parsing: "1.0001m").milliValue, 2)
        XCTAssertEqual(try Quantity(parsing: "16Gi").integerValue, 17_179_869_184)
        XCTAssertTrue(try Quantity(parsing: "8").isInteger)
        XCTAssertFalse(try Quantity(parsing: "500m").isInteger)
    }

    func testQuantityValueMatchesFoundationsConstruction() throws {
        for text in ["500m", "4", "16Gi", "1.5", "100n", "0.000000001", "3e-4", "-2", "123456789012345678"] {
            let quantity = try Quantity(parsing: text)
            let reference = Decimal(sign: .plus, exponent: -9, significand: Decimal(string: String(quantity.nanos.magnitude))!)
            XCTAssertEqual(storedBytes(quantity.value), storedBytes(quantity.nanos < 0 ? -reference : reference), text)
        }
    }

    func testACursorsQuantityErrorNamesTheKeyPath() throws {
        let text = "spec:\n  containers:\n    - name: a\n    - name: b\n      resources: {limits: {cpu: x}}\n"
        let root = try XCTUnwrap(try YAMLParser().parse(Array(text.utf8)).documents[0].get().root)
        let cursor = NodeCursor(node: root, path: "", file: "f.yaml", document: 0)
        let cpu = try XCTUnwrap(try cursor.descend("spec", "containers")?.items()[1].descend("resources", "limits", "cpu"))
        XCTAssertThrowsError(try cpu.quantity()) { error in
            XCTAssertTrue("\(error)".contains("spec.containers[1].resources.limits.cpu"), "\(error)")
        }
    }
}
