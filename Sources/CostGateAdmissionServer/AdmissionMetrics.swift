import CostGateCore
import NIOConcurrencyHelpers
import CostGatePolicy
import CostGateRun

/// The server's counters, in Prometheus' text exposition format (version 0.0.4): requests by result,
/// the decision latency as a histogram, HTTP refusals by code, and policy reloads. Owned by the server,
/// shared by its connections under a lock.
final class AdmissionMetrics: Sendable {
    /// Upper bounds of the latency buckets, seconds: from a fraction of a millisecond (a pass) to
    /// kube-apiserver's longest webhook timeout (30 s).
    static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

    private struct Counts {
        var results: [AdmissionOutcome.Result: Int] = [:]
        var passes: [KubernetesSubmission.PassReason: Int] = [:]
        var httpErrors: [Int: Int] = [:]
        var buckets = [Int](repeating: 0, count: AdmissionMetrics.bucketBounds.count)
        var latencyCount = 0
        var latencySum = 0.0
        var reloads: [Bool: Int] = [:]
        var policyLoaded = true
        var inFlight = 0
    }

    private let counts = NIOLockedValueBox(Counts())

    /// One admission request answered after `seconds` (from its last byte to its answer being handed to TLS).
    func record(_ outcome: AdmissionOutcome, seconds: Double) {
        counts.withLockedValue { counts in
            counts.results[outcome.result, default: 0] += 1
            if let reason = outcome.passReason { counts.passes[reason, default: 0] += 1 }
            if outcome.httpStatus != 200 { counts.httpErrors[outcome.httpStatus, default: 0] += 1 }
            for (index, bound) in Self.bucketBounds.enumerated() where seconds <= bound { counts.buckets[index] += 1 }
            counts.latencyCount += 1
            counts.latencySum += seconds
        }
    }

    /// A request refused before any decision (wrong path or method, a body over the limit).
    func recordHTTPError(_ code: Int) {
        counts.withLockedValue { $0.httpErrors[code, default: 0] += 1 }
    }

    func recordReload(succeeded: Bool) {
        counts.withLockedValue {
            $0.reloads[succeeded, default: 0] += 1
            $0.policyLoaded = succeeded
        }
    }

    /// Decisions under way; a draining server waits for them.
    func begin() { counts.withLockedValue { $0.inFlight += 1 } }
    func end() { counts.withLockedValue { $0.inFlight -= 1 } }
    var inFlight: Int { counts.withLockedValue { $0.inFlight } }

    enum MetricType: String {
        case counter, gauge, histogram
    }

    /// The exposition, families and series in a fixed order.
    func exposition() -> String {
        let counts = self.counts.withLockedValue { $0 }
        var text = ""
        /// A metric family's `# HELP` and `# TYPE` lines.
        func family(_ name: String, _ type: MetricType, _ help: String) {
            text += "# HELP \(name) \(help)\n# TYPE \(name) \(type.rawValue)\n"
        }
        family("costgate_admission_requests_total", .counter, "Admission requests answered, by result.")
        for result in AdmissionOutcome.Result.allCases {
            text += "costgate_admission_requests_total{result=\"\(result.rawValue)\"} \(counts.results[result] ?? 0)\n"
        }
        family("costgate_admission_passed_total", .counter, "Requests allowed without pricing, by reason.")
        for reason in KubernetesSubmission.PassReason.allCases {
            text += "costgate_admission_passed_total{reason=\"\(reason.rawValue)\"} \(counts.passes[reason] ?? 0)\n"
        }
        family("costgate_admission_request_duration_seconds", .histogram, "Time to decide one admission request.")
        for (index, bound) in Self.bucketBounds.enumerated() {
            text += "costgate_admission_request_duration_seconds_bucket{le=\"\(Self.format(bound))\"} \(counts.buckets[index])\n"
        }
        text += "costgate_admission_request_duration_seconds_bucket{le=\"+Inf\"} \(counts.latencyCount)\n"
        text += "costgate_admission_request_duration_seconds_sum \(counts.latencySum)\n"
        text += "costgate_admission_request_duration_seconds_count \(counts.latencyCount)\n"
        family("costgate_admission_http_errors_total", .counter, "Requests answered with an HTTP error instead of an AdmissionReview, by code.")
        for code in counts.httpErrors.keys.sorted() {
            text += "costgate_admission_http_errors_total{code=\"\(code)\"} \(counts.httpErrors[code]!)\n"
        }
        family("costgate_admission_policy_reloads_total", .counter, "Policy and certificate reloads (SIGHUP or a changed file), by result.")
        text += "costgate_admission_policy_reloads_total{result=\"success\"} \(counts.reloads[true] ?? 0)\n"
        text += "costgate_admission_policy_reloads_total{result=\"failure\"} \(counts.reloads[false] ?? 0)\n"
        family("costgate_admission_policy_last_reload_ok", .gauge, "1 when the last reload succeeded (or none was tried), 0 when the server runs on an older policy.")
        text += "costgate_admission_policy_last_reload_ok \(counts.policyLoaded ? 1 : 0)\n"
        family("costgate_admission_in_flight", .gauge, "Admission requests being decided now.")
        text += "costgate_admission_in_flight \(counts.inFlight)\n"
        return text
    }

    /// `0.0005`, `1`, `2.5`: Prometheus reads any float; short forms keep the `le` labels readable.
    static func format(_ bound: Double) -> String {
        bound == bound.rounded() ? String(Int(bound)) : String(bound)
    }
}
