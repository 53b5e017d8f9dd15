/// Why the catalog could not answer. Lookups return nil (the estimator words the error with the
/// workload's location); these cases are for callers that want the reason as a value and for
/// malformed built-in tables, which the loader records in `PriceCatalog.notes` instead of trapping.
public enum PricingError: Error, Sendable, Equatable {
    /// A row of an embedded table (or a table header) that does not parse. `line` is 1-based within the table.
    case malformedRow(table: String, line: Int, reason: String)
    /// No price for `model` on `provider` anywhere in the catalog.
    case noPrice(model: String, provider: String, region: String)
    /// An instance type the catalog does not list.
    case unknownInstanceType(name: String)

    public var message: String {
        switch self {
        case .malformedRow(let table, let line, let reason):
            return "built-in price table '\(table)' line \(line): \(reason)"
        case .noPrice(let model, let provider, let region):
            return "no \(provider) price for \(model) (region \(region)) in the catalog; give one in a --prices file "
                + "(accelerators: - model: \(model), provider: \(provider), onDemand: <USD per accelerator-hour>)"
        case .unknownInstanceType(let name):
            return "instance type '\(name)' is not in the catalog; 'costgate catalog' lists the priced models"
        }
    }
}
