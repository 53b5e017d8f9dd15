import XCTest
@testable import CostGateYAML
@testable import CostGateBasics

/// Cursors carry no key path: it is found from the tree's parent links when a message needs it.
final class NodeCursorTests: XCTestCase {
    private func cursor(_ text: String, path: String = "") throws -> NodeCursor {
        let root = try XCTUnwrap(try YAMLParser().parse(Array(text.utf8)).documents[0].get().root)
        return NodeCursor(node: root, path: path, file: "f.yaml", document: 0)
    }

    func testPathsNameKeysAndIndexesFromTheRoot() throws {
        let root = try cursor("spec:\n  containers:\n    - name: a\n    - name: b\n      resources: {limits: {cpu: x}}\n")
        let second = try XCTUnwrap(try root.descend("spec", "containers")?.items()[1])
        XCTAssertEqual(second.path, "spec.containers[1]")
        let cpu = try XCTUnwrap(try second.descend("resources", "limits", "cpu"))
        XCTAssertEqual(cpu.path, "spec.containers[1].resources.limits.cpu")
        XCTAssertEqual(cpu.location, SourceLocation(file: "f.yaml", line: 5, column: 33, document: 0))
        XCTAssertThrowsError(try cpu.int()) { error in
            XCTAssertTrue("\(error)".contains("spec.containers[1].resources.limits.cpu"), "\(error)")
        }
        XCTAssertEqual(root.path, "")
    }

    func testACursorMadeInsideATreeStartsFromItsOwnPath() throws {
        let root = try cursor("a:\n  b:\n    c: 1\n")
        let b = try XCTUnwrap(try root.descend("a", "b"))
        let restarted = NodeCursor(node: b.node, path: "template", file: "g.yaml", document: 3)
        XCTAssertEqual(try restarted.child("c")?.path, "template.c")
        XCTAssertEqual(try restarted.child("c")?.location.file, "g.yaml")
        XCTAssertEqual(try restarted.child("c")?.document, 3)
    }

    func testEntriesAndMergedKeysKeepUsablePaths() throws {
        let root = try cursor("base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n")
        let use = try XCTUnwrap(try root.child("use"))
        XCTAssertEqual(try use.entries().map(\.value.path), ["use.y", "base.x"],
                       "a merged value is shared with its anchor and named by the anchor's path")
        XCTAssertEqual(try use.lazyEntries().map(\.key), ["y", "x"])
    }
}
