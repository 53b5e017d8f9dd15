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

        var estimates = Self.price(consume workloads, scaling: scaling, estimator: Estimator(settings: request.pricing),
                                   diagnostics: &diagnostics)
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

    /// Prices every workload on all cores, file by file: each file's workloads are scaled by
    /// their autoscalers and moved into their estimates (a copy retained every string and array of
    /// a workload, and the table then released them all, on one core), and each estimate is
    /// written straight into its place in the result (gathered on one core afterwards, moving them
    /// cost milliseconds). Workloads that cannot be priced leave no place, and a diagnostic.
    static func price(_ workloads: consuming WorkloadTable, scaling: [Int: [HorizontalPodAutoscaler]],
                      estimator: Estimator, diagnostics: inout [Diagnostic]) -> [Estimate] {
        let count = workloads.count
        let fileStarts = workloads.fileStarts
        var files = (consume workloads).takeFiles()
        return files.withUnsafeMutableBufferPointer { files in
            nonisolated(unsafe) let base = files.baseAddress
            return [Estimate](unsafeUninitializedCapacity: count) { buffer, initialized in
                nonisolated(unsafe) let slots = buffer.baseAddress
                // Per file: the places left empty and why.
                let failures = parallelMap(Array(files.indices)) { file -> [(place: Int, diagnostic: Diagnostic)] in
                    var workloads = exchange(&base![file], with: [])
                    let start = fileStarts[file]
                    if !scaling.isEmpty {
                        for index in workloads.indices {
                            for hpa in scaling[start + index] ?? [] { AutoscalerJoin.scale(&workloads[index], by: hpa) }
                        }
                    }
                    var failed: [(place: Int, diagnostic: Diagnostic)] = []
                    // From the end: `popLast` moves a workload out.
                    while let workload = workloads.popLast() {
                        let place = start + workloads.count
                        do throws(EstimateError) { (slots! + place).initialize(to: try estimator.estimate(workload)) } catch {
                            failed.append((place, error.diagnostic))
                        }
                    }
                    return failed
                }
                diagnostics += failures.flatMap { $0.map(\.diagnostic) }
                initialized = closeGaps(failures.flatMap { $0.map(\.place) }.sorted(), in: buffer, count: count)
            }
        }
    }

    /// Moves the estimates after each empty place (ascending) down over it, keeping their order;
    /// the number of estimates left.
    static func closeGaps(_ empty: [Int], in buffer: UnsafeMutableBufferPointer<Estimate>, count: Int) -> Int {
        guard !empty.isEmpty, let base = buffer.baseAddress else { return count }
        var write = empty[0]
        for (position, gap) in empty.enumerated() {
            let next = position + 1 < empty.count ? empty[position + 1] : count
            let run = next - (gap + 1)
            if run > 0 { (base + write).moveInitialize(from: base + gap + 1, count: run) }
            write += run
        }
        return write
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
