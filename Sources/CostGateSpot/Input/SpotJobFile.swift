import Foundation
import CostGateBasics

/// `costgate spot --input FILE`: one job as the `input` object of `spot-vectors.json` (snake_case keys,
/// §13), or any object that holds such an object under `input` (a vector, or the command's own JSON
/// output, so a report can be re-run). Every problem is reported at its place in the file.
public enum SpotJobFile {
    /// Decodes `bytes` read from `file` (the name diagnostics show).
    public static func read(_ bytes: [UInt8], file: String) throws(SpotInputError) -> SpotJobSetup {
        func failure(_ line: Int, _ column: Int, _ message: String) -> SpotInputError {
            SpotInputError(Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message))
        }
        let root: JSONDocument.Node
        do {
            root = try JSONDocument.parse(bytes)
        } catch {
            throw failure(error.line, error.column, "invalid JSON: \(error.message)")
        }
        guard case .object = root.value else {
            throw failure(root.line, root.column,
                          "expected a JSON object with the job's inputs ('work_hours', 'interruption', …), found \(root.found)")
        }
        // A wrapper (a vector, or this command's JSON output) holds the job under `input`.
        var prefix: [String] = []
        var jobNode = root
        if root.member("work_hours") == nil, let wrapped = root.member("input"), case .object = wrapped.node.value {
            prefix = ["input"]
            jobNode = wrapped.node
        }
        try checkKeys(of: jobNode, allowed: SpotJobSetup.inputKeys, path: prefix, failure: failure)
        if let interruption = jobNode.member("interruption") {
            try checkKeys(of: interruption.node, allowed: SpotJobSetup.interruptionKeys, path: prefix + ["interruption"],
                          failure: failure)
        }

        try checkIntegers(in: jobNode, path: prefix, failure: failure)

        let job: SpotJob
        do {
            let decoder = JSONDecoder()
            let data = Data(bytes)
            job = prefix.isEmpty ? try decoder.decode(SpotJob.self, from: data) : try decoder.decode(Wrapped.self, from: data).input
        } catch let error as SpotError {
            throw located(error, root: root, prefix: prefix, failure: failure)
        } catch let error as DecodingError {
            throw located(error, root: root, failure: failure)
        } catch {
            throw failure(0, 0, "cannot decode the job: \(error)")
        }

