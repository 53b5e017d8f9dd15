import CostGateRun

/// The output formats of `costgate audit`, each with its reporter.
public enum AuditReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown
    /// The text exposition format, for a node_exporter textfile collector or a Pushgateway.
    case prometheus

    public var reporter: any Reporter<AuditReport> {
        switch self {
        case .text: return ReporterFunction(text: AuditTextReporter.render)
        case .json: return ReporterFunction(text: AuditJSONReporter.render)
        case .markdown: return ReporterFunction(text: AuditMarkdownReporter.render)
        case .prometheus: return ReporterFunction(text: PrometheusReporter.render)
        }
    }
}
