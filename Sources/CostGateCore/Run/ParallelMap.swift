import Dispatch

/// Result slots written once per index by `parallelMap`; distinct indexes never share a slot.
private final class ParallelSlots<Output>: @unchecked Sendable {
    var values: [Output?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
}

/// Maps `items` on all cores, keeping the order of the input.
func parallelMap<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output) -> [Output] {
    let slots = ParallelSlots<Output>(count: items.count)
    slots.values.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let base = buffer
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            base[index] = transform(items[index])
        }
    }
    return slots.values.map { $0! }
}
