import CHTTPPost
import Foundation
import CostGateBasics

/// Where alerts go. URLs come from the environment (they often carry secrets) and are never printed;
/// messages name the variable instead.
public struct AlertTarget: Sendable {
    public enum Kind: String, Sendable { case alertmanager, webhook }
    public var kind: Kind
    public var url: URL
    /// The environment variable the URL came from, for messages.
    public var variable: String

    public init(kind: Kind, url: URL, variable: String) {
        self.kind = kind
        self.url = url
        self.variable = variable
    }

    /// `COSTGATE_ALERTMANAGER_URL` (the Alertmanager base, e.g. http://alertmanager:9093) and
    /// `COSTGATE_WEBHOOK_URL` (a Slack-compatible incoming webhook).
    public static func fromEnvironment(_ environment: [String: String]) -> (targets: [AlertTarget], problems: [String]) {
        var targets: [AlertTarget] = []
        var problems: [String] = []
        for (variable, kind) in [("COSTGATE_ALERTMANAGER_URL", Kind.alertmanager), ("COSTGATE_WEBHOOK_URL", Kind.webhook)] {
            guard let text = environment[variable], !text.isEmpty else { continue }
            guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                problems.append("\(variable) is not an http(s) URL")
                continue
            }
            targets.append(AlertTarget(kind: kind, url: url, variable: variable))
        }
        return (targets, problems)
    }
}

/// Sends alerts with retries and backoff. Delivery never changes an audit's verdict: failures are
/// returned for the caller to report.
public struct AlertSender: Sendable {
    public var attempts: Int
    public var backoff: TimeInterval
    public var timeout: TimeInterval

    public init(attempts: Int = 3, backoff: TimeInterval = 0.5, timeout: TimeInterval = 10) {
        self.attempts = attempts
        self.backoff = backoff
        self.timeout = timeout
    }

    /// Delivers to every target; returns one message per target that failed after all attempts.
    public func send(_ alerts: [Alert], report: AuditReport, to targets: [AlertTarget]) -> [String] {
        var failures: [String] = []
        for target in targets {
            let body: Data
            let endpoint: URL
            switch target.kind {
            case .alertmanager:
                guard !alerts.isEmpty else { continue }
                endpoint = target.url.appendingPathComponent("api/v2/alerts")
                body = Data(Self.alertmanagerBody(alerts).utf8)
            case .webhook:
                guard !alerts.isEmpty else { continue }
                endpoint = target.url
                body = Data(Self.webhookBody(alerts, report: report).utf8)
            }
            if let failure = post(body, to: endpoint) {
                failures.append("alert delivery to \(target.kind.rawValue) (\(target.variable)) failed after \(attempts) attempt"
                                + "\(attempts == 1 ? "" : "s"): \(failure)")
            }
        }
        return failures
    }

    /// POSTs JSON; nil on a 2xx, else why (retried on network errors, 429 and 5xx).
    package func post(_ body: Data, to url: URL) -> String? {
        var last = "no attempt"
        for attempt in 0..<max(1, attempts) {
            if attempt > 0 { Thread.sleep(forTimeInterval: backoff * Double(1 << (attempt - 1))) }
            switch Self.perform(body, to: url, timeout: timeout) {
            case .success(let status) where (200..<300).contains(status):
                return nil
            case .success(let status):
                last = "HTTP \(status)"
                if status != 429 && status < 500 { return last }
            case .failure(let reason):
                last = reason
            }
        }
        return last
    }

    package enum Outcome { case success(Int), failure(String) }

    /// One POST through libcurl (`CHTTPPost`), loaded only now: linking Foundation's URLSession
    /// loaded libcurl and its ~30 libraries at every start of costgate, about 10 ms.
    package static func perform(_ body: Data, to url: URL, timeout: TimeInterval) -> Outcome {
        var error = [CChar](repeating: 0, count: 512)
        let status = body.withUnsafeBytes { bytes in
            chttp_post(url.absoluteString, "application/json", bytes.baseAddress, bytes.count,
                       Int(max(1, timeout * 1000)), &error, error.count)
        }
        guard status >= 0 else {
            return .failure(String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return .success(status)
    }

    /// Alertmanager API v2 `postableAlerts`.
    package static func alertmanagerBody(_ alerts: [Alert]) -> String {
        let formatter = ISO8601DateFormatter()
        return JSONValue.array(alerts.map { alert in
            .object([
                "labels": .object(alert.labels.mapValues(JSONValue.string)),
                "annotations": .object(alert.annotations.mapValues(JSONValue.string)),
                "startsAt": .string(formatter.string(from: alert.startsAt)),
                "endsAt": .string(formatter.string(from: alert.endsAt)),
            ])
        }).rendered()
    }

    /// A Slack-compatible incoming-webhook body (`text`, with mrkdwn).
    package static func webhookBody(_ alerts: [Alert], report: AuditReport) -> String {
        var lines = ["*costgate audit \(report.month)*: \(alerts.count) team\(alerts.count == 1 ? "" : "s") need attention"]
        for alert in alerts.sorted(by: { ($0.labels["team"] ?? "") < ($1.labels["team"] ?? "") }) {
            let icon = alert.labels["severity"] == "critical" ? ":red_circle:" : ":warning:"
            lines.append("\(icon) \(alert.annotations["summary"] ?? "") — \(alert.annotations["description"] ?? "")")
        }
        return JSONValue.object(["text": .string(lines.joined(separator: "\n"))]).rendered()
    }
}
