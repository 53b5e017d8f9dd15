import Foundation

/// load → parse → read → join autoscalers → price, for a whole input set. Files are read in
/// parallel; the result is ordered by source position, so it is the same on every run.
public struct EstimationPipeline: Sendable {
    public var fileSystem: any FileSystem
    public var parser = YAMLParser()

    public init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    public func run(_ request: EstimationRequest) -> EstimationResult {
        let collector = InputCollector(fileSystem: fileSystem)
        let (entries, listErrors) = collector.expand(request.paths)
        var diagnostics = listErrors.map(\.diagnostic)
        let reader = KubernetesReader(options: request.reading)
        let parser = self.parser
        var workloads = WorkloadTable()
        var autoscalers: [HorizontalPodAutoscaler] = []
        var trainJobs: [KubernetesObject] = []
        var trainingRuntimes: [KubernetesObject] = []
        parallelMap(entries, { entry in
            var reading = Self.read(entry, collector: collector, parser: parser, reader: reader)
            reading.hashes = WorkloadHashes.of(reading.workloads)
            return reading
        }, consume: { reading in
            workloads.append(reading.workloads, hashes: reading.hashes)
            autoscalers += reading.autoscalers
            diagnostics += reading.diagnostics
            trainJobs += reading.trainJobs
            trainingRuntimes += reading.trainingRuntimes
        })
        diagnostics += TrainJobJoin.apply(trainJobs, runtimes: trainingRuntimes, reader: reader, to: &workloads)
        let (scaling, autoscalerNotes) = AutoscalerJoin.match(autoscalers, in: workloads)
        diagnostics += autoscalerNotes
        diagnostics += Self.disambiguateIdentities(&workloads)

        let estimator = Estimator(settings: request.pricing)
        var estimates: [Estimate] = []
        estimates.reserveCapacity(workloads.count)
        // File by file, each file's workloads scaled by their autoscalers and moved into their
        // estimates (a copy retained every string and array of a workload, and the table then
        // released them all, on one core).
        let fileStarts = workloads.fileStarts
        var files = (consume workloads).takeFiles()
        files.withUnsafeMutableBufferPointer { files in
            nonisolated(unsafe) let base = files.baseAddress
            parallelMap(Array(files.indices), { file -> [Result<Estimate, EstimateError>] in
                var workloads = exchange(&base![file], with: [])
                if !scaling.isEmpty {
                    for index in workloads.indices {
                        for hpa in scaling[fileStarts[file] + index] ?? [] { AutoscalerJoin.scale(&workloads[index], by: hpa) }
                    }
                }
                var outcomes: [Result<Estimate, EstimateError>] = []
                outcomes.reserveCapacity(workloads.count)
                // From the end: `popLast` moves a workload out; the outcomes are read back to front.
                while let workload = workloads.popLast() {
                    do throws(EstimateError) { outcomes.append(.success(try estimator.estimate(workload))) } catch {
                        outcomes.append(.failure(error))
                    }
                }
                return outcomes
            }, consume: { outcomes in
                var outcomes = outcomes
                while let outcome = outcomes.popLast() {
                    // Taken apart, not `get()`: that copied the estimate (a retain per string and array) and freed the original.
                    switch consume outcome {
                    case .success(let estimate): estimates.append(estimate)
                    case .failure(let error): diagnostics.append(error.diagnostic)
                    }
                }
            })
        }
        // Usually in order already (files are read in order): a check is cheaper than sorting big values.
        let ordered = estimates.withUnsafeBufferPointer { estimates in
            !estimates.indices.dropFirst().contains { Self.inSourceOrder(estimates[$0], estimates[$0 - 1]) }
        }
        if !ordered {
            estimates.sort(by: Self.inSourceOrder)
        }
        let catalog = request.pricing.catalog
        return EstimationResult(estimates: estimates, diagnostics: diagnostics.sorted(), catalogDate: catalog.date,
                                catalogSources: catalog.sources.map(\.description), month: request.reading.month,
                                fileCount: entries.count)
    }

    static func read(_ entry: InputCollector.Entry, collector: InputCollector, parser: YAMLParser,
                     reader: KubernetesReader) -> FileReading {
        var reading = FileReading()
        let file: InputFile
        do {
            file = try collector.load(entry.path)
        } catch {
            reading.diagnostics.append(error.diagnostic)
            return reading
        }
        switch file.format {
        case .sbatch:
            let slurm = SlurmReader(options: reader.options).read(file)
            reading.workloads = slurm.workloads
            reading.diagnostics = slurm.diagnostics
        case .yaml:
            // Shell scripts met while walking a directory are not manifests unless they are sbatch scripts.
            if !entry.explicit && InputCollector.scriptExtensions.contains(InputCollector.pathExtension(entry.path)) {
                return reading
            }
            let stream = parser.parse(file.bytes)
            for document in stream.documents {
                switch document {
                case .success(let parsed):
                    guard let root = parsed.root else { continue }
                    let result = reader.read(document: root, file: file.path, index: parsed.index)
                    reading.workloads += result.workloads
                    reading.autoscalers += result.autoscalers
                    reading.diagnostics += result.diagnostics
                    reading.trainJobs += result.trainJobs
                    reading.trainingRuntimes += result.trainingRuntimes
                case .failure(let failure):
                    let location = SourceLocation(file: file.path, line: failure.error.line, column: failure.error.column,
                                                  document: failure.index)
                    reading.diagnostics.append(Diagnostic(.error, at: location, failure.error.message, rule: "yaml"))
                }
            }
        }
        return reading
    }

    /// `(source, id)` order, compared in place (building the tuples copied two strings per side).
    static func inSourceOrder(_ lhs: Estimate, _ rhs: Estimate) -> Bool {
        let (a, b) = (lhs.workload, rhs.workload)
        if a.source != b.source { return a.source < b.source }
        return a.id < b.id
    }

    /// Two workloads with one identity (the same object in two files) get the later one's place appended.
    static func disambiguateIdentities(_ workloads: inout WorkloadTable) -> [Diagnostic] {
        // Almost always every identity is distinct: the hashes show it without reading a workload.
        var seen = Set<Int>(minimumCapacity: workloads.count)
        guard workloads.hashes.contains(where: { !seen.insert($0.id).inserted }) else { return [] }
        var firstIndex: [String: Int] = [:]
        firstIndex.reserveCapacity(workloads.count)
        var diagnostics: [Diagnostic] = []
        // Workloads arrive in source order unless several paths were given: sort only then (stable, as before).
        let inOrder = !workloads.indices.dropFirst().contains { workloads[$0].source < workloads[$0 - 1].source }
        let order = inOrder ? Array(workloads.indices) : workloads.indices.sorted { workloads[$0].source < workloads[$1].source }
        for index in order {
            let id = workloads[index].id
            if let first = firstIndex.updateValue(index, forKey: id) {
                firstIndex[id] = first
                diagnostics.append(Diagnostic(.warning, at: workloads[index].source,
                    "\(id) is also defined at \(workloads[first].source); both are priced", rule: "duplicate-workload"))
                workloads.setID("\(id)@\(workloads[index].source)", at: index)
            }
        }
        return diagnostics
    }
}
