import XCTest
@testable import CostGateYAML

/// Nodes live in one flat tree per stream; builders copy nodes into trees of their own.
final class YAMLTreeTests: XCTestCase {
    private func root(_ text: String) throws -> YAMLNode {
        try XCTUnwrap(try YAMLParser().parse(Array(text.utf8)).documents[0].get().root)
    }

    func testKeysAreComparedAsBytesWithoutMakingStrings() throws {
        let node = try root("name: a\nnamespace: b\n\"\": empty\nnull: x\n")
        XCTAssertEqual(node.value(forKey: "namespace")?.scalarText, "b")
        XCTAssertEqual(node.value(forKey: "name")?.scalarText, "a", "a key is not matched by its prefix")
        XCTAssertEqual(node.value(forKey: "")?.scalarText, "empty")
        XCTAssertNil(node.value(forKey: "nam"))
        XCTAssertTrue(node.pairs[0].key.isScalar("name"))
        XCTAssertFalse(node.pairs[0].key.isScalar("names"))
        XCTAssertFalse(node.isScalar("name"), "a mapping is no scalar")
        XCTAssertNil(node.value(forKey: "name")?.value(forKey: "x"), "a scalar has no entries")
    }

    func testBuiltNodesCopyTheirPartsAndKeepPositions() throws {
        let parsed = try root("spec:\n  containers:\n    - name: main\n      image: x\n")
        let containers = try XCTUnwrap(parsed.value(forKey: "spec")?.value(forKey: "containers"))
        let built = YAMLNode.mapping([("containers", containers), ("extra", .scalar("1", at: containers))], at: parsed)
        XCTAssertEqual(built.pairs.count, 2)
        let copied = try XCTUnwrap(built.value("containers"))
        XCTAssertEqual(copied.line, 3, "a copied node keeps its line")
        XCTAssertEqual(copied.items[0].value("image")?.scalarText, "x")
        XCTAssertEqual(built.value("extra")?.line, 3)

        let changed = built.setting("extra", to: nil).setting("more", to: .scalar("2", at: parsed))
        XCTAssertEqual(changed.pairs.map { $0.key.scalarText }, ["containers", "more"])
        XCTAssertEqual(built.pairs.count, 2, "building never changes the nodes it was made from")

        let moved = copied.relocated(line: 40, column: 2)
        XCTAssertEqual(moved.items[0].value("name")?.line, 40)
        XCTAssertEqual(moved.items[0].value("name")?.column, 2)
        XCTAssertEqual(copied.items[0].value("name")?.line, 3)
    }

    func testAnAliasSharesItsAnchorsNodesAtItsOwnPosition() throws {
        let node = try root("a: &x {k: v}\nb: *x\n")
        let alias = try XCTUnwrap(node.value(forKey: "b"))
        XCTAssertEqual(alias.line, 2)
        XCTAssertEqual(alias.column, 4)
        XCTAssertEqual(alias.value(forKey: "k")?.scalarText, "v")
        XCTAssertEqual(alias.value(forKey: "k")?.line, 1, "the shared nodes keep the anchor's lines")
    }

    func testContentMaterialisesTheSameTree() throws {
        let node = try root("a: [1, 'two']\n")
        guard case .mapping(let pairs) = node.content, case .sequence(let items) = pairs[0].value.content,
              case .scalar("two", .singleQuoted) = items[1].content else { return XCTFail("unexpected content") }
    }
}

extension YAMLTreeTests {
    func testManyDistinctTagsStayDistinctAndCheap() throws {
        let count = 40_000   // beyond Int16, in linear time
        let text = "l: [" + (0..<count).map { "!t\($0) x" }.joined(separator: ", ") + "]\n"
        let node = try root(text)
        let items = try XCTUnwrap(node.value(forKey: "l")?.items)
        XCTAssertEqual(items.count, count)
        XCTAssertEqual(items[count - 1].tag, "!t\(count - 1)")
        XCTAssertEqual(items[7].tag, "!t7")
    }
}
