/// A place in an input file. `line` and `column` are 1-based (line 0 stands for the whole file, as
/// for a file that cannot be read); `document` is the 0-based index of the YAML document in its
/// stream (nil for inputs that are not YAML streams, such as sbatch scripts).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var document: Int?

    public init(file: String, line: Int, column: Int, document: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.document = document
    }

    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }

    /// The whole file, for errors that have no line (unreadable, not found).
    public static func wholeFile(_ file: String) -> SourceLocation { SourceLocation(file: file, line: 0, column: 0) }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        // Field by field: a tuple of the three copied the path string twice per comparison.
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        return lhs.column < rhs.column
    }
}
