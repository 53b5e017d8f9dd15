/// One input to read: its display path and bytes, and how it is read.
public struct InputFile: Sendable {
    public enum Format: Sendable { case yaml, sbatch }

    public var path: String
    public var bytes: [UInt8]
    public var format: Format

    public init(path: String, bytes: [UInt8], format: Format) {
        self.path = path
        self.bytes = bytes
        self.format = format
    }
}
