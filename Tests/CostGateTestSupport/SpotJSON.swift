import Foundation

/// A JSON value that keeps booleans and numbers apart, for comparing encoded estimates with the
/// `expected` objects of `spot-vectors.json` (shared by the core and CLI tests).
public enum SpotJSON: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([SpotJSON])
    case object([String: SpotJSON])

    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var values: [SpotJSON] = []
            while !array.isAtEnd { values.append(try array.decode(SpotJSON.self)) }
            self = .array(values)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var values: [String: SpotJSON] = [:]
            for key in object.allKeys { values[key.stringValue] = try object.decode(SpotJSON.self, forKey: key) }
            self = .object(values)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    public struct AnyKey: CodingKey {
        public var stringValue: String
        public var intValue: Int? { nil }
        public init(stringValue: String) { self.stringValue = stringValue }
        public init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            // Integers stay integers (`nodes`, `trials`, `seed`); other doubles as their shortest exact text.
            if value == value.rounded(), abs(value) < 9.0e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let values):
            var container = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in values { try container.encode(value, forKey: AnyKey(stringValue: key)) }
        }
    }

    public func encoded() throws -> Data { try JSONEncoder().encode(self) }

    public static func decode(_ data: Data) throws -> SpotJSON {
        try JSONDecoder().decode(SpotJSON.self, from: data)
    }

    public static func encoding(_ value: some Encodable) throws -> SpotJSON {
        try decode(JSONEncoder().encode(value))
    }

    public subscript(key: String) -> SpotJSON? {
        if case .object(let values) = self { return values[key] }
        return nil
    }

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var keys: Set<String> {
        if case .object(let values) = self { return Set(values.keys) }
        return []
    }

    /// Differences between `self` (got) and `want`: numbers within `rtol` relative
    /// (`|got − want| ≤ rtol·max(|want|, 1e-12)`), everything else exactly, objects with the same keys.
    public func mismatches(against want: SpotJSON, rtol: Double, path: String = "") -> [String] {
        switch (self, want) {
        case (.number(let got), .number(let expected)):
            return abs(got - expected) <= rtol * max(abs(expected), 1e-12) ? [] : ["\(path): got \(got), want \(expected)"]
        case (.object(let got), .object(let expected)):
            var result: [String] = []
            let missing = Set(expected.keys).subtracting(got.keys).sorted()
            let extra = Set(got.keys).subtracting(expected.keys).sorted()
            if !missing.isEmpty { result.append("\(path): missing keys \(missing)") }
            if !extra.isEmpty { result.append("\(path): extra keys \(extra)") }
            for (key, value) in expected.sorted(by: { $0.key < $1.key }) {
                if let mine = got[key] {
                    result += mine.mismatches(against: value, rtol: rtol, path: path + "." + key)
                }
            }
            return result
        case (.array(let got), .array(let expected)):
            guard got.count == expected.count else { return ["\(path): got \(got.count) elements, want \(expected.count)"] }
            return zip(got, expected).enumerated().flatMap { index, pair in
                pair.0.mismatches(against: pair.1, rtol: rtol, path: "\(path)[\(index)]")
            }
        default:
            return self == want ? [] : ["\(path): got \(self), want \(want)"]
        }
    }

    /// Key paths of every object, recursively (`.mean.wall_hours`), for comparing shapes.
    public func keyPaths(prefix: String = "") -> Set<String> {
        switch self {
        case .object(let values):
            var paths: Set<String> = []
            for (key, value) in values {
                paths.insert(prefix + "." + key)
                paths.formUnion(value.keyPaths(prefix: prefix + "." + key))
            }
            return paths
        default:
            return []
        }
    }
}
