import Foundation

/// One embedded CSV-like table of `BuiltinCatalog+Data.swift`: a header line naming the columns,
/// then one row per line. Rows that do not have the header's column count are reported, not trapped on.
///
/// The table keeps its text as UTF-8 bytes and each cell as a byte range, and reads cells straight
/// into the values the catalog wants (`string`, `int`, `decimal`): the catalog is built at every
/// start, and one `Substring` (and its index arithmetic) per cell cost more than the rest of the load.
package struct CatalogTable {
    package struct Row {
        /// 1-based line within the table (the header is line 1).
        package var line: Int
        /// Index of the row's first cell in `bounds` (cell `c` is at `first + c`).
        fileprivate var first: Int
    }

    package var name: String
    package var rows: [Row] = []
    package var problems: [PricingError] = []
    private var bytes: [UInt8] = []
    /// Per cell, its start and end byte offsets in `bytes`.
    private var bounds: [(start: Int32, end: Int32)] = []

    /// Splits `text`; `header` must equal the table's first line (a generator/parser mismatch otherwise).
    package init(name: String, text: String, header: [String], separator: Character = ",") {
        self.name = name
        let separatorByte = separator.asciiValue ?? UInt8(ascii: ",")
        let bytes = Array(text.utf8)
        self.bytes = bytes
        let newline = UInt8(ascii: "\n")
        let count = bytes.count
        // Header first: its cells must be the expected names.
        let headerEnd = bytes.firstIndex(of: newline) ?? count
        let found = bytes[0..<headerEnd].split(separator: separatorByte, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard found == header else {
            let line = String(decoding: bytes[0..<headerEnd], as: UTF8.self)
            problems.append(.malformedRow(table: name, line: 1,
                                          reason: "header '\(line)' is not '\(header.joined(separator: String(separator)))'"))
            return
        }
        let columns = header.count
        // Local arrays, assigned once at the end: appending to a stored property inside the buffer's closure
        // costs an exclusivity check per cell.
        var rows: [Row] = [], bounds: [(start: Int32, end: Int32)] = [], problems: [PricingError] = []
        // The generated tables have one row per line and about as many bytes per line as the header.
        let estimatedRows = count / max(headerEnd + 1, 16) * 2
        rows.reserveCapacity(estimatedRows)
        bounds.reserveCapacity(estimatedRows * columns)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // The C library's memchr finds line ends and separators many bytes at a time.
            func find(_ byte: UInt8, from start: Int, to end: Int) -> Int? {
                memchr(base + start, Int32(byte), end - start).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) }
            }
            var line = 1
            var lineStart = headerEnd + 1
            while lineStart <= count {
                line += 1
                let lineEnd = find(newline, from: lineStart, to: count) ?? count
                var cellStart = lineStart
                let first = bounds.count
                while let separatorAt = find(separatorByte, from: cellStart, to: lineEnd) {
                    bounds.append((Int32(cellStart), Int32(separatorAt)))
                    cellStart = separatorAt + 1
                }
                let empty = lineEnd == lineStart
                lineStart = lineEnd + 1
                if empty { continue }
                bounds.append((Int32(cellStart), Int32(lineEnd)))
                let cells = bounds.count - first
                if cells != columns {
                    bounds.removeLast(cells)
                    problems.append(.malformedRow(table: name, line: line, reason: "\(cells) cells, expected \(columns)"))
                    continue
                }
                rows.append(Row(line: line, first: first))
            }
        }
        self.rows = rows
        self.bounds = bounds
        self.problems = problems
    }

    // MARK: - Cells

    /// The cell's bytes.
    private func cell(_ row: Row, _ column: Int) -> ArraySlice<UInt8> {
        let range = bounds[row.first + column]
        return bytes[Int(range.start)..<Int(range.end)]
    }

    /// The cell as text.
    package func string(_ row: Row, _ column: Int) -> String {
        String(decoding: cell(row, column), as: UTF8.self)
    }

    package func isEmpty(_ row: Row, _ column: Int) -> Bool {
        let range = bounds[row.first + column]
        return range.start == range.end
    }

    /// `string(row, column)`, sharing `last`'s string when the cell repeats it: the tables are sorted by
    /// region, so consecutive rows name the same one, and comparing bytes costs less than a new string.
    package func string(_ row: Row, _ column: Int, repeating last: inout (row: Row, text: String)?) -> String {
        if let previous = last, sameBytes(bounds[previous.row.first + column], bounds[row.first + column]) {
            return previous.text
        }
        let text = string(row, column)
        last = (row, text)
        return text
    }

    /// Whether the cell's bytes are `text`'s (`String(cell) == text` for ASCII `text`, without the string).
    package func cell(_ row: Row, _ column: Int, is text: String) -> Bool {
        var text = text
        let range = bounds[row.first + column]
        return text.withUTF8 { expected in
            expected.count == Int(range.end - range.start) && bytes.withUnsafeBufferPointer { buffer in
                expected.isEmpty || memcmp(buffer.baseAddress! + Int(range.start), expected.baseAddress!, expected.count) == 0
            }
        }
    }

    private func sameBytes(_ lhs: (start: Int32, end: Int32), _ rhs: (start: Int32, end: Int32)) -> Bool {
        let count = Int(lhs.end - lhs.start)
        guard count == Int(rhs.end - rhs.start) else { return false }
        return count == 0 || bytes.withUnsafeBufferPointer { buffer in
            memcmp(buffer.baseAddress! + Int(lhs.start), buffer.baseAddress! + Int(rhs.start), count) == 0
        }
    }

    /// The cell as `Int(_:)` reads it (an optional sign, then decimal digits); nil otherwise or on overflow.
    package func int(_ row: Row, _ column: Int) -> Int? {
        let slice = cell(row, column)
        var index = slice.startIndex
        guard index < slice.endIndex else { return nil }
        var negative = false
        if slice[index] == UInt8(ascii: "-") || slice[index] == UInt8(ascii: "+") {
            negative = slice[index] == UInt8(ascii: "-")
            index += 1
            guard index < slice.endIndex else { return nil }
        }
        var value = 0
        while index < slice.endIndex {
            let digit = slice[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? shifted.subtractingReportingOverflow(Int(digit))
                                             : shifted.addingReportingOverflow(Int(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// The cell as `PriceText.decimal` reads it.
    package func decimal(_ row: Row, _ column: Int) -> Decimal? {
        let range = bounds[row.first + column]
        // On the raw buffer: iterating an ArraySlice checks bounds at every byte.
        return bytes.withUnsafeBufferPointer { buffer in
            PriceText.decimal(utf8: UnsafeBufferPointer(rebasing: buffer[Int(range.start)..<Int(range.end)]))
        }
    }

    /// True when the cell is ASCII without upper-case letters: then `lowercased()` is the cell itself,
    /// and a lower-cased key can share the cell's string.
    package func isLowercase(_ row: Row, _ column: Int) -> Bool {
        !cell(row, column).contains { $0 >= 0x80 || $0 &- UInt8(ascii: "A") < 26 }
    }

    /// The cell's items separated by `separator` (a list within one cell, e.g. the instance flags).
    package func items(_ row: Row, _ column: Int, separator: UInt8) -> [String] {
        cell(row, column).split(separator: separator).map { String(decoding: $0, as: UTF8.self) }
    }
}
