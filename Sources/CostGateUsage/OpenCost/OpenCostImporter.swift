import Foundation
import CostGateBasics

/// An OpenCost allocation API response (`GET /allocation?window=…&aggregate=…`, also
/// `/allocation/compute`), as OpenCost marshals it (opencost/opencost `core/pkg/opencost/allocation_json.go`):
///
///     {"code": 200, "status": "success",
///      "data": [ {"<name>": {"name": …, "properties": {"cluster": …, "namespace": …, "controller": …, "pod": …,
///                                                      "labels": {…}, "namespaceLabels": {…}},
///                             "window": {"start": …, "end": …}, "start": …, "end": …,
///                             "cpuCost": …, "gpuCost": …, "ramCost": …, "pvCost": …, "networkCost": …,
///                             "sharedCost": …, "externalCost": …, "totalCost": …, "gpuHours": …}, …}, … ]}
///
/// `data` is a list of windows (one per step; one with `accumulate=true`), each a map from allocation name
/// to allocation; a `null` window is empty. Every allocation is one record.
///
/// * Cost: `totalCost` (USD; OpenCost rounds to 5 decimals and writes `null` for values it could not
///   compute, which is an error at the member). Numbers are read exactly from their JSON text.
/// * Id: the allocation's name (`research/trainer`); name: `properties.controller`, else `pod`.
/// * Month: the allocation's `start`, else its window's start (RFC 3339 UTC).
/// * Attribution: `properties.namespace`, labels = `namespaceLabels` overlaid by the pod's `labels`.
/// * Names containing `__idle__` (idle capacity, by cluster or node) and `__unmounted__` (volumes no
///   pod mounts) are shared cost, split by the audit; `__unallocated__` (no value for the aggregation
///   key) keeps its namespace only when the properties name one.
///
/// A response with a `code` other than 200 is an error naming it and its `message`.
public enum OpenCostImporter {
    public static func read(_ bytes: [UInt8], file: String) -> UsageReading {
        var reading = UsageReading()
        func place(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        func error(_ line: Int, _ column: Int, _ message: String) {
            reading.diagnostics.append(Diagnostic(.error, at: place(line, column), message, rule: "usage"))
        }

        let root: JSONDocument.Node
        do {
            root = try JSONDocument.parse(bytes)
        } catch let syntax {
            error(syntax.line, syntax.column, "invalid JSON: \(syntax.message)")
            return reading
        }
        guard case .object = root.value else {
            error(root.line, root.column, "expected an OpenCost /allocation response ({\"code\": 200, \"data\": […]}), found \(root.found)")
            return reading
        }
        if let code = root.member("code") {
            guard case .number(let text) = code.node.value else {
                error(code.node.line, code.node.column, "'code' must be a number, found \(code.node.found)")
                return reading
            }
            if text != "200" {
                var message = "the response has code \(text), not 200"
                if let detail = root.member("message"), case .string(let words) = detail.node.value, !words.isEmpty {
                    message += ": \(words)"
                }
                error(code.node.line, code.node.column, message)
                return reading
            }
        }
        guard let data = root.member("data") else {
            error(root.line, root.column, "no 'data' in the response; expected the list of allocation windows OpenCost returns")
            return reading
        }
        let windows: [JSONDocument.Node]
        switch data.node.value {
        case .array(let items): windows = items
        case .object: windows = [data.node]   // a single allocation set
        default:
            error(data.node.line, data.node.column, "'data' must be a list of allocation windows, found \(data.node.found)")
            return reading
        }

        for (windowIndex, window) in windows.enumerated() {
            switch window.value {
            case .null: continue
            case .object(let members):
                for member in members {
                    switch OpenCostAllocation.read(member, file: file) {
                    case .success(let record): reading.records.append(record)
                    case .failure(let problem): reading.diagnostics.append(problem.diagnostic)
                    }
                }
            default:
                error(window.line, window.column,
                      "window \(windowIndex) of 'data' must be an object of allocations by name, found \(window.found)")
            }
        }
        return reading
    }
}
