import Foundation
import XCTest

/// The examples in every command's `--help` are a new user's first commands: those that name only
/// bundled files (examples/, policies/) must run, and every bundled path any of them names must exist.
final class HelpExamplesTests: XCTestCase {
    private let commands = [["estimate"], ["check"], ["diff"], ["explain"], ["audit"], ["catalog"], ["spot"],
                            ["policy", "validate"], ["ledger", "list"]]

    private func examples(of command: [String]) throws -> [[String]] {
        let help = try BinaryRunner.run(command + ["--help"])
        XCTAssertEqual(help.status, 0, "\(command) --help: \(help.stderr)")
        return help.stdout.split(separator: "\n").compactMap { line -> [String]? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("costgate ") else { return nil }
            let code = trimmed.components(separatedBy: " #").first ?? trimmed
            return code.split(separator: " ").dropFirst().map(String.init)
        }
    }

    func testEveryBundledPathAnExampleNamesExists() throws {
        var checked = 0
        for command in commands {
            for example in try examples(of: command) {
                for word in example where word.hasPrefix("examples/") || word.hasPrefix("policies/") {
                    let path = BinaryRunner.repositoryRoot.appendingPathComponent(word).path
                    XCTAssertTrue(FileManager.default.fileExists(atPath: path), "'costgate \(example.joined(separator: " "))' names \(word)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 5, "the help examples name bundled files")
    }

    func testExamplesOnBundledFilesRunWithADocumentedExitCode() throws {
        var ran = 0
        for command in [["estimate"], ["check"], ["explain"], ["policy", "validate"]] {
            for example in try examples(of: command) {
                let paths = example.filter { word in
                    !word.hasPrefix("-") && (word.contains("/") || [".yaml", ".yml", ".json", ".sbatch", ".sh"].contains { word.hasSuffix($0) })
                }
                guard !paths.isEmpty, paths.allSatisfy({ $0.hasPrefix("examples/") || $0.hasPrefix("policies/") }),
                      !example.contains(where: { $0.contains("$") || $0 == "|" || $0 == ">" }) else { continue }
                let outcome = try BinaryRunner.run(example)
                XCTAssertTrue([0, 1].contains(outcome.status),
                              "'costgate \(example.joined(separator: " "))' exited \(outcome.status): \(outcome.stderr)")
                ran += 1
            }
        }
        XCTAssertGreaterThanOrEqual(ran, 4)
    }
}
