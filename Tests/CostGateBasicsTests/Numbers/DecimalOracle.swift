import Foundation
@testable import CostGateBasics

/// Exact decimal arithmetic on digit arrays, independent of `DecimalMath`'s 128- and 256-bit integers: the
/// reference its rounded results are checked against. Slow and simple on purpose.
struct DecimalOracle: Equatable, CustomStringConvertible {
    /// Decimal digits, least significant first, no leading zeros (empty for zero).
    var digits: [Int]
    var exponent: Int
    var negative: Bool

    init(digits: [Int], exponent: Int, negative: Bool) {
        var trimmed = digits
        while trimmed.last == 0 { trimmed.removeLast() }
        self.digits = trimmed
        self.exponent = exponent
        self.negative = trimmed.isEmpty ? false : negative
    }

    init?(_ value: Decimal) {
        guard let parts = DecimalParts(value) else { return nil }
        self.init(digits: String(parts.mantissa).reversed().map { Int(String($0))! }, exponent: parts.exponent,
                  negative: parts.negative)
    }

    var description: String { (negative ? "-" : "") + digits.reversed().map(String.init).joined() + "e\(exponent)" }

    /// The value with trailing zeros moved into the exponent, as `DecimalParts` reads a compact Decimal.
    var compacted: DecimalOracle {
        let zeros = digits.prefix { $0 == 0 }.count
        return DecimalOracle(digits: Array(digits.dropFirst(zeros)), exponent: exponent + zeros, negative: negative)
    }

    static func * (a: DecimalOracle, b: DecimalOracle) -> DecimalOracle {
        var result = [Int](repeating: 0, count: a.digits.count + b.digits.count + 1)
        for (i, x) in a.digits.enumerated() {
            for (j, y) in b.digits.enumerated() { result[i + j] += x * y }
        }
        return DecimalOracle(digits: carried(result), exponent: a.exponent + b.exponent, negative: a.negative != b.negative)
    }

    static func + (a: DecimalOracle, b: DecimalOracle) -> DecimalOracle {
        let exponent = min(a.exponent, b.exponent)
        let x = [Int](repeating: 0, count: a.exponent - exponent) + a.digits
        let y = [Int](repeating: 0, count: b.exponent - exponent) + b.digits
        if a.negative == b.negative {
            var sum = [Int](repeating: 0, count: max(x.count, y.count) + 1)
            for (i, d) in x.enumerated() { sum[i] += d }
            for (i, d) in y.enumerated() { sum[i] += d }
            return DecimalOracle(digits: carried(sum), exponent: exponent, negative: a.negative)
        }
        let xLarger = compare(x, y) >= 0
        let (large, small) = xLarger ? (x, y) : (y, x)
        let difference = subtract(large, small)
        return DecimalOracle(digits: difference, exponent: exponent, negative: xLarger ? a.negative : b.negative)
    }

    /// `a / b` to `places` significant digits or more, truncated, and whether digits were left over.
    static func divide(_ a: DecimalOracle, _ b: DecimalOracle, places: Int) -> (quotient: DecimalOracle, inexact: Bool) {
        // a·10^s / b with s chosen so the integer quotient has at least `places` digits.
        let s = max(0, places + b.digits.count - a.digits.count + 1)
        let dividend = [Int](repeating: 0, count: s) + a.digits
        var quotient: [Int] = []
        var remainder: [Int] = []
        for digit in dividend.reversed() {
            remainder.insert(digit, at: 0)
            remainder = trimmed(remainder)
            var q = 0
            while compare(remainder, b.digits) >= 0 {
                remainder = subtract(remainder, b.digits)
                q += 1
            }
            quotient.insert(q, at: 0)
        }
        return (DecimalOracle(digits: quotient, exponent: a.exponent - b.exponent - s, negative: a.negative != b.negative),
                !remainder.isEmpty)
    }

    /// Rounded to at most 38 significant digits, half away from zero: the first dropped digit alone decides
    /// (a tie rounds up, so what lies below it never matters).
    func rounded() -> DecimalOracle {
        guard digits.count > 38 else { return self }
        let drop = digits.count - 38
        var kept = Array(digits[drop...])
        if digits[drop - 1] >= 5 {
            kept[0] += 1
            kept = Self.carried(kept)
        }
        return DecimalOracle(digits: kept, exponent: exponent + drop, negative: negative).roundedAgainIfCarried()
    }

    private func roundedAgainIfCarried() -> DecimalOracle {
        // A carry out of 38 nines gives 39 digits: 10^38, one place up.
        digits.count > 38 ? DecimalOracle(digits: Array(digits.dropFirst()), exponent: exponent + 1, negative: negative) : self
    }

    private static func carried(_ digits: [Int]) -> [Int] {
        var result = digits
        var carry = 0
        for i in 0..<result.count {
            let value = result[i] + carry
            result[i] = value % 10
            carry = value / 10
        }
        while carry > 0 {
            result.append(carry % 10)
            carry /= 10
        }
        return result
    }

    private static func trimmed(_ digits: [Int]) -> [Int] {
        var result = digits
        while result.last == 0 { result.removeLast() }
        return result
    }

    private static func compare(_ x: [Int], _ y: [Int]) -> Int {
        let x = trimmed(x), y = trimmed(y)
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        for i in stride(from: x.count - 1, through: 0, by: -1) where x[i] != y[i] { return x[i] < y[i] ? -1 : 1 }
        return 0
    }

    private static func subtract(_ x: [Int], _ y: [Int]) -> [Int] {
        var result = x
        var borrow = 0
        for i in 0..<result.count {
            var d = result[i] - borrow - (i < y.count ? y[i] : 0)
            borrow = d < 0 ? 1 : 0
            if d < 0 { d += 10 }
            result[i] = d
        }
        return trimmed(result)
    }
}
