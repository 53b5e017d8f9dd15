import XCTest
import CostGateTestSupport
@testable import CostGateBasics

/// JSON strings: the word-at-a-time escape check agrees with a byte-by-byte one, and what needs
/// escaping is escaped.
final class JSONValueTests: XCTestCase {
    private func naive(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    func testTheEscapeCheckAgreesWithTheByteByByteOneOnEveryLengthAndPlace() {
        let specials: [UInt8] = [0x00, 0x01, 0x0A, 0x1F, 0x22, 0x5C]
        let harmless: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xC3, 0xA9, 0xFF, 0x41]
        for length in 0..<20 {
            for fill in harmless {
                let plain = [UInt8](repeating: fill, count: length)
                XCTAssertFalse(plain.withUnsafeBufferPointer(JSONValue.needsEscape), "\(length)×\(fill)")
                for place in 0..<length {
                    for special in specials {
                        var bytes = plain
                        bytes[place] = special
                        XCTAssertTrue(bytes.withUnsafeBufferPointer(JSONValue.needsEscape), "\(bytes)")
                    }
                }
            }
        }
    }

    func testTheEscapeCheckAgreesOnRandomBytes() {
        var random = SplitMix64(state: 20261122)
        for _ in 0..<20_000 {
            let length = Int(random.next() % 40)
            // Mostly printable ASCII and UTF-8 lead bytes, now and then a special byte.
            let bytes = (0..<length).map { _ -> UInt8 in
                let roll = random.next() % 100
                return roll < 3 ? [0x09, 0x22, 0x5C][Int(roll)] : UInt8(truncatingIfNeeded: 0x20 + random.next() % 0xE0)
            }
            XCTAssertEqual(bytes.withUnsafeBufferPointer(JSONValue.needsEscape), naive(bytes), "\(bytes)")
        }
    }

    func testStringsAreEscapedWhereNeededAndCopiedWholeOtherwise() {
        var output: [UInt8] = []
        JSONValue.writeString("priced on aws (from karpenter.sh/capacity-type) — 8× H100", to: &output)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), "\"priced on aws (from karpenter.sh/capacity-type) — 8× H100\"")
        output = []
        JSONValue.writeString("a long sentence before \"quotes\", a back\\slash,\na newline and a \u{1} control", to: &output)
        XCTAssertEqual(String(decoding: output, as: UTF8.self),
                       "\"a long sentence before \\\"quotes\\\", a back\\\\slash,\\na newline and a \\u0001 control\"")
    }
}
