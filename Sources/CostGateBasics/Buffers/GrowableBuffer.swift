/// A growable run of plain values in memory of its own: what the YAML parser appends every node,
/// link and scalar byte of a stream to, then hands to its `YAMLTree` without a copy; and what
/// JSON reports are written into.
///
/// Why not `Array`: an append to an array checks that its buffer is uniquely referenced and goes
/// through generic code; the parser makes a few appends per libyaml event, half a million events
/// on a 2,000-file tree, and those checks cost about as much as the rest of the tree building.
/// Non-copyable, so the memory has exactly one owner and is freed exactly once.
package struct GrowableBuffer<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    package private(set) var count = 0
    private var capacity: Int

    package init(capacity: Int = 16) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    package var isEmpty: Bool { count == 0 }

    package subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "GrowableBuffer index out of range")
            return base[index]
        }
        _modify {
            precondition(index >= 0 && index < count, "GrowableBuffer index out of range")
            yield &base[index]
        }
    }

    /// The elements at `range`, valid until the next change of the buffer.
    package func elements(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "GrowableBuffer range out of range")
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    package mutating func append(_ element: Element) {
        if count == capacity { grow(toHold: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    package mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, !elements.isEmpty else { return }
        if count + elements.count > capacity { grow(toHold: count + elements.count) }
        (base + count).initialize(from: source, count: elements.count)
        count += elements.count
    }

    /// Forgets the last `k` elements (plain values: nothing to deinitialize).
    package mutating func removeLast(_ k: Int) {
        precondition(k >= 0 && k <= count, "GrowableBuffer cannot remove more than it holds")
        count -= k
    }

    package mutating func removeAll() {
        count = 0
    }

    /// The elements, handed over: the caller owns the memory and frees it with `deallocate()`.
    package consuming func finish() -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeBufferPointer(start: base, count: count)
        discard self
        return buffer
    }

    private mutating func grow(toHold needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

extension GrowableBuffer: ByteOutput where Element == UInt8 {}
