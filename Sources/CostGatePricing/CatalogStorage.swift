import Foundation
import Synchronization

/// The tables of a `PriceCatalog`, ready or being built on a thread of its own.
///
/// The built-in catalog takes milliseconds to build from its text tables, and `costgate estimate`
/// needs it only after every manifest is read: building it beside the argument parsing and the
/// reading (the CLI starts it before it parses) takes it off the serial start of the run. A
/// dedicated thread (not a Dispatch queue) so that the build never waits behind the reading's
/// work items. Readers wait for the build once (`waitUntilBuilt`); the tables are never changed
/// while shared (`PriceCatalog` copies the storage before a change unless it is the only owner),
/// which is what makes the unchecked `Sendable` sound.
package final class CatalogStorage: @unchecked Sendable {
    /// Set once, before `built` turns true (empty until then); read only after `waitUntilBuilt()`.
    private(set) var tables: PriceCatalog.Tables
    private let built: Atomic<Bool>
    private let condition = NSCondition()

    package init(_ tables: PriceCatalog.Tables) {
        self.tables = tables
        built = Atomic(true)
    }

    package init(building build: @escaping @Sendable () -> PriceCatalog.Tables) {
        tables = PriceCatalog.Tables(date: "", dateSource: "", sources: [], notes: [], instances: [:], gcpRows: [], gcpHosts: [:],
                                     gcpShapes: [:], tpus: [:], spotAdvice: [:], rateTable: [:])
        built = Atomic(false)
        // The thread holds the storage until the tables are in.
        let thread = Thread { [self] in
            let result = build()
            condition.lock()
            tables = result
            built.store(true, ordering: .releasing)
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// Returns once the tables are built (at once after the first time).
    @inline(__always)
    package func waitUntilBuilt() {
        if built.load(ordering: .acquiring) { return }
        condition.lock()
        while !built.load(ordering: .acquiring) { condition.wait() }
        condition.unlock()
    }

    /// Changes the tables in place; only for a storage with one owner.
    package func change(_ body: (inout PriceCatalog.Tables) -> Void) {
        waitUntilBuilt()
        body(&tables)
    }
}
