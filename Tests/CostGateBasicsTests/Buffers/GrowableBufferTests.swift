import XCTest
@testable import CostGateBasics

/// The parser's append-only buffers: growth keeps what was written, hand-over keeps every element.
final class GrowableBufferTests: XCTestCase {
    func testGrowingPastItsCapacityKeepsEveryElementInOrder() {
        var buffer = GrowableBuffer<Int32>(capacity: 1)
        for value in 0..<1_000 { buffer.append(Int32(value)) }
        XCTAssertEqual(buffer.count, 1_000)
        XCTAssertEqual(buffer[0], 0)
        XCTAssertEqual(buffer[999], 999)
        buffer[10] = -1
        XCTAssertEqual(Array(buffer.elements(9..<12)), [9, -1, 11])
        let handed = buffer.finish()
        defer { handed.deallocate() }
        XCTAssertEqual(handed.count, 1_000)
        XCTAssertEqual(handed.reduce(0) { $0 + Int($1) }, (0..<1_000).reduce(0, +) - 10 - 1)
    }

    func testAppendsRunsOfBytesAcrossGrowthAndForgetsTheLast() {
        var buffer = GrowableBuffer<UInt8>(capacity: 4)
        let text = Array("metadata:\n  name: trainer\n".utf8)
        for _ in 0..<100 { text.withUnsafeBufferPointer { buffer.append(contentsOf: $0) } }
        XCTAssertEqual(buffer.count, 100 * text.count)
        XCTAssertEqual(Array(buffer.elements(text.count..<(2 * text.count))), text)
        buffer.removeLast(text.count)
        XCTAssertEqual(buffer.count, 99 * text.count)
        [UInt8]().withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
        XCTAssertEqual(buffer.count, 99 * text.count, "an empty run adds nothing")
        buffer.removeAll()
        XCTAssertTrue(buffer.isEmpty)
    }
}
