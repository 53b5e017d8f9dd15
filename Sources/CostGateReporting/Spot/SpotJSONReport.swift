import Foundation
import CostGateSpot
import CostGateBasics

/// The JSON form of `costgate spot`: the `SpotEstimate` encoding, which has exactly the names of the
/// `expected` object of `spot-vectors.json`, plus three keys beside them (never inside):
///
/// * `schema`: `costgate-spot/1`;
/// * `input`: the job as a job file (every key, defaults filled in), so `--input` re-runs the report;
/// * `assumptions`: per input key, where its value came from.
///
/// Keys are sorted and numbers are written as the shortest text that reads back as the same double,
/// so the output is the same bytes on every run and compares with the vectors at any tolerance.
public enum SpotJSONReport {
    public static let schema = "costgate-spot/1"

    /// The keys added beside the estimate's.
    public static let extraKeys: Set<String> = ["schema", "input", "assumptions"]

    public static func render(_ estimate: SpotEstimate, setup: SpotJobSetup) throws -> String {
        let input = try tree(of: estimate.job)
        guard case .object(var document) = try tree(of: estimate) else {
            throw EncodingError.invalidValue(estimate, .init(codingPath: [], debugDescription: "the estimate did not encode to an object"))
        }
        document["schema"] = .string(schema)
        document["input"] = input
        var assumptions: [String: JSONValue] = [:]
        for key in SpotJobSetup.inputKeys { assumptions[key] = .string(setup.sources[key] ?? SpotJobSetup.defaultSource) }
        for (index, note) in setup.notes.enumerated() { assumptions["note_\(index + 1)"] = .string(note) }
        document["assumptions"] = .object(assumptions)
        return JSONValue.object(document).rendered()
    }

    /// Encodes with Foundation's encoder (shortest round-trip text for every double) and reads the
    /// result back with the numbers kept as text, to render in costgate's house style.
    private static func tree(of value: some Encodable) throws -> JSONValue {
        let bytes = Array(try JSONEncoder().encode(value))
        return try JSONDocument.parse(bytes).jsonValue
    }
}
