import Dispatch

/// Maps `items` on all cores, keeping the order of the input. Each result is written straight into
/// its place in the output array (distinct indexes never share one), so no result is copied after:
/// results are workloads and estimates, whose copies cost a retain per string and array they hold.
func parallelMap<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output) -> [Output] {
    [Output](unsafeUninitializedCapacity: items.count) { buffer, initialized in
        nonisolated(unsafe) let base = buffer.baseAddress
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            (base! + index).initialize(to: transform(items[index]))
        }
        initialized = items.count
    }
}
