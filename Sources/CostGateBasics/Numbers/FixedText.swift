import Foundation

/// `printf("%.Nf")` text of a `Double`, byte for byte, without Foundation's formatter on the common path.
///
/// Every spot workload's note prints hours and expected interruptions this way; `String(format:)`
/// builds a CFString and walks a format string each time, a tenth of a spot workload's cost. printf
/// rounds the exact binary value to `places` decimals (ties to even). Here `value × 10^places` is
/// rounded in `Double`: that is printf's digit string whenever the product is farther from a half
/// than its own rounding error (half an ulp; a margin of a millionth or four ulps is kept), because
/// only at a tie does printf's exact rule matter.
/// Ties, negatives (printf keeps `-0.00`), large values and more than nine places go to Foundation.
package enum FixedText {
    package static func format(_ value: Double, places: Int) -> String {
        if let fast = fast(value, places: places) { return fast }
        return String(format: "%.\(places)f", value)
    }

    /// The text when it is certainly printf's; nil otherwise.
    package static func fast(_ value: Double, places: Int) -> String? {
        guard (0...9).contains(places), value >= 0, value.sign == .plus, value < 1e12 else { return nil }
        let scale = powers[places]
        let scaled = value * scale
        guard scaled < 0x1p52 else { return nil }
        let fraction = scaled - scaled.rounded(.down)
        guard abs(fraction - 0.5) > max(1e-6, 4 * scaled.ulp) else { return nil }
        let units = UInt64(scaled.rounded(.toNearestOrAwayFromZero))
        let whole = units / UInt64(scale)
        guard places > 0 else { return String(whole) }
        let digits = String(units % UInt64(scale))
        return String(whole) + "." + String(repeating: "0", count: places - digits.count) + digits
    }

    private static let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]
}
