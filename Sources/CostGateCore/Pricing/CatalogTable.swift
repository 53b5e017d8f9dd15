/// One embedded CSV-like table of `BuiltinCatalog+Data.swift`: a header line naming the columns,
/// then one row per line. Rows that do not have the header's column count are reported, not trapped on.
struct CatalogTable {
    struct Row {
        /// 1-based line within the table (the header is line 1).
        var line: Int
        var cells: [Substring]

        subscript(_ index: Int) -> Substring { cells[index] }
    }

    var name: String
    var rows: [Row] = []
    var problems: [PricingError] = []

    /// Splits `text`; `header` must equal the table's first line (a generator/parser mismatch otherwise).
    init(name: String, text: String, header: [String], separator: Character = ",") {
        self.name = name
        // Split on UTF-8 bytes by index: String.split by Character walks grapheme clusters, and the
        // generic Collection.split still cost most of the start-up parse of a few hundred kilobytes.
        let separatorByte = separator.asciiValue ?? UInt8(ascii: ",")
        let utf8 = text.utf8
        func cellsOf(_ line: Substring) -> [Substring] {
            var cells: [Substring] = []
            var start = line.startIndex
            var index = start
            let bytes = line.utf8
            while index < line.endIndex {
                if bytes[index] == separatorByte {
                    cells.append(line[start..<index])
                    start = bytes.index(after: index)
                }
                index = bytes.index(after: index)
            }
            cells.append(line[start..<line.endIndex])
            return cells
        }
        var lineList: [Substring] = []
        var lineStart = utf8.startIndex
        var cursor = lineStart
        while cursor < utf8.endIndex {
            if utf8[cursor] == UInt8(ascii: "\n") {
                lineList.append(Substring(utf8[lineStart..<cursor]))
                lineStart = utf8.index(after: cursor)
            }
            cursor = utf8.index(after: cursor)
        }
        lineList.append(Substring(utf8[lineStart..<utf8.endIndex]))
        var lines = lineList.enumerated().makeIterator()
        guard let first = lines.next() else {
            problems.append(.malformedRow(table: name, line: 1, reason: "empty table"))
            return
        }
        let found = cellsOf(first.element).map(String.init)
        guard found == header else {
            problems.append(.malformedRow(table: name, line: 1,
                                          reason: "header '\(first.element)' is not '\(header.joined(separator: String(separator)))'"))
            return
        }
        while let (offset, line) = lines.next() {
            if line.isEmpty { continue }
            let cells = cellsOf(line)
            if cells.count != header.count {
                problems.append(.malformedRow(table: name, line: offset + 1,
                                              reason: "\(cells.count) cells, expected \(header.count)"))
                continue
            }
            rows.append(Row(line: offset + 1, cells: cells))
        }
    }
}
