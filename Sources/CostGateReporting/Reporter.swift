import CostGateBasics

/// Turns a finished result into one report: pure, nothing recomputed, no side effects. Each command's
/// format enum maps its formats to reporters in one exhaustive switch (`GateReportFormat+Reporters`, …).
public protocol Reporter<Report>: Sendable {
    associatedtype Report
    func render(_ report: Report) -> RenderedReport
}

/// A report's text: whole, or as consecutive UTF-8 pieces that a large JSON document is written in
/// without joining them first.
public enum RenderedReport: Sendable {
    case text(String)
    case chunks([[UInt8]])

    /// The whole report as UTF-8, for a file.
    public var bytes: [UInt8] {
        switch self {
        case .text(let text): return Array(text.utf8)
        case .chunks(let chunks): return chunks.flatMap { $0 }
        }
    }
}

/// A reporter made of the function that renders: how the existing reporters (structs with options,
/// enums of static functions) take their place behind `Reporter`.
public struct ReporterFunction<Report>: Reporter {
    package let body: @Sendable (Report) -> RenderedReport

    public init(text body: @escaping @Sendable (Report) -> String) {
        self.body = { .text(body($0)) }
    }

    public init(chunks body: @escaping @Sendable (Report) -> [[UInt8]]) {
        self.body = { .chunks(body($0)) }
    }

    public func render(_ report: Report) -> RenderedReport { body(report) }
}

/// A finished result with the exit status decided for it: every gate format states the verdict, and it is
/// decided once, before any report is written.
public struct Gated<Result: Sendable>: Sendable {
    public var result: Result
    public var exitStatus: ExitStatus

    public init(_ result: Result, exitStatus: ExitStatus) {
        self.result = result
        self.exitStatus = exitStatus
    }
}

/// How a command's flags ask reports to look; each format uses what applies to it.
public struct ReportStyle: Sendable {
    /// `-v`: the assumptions and team matches behind each figure (text).
    public var verbose: Bool
    public var color: Bool
    /// The markdown comment's hidden marker, for several costgate comments on one pull request.
    public var commentTag: String?
    /// `diff --all`: unchanged workloads too (text).
    public var listUnchanged: Bool

    public init(verbose: Bool = false, color: Bool = false, commentTag: String? = nil, listUnchanged: Bool = false) {
        self.verbose = verbose
        self.color = color
        self.commentTag = commentTag
        self.listUnchanged = listUnchanged
    }
}
