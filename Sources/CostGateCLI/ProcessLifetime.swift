/// Values a command hands over just before the process exits, so they are never freed.
///
/// Freeing a large result (thousands of workloads, each with its strings and arrays) took about
/// 9 ms of a 2,000-file `estimate`, on one core, after the output was written; the kernel takes
/// the memory back at exit anyway. Only for values whose deinitializers do nothing but free memory.
enum ProcessLifetime {
    static func outlive<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }

    private final class Box<Value> {
        let value: Value

        init(_ value: Value) {
            self.value = value
        }
    }
}