        var sources: [String: String] = [:]
        for key in SpotJobSetup.inputKeys {
            if let member = jobNode.member(key), !isNull(member.node) {
                sources[key] = "\(file):\(member.line):\(member.column)"
            } else {
                sources[key] = SpotJobSetup.defaultSource
            }
        }
        return SpotJobSetup(job: job, sources: sources, title: "job file \(file)")
    }

    private struct Wrapped: Decodable {
        let input: SpotJob
    }

    private static func isNull(_ node: JSONDocument.Node) -> Bool {
        if case .null = node.value { return true }
        return false
    }

    /// Unknown keys are errors, with a suggestion: a misspelt optional key would otherwise be ignored silently.
    private static func checkKeys(of node: JSONDocument.Node, allowed: [String], path: [String],
                                  failure: (Int, Int, String) -> SpotInputError) throws(SpotInputError) {
        guard case .object(let members) = node.value else { return }
        for member in members where !allowed.contains(member.key) {
            let place = path.isEmpty ? "" : " in '\(path.joined(separator: "."))'"
            var message = "unknown key '\(member.key)'\(place)"
            // `checkpoint_interval` for `checkpoint_interval_hours`: a missing unit suffix is the likely slip.
            let extended = allowed.first { $0.hasPrefix(member.key + "_") }
            let suggestion = extended.map { "; did you mean '\($0)'?" } ?? Suggestion.didYouMean(member.key, in: allowed)
            message += suggestion.isEmpty ? "; expected one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))" : suggestion
            throw failure(member.line, member.column, message)
        }
    }

    /// Integer inputs written as something else (`2.5`, `-1` for the seed): Foundation's decoder reports
    /// these without a key path, so they are caught here, where the place is known.
    private static func checkIntegers(in node: JSONDocument.Node, path: [String],
                                      failure: (Int, Int, String) -> SpotInputError) throws(SpotInputError) {
        for key in ["nodes", "fallback_after_interruptions", "trials", "seed"] {
            guard let member = node.member(key), case .number(let text) = member.node.value else { continue }
            let unsigned = key == "seed"
            let fits: Bool
            if let value = Double(text), value == value.rounded(), !text.contains(where: { "eE.".contains($0) }) {
                fits = unsigned ? UInt64(text) != nil : Int(text) != nil
            } else if let value = Double(text), value == value.rounded() {
                fits = unsigned ? value >= 0 && value < 18_446_744_073_709_551_616 : abs(value) < 9_223_372_036_854_775_808
            } else {
                fits = false
            }
            if !fits {
                let kind = unsigned ? "an integer between 0 and 18446744073709551615" : "an integer"
                let name = (path + [key]).joined(separator: ".")
                throw failure(member.node.line, member.node.column, "expected \(kind) at '\(name)', found '\(text)'")
            }
        }
    }

    /// The node at `path` (object keys; array indices are not used by the job format) and the place
    /// of the deepest key found on the way.
    private static func lookup(_ path: [String], in root: JSONDocument.Node) -> (node: JSONDocument.Node?, line: Int, column: Int) {
        var node = root
        var place = (root.line, root.column)
        for key in path {
            guard let member = node.member(key) else { return (nil, place.0, place.1) }
            node = member.node
            place = (member.node.line, member.node.column)
        }
        return (node, place.0, place.1)
    }

    /// A model error (`'nodes' must be an integer ≥ 1, found '0'`) at the value it names.
    private static func located(_ error: SpotError, root: JSONDocument.Node, prefix: [String],
                                failure: (Int, Int, String) -> SpotInputError) -> SpotInputError {
        let field: String
        switch error {
        case .invalidValue(let name, _, _), .unknownBand(let name, _), .unknownProvider(let name, _),
             .unknownBandEstimate(let name, _), .ambiguousInterruption(let name), .tooManySegments(let name, _, _):
            field = name
        case .modelTooLarge, .tooManyInterruptions:
            return failure(0, 0, error.message)
        }
        var path = field.split(separator: ".").map(String.init)
        if !prefix.isEmpty && path.first != prefix.first { path = prefix + path }
        let place = lookup(path, in: root)
        return failure(place.line, place.column, error.message)
    }

    /// A type error from the decoder (`expected a number at 'work_hours', found 'two'`) at its value.
    private static func located(_ error: DecodingError, root: JSONDocument.Node,
                                failure: (Int, Int, String) -> SpotInputError) -> SpotInputError {
        func keyPath(_ codingPath: [any CodingKey]) -> [String] { codingPath.filter { $0.intValue == nil }.map(\.stringValue) }
        switch error {
        case .typeMismatch(let type, let context):
            let path = keyPath(context.codingPath)
            let place = lookup(path, in: root)
            return failure(place.line, place.column,
                           "expected \(describe(type)) at '\(path.joined(separator: "."))', found \(place.node?.found ?? "another type")")
        case .valueNotFound(let type, let context):
            let path = keyPath(context.codingPath)
            let place = lookup(path, in: root)
            return failure(place.line, place.column, "expected \(describe(type)) at '\(path.joined(separator: "."))', found null")
        case .keyNotFound(let key, let context):
            let path = keyPath(context.codingPath)
            let place = lookup(path, in: root)
            let within = path.isEmpty ? "" : " in '\(path.joined(separator: "."))'"
            return failure(place.line, place.column, "missing required key '\(key.stringValue)'\(within)")
        case .dataCorrupted(let context):
            let path = keyPath(context.codingPath)
            let place = lookup(path, in: root)
            let name = path.last ?? ""
            if case .number? = place.node?.value, ["nodes", "fallback_after_interruptions", "trials", "seed"].contains(name) {
                let kind = name == "seed" ? "an integer between 0 and 18446744073709551615" : "an integer"
                return failure(place.line, place.column, "expected \(kind) at '\(path.joined(separator: "."))', found \(place.node!.found)")
            }
            let at = path.isEmpty ? "" : " at '\(path.joined(separator: "."))'"
            return failure(place.line, place.column, "invalid value\(at): \(context.debugDescription)")
        @unknown default:
            return failure(0, 0, "cannot decode the job: \(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type: return "a number"
        case is Int.Type: return "an integer"
        case is UInt64.Type: return "a non-negative integer"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default: return "\(type)".hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
