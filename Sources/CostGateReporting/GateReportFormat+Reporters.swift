import CostGateBasics
import CostGateRun

/// What `check` and `diff` report: each gives its own text, JSON and markdown reporters, and both are
/// seen by the CI formats through `FindingsView`.
public protocol GateReported: Sendable {
    static func textReporter(_ style: ReportStyle) -> any Reporter<Gated<Self>>
    static var jsonReporter: any Reporter<Gated<Self>> { get }
    static func markdownReporter(_ style: ReportStyle) -> any Reporter<Gated<Self>>
    func findings(exitStatus: ExitStatus) -> FindingsView
}

extension GateReportFormat {
    /// The reporter of this format for a check or a diff.
    public func reporter<Subject: GateReported>(for subject: Subject.Type, style: ReportStyle) -> any Reporter<Gated<Subject>> {
        switch self {
        case .text: return Subject.textReporter(style)
        case .json: return Subject.jsonReporter
        case .markdown: return Subject.markdownReporter(style)
        case .sarif: return ReporterFunction { SARIFReporter.render($0.result.findings(exitStatus: $0.exitStatus)) }
        case .junit: return ReporterFunction { JUnitReporter.render($0.result.findings(exitStatus: $0.exitStatus)) }
        case .github: return ReporterFunction { GitHubAnnotationReporter.render($0.result.findings(exitStatus: $0.exitStatus)) }
        }
    }
}

extension CheckResult: GateReported {
    public static func textReporter(_ style: ReportStyle) -> any Reporter<Gated<CheckResult>> {
        let reporter = CheckTextReporter(verbose: style.verbose, color: style.color)
        return ReporterFunction { reporter.render($0.result, exitStatus: $0.exitStatus) }
    }

    public static var jsonReporter: any Reporter<Gated<CheckResult>> {
        ReporterFunction { CheckJSONReporter.render($0.result, exitStatus: $0.exitStatus) }
    }

    public static func markdownReporter(_ style: ReportStyle) -> any Reporter<Gated<CheckResult>> {
        let reporter = MarkdownReporter(tag: style.commentTag)
        return ReporterFunction { reporter.render($0.result, exitStatus: $0.exitStatus) }
    }

    public func findings(exitStatus: ExitStatus) -> FindingsView { FindingsView(self, exitStatus: exitStatus) }
}

extension DiffResult: GateReported {
    public static func textReporter(_ style: ReportStyle) -> any Reporter<Gated<DiffResult>> {
        let reporter = DiffTextReporter(color: style.color, all: style.listUnchanged)
        return ReporterFunction { reporter.render($0.result, exitStatus: $0.exitStatus) }
    }

    public static var jsonReporter: any Reporter<Gated<DiffResult>> {
        ReporterFunction { DiffJSONReporter.render($0.result, exitStatus: $0.exitStatus) }
    }

    public static func markdownReporter(_ style: ReportStyle) -> any Reporter<Gated<DiffResult>> {
        let reporter = MarkdownReporter(tag: style.commentTag)
        return ReporterFunction { reporter.render($0.result, exitStatus: $0.exitStatus) }
    }

    public func findings(exitStatus: ExitStatus) -> FindingsView { FindingsView(self, exitStatus: exitStatus) }
}
