import Foundation

#if FUZZING
/// libFuzzer's entry point. The target is chosen by `COSTGATE_FUZZ_TARGET` (yaml, sbatch, policy, admission),
/// read once: libFuzzer owns `main` and its arguments.
private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["COSTGATE_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("set COSTGATE_FUZZ_TARGET to one of: yaml, sbatch, policy, admission\n".utf8))
        exit(64)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// libFuzzer's driver, which SwiftPM's link of an executable target reaches under this name
/// (it renames the module's `main`, so libFuzzer's own `main` is not the entry point).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("costgate_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return runDriver(&count, &vector) { data, size in fuzzOneInput(data, size) }
}
#else
/// Without libFuzzer: replays files through a target (`costgate-fuzz yaml crash-1 crash-2`), the
/// way a crash found by the fuzzer is reproduced under a debugger.
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: costgate-fuzz yaml|sbatch|policy|admission FILE...\n".utf8))
            exit(64)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("costgate-fuzz: cannot read \(path)\n".utf8))
                exit(66)
            }
            target.run(Array(data))
            print("\(path): ok")
        }
    }
}
#endif
