import Foundation
import CostGateBasics
import CostGateYAML
import CostGateWorkloads
import CostGateEstimation

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
        let (entries, listErrors) = collector.expand(request.paths, excluding: PathExclusion(request.exclude))
        var diagnostics = listErrors.map(\.diagnostic)
        let reader = KubernetesReader(options: request.reading)
        let parser = self.parser
        var workloads = WorkloadTable()
        var autoscalers: [HorizontalPodAutoscaler] = []
        var trainJobs: [KubernetesObject] = []
        var trainingRuntimes: [KubernetesObject] = []
        parallelMap(entries, { entry in
            var reading = Self.read(entry, collector: collector, parser: parser, reader: reader)
            reading.diagnostics += DefaultDurationCheck.diagnostics(for: reading.workloads)
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

        var (estimates, unpriced) = Self.price(consume workloads, scaling: scaling, estimator: Estimator(settings: request.pricing))
        diagnostics += unpriced.map(\.error.diagnostic)
        // Usually in order already (files are read in order): a check is cheaper than sorting big values.
        let ordered = estimates.withUnsafeBufferPointer { estimates in
            !estimates.indices.dropFirst().contains { Self.inSourceOrder(estimates[$0], estimates[$0 - 1]) }
        }
        if !ordered {
            estimates.sort(by: Self.inSourceOrder)
        }
        let catalog = request.pricing.catalog
        return EstimationResult(estimates: estimates, unpriced: unpriced, diagnostics: diagnostics.sorted(), catalogDate: catalog.date,
                                catalogSources: catalog.sources.map(\.description), month: request.reading.month,
                                fileCount: entries.count)
    }

    package static func read(_ entry: InputCollector.Entry, collector: InputCollector, parser: YAMLParser,
                     reader: KubernetesReader) -> FileReading {
        var reading = FileReading()
        let file: InputFile
        do {
            file = try collector.load(entry.path)
        } catch {
            reading.diagnostics.append(error.diagnostic)
            return reading
        }
        if InputCollector.isBlank(file.bytes) {
            // Named on the command line (a pipe that produced nothing, say), an empty input is an error;
            // met in a directory, an empty file is only said.
            let error = InputError.empty(file.path, reason: entry.path == "-" ? "standard input is empty" : "the file is empty")
            var diagnostic = error.diagnostic
            if !entry.explicit { diagnostic.severity = .note }
            reading.diagnostics.append(diagnostic)
            return reading
        }
        if let skipped = TemplateSource.skipKustomization(file) {
            reading.diagnostics.append(skipped)
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
            // A chart's template cannot be read as written: one note (or warning) instead of its YAML errors.
            if reading.diagnostics.contains(where: { $0.severity == .error }), let skipped = TemplateSource.skipTemplate(file) {
                return FileReading(diagnostics: [skipped])
            }
        }
        return reading
    }

    /// Prices every workload on all cores, file by file: each file's workloads are scaled by
    /// their autoscalers and moved into their estimates (a copy retained every string and array of
    /// a workload, and the table then released them all, on one core), and each estimate is
    /// written straight into its place in the result (gathered on one core afterwards, moving them
    /// cost milliseconds). Workloads that cannot be priced leave no place: they come back, in source
    /// order, with the reason.
    package static func price(_ workloads: consuming WorkloadTable, scaling: [Int: [HorizontalPodAutoscaler]],
                      estimator: Estimator) -> (estimates: [Estimate], unpriced: [UnpricedWorkload]) {
        let count = workloads.count
        let fileStarts = workloads.fileStarts
        var files = (consume workloads).takeFiles()
        var unpriced: [UnpricedWorkload] = []
        let estimates = files.withUnsafeMutableBufferPointer { files in
            nonisolated(unsafe) let base = files.baseAddress
            return [Estimate](unsafeUninitializedCapacity: count) { buffer, initialized in
                nonisolated(unsafe) let slots = buffer.baseAddress
                // Per file: the places left empty and why.
                let failures = parallelMap(Array(files.indices)) { file -> [(place: Int, workload: UnpricedWorkload)] in
                    var workloads = exchange(&base![file], with: [])
                    let start = fileStarts[file]
                    if !scaling.isEmpty {
                        for index in workloads.indices {
                            for hpa in scaling[start + index] ?? [] { AutoscalerJoin.scale(&workloads[index], by: hpa) }
                        }
                    }
                    var failed: [(place: Int, workload: UnpricedWorkload)] = []
                    // From the end: `popLast` moves a workload out.
                    while let workload = workloads.popLast() {
                        let place = start + workloads.count
                        switch estimator.price(workload) {
                        case .priced(let estimate): (slots! + place).initialize(to: estimate)
                        case .unpriced(let workload): failed.append((place, workload))
                        }
                    }
                    return failed
                }
                let failed = failures.joined().sorted { $0.place < $1.place }
                unpriced = failed.map(\.workload)
                unpriced.sort(by: Self.inSourceOrder)
                initialized = closeGaps(failed.map(\.place), in: buffer, count: count)
            }
        }
        return (estimates, unpriced)
    }

    /// Moves the estimates after each empty place (ascending) down over it, keeping their order;
    /// the number of estimates left.
    package static func closeGaps(_ empty: [Int], in buffer: UnsafeMutableBufferPointer<Estimate>, count: Int) -> Int {
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
    package static func inSourceOrder(_ lhs: Estimate, _ rhs: Estimate) -> Bool {
        inSourceOrder(lhs.workload, rhs.workload)
    }

    package static func inSourceOrder(_ lhs: UnpricedWorkload, _ rhs: UnpricedWorkload) -> Bool {
        inSourceOrder(lhs.workload, rhs.workload)
    }

    package static func inSourceOrder(_ a: Workload, _ b: Workload) -> Bool {
        if a.source != b.source { return a.source < b.source }
        return a.id < b.id
    }

    /// Two workloads with one identity (the same object in two files) get the later one's place appended.
    package static func disambiguateIdentities(_ workloads: inout WorkloadTable) -> [Diagnostic] {
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
