import XCTest
import CostGateTestSupport
@testable import CostGateCore
@testable import CostGateUsage

final class CSVReaderTests: XCTestCase {
    private func texts(_ csv: String) -> [[String]] {
        CSVReader.read(Array(csv.utf8)).records.map { $0.fields.map(\.text) }
    }

    func testRFC4180QuotingLineBreaksAndCRLF() {
        XCTAssertEqual(texts("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\r\nlines\",\r\n"), [
            ["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\r\nlines", ""],
        ])
        XCTAssertEqual(texts("a,b\n1,2"), [["a", "b"], ["1", "2"]])   // LF, no final line break
        XCTAssertEqual(texts("\u{FEFF}a,b\n"), [["a", "b"]])          // the byte order mark is not part of the first name
        XCTAssertEqual(texts("a\n\nb\n"), [["a"], [""], ["b"]])
        XCTAssertEqual(texts("\"\",x\n"), [["", "x"]])
    }

    func testFieldsKnowTheirPlace() {
        let records = CSVReader.read(Array("id,note\n7,\"é, and\nmore\",z\n8,é\n".utf8)).records
        XCTAssertEqual(records.map(\.line), [1, 2, 4])
        XCTAssertEqual(records[1].fields.map(\.column), [1, 3, 7])
        XCTAssertEqual(records[1].fields[2].line, 3)
        XCTAssertEqual(records[2].fields.map(\.column), [1, 3])
    }

    func testMalformedRecordsAreErrorsAndReadingGoesOn() {
        let (records, errors) = CSVReader.read(Array("a,b\n1,x\"y\n2,\"ok\"z\n3,fine\n".utf8))
        XCTAssertEqual(records.map { $0.fields.map(\.text) }, [["a", "b"], ["3", "fine"]])
        XCTAssertEqual(errors, [
            CSVReader.SyntaxError(line: 2, column: 4, message: "a quote inside an unquoted field; quote the whole field and double the quote"),
            CSVReader.SyntaxError(line: 3, column: 7,
                                  message: "unexpected 'z' after a closing quote; a quote inside a quoted field is written twice"),
        ])
        let (_, unterminated) = CSVReader.read(Array("a,b\n1,\"open\n2,3\n".utf8))
        XCTAssertEqual(unterminated, [CSVReader.SyntaxError(line: 2, column: 3, message: "unterminated quoted field (it runs to the end of the file)")])
    }

    /// read ∘ write is the identity, for fields holding commas, quotes, CR, LF and non-ASCII text.
    func testReadingWhatAWriterQuotedGivesTheFieldsBack() {
        var generator = SplitMix64(state: 7)
        let alphabet: [String] = ["a", "Z", "0", " ", ",", "\"", "\n", "\r", "\r\n", "é", "{", "}", ":", "💸"]
        for _ in 0..<300 {
            let columns = Int.random(in: 1...5, using: &generator)
            var records: [[String]] = []
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                records.append((0..<columns).map { _ in
                    (0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
                })
            }
            // A record of one empty field is a blank line, which writers emit as "" to keep it.
            let text = records.map { record in
                record.map { field in
                    field.isEmpty && record.count == 1 || field.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) })
                        ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }.joined(separator: ",")
            }.joined(separator: "\r\n") + "\r\n"
            let (read, errors) = CSVReader.read(Array(text.utf8))
            XCTAssertEqual(errors, [], text)
            XCTAssertEqual(read.map { $0.fields.map(\.text) }, records, text)
        }
    }
}
