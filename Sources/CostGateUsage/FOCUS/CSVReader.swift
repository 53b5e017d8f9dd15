/// RFC 4180 CSV with the place of every field: fields separated by commas, records by CRLF or LF;
/// a field in double quotes may hold commas, line breaks and doubled quotes (`""` is one `"`). A UTF-8
/// byte order mark at the start is skipped. Lines and columns are 1-based; columns count characters.
///
/// A stray quote inside an unquoted field, or text after a closing quote, is an error at its place and
/// the record is dropped (the next record is read); an unterminated quoted field ends the file.
package struct CSVReader {
    package struct Field: Equatable {
        package var text: String
        package var line: Int
        package var column: Int
    }

    package struct Record: Equatable {
        package var fields: [Field]
        /// The line the record starts on.
        package var line: Int

        /// A record holding nothing (an empty line).
        package var isBlank: Bool { fields.count == 1 && fields[0].text.isEmpty }
    }

    package struct SyntaxError: Error, Equatable {
        package var line: Int
        package var column: Int
        package var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    /// Every well-formed record, and the errors of the malformed ones.
    package static func read(_ bytes: [UInt8]) -> (records: [Record], errors: [SyntaxError]) {
        var reader = CSVReader(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        var records: [Record] = []
        var errors: [SyntaxError] = []
        while !reader.atEnd {
            switch reader.record() {
            case .success(let record): records.append(record)
            case .failure(let error):
                errors.append(error)
                if error.message.hasPrefix("unterminated") { return (records, errors) }
            }
        }
        return (records, errors)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var atEnd: Bool { index >= bytes.count }
    private var peek: UInt8? { atEnd ? nil : bytes[index] }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// At a record separator (`\n`, or `\r\n`): consumes it.
    private mutating func endOfRecord() -> Bool {
        if peek == UInt8(ascii: "\n") {
            advance()
            return true
        }
        if peek == UInt8(ascii: "\r"), index + 1 >= bytes.count || bytes[index + 1] == UInt8(ascii: "\n") {
            advance()
            if !atEnd { advance() }
            return true
        }
        return false
    }

    /// Skips the rest of a malformed record (up to the next line break outside quotes, roughly: the next line).
    private mutating func skipLine() {
        while let byte = peek, byte != UInt8(ascii: "\n") { advance() }
        if !atEnd { advance() }
    }

    private mutating func record() -> Result<Record, SyntaxError> {
        let recordLine = line
        var fields: [Field] = []
        while true {
            let (fieldLine, fieldColumn) = (line, column)
            var text: [UInt8] = []
            if peek == UInt8(ascii: "\"") {
                advance()
                var closed = false
                while let byte = peek {
                    if byte == UInt8(ascii: "\"") {
                        advance()
                        if peek == UInt8(ascii: "\"") {
                            text.append(byte)
                            advance()
                            continue
                        }
                        closed = true
                        break
                    }
                    text.append(byte)
                    advance()
                }
                guard closed else {
                    return .failure(SyntaxError(line: fieldLine, column: fieldColumn,
                                                message: "unterminated quoted field (it runs to the end of the file)"))
                }
                fields.append(Field(text: String(decoding: text, as: UTF8.self), line: fieldLine, column: fieldColumn))
                if atEnd || endOfRecord() { return .success(Record(fields: fields, line: recordLine)) }
                if peek == UInt8(ascii: ",") {
                    advance()
                    continue
                }
                let error = SyntaxError(line: line, column: column,
                                        message: "unexpected \(found) after a closing quote; a quote inside a quoted field is written twice")
                skipLine()
                return .failure(error)
            }
            while let byte = peek, byte != UInt8(ascii: ",") {
                if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (index + 1 >= bytes.count || bytes[index + 1] == UInt8(ascii: "\n"))) {
                    break
                }
                if byte == UInt8(ascii: "\"") {
                    let error = SyntaxError(line: line, column: column,
                                            message: "a quote inside an unquoted field; quote the whole field and double the quote")
                    skipLine()
                    return .failure(error)
                }
                text.append(byte)
                advance()
            }
            fields.append(Field(text: String(decoding: text, as: UTF8.self), line: fieldLine, column: fieldColumn))
            if atEnd || endOfRecord() { return .success(Record(fields: fields, line: recordLine)) }
            advance()   // ,
        }
    }

    /// The next character, quoted, for messages.
    private var found: String {
        guard !atEnd else { return "end of file" }
        var end = index + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(String(decoding: bytes[index..<end], as: UTF8.self))'"
    }
}
