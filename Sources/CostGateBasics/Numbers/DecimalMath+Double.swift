import Foundation

extension DecimalMath {
    /// `Decimal(value)`, bit for bit as the Swift 6.3 toolchain's Foundation makes it, without its digit-by-digit
    /// compaction: the magnitude scaled by tens (in `Double`, so with its roundings) until it lies just below 2^64,
    /// truncated to an integer mantissa. Spot costs leave the model as `Double`s this way, several per workload.
    package static func decimal(_ value: Double) -> Decimal {
        guard value.isFinite, value != 0, DecimalParts.isUsable else { return Decimal(value) }
        var magnitude = value.magnitude
        var exponent = 0
        // Foundation's two loops, in its order: up past `Double(UInt64.max − 1)` (which is 2^64), then down below 2^64.
        let limit = Double(UInt64.max - 1)
        while magnitude < limit {
            guard exponent > -128 else { return Decimal(value) }
            magnitude *= 10
            exponent -= 1
        }
        while Double(UInt64.max) <= magnitude {
            guard exponent < 127 else { return Decimal(value) }
            magnitude /= 10
            exponent += 1
        }
        let mantissa = UInt64(min(magnitude, Double(UInt64.max).nextDown))
        return DecimalParts(mantissa: UInt128(mantissa), exponent: exponent, negative: value < 0).compactDecimal ?? Decimal(value)
    }
}
