/// The output formats of `costgate estimate`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json
}
