import Foundation

/// The exact distribution's quantiles in hours, remembered by everything but the prices: `estimate`
/// meets the same run time, gang, rate and checkpoints at many prices (models, regions, replicas), and
/// cost is `p_spot` × billed hours. Shared by the cores of one estimation run.
package final class SpotShapeMemo: @unchecked Sendable {
    /// A scenario without its prices.
    package struct Key: Hashable {
        package var workHours: Double
        package var writeHours: Double
        package var layout: SegmentLayout
        package var rate: Double
        package var restartHours: Double
        package var billedFraction: Double
        package var maxRuntime: Double?

        package init(_ s: SpotScenario) {
            (workHours, writeHours, layout, rate) = (s.workHours, s.writeHours, s.layout, s.rate)
            (restartHours, billedFraction, maxRuntime) = (s.restartHours, s.billedFraction, s.maxRuntime)
        }
    }

    /// P50, P90, P99 of billed hours (`run + β·rst`) and of wall hours.
    package struct Hours: Sendable {
        package var billed: [Double]
        package var wall: [Double]
    }

    package init() {}

    private let lock = NSLock()
    private var table: [Key: Hours] = [:]
    private var optionalTable: [Key: Hours?] = [:]

    package func hours(_ scenario: SpotScenario, compute: () -> Hours) -> Hours {
        let key = Key(scenario)
        lock.lock()
        if let hit = table[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        table[key] = value
        lock.unlock()
        return value
    }

    /// Like `hours(_:compute:)` for a method that may not apply (nil is remembered too).
    package func optionalHours(_ scenario: SpotScenario, compute: () throws(SpotError) -> Hours?) throws(SpotError) -> Hours? {
        let key = Key(scenario)
        lock.lock()
        if let hit = optionalTable[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = try compute()
        lock.lock()
        optionalTable[key] = value
        lock.unlock()
        return value
    }
}
