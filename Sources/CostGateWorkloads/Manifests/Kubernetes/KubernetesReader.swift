import Foundation
import CostGateBasics
import CostGateYAML

/// Reads Kubernetes objects into normalized workloads: Pod, Deployment, StatefulSet, ReplicaSet,
/// DaemonSet, Job, CronJob, HorizontalPodAutoscaler and `List`.
public struct KubernetesReader: Sendable {
    public var options: ReadOptions
    /// Shared by every copy of this reader, so by all the cores reading one input set.
    package let memo = ReadingMemo()

    public init(options: ReadOptions) {
        self.options = options
    }

    /// Reads one YAML document. Errors in one object are diagnostics; they never stop the others.
    public func read(document root: YAMLNode, file: String, index: Int) -> KubernetesReading {
        let cursor = NodeCursor(node: root, path: "", file: file, document: index)
        return read(cursor)
    }

    package static let kueueMaxExecTime = "kueue.x-k8s.io/max-exec-time-seconds"

    /// A costgate policy (`version` with teams, rules, exceptions or pricing) or `--prices` file.
    package static func isCostgateFile(_ cursor: NodeCursor) -> Bool {
        guard let keys = try? cursor.entries().map(\.key) else { return false }
        let policyKeys: Set = ["teams", "rules", "exceptions", "pricing", "unowned", "enforcement"]
        if keys.contains("version") && keys.contains(where: policyKeys.contains) { return true }
        return !keys.isEmpty && keys.allSatisfy { $0 == "accelerators" || $0 == "partitions" }
    }

    package func read(_ cursor: NodeCursor) -> KubernetesReading {
        var reading = KubernetesReading()
        // Kinds that create no pods are ignored quietly, before their metadata is read: they are
        // often most of a repository's documents, and reading their envelope cost as much as parsing them.
        if let kind = cursor.node.value(forKey: "kind"), kind.kind == .scalar, let text = kind.scalarText,
           KubernetesKinds.isQuietlyIgnored(text) {
            return reading
        }
        do {
            guard let object = try KubernetesObject.read(cursor) else {
                if cursor.node.kind == .mapping {
                    // costgate's own policy and price files often sit beside the manifests: skipped quietly.
                    if Self.isCostgateFile(cursor) { return reading }
                    reading.diagnostics.append(Diagnostic(.note, at: cursor.location,
                        "not a Kubernetes object (no 'kind'); skipped", rule: "not-kubernetes"))
                } else if !cursor.isNull {
                    reading.diagnostics.append(Diagnostic(.note, at: cursor.location,
                        "document is \(cursor.describedForError), not a Kubernetes object; skipped", rule: "not-kubernetes"))
                }
                return reading
            }
            try read(object, into: &reading)
        } catch {
            reading.diagnostics.append(error.diagnostic)
        }
        return reading
    }

    private func read(_ object: KubernetesObject, into reading: inout KubernetesReading) throws(ManifestError) {
        switch (object.group, object.kind) {
        case (_, "List"):
            for item in try object.root.child("items")?.items() ?? [] {
                reading.append(read(item))
            }
        case ("", "Pod"):
            reading.workloads.append(try readPod(object, diagnostics: &reading.diagnostics))
        case ("apps", "Deployment"), ("apps", "StatefulSet"), ("apps", "ReplicaSet"),
             ("extensions", "Deployment"), ("extensions", "ReplicaSet"):
            reading.workloads.append(try readReplicated(object, diagnostics: &reading.diagnostics))
        case ("apps", "DaemonSet"), ("extensions", "DaemonSet"):
            if let workload = try readDaemonSet(object, diagnostics: &reading.diagnostics) { reading.workloads.append(workload) }
        case ("batch", "Job"):
            reading.workloads.append(try readJob(object, diagnostics: &reading.diagnostics))
        case ("batch", "CronJob"):
            if let workload = try readCronJob(object, diagnostics: &reading.diagnostics) { reading.workloads.append(workload) }
        case ("autoscaling", "HorizontalPodAutoscaler"):
            reading.autoscalers.append(try HorizontalPodAutoscaler.read(object))
        default:
            if let workloads = try readOperatorKind(object, into: &reading) {
                reading.workloads += workloads
                return
            }
            if KubernetesKinds.podless.contains(object.kind) { return }
            let requests = AcceleratorScan.requests(in: object.root)
            guard let first = requests.first else {
                // No accelerator anywhere in it: most such kinds are operators' configuration, and cheap.
                reading.diagnostics.append(Diagnostic(options.strictKinds ? .error : .note, at: object.location,
                    "skipped \(object.kind) (\(object.apiVersion)): costgate does not read this kind and found no accelerator "
                    + "request in it, so its cost (if any) is not counted", rule: "unknown-kind"))
                return
            }
            let more = requests.count > 1 ? " and \(requests.count - 1) more accelerator request\(requests.count == 2 ? "" : "s")" : ""
            reading.diagnostics.append(Diagnostic(options.strictKinds ? .error : .warning, at: first.location,
                "\(object.kind)/\(object.name) (\(object.apiVersion)) requests \(first.amount) × \(first.resource)\(more), but "
                + "costgate does not read this kind, so its cost is not counted: render it to a kind costgate reads "
                + "(Job, Pod, a training CRD), or exclude the file (--exclude, the policy's exclude)", rule: Diagnostic.unreadGPURule))
        }
    }

