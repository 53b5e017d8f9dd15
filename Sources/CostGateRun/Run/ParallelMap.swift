import Dispatch

/// Maps `items` on all cores, keeping the order of the input. Each result is written straight into
/// its place in the output array (distinct indexes never share one), so no result is copied after:
/// results are workloads and estimates, whose copies cost a retain per string and array they hold.
package func parallelMap<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output) -> [Output] {
    [Output](unsafeUninitializedCapacity: items.count) { buffer, initialized in
        nonisolated(unsafe) let base = buffer.baseAddress
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            (base! + index).initialize(to: transform(items[index]))
        }
        initialized = items.count
    }
}

/// Maps `items` on all cores, then hands each result to `consume`, moved out (never copied), in
/// the order of the input, on the calling thread: for results that are taken apart at once
/// (copying every estimate into a second array, then destroying the first, cost milliseconds).
package func parallelMap<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output,
                                                    consume: (consuming Output) -> Void) {
    let results = UnsafeMutableBufferPointer<Output>.allocate(capacity: items.count)
    defer { results.deallocate() }
    nonisolated(unsafe) let base = results.baseAddress
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        (base! + index).initialize(to: transform(items[index]))
    }
    for index in 0..<items.count {
        consume((base! + index).move())
    }
}
