import CostGateBasics

/// One argument of a directive line after sbatch's splitting (quotes removed, escapes resolved),
/// with the place its first character was written.
public struct SbatchWord: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
