import XCTest
@testable import CostGateWorkloads
@testable import CostGateBasics

/// Parses inline script text as `job.sbatch`.
func parseSbatch(_ text: String, file: String = "job.sbatch") -> (script: SbatchScript?, diagnostics: [Diagnostic]) {
    SbatchScript.parse(text, file: file)
}

/// The first component of a script that must parse without errors.
func sbatchComponent(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> SbatchComponent {
    let (script, diagnostics) = parseSbatch(text)
    let errors = diagnostics.filter { $0.severity == .error }
    XCTAssertEqual(errors, [], "unexpected errors", file: file, line: line)
    return try XCTUnwrap(script?.components.first, file: file, line: line)
}

/// `line:column: severity: message` without the file, for compact assertions.
func sbatchBrief(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
}

func sbatchLocation(_ line: Int, _ column: Int, file: String = "job.sbatch") -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
}
