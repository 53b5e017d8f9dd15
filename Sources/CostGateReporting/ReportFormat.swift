/// The output formats of `costgate estimate`, `spot` and `ledger list`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json
}
