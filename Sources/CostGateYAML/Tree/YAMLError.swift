/// Why a YAML document could not be read. Lines and columns are 1-based.
public enum YAMLError: Error, Sendable, Equatable {
    case syntax(line: Int, column: Int, problem: String, context: String?)
    case duplicateKey(String, line: Int, column: Int, firstLine: Int)
    case undefinedAlias(String, line: Int, column: Int)
    case aliasExpansionLimit(line: Int, column: Int, limit: Int)
    case depthLimit(line: Int, column: Int, limit: Int)
    case invalidEncoding(line: Int, column: Int)

    public var line: Int {
        switch self {
        case .syntax(let line, _, _, _), .duplicateKey(_, let line, _, _), .undefinedAlias(_, let line, _),
            .aliasExpansionLimit(let line, _, _), .depthLimit(let line, _, _), .invalidEncoding(let line, _):
            return line
        }
    }

    public var column: Int {
        switch self {
        case .syntax(_, let column, _, _), .duplicateKey(_, _, let column, _), .undefinedAlias(_, _, let column),
            .aliasExpansionLimit(_, let column, _), .depthLimit(_, let column, _), .invalidEncoding(_, let column):
            return column
        }
    }

    public var message: String {
        switch self {
        case .syntax(_, _, let problem, let context):
            if let context { return "invalid YAML: \(problem) \(context)" }
            return "invalid YAML: \(problem)"
        case .duplicateKey(let key, _, _, let firstLine):
            return "duplicate key '\(key)' (first given at line \(firstLine))"
        case .undefinedAlias(let name, _, _):
            return "alias '*\(name)' refers to no anchor defined before it"
        case .aliasExpansionLimit(_, _, let limit):
            return "aliases expand to more than \(limit) nodes; refusing to expand (a YAML bomb?)"
        case .depthLimit(_, _, let limit):
            return "nesting deeper than \(limit) levels"
        case .invalidEncoding:
            return "the file is not valid UTF-8 text"
        }
    }
}
