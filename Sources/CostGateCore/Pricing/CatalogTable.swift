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
        // Split on UTF-8 bytes: String.split by Character walks grapheme clusters, ten times slower
        // on the few hundred kilobytes of tables parsed at every start.
        let separatorByte = separator.asciiValue ?? UInt8(ascii: ",")
        func cellsOf(_ line: Substring) -> [Substring] {
            line.utf8.split(separator: separatorByte, omittingEmptySubsequences: false).map { Substring($0) }
        }
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { Substring($0) }.enumerated().makeIterator()
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
