/// A cursor that reads numbers the way C's `strtol` does: optional sign, then decimal digits.
package struct SlurmScanner {
    private let characters: [Character]
    private(set) var position = 0

    package init(_ text: String) { characters = Array(text) }

    package var isAtEnd: Bool { position == characters.count }
    package var rest: String { String(characters[position...]) }

    package mutating func skipWhitespace() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    /// A signed decimal integer, or nil (position unchanged) when there are no digits. Saturates instead of overflowing.
    package mutating func integer() -> Int? {
        let start = position
        var sign = 1
        if position < characters.count, characters[position] == "+" || characters[position] == "-" {
            if characters[position] == "-" { sign = -1 }
            position += 1
        }
        var value = 0
        var digits = 0
        while position < characters.count, Self.isDigit(characters[position]) {
            let digit = characters[position].wholeNumberValue!
            value = value < Int.max / 10 ? value * 10 + digit : Int.max
            digits += 1
            position += 1
        }
        guard digits > 0 else {
            position = start
            return nil
        }
        if value == Int.max { return sign > 0 ? Int.max : Int.min }
        return sign * value
    }

    package mutating func take(where predicate: (Character) -> Bool) -> Bool {
        guard position < characters.count, predicate(characters[position]) else { return false }
        position += 1
        return true
    }

    /// `a × b`, or nil when it overflows.
    package static func multiply(_ a: Int, _ b: Int) -> Int? {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : result
    }

    /// An ASCII decimal digit (`Character.isNumber` also accepts other scripts' digits and fractions).
    package static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
}
