import Foundation
import XCTest
import CostGatePricing

/// The committed `BuiltinCatalog+Data.swift` must be what `scripts/generate-catalog.py` makes of
/// `../shared/data/pricing`. Skipped where that folder (or python3) is absent: the project builds
/// and tests without it.
final class GeneratedCatalogTests: XCTestCase {
    func testCommittedCatalogMatchesTheGenerator() throws {
        // Resolve symlinks so the check also works from a package that links these tests.
        let testFile = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        // Tests/CostGatePricingTests/this file → the repository.
        let root = testFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let pricing = root.deletingLastPathComponent().appendingPathComponent("shared/data/pricing")
        let script = root.appendingPathComponent("scripts/generate-catalog.py")
        let committed = root.appendingPathComponent("Sources/CostGatePricing/BuiltinCatalog+Data.swift")
        let files = FileManager.default
        try XCTSkipUnless(files.fileExists(atPath: pricing.appendingPathComponent("aws_gpu_vms.csv").path),
                          "no shared/data/pricing beside the repository")
        try XCTSkipUnless(files.fileExists(atPath: script.path), "no generator script")
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"]
            .first(where: { files.isExecutableFile(atPath: $0) }) else { throw XCTSkip("no python3") }

        let output = files.temporaryDirectory.appendingPathComponent("BuiltinCatalog+Data-\(UUID().uuidString).swift")
        defer { try? files.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, pricing.path, "--output", output.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, message)
        let regenerated = try String(contentsOf: output, encoding: .utf8)
        let current = try String(contentsOf: committed, encoding: .utf8)
        XCTAssertTrue(regenerated == current,
                      "BuiltinCatalog+Data.swift is stale: run python3 scripts/generate-catalog.py ../shared/data/pricing")
    }
}
