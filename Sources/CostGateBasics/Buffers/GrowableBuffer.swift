/// A growable run of plain values in memory of its own: what the YAML parser appends every node,
/// link and scalar byte of a stream to, then hands to its `YAMLTree` without a copy; and what
/// JSON reports are written into.
///
/// Why not `Array`: an append to an array checks that its buffer is uniquely referenced and goes
/// through generic code; the parser makes a few appends per libyaml event, half a million events
/// on a 2,000-file tree, and those checks cost about as much as the rest of the tree building.
/// Non-copyable, so the memory has exactly one owner and is freed exactly once.
///
/// Public with `@inlinable` operations, not `package`: the tree and the reports are built in other
/// targets, and Swift 6.3 specializes another target's generic code only from public inlinable bodies
/// (package ones it leaves alone). Unspecialized, every append is a generic call and a value-witness
/// copy; measured when the core was split into targets, that made a 2,000-file estimate 12 % slower.
public struct GrowableBuffer<Element: BitwiseCopyable>: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var storedCount = 0
    @usableFromInline var capacity: Int

    @inlinable public var count: Int { storedCount }

    @inlinable public init(capacity: Int = 16) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    @inlinable public var isEmpty: Bool { storedCount == 0 }

    @inlinable public subscript(index: Int) -> Element {
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
    @inlinable public func elements(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "GrowableBuffer range out of range")
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    @inlinable public mutating func append(_ element: Element) {
        if storedCount == capacity { grow(toHold: storedCount + 1) }
        (base + storedCount).initialize(to: element)
        storedCount += 1
    }

    @inlinable public mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, !elements.isEmpty else { return }
        if storedCount + elements.count > capacity { grow(toHold: storedCount + elements.count) }
        (base + storedCount).initialize(from: source, count: elements.count)
        storedCount += elements.count
    }

    /// Appends `count` elements that `write` initializes, all of them, from the pointer it is given:
    /// for text made of several parts (a JSON key with its indentation), one capacity check
    /// instead of one per part.
    @inlinable public mutating func append(count: Int, _ write: (UnsafeMutablePointer<Element>) -> Void) {
        precondition(count >= 0, "GrowableBuffer cannot append a negative count")
        if storedCount + count > capacity { grow(toHold: storedCount + count) }
        write(base + storedCount)
        storedCount += count
    }

    /// Forgets the last `k` elements (plain values: nothing to deinitialize).
    @inlinable public mutating func removeLast(_ k: Int) {
        precondition(k >= 0 && k <= storedCount, "GrowableBuffer cannot remove more than it holds")
        storedCount -= k
    }

    @inlinable public mutating func removeAll() {
        storedCount = 0
    }

    /// The elements, handed over: the caller owns the memory and frees it with `deallocate()`. Not
    /// inlinable: `discard` in an inlinable function of a non-`@frozen` type is to become an error,
    /// and a buffer is finished once, so the generic call costs nothing that matters.
    public consuming func finish() -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeBufferPointer(start: base, count: count)
        discard self
        return buffer
    }

    @usableFromInline mutating func grow(toHold needed: Int) {
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
