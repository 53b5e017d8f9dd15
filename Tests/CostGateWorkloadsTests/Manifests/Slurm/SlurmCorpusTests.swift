import Foundation
import XCTest
@testable import CostGateWorkloads

/// Reads every real-world script of the shared corpus (skipped when the corpus is not on this machine).
final class SlurmCorpusTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: "/work/shared/corpus/real/slurm")

    /// Scripts sbatch itself rejects, with the errors it would report; every other script must read without errors.
    /// Each file's findings were checked by hand against sbatch's parser (Slurm 26.11 development tree): none of the 50
    /// scripts is rejected. Their warnings are real too: `#SBATCH` lines after the first command (four files, one of
    /// them a heredoc), arrays above the default MaxArraySize (two), `--gpus-per-node` with `--gres=gpu` (two).
    static let expectedErrors: [String: [String]] = [:]

    func testEveryCorpusScriptReadsAsSbatchWould() throws {
        let files = try corpusFiles()
        XCTAssertFalse(files.isEmpty)
        var rows: [[String]] = [["file", "components", "nodes", "GPUs", "time", "array", "warnings"]]
        for file in files {
            let text = try String(contentsOf: Self.corpus.appendingPathComponent(file), encoding: .utf8)
            XCTAssertTrue(SbatchScript.isSlurmScript(text), file)
            let (parsed, diagnostics) = SbatchScript.parse(text, file: file)
            let errors = diagnostics.filter { $0.severity == .error }.map(\.message)
            XCTAssertEqual(errors, Self.expectedErrors[file] ?? [], file)
            let script = try XCTUnwrap(parsed, file)
            XCTAssertFalse(script.components.isEmpty, file)
            rows.append(Self.row(file, script, warnings: diagnostics.filter { $0.severity == .warning }.count))
        }
        print(Self.table(rows))
    }

    func corpusFiles() throws -> [String] {
        guard FileManager.default.fileExists(atPath: Self.corpus.path) else {
            throw XCTSkip("the corpus \(Self.corpus.path) is not on this machine")
        }
        return try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)
            .filter { [".sh", ".slurm", ".sbatch"].contains(where: $0.hasSuffix) }
            .sorted()
    }

    static func row(_ file: String, _ script: SbatchScript, warnings: Int) -> [String] {
        let columns = script.components.map { component -> [String] in
            let nodes = component.nodes.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            let nodesUsed = component.nodes?.upperBound ?? 1
            let gpus = component.totalGPUs(nodesUsed: nodesUsed).map { count in
                component.gpuType.map { "\(count)×\($0)" } ?? "\(count)"
            }
            let time: String? = component.timeLimit.map {
                switch $0 {
                case .unlimited: return "unlimited"
                case .minutes(let minutes): return minutes % 60 == 0 ? "\(minutes / 60)h" : "\(minutes)m"
                }
            }
            let array = component.array.map { spec in
                "\(spec.taskCount)" + (spec.concurrencyLimit.map { "%\($0)" } ?? "")
            }
            return [nodes ?? "-", gpus ?? "-", time ?? "-", array ?? "-"]
        }
        let joined = (0..<4).map { index in columns.map { $0[index] }.joined(separator: " + ") }
        return [file.count > 60 ? String(file.prefix(57)) + "..." : file, "\(script.components.count)"] + joined + ["\(warnings)"]
    }

    static func table(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ")
        }.joined(separator: "\n")
    }
}
