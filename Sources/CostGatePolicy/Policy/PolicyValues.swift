import Foundation
import CostGateBasics
import CostGateYAML
import CostGateWorkloads

/// Typed readers for the values a policy holds; each error names the key path and the place.
package enum PolicyValues {
    /// Fails on keys outside `allowed`, suggesting the closest (`quotas` → `quota`).
    package static func checkKeys(_ cursor: NodeCursor, allowed: [String]) throws(ManifestError) {
        for entry in try cursor.entries() where !allowed.contains(entry.key) {
            throw .unknownKey(key: entry.key, in: cursor.path, allowed: allowed, at: entry.keyLocation)
        }
    }

    package static func required(_ cursor: NodeCursor, _ key: String) throws(ManifestError) -> NodeCursor {
        guard let child = try cursor.child(key) else {
            throw .missingField(path: cursor.path.isEmpty ? key : "\(cursor.path).\(key)", at: cursor.location)
        }
        return child
    }

    /// A non-negative amount of USD written as a plain number (`5000`, `1234.50`), read exactly.
    package static func money(_ node: NodeCursor, what: String = "an amount in USD, e.g. 5000 or 1234.50") throws(ManifestError) -> Decimal {
        if case .scalar(let text, let style) = node.node.content, style != .plain, decimal(text) != nil {
            throw .invalidValue(path: node.path, value: text, reason: "write the number without quotes (\(what))", at: node.location)
        }
        guard case .scalar(let text, let style) = node.node.content, style == .plain, let value = decimal(text) else {
            throw .invalidValue(path: node.path, value: node.describedForError.trimmingCharacters(in: CharacterSet(charactersIn: "'")),
                                reason: "expected \(what)", at: node.location)
        }
        return value
    }

    /// A positive whole number.
    package static func positiveInt(_ node: NodeCursor) throws(ManifestError) -> Int {
        let value = try node.int()
        guard value > 0 else { throw .invalidValue(path: node.path, value: String(value), reason: "must be positive", at: node.location) }
        return value
    }

    /// A share written `80%` or `0.8`, in (0, 1].
    package static func fraction(_ node: NodeCursor) throws(ManifestError) -> Decimal {
        let text = try node.string()
        let value: Decimal?
        if text.hasSuffix("%") {
            value = decimal(String(text.dropLast()).trimmingCharacters(in: .whitespaces)).map { $0 / 100 }
        } else {
            value = decimal(text)
        }
        guard let value, value > 0, value <= 1 else {
            throw .invalidValue(path: node.path, value: text, reason: "expected a share such as 80% or 0.8 (more than 0, at most 100%)",
                                at: node.location)
        }
        return value
    }

    /// Hours from a duration (`36h`, `90m`, `2d`, `1h30m`).
    package static func hours(_ node: NodeCursor) throws(ManifestError) -> Decimal {
        let text = try node.string()
        guard let seconds = DurationText.seconds(text), seconds > 0 else {
            throw .invalidValue(path: node.path, value: text, reason: "expected a duration such as 36h, 90m, 2d or 1h30m", at: node.location)
        }
        return DecimalMath.hours(seconds: seconds)
    }

    /// A GPU-hour count or similar plain positive number.
    package static func positiveNumber(_ node: NodeCursor) throws(ManifestError) -> Decimal {
        let value = try money(node, what: "a positive number")
        guard value > 0 else { throw .invalidValue(path: node.path, value: "\(value)", reason: "must be positive", at: node.location) }
        return value
    }

    package static func choice<T: RawRepresentable & CaseIterable>(_ node: NodeCursor, _: T.Type) throws(ManifestError) -> T where T.RawValue == String {
        let text = try node.string()
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        throw .invalidValue(path: node.path, value: text,
                            reason: "expected one of \(names.joined(separator: ", "))" + Suggestion.didYouMean(text, in: names),
                            at: node.location)
    }

    /// A list of strings; a single string is read as a one-item list.
    package static func strings(_ node: NodeCursor) throws(ManifestError) -> [String] {
        if case .scalar = node.node.content { return [try node.string()] }
        return try node.items().map { item throws(ManifestError) in try item.string() }
    }

    package static func globs(_ node: NodeCursor?) throws(ManifestError) -> [Glob] {
        guard let node else { return [] }
        return try strings(node).map(Glob.init)
    }

    package static func gpuModel(_ node: NodeCursor) throws(ManifestError) -> GPUModel {
        let raw = try node.string()
        guard let model = GPUModel.normalize(raw) else {
            throw .invalidValue(path: node.path, value: raw, reason: "not a GPU model costgate knows ('costgate catalog' lists them)"
                                + Suggestion.didYouMean(raw, in: GPUModel.known.map(\.id)), at: node.location)
        }
        return model
    }

    /// Digits with at most one decimal point; never through Double.
    package static func decimal(_ text: String) -> Decimal? {
        let digits = text.replacingOccurrences(of: "_", with: "")
        guard !digits.isEmpty, digits.filter({ $0 == "." }).count <= 1, digits.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }),
              digits != "." else { return nil }
        return Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))
    }
}
