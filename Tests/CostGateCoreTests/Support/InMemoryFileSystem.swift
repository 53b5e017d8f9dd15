@testable import CostGateCore
@testable import CostGateBasics

/// Files held in memory, so pipeline tests need no disk.
struct InMemoryFileSystem: FileSystem {
    var files: [String: String]
    var stdin = ""

    func contents(of path: String) throws(InputError) -> [UInt8] {
        guard let text = files[path] else { throw .notFound(path) }
        return Array(text.utf8)
    }

    func isDirectory(_ path: String) -> Bool { files.keys.contains { $0.hasPrefix(path + "/") } }

    func exists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) }

    func files(under directory: String) throws(InputError) -> [String] {
        files.keys.filter { $0.hasPrefix(directory + "/") }.sorted()
    }

    func standardInput() throws(InputError) -> [UInt8] { Array(stdin.utf8) }
}

extension EstimationPipeline {
    /// Runs the pipeline over in-memory files with November 2026 as the month.
    static func run(_ files: [String: String], pricing: PricingSettings = PricingSettings(),
                    reading: ReadOptions = ReadOptions(month: CalendarMonth(year: 2026, month: 11)!)) -> EstimationResult {
        EstimationPipeline(fileSystem: InMemoryFileSystem(files: files))
            .run(EstimationRequest(paths: files.keys.sorted(), reading: reading, pricing: pricing))
    }
}
