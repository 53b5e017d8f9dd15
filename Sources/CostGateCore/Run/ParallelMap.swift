import Dispatch

/// Maps `items` on all cores, keeping the order of the input. Results land in distinct slots,
/// so the only shared state is the slot array, written once per index.
func parallelMap<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output) -> [Output] {
    final class Slots: @unchecked Sendable {
        var values: [Output?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
    }
    let slots = Slots(count: items.count)
    slots.values.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let base = buffer
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            base[index] = transform(items[index])
        }
    }
    return slots.values.map { $0! }
}
