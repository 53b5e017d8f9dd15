/// What pricing one workload gives: its estimate, or the workload back with the reason it has none.
public enum PricingOutcome: Sendable {
    case priced(Estimate)
    case unpriced(UnpricedWorkload)
}
