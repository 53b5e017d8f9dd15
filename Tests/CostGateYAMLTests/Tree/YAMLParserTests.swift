import XCTest
@testable import CostGateYAML

final class YAMLParserTests: XCTestCase {
    private func parse(_ text: String, parser: YAMLParser = YAMLParser()) -> YAMLStream {
        parser.parse(Array(text.utf8))
    }

    func testKeepsOneBasedPositionsStylesAndTags() throws {
        let stream = parse("a: 1\nb:\n  - 'x'\n  - !!str 2\n")
        let root = try XCTUnwrap(try stream.documents[0].get().root)
        guard case .mapping(let pairs) = root.content else { return XCTFail("expected a mapping") }
        XCTAssertEqual(pairs[0].key.line, 1)
        XCTAssertEqual(pairs[0].key.column, 1)
        XCTAssertEqual(pairs[0].value.column, 4)
        guard case .sequence(let items) = pairs[1].value.content else { return XCTFail("expected a list") }
        XCTAssertEqual(items[0].line, 3)
        XCTAssertEqual(items[0].column, 5)
        guard case .scalar("x", .singleQuoted) = items[0].content else { return XCTFail("expected a quoted scalar") }
        XCTAssertEqual(items[1].tag, "tag:yaml.org,2002:str")
    }

    func testMultiDocumentStreamsCountDocumentsFromZero() throws {
        let stream = parse("---\na: 1\n---\nb: 2\n---\n")
        XCTAssertEqual(stream.documents.count, 3)
        XCTAssertEqual(try stream.documents[1].get().index, 1)
        XCTAssertEqual(try stream.documents[1].get().line, 3)
        XCTAssertNil(try stream.documents[2].get().root)
    }

    func testDuplicateKeysAreErrorsAtTheSecondKey() {
        let stream = parse("a: 1\nb: 2\na: 3\n")
        guard case .failure(let failure) = stream.documents[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(failure.error, .duplicateKey("a", line: 3, column: 1, firstLine: 1))
    }

    func testBrokenDocumentDoesNotHideTheNextOnes() throws {
        let stream = parse("a: 1\n---\nb: [1, 2\nc: 3\n---\nd: 4\n---\ne: 5\n")
        XCTAssertEqual(stream.documents.count, 4)
        XCTAssertNoThrow(try stream.documents[0].get())
        guard case .failure(let failure) = stream.documents[1] else { return XCTFail("document 1 should fail") }
        XCTAssertEqual(failure.index, 1)
        XCTAssertGreaterThanOrEqual(failure.error.line, 3)
        let third = try stream.documents[2].get()
        XCTAssertEqual(third.index, 2)
        XCTAssertEqual(third.root?.line, 6, "line numbers continue across the restart")
        XCTAssertEqual(try stream.documents[3].get().root?.line, 8)
    }

    func testAliasesShareTheirAnchorAndMergeKeysApply() throws {
        let stream = parse("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n")
        let root = try XCTUnwrap(try stream.documents[0].get().root)
        let use = NodeCursor(node: root, path: "", file: "f", document: 0)
        let merged = try XCTUnwrap(try use.child("use"))
        XCTAssertEqual(try merged.child("x")?.int(), 1)
        XCTAssertEqual(try merged.child("y")?.int(), 3, "explicit keys win over merged ones")
    }

    func testBillionLaughsIsAnErrorInBoundedTime() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let start = Date()
        let stream = parse(text)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "must not expand the bomb")
        guard case .failure(let failure) = stream.documents[0],
              case .aliasExpansionLimit = failure.error else { return XCTFail("expected the alias limit to trip") }
    }

    func testUndefinedAliasIsAnError() {
        guard case .failure(let failure) = parse("a: *nope\n").documents[0],
              case .undefinedAlias("nope", 1, 4) = failure.error else { return XCTFail("expected an undefined alias error") }
    }

    func testSyntaxErrorNamesLineAndColumn() {
        guard case .failure(let failure) = parse("a: 1\n b: 2\n").documents[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(failure.error.line, 2)
        XCTAssertTrue(failure.error.message.hasPrefix("invalid YAML:"), failure.error.message)
    }

    func testDepthLimit() {
        let text = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        guard case .failure(let failure) = parse(text).documents[0], case .depthLimit = failure.error else {
            return XCTFail("expected the depth limit")
        }
    }
}

extension YAMLParserTests {
    func testDuplicateKeysInALongMappingAreFoundInLinearTime() {
        let keys = (0..<50_000).map { String(format: "k%06d: 1", $0) }
        let text = (keys + ["k000040: 2"]).joined(separator: "\n") + "\n"
        guard case .failure(let failure) = parse(text).documents[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(failure.error, .duplicateKey("k000040", line: 50_001, column: 1, firstLine: 41))
        XCTAssertNoThrow(try parse(keys.joined(separator: "\n")).documents[0].get())
    }

    func testADuplicateKeyAfterAMergeKeyIsStillFound() {
        let short = parse("base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n  y: 3\n")
        guard case .failure = short.documents[0] else { return XCTFail("expected a failure") }
        let long = parse("base: &b {x: 1}\nuse:\n" + (0..<40).map { "  k\($0): 1\n" }.joined() + "  <<: *b\n  k3: 2\n")
        guard case .failure(let failure) = long.documents[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(failure.error, .duplicateKey("k3", line: 44, column: 3, firstLine: 6))
    }
}
