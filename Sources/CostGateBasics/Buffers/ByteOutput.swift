/// Where text is written as UTF-8 bytes: an array, or a `GrowableBuffer` (which the JSON reports
/// write into, for appends without an array's uniqueness checks). Writers of numbers and strings
/// are generic over it, so one writer serves both and is specialized for each.
public protocol ByteOutput: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension ByteOutput where Self: ~Copyable {
    /// The UTF-8 of `text`.
    @inlinable public mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// The bytes of `text`.
    @inlinable public mutating func append(static text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}

extension Array: ByteOutput where Element == UInt8 {}
