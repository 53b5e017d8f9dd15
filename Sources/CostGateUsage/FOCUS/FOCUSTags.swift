import CostGateBasics

/// The FOCUS `Tags` cell: a JSON object of key-value pairs (FOCUS "Key-Value Format"). Values may be
/// strings, numbers or booleans (kept as written) or null (a key-only tag, read as the empty string).
package enum FOCUSTags {
    package struct Problem: Error {
        package var message: String
    }

    package static func parse(_ text: String) -> Result<[String: String], Problem> {
        let root: JSONDocument.Node
        do {
            root = try JSONDocument.parse(Array(text.utf8))
        } catch {
            let place = error.line > 1 ? "line \(error.line), character \(error.column)" : "character \(error.column)"
            return .failure(Problem(message: "Tags is not valid JSON: \(error.message) (at \(place) of the cell)"))
        }
        guard case .object(let members) = root.value else {
            return .failure(Problem(message: "Tags must be a JSON object of key-value pairs, found \(root.found)"))
        }
        var tags: [String: String] = [:]
        for member in members {
            switch member.node.value {
            case .string(let value): tags[member.key] = value
            case .number(let value): tags[member.key] = value
            case .bool(let value): tags[member.key] = String(value)
            case .null: tags[member.key] = ""
            case .array, .object:
                return .failure(Problem(message: "Tags value of '\(member.key)' is \(member.node.found); expected a string, number, "
                                        + "boolean or null"))
            }
        }
        return .success(tags)
    }
}
