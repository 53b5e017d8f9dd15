import Foundation
import CostGateBasics

/// A note's text built in one byte buffer: literal pieces, `PriceText.format` figures and integers.
///
/// For the notes the catalog load writes by the hundred: string interpolation appends each piece to
/// a growing `String` and formats each figure into a `String` of its own first.
package struct NoteText {
    private var bytes: [UInt8] = []

    package init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    package mutating func add(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// `PriceText.format(value)`.
    package mutating func add(price value: Decimal) {
        DecimalText.appendRounded(value, places: 6, to: &bytes)
    }

    package mutating func add(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    package var text: String { String(decoding: bytes, as: UTF8.self) }
}
