import CostGateBasics

/// Input that cannot be used (a value out of range, an unreadable or invalid job file, a job the
/// catalog cannot price): reported as a diagnostic, exit status 2.
public struct SpotInputError: Error, Sendable {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    /// An error tied to no file (a flag's value): printed as `error: message`.
    public init(message: String) {
        diagnostic = Diagnostic(.error, at: SourceLocation(file: "", line: 0, column: 0), message)
    }

    /// `path:line:column: error: message`, or `error: message` without a place.
    public var rendered: String {
        diagnostic.location.file.isEmpty ? "error: \(diagnostic.message)" : diagnostic.rendered
    }
}
