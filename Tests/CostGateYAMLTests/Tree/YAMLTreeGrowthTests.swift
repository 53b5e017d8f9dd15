import XCTest
@testable import CostGateYAML

/// The YAML tree over `GrowableBuffer`s (CostGateBasics) that grew far past what the parser reserved.
final class YAMLTreeGrowthTests: XCTestCase {
    func testATreeOfManyDocumentsReadsBackAfterTheBuffersGrew() throws {
        // Far more nodes than the builder reserves for a stream this size (short keys, many nodes).
        let text = (0..<300).map { "a: [\($0), {b: c}]\n---\n" }.joined()
        let stream = YAMLParser().parse(Array(text.utf8))
        XCTAssertEqual(stream.documents.count, 301)
        let last = try XCTUnwrap(try stream.documents[299].get().root)
        XCTAssertEqual(last.value(forKey: "a")?.items[0].scalarText, "299")
        XCTAssertEqual(last.value(forKey: "a")?.items[1].value(forKey: "b")?.scalarText, "c")
    }
}
