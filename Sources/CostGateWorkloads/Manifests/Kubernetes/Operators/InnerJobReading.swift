import Foundation
import CostGateBasics
import CostGateYAML

/// A batch `JobSpec` (a Job's, a CronJob's template, a JobSet's replicated job): its pod and how many run at
/// once, with Kubernetes' Job defaults.
package struct InnerJobReading {
    package var pod: PodReading
    package var annotations: AnnotationLayers
    /// Pods running at once: min(parallelism, completions), Kubernetes' defaults applied.
    package var runningPods: Int
    /// How `runningPods` was found, for the assumptions.
    package var podsNote: String
    /// `activeDeadlineSeconds` of the Job, else of its pod template.
    package var deadline: Int?
    /// As written (nil: not set).
    package var parallelism: Int?
    package var completions: Int?
}

extension KubernetesReader {
    package func readInnerJob(_ spec: NodeCursor, annotations outer: AnnotationLayers,
                      diagnostics: inout [Diagnostic]) throws(ManifestError) -> InnerJobReading {
        let (pod, annotations) = try readTemplate(spec, annotations: outer, diagnostics: &diagnostics)
        let parallelism = try spec.child("parallelism").map { node throws(ManifestError) in try nonNegative(node) }
        let completions = try spec.child("completions").map { node throws(ManifestError) in try nonNegative(node) }
        // Kubernetes' defaults: both unset → 1 and 1; parallelism unset → 1; completions unset → work queue.
        let running = min(parallelism ?? 1, completions ?? (parallelism ?? 1))
        let note: String
        switch (parallelism, completions) {
        case (nil, nil): note = "parallelism and completions not set: one pod per Job"
        case (let p?, let c?) where c > p: note = "parallelism \(p) for \(c) completions"
        case (let p?, nil) where p > 1: note = "work queue: parallelism \(p), no completions"
        case (let p?, let c?): note = "parallelism \(p), completions \(c)"
        case (let p?, nil): note = "parallelism \(p)"
        case (nil, let c?): note = "completions \(c), parallelism not set: 1"
        }
        let deadline = try spec.optionalInt("activeDeadlineSeconds") ?? pod.activeDeadlineSeconds
        return InnerJobReading(pod: pod, annotations: annotations, runningPods: running, podsNote: note, deadline: deadline,
                               parallelism: parallelism, completions: completions)
    }
}
