import XCTest
import CMallocTuning

final class MallocTuningTests: XCTestCase {
    /// On glibc the tuning must reach mallopt: for a long time a missing header made the C compile to an
    /// empty function, so heaps kept growing a page or two per system call and nothing failed.
    func testGlibcTakesTheTuning() throws {
        #if os(Linux) && canImport(Glibc)
        XCTAssertEqual(cmalloc_grow_heap_in_large_steps(), 1)
        #else
        throw XCTSkip("mallopt is glibc's")
        #endif
    }
}
