import Foundation
import CostGatePricing

/// A job's trackable resources as sacct prints `AllocTRES`:
/// `billing=64,cpu=64,gres/gpu=8,gres/gpu:a100=8,mem=512G,node=1` (tres.shtml; sacct.1).
///
/// Memory is stored by Slurm in MiB; sacct prints it with a unit suffix (`--noconvert` keeps the
/// stored `524288M`, without it the largest exact unit, `512G`). `K`, `M`, `G`, `T` and `P` are
/// binary multiples; a bare number is read as MiB. Keys costgate does not price (`billing`, `energy`,
/// `fs/disk`, licenses, `gres/shard`, `gres/gpumem`, …) are skipped without being checked.
package struct TRES: Hashable {
    /// `cpu=`, vCPUs.
    package var cpus: Int?
    /// `mem=`, GiB.
    package var memoryGiB: Decimal?
    /// `node=`.
    package var nodes: Int?
    /// `gres/gpu=`, the untyped count (the job's GPUs whatever their type).
    package var untypedGPUs: Int?
    /// `gres/gpu:<type>=`, in the order written.
    package var typedGPUs: [TypedGPUs] = []

    package struct TypedGPUs: Hashable {
        package var type: String
        package var count: Int
    }

    /// GPUs allocated: the untyped `gres/gpu` count, or the sum of the typed ones when it is missing.
    package var gpus: Int { untypedGPUs ?? typedGPUs.reduce(0) { $0 + $1.count } }

    /// A malformed item: `offset` is the 0-based character offset of the item in the field.
    package struct Problem: Error, Equatable {
        package var offset: Int
        package var message: String
    }

    /// Parses an `AllocTRES` field (empty: nothing allocated).
    package static func parse(_ text: String) throws(Problem) -> TRES {
        var tres = TRES()
        var offset = 0
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            defer { offset += item.count + 1 }
            if item.isEmpty {
                if text.isEmpty { break }
                throw Problem(offset: offset, message: "AllocTRES '\(text)' has an empty item; expected key=value pairs separated by commas")
            }
            guard let equals = item.firstIndex(of: "=") else {
                throw Problem(offset: offset, message: "AllocTRES item '\(item)' is not key=value")
            }
            let key = item[..<equals]
            let value = item[item.index(after: equals)...]
            func count() throws(Problem) -> Int {
                guard let number = UsageNumber.count(value) else {
                    throw Problem(offset: offset, message: "AllocTRES '\(key)' value '\(value)' is not a whole number")
                }
                return number
            }
            switch key {
            case "cpu": tres.cpus = try count()
            case "node": tres.nodes = try count()
            case "mem":
                guard let gib = memoryGiB(value) else {
                    throw Problem(offset: offset, message: "AllocTRES 'mem' value '\(value)' is not a memory size (a number with K, M, G, T or P)")
                }
                tres.memoryGiB = gib
            case "gres/gpu": tres.untypedGPUs = try count()
            default:
                if key.hasPrefix("gres/gpu:") {
                    let type = String(key.dropFirst("gres/gpu:".count))
                    guard !type.isEmpty else { throw Problem(offset: offset, message: "AllocTRES 'gres/gpu:' names no GPU type") }
                    tres.typedGPUs.append(TypedGPUs(type: type, count: try count()))
                }
            }
        }
        return tres
    }

    /// `512G`, `524288M`, `1.5T`, `2048` (MiB) in GiB; nil for anything else.
    package static func memoryGiB(_ text: Substring) -> Decimal? {
        var number = text
        var scale: (multiply: Decimal, divide: Int) = (1, 1024)
        if let last = text.last, last.isLetter {
            number = text.dropLast()
            switch last.uppercased() {
            case "K": scale = (1, 1024 * 1024)
            case "M": scale = (1, 1024)
            case "G": scale = (1, 1)
            case "T": scale = (1024, 1)
            case "P": scale = (1024 * 1024, 1)
            default: return nil
            }
        }
        guard let value = PriceText.decimal(number) else { return nil }
        return PriceText.divide(value * scale.multiply, by: scale.divide)
    }
}
