import Foundation

extension Decimal {
    /// Rounded half away from zero to `places` decimals (money: 2).
    public func rounded(_ places: Int) -> Decimal {
        var result = Decimal()
        var input = self
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }
}

extension Decimal {
    /// The nearest Double, for the spot model's Double arithmetic (never for money in reports).
    package var doubleValue: Double { NSDecimalNumber(decimal: self).doubleValue }
}
