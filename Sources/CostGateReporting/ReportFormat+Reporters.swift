import CostGateRun

extension ReportFormat {
    /// The reporter of this format for `estimate`.
    public func estimateReporter(_ style: ReportStyle) -> any Reporter<EstimationResult> {
        switch self {
        case .text:
            let reporter = EstimateTextReporter(verbose: style.verbose, color: style.color)
            return ReporterFunction(text: reporter.render)
        case .json:
            return ReporterFunction(chunks: EstimateJSONReporter.renderChunks)
        }
    }
}
