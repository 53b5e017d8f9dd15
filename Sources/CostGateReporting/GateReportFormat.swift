/// The output formats of `costgate check` and `costgate diff`.
public enum GateReportFormat: String, CaseIterable, Sendable {
    /// For people at a terminal.
    case text
    /// The versioned schema (docs/json-schema.md).
    case json
    /// A pull-request comment or job summary.
    case markdown
    /// SARIF 2.1.0 for code scanning.
    case sarif
    /// JUnit XML: one test case per workload.
    case junit
    /// GitHub Actions workflow commands (annotations).
    case github
}