    // MARK: - Kinds

    private func readPod(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> Workload {
        guard let spec = try object.root.child("spec") else { throw .missingField(path: "spec", at: object.location) }
        let annotations = try AnnotationLayers(object: object)
        let pod = try PodTemplateReader.read(podSpec: spec, annotations: annotations.merged, annotationLocation: object.location,
                                             memo: memo)
        diagnostics += pod.diagnostics
        let restart = pod.restartPolicy ?? "Always"
        if restart == "Always" {
            return try workload(object, pod: pod, role: "pod", replicas: ReplicaRange(exactly: 1), pattern: .longRunning,
                                duration: monthDuration(), annotations: annotations,
                                extraAssumptions: ["bare Pod with restartPolicy Always runs until deleted: priced per month"])
        }
        let duration = try runDuration(annotations, deadline: pod.activeDeadlineSeconds, kind: object.kind, maxExecTime: object.labels[Self.kueueMaxExecTime])
        return try workload(object, pod: pod, role: "pod", replicas: ReplicaRange(exactly: 1), pattern: .oneOff, duration: duration,
                            annotations: annotations)
    }

    private func readReplicated(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> Workload {
        guard let spec = try object.root.child("spec") else { throw .missingField(path: "spec", at: object.location) }
        let (pod, annotations) = try readTemplate(spec, annotations: AnnotationLayers(object: object), diagnostics: &diagnostics)
        let replicas = try spec.child("replicas").map { node throws(ManifestError) in try nonNegative(node) } ?? 1
        var workload = try workload(object, pod: pod, role: "replica", replicas: ReplicaRange(exactly: replicas),
                                    pattern: .longRunning, duration: monthDuration(), annotations: annotations)
        if (try spec.child("replicas")) == nil { workload.assumptions.append("replicas not set: Kubernetes' default of 1") }
        return workload
    }

    private func readDaemonSet(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> Workload? {
        guard let spec = try object.root.child("spec") else { throw .missingField(path: "spec", at: object.location) }
        let (pod, annotations) = try readTemplate(spec, annotations: AnnotationLayers(object: object), diagnostics: &diagnostics)
        guard let nodes = options.daemonSetNodes else {
            // Node agents without GPUs are common and cheap: a note; GPU DaemonSets are worth a warning.
            diagnostics.append(Diagnostic(pod.accelerator != nil ? .warning : .note, at: object.location,
                "DaemonSet '\(object.name)' runs one pod per node and the node count is unknown; pass --daemonset-nodes N to price it",
                rule: pod.accelerator != nil ? Diagnostic.unreadGPURule : "daemonset-nodes-unknown"))
            return nil
        }
        return try workload(object, pod: pod, role: "node-pod", replicas: ReplicaRange(exactly: nodes), pattern: .longRunning,
                            duration: monthDuration(), annotations: annotations,
                            extraAssumptions: ["one pod on each of \(nodes) nodes (--daemonset-nodes)"])
    }

    private func readJob(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> Workload {
        guard let spec = try object.root.child("spec") else { throw .missingField(path: "spec", at: object.location) }
        return try readJobSpec(object, spec: spec, pattern: .oneOff, annotations: AnnotationLayers(object: object),
                               diagnostics: &diagnostics)
    }

    package func readJobSpec(_ object: KubernetesObject, spec: NodeCursor, pattern: RunPattern,
                     annotations jobAnnotations: AnnotationLayers, diagnostics: inout [Diagnostic]) throws(ManifestError) -> Workload {
        let job = try readInnerJob(spec, annotations: jobAnnotations, diagnostics: &diagnostics)
        let (pod, annotations, parallelism, completions, running) = (job.pod, job.annotations, job.parallelism, job.completions,
                                                                     job.runningPods)
        var assumptions: [String] = []
        switch (parallelism, completions) {
        case (nil, nil): assumptions.append("parallelism and completions not set: one pod (Kubernetes' defaults)")
        case (let p?, let c?) where c > p:
            assumptions.append("\(p) pods at a time for \(c) completions: the duration is the whole Job's wall time")
        case (_, nil) where (parallelism ?? 1) > 1:
            assumptions.append("work-queue Job (no completions): \(parallelism ?? 1) pods run until one succeeds")
        default: break
        }
        if running == 0 { assumptions.append("parallelism 0: the Job is paused and creates no pods") }
        if (try spec.optionalBool("suspend")) == true {
            assumptions.append("spec.suspend is true: priced as if resumed (queueing systems such as Kueue create Jobs suspended)")
        }
        let deadline = job.deadline
        let duration = try runDuration(annotations, deadline: deadline, kind: object.kind, maxExecTime: object.labels[Self.kueueMaxExecTime])
        var workload = try workload(object, pod: pod, role: "pod", replicas: ReplicaRange(exactly: running), pattern: pattern,
                                    duration: duration, annotations: annotations, extraAssumptions: assumptions)
        workload.timeLimitSeconds = deadline
        // An Indexed Job whose pods all run at once is how distributed training is written with a
        // bare Job: every index must be up for progress, so an interruption stops them all.
        if (try spec.optionalString("completionMode")) == "Indexed", let p = parallelism, p > 1, completions == p {
            workload.gangSize = p
            workload.assumptions.append("Indexed Job with parallelism = completions = \(p): a gang of \(p) pods (all up together)")
        }
        return workload
    }

    private func readCronJob(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> Workload? {
        guard let spec = try object.root.child("spec") else { throw .missingField(path: "spec", at: object.location) }
        guard let scheduleNode = try spec.child("schedule") else { throw .missingField(path: "spec.schedule", at: spec.location) }
        let scheduleText = try scheduleNode.string()
        let schedule: CronSchedule
        do {
            schedule = try CronSchedule(parsing: scheduleText)
        } catch {
            // Point at the offending field: the scalar's column, plus one for an opening quote.
            var location = scheduleNode.location
            if case .scalar(_, let style) = scheduleNode.node.content {
                location.column += error.offset + (style == .singleQuoted || style == .doubleQuoted ? 1 : 0)
            }
            throw .invalidValue(path: scheduleNode.path, value: scheduleText, reason: error.message, at: location)
        }
        var zone = TimeZone(identifier: "UTC")!
        var zoneNote = "schedule read in UTC (no spec.timeZone; the controller manager's zone is usually UTC)"
        if let zoneNode = try spec.child("timeZone") {
            let identifier = try zoneNode.string()
            do {
                zone = try CronSchedule.timeZone(named: identifier)
            } catch {
                throw .invalidValue(path: zoneNode.path, value: identifier, reason: error.message, at: zoneNode.location)
            }
            zoneNote = "schedule read in \(identifier)"
        }
        var runs = schedule.runs(inYear: options.month.year, month: options.month.month, timeZone: zone)
        var notes = ["\(runs) runs of '\(scheduleText)' in \(options.month) (\(zoneNote))"]
        if schedule.everySeconds != nil {
            notes.append("@every runs are spaced from the CronJob's creation time, unknown here: the count is the most any start gives")
        }
        if (try spec.optionalBool("suspend")) == true {
            runs = 0
            notes = ["spec.suspend is true: the CronJob starts no runs (0 this month)"]
        }
        guard let jobTemplate = try spec.child("jobTemplate") else { throw .missingField(path: "spec.jobTemplate", at: spec.location) }
        guard let jobSpec = try jobTemplate.child("spec") else { throw .missingField(path: "spec.jobTemplate.spec", at: jobTemplate.location) }
        var workload = try readJobSpec(object, spec: jobSpec, pattern: .recurring(runsPerMonth: runs, month: options.month.description),
                                       annotations: AnnotationLayers(object: object).adding(jobTemplate), diagnostics: &diagnostics)
        workload.assumptions.insert(contentsOf: notes, at: 0)
        return workload
    }

    // MARK: - Shared pieces

    /// Reads `spec.template`; the returned annotations have the template's own in front.
    package func readTemplate(_ spec: NodeCursor, annotations outer: AnnotationLayers,
                      diagnostics: inout [Diagnostic]) throws(ManifestError) -> (PodReading, AnnotationLayers) {
        guard let template = try spec.child("template") else { throw .missingField(path: "\(spec.path).template", at: spec.location) }
        return try readPodTemplate(template, annotations: outer, diagnostics: &diagnostics)
    }

    /// A count (replicas, parallelism, hosts, group size): Kubernetes declares these int32 and rejects a
    /// larger value, so any product of two of them stays exact.
    package func nonNegative(_ node: NodeCursor) throws(ManifestError) -> Int {
        let value = try node.int()
        guard value >= 0 else { throw .invalidValue(path: node.path, value: String(value), reason: "must not be negative", at: node.location) }
        guard value <= Int32.max else {
            throw .invalidValue(path: node.path, value: String(value),
                                reason: "more than \(Int32.max), the largest count Kubernetes accepts (int32)", at: node.location)
        }
        return value
    }

    package struct ResolvedDuration {
        package var hours: Decimal
        package var source: DurationSource
        package var note: String?
    }

    package func monthDuration() -> ResolvedDuration {
        ResolvedDuration(hours: options.hoursPerMonth, source: .month, note: "long-running: priced for \(DecimalText.description(options.hoursPerMonth)) hours a month")
    }

    /// The run time of one run: `costgate.dev/duration`, else `activeDeadlineSeconds` (a ceiling), else the default.
    /// `maxExecTime` is Kueue's `kueue.x-k8s.io/max-exec-time-seconds` label, a ceiling like a deadline.
    package func runDuration(_ annotations: AnnotationLayers, deadline: Int?, kind: String,
                     maxExecTime: String? = nil) throws(ManifestError) -> ResolvedDuration {
        if let seconds = try annotatedDuration(annotations, "costgate.dev/duration", example: "'36h', '90m', '2d' or '1h30m'") {
            return ResolvedDuration(hours: DecimalMath.hours(seconds: seconds), source: .annotation, note: nil)
        }
        if let deadline, deadline > 0 {
            return ResolvedDuration(hours: DecimalMath.hours(seconds: Decimal(deadline)), source: .activeDeadlineSeconds,
                                    note: "duration is activeDeadlineSeconds (\(deadline) s), a ceiling: the run may end sooner")
        }
        if let text = maxExecTime, let seconds = Int(text), seconds > 0 {
            return ResolvedDuration(hours: DecimalMath.hours(seconds: Decimal(seconds)), source: .activeDeadlineSeconds,
                                    note: "duration is Kueue's kueue.x-k8s.io/max-exec-time-seconds (\(seconds) s), a ceiling: the run may end sooner")
        }
        let fallback = options.defaultDuration(forKind: kind)
        return ResolvedDuration(hours: fallback.hours, source: .default,
                                note: "no costgate.dev/duration annotation or activeDeadlineSeconds: \(fallback.origin) of \(DecimalText.description(fallback.hours)) h")
    }

    /// A `costgate.dev/*` duration annotation in seconds; a value that is not a duration is an error at the value.
    package func annotatedDuration(_ annotations: AnnotationLayers, _ key: String, example: String) throws(ManifestError) -> Decimal? {
        guard let text = annotations[key] else { return nil }
        guard let seconds = DurationText.seconds(text) else {
            throw .invalidValue(path: "metadata.annotations.\(key)", value: text, reason: "expected a duration such as \(example)",
                                at: annotations.location(of: key))
        }
        return seconds
    }

    private func workload(_ object: KubernetesObject, pod: PodReading, role: String, replicas: ReplicaRange, pattern: RunPattern,
                          duration: ResolvedDuration, annotations layers: AnnotationLayers,
                          extraAssumptions: [String] = []) throws(ManifestError) -> Workload {
        try workload(object, roles: [PodRole(name: role, replicas: replicas, pod: pod, annotations: layers)], pattern: pattern,
                     duration: duration, extraAssumptions: extraAssumptions)
    }
}
