import Foundation

/// Answers of pure functions that the manifests of one input set repeat, kept for one reading
/// and shared by the cores doing it: what a GPU label names. A tree of a few thousand manifests
/// names a handful of labels (`NVIDIA-A100-SXM4-40GB`, `nvidia-l4`…); working each out again cost
/// about 10,000 instructions a pod. Labels that name nothing are kept too (as nil): the error
/// about them is made where they are read, every time.
package final class ReadingMemo: @unchecked Sendable {
    // Guarded by `lock`; `@unchecked Sendable` rests on that.
    private let lock = NSLock()
    private var gpuLabels: [String: GPUModel.Resolution?] = [:]

    /// `GPUModel.resolve(raw)`, worked out once per label.
    package func resolveGPU(_ raw: String) -> GPUModel.Resolution? {
        lock.lock()
        let known = gpuLabels[raw]
        lock.unlock()
        if let known { return known }
        let resolution = GPUModel.resolve(raw)
        lock.lock()
        gpuLabels[raw] = resolution
        lock.unlock()
        return resolution
    }
}
