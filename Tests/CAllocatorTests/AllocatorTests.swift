import XCTest
import CAllocator

final class AllocatorTests: XCTestCase {
    /// On Linux every allocation goes to mimalloc: a link that left glibc's malloc in place (the library
    /// dropped, or named after libc) would fail here, not only run slower.
    func testMallocIsMimalloc() throws {
        #if os(Linux)
        XCTAssertEqual(callocator_is_mimalloc(), 1)
        #else
        throw XCTSkip("costgate links mimalloc on Linux only")
        #endif
    }
}
