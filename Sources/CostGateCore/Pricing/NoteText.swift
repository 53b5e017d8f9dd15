import Foundation
import CostGateBasics

/// A note's text built in one byte buffer: literal pieces, `PriceText.format` figures and integers.
///
/// For the notes the catalog load writes by the hundred: string interpolation appends each piece to
/// a growing `String` and formats each figure into a `String` of its own first.
struct NoteText {
    private var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func add(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// `PriceText.format(value)`.
    mutating func add(price value: Decimal) {
        DecimalText.appendRounded(value, places: 6, to: &bytes)
    }

    mutating func add(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
