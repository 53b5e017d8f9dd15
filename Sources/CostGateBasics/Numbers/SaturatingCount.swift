/// Sums and products of counts read from input (replicas × pods × devices × array tasks, bytes of
/// memory) that stop at the type's bounds instead of trapping: an absurd count then reaches
/// `WorkloadBounds`, which rejects it with its place, rather than ending the process.
extension FixedWidthInteger where Self: SignedInteger {
    public func saturatingAdding(_ other: Self) -> Self {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    public func saturatingMultiplied(by other: Self) -> Self {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? ((self < 0) == (other < 0) ? .max : .min) : product
    }
}
