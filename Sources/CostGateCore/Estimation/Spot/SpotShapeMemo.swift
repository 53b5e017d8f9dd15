import Foundation

/// The exact distribution's quantiles in hours, remembered by everything but the prices: `estimate`
/// meets the same run time, gang, rate and checkpoints at many prices (models, regions, replicas), and
/// cost is `p_spot` × billed hours. Shared by the cores of one estimation run.
final class SpotShapeMemo: @unchecked Sendable {
    /// A scenario without its prices.
    struct Key: Hashable {
        var workHours: Double
        var writeHours: Double
        var layout: SegmentLayout
        var rate: Double
        var restartHours: Double
        var billedFraction: Double
        var maxRuntime: Double?

        init(_ s: SpotScenario) {
            (workHours, writeHours, layout, rate) = (s.workHours, s.writeHours, s.layout, s.rate)
            (restartHours, billedFraction, maxRuntime) = (s.restartHours, s.billedFraction, s.maxRuntime)
        }
    }

    /// P50, P90, P99 of billed hours (`run + β·rst`) and of wall hours.
    struct Hours: Sendable {
        var billed: [Double]
        var wall: [Double]
    }

    private let lock = NSLock()
    private var table: [Key: Hours] = [:]
    private var optionalTable: [Key: Hours?] = [:]

    func hours(_ scenario: SpotScenario, compute: () -> Hours) -> Hours {
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
    func optionalHours(_ scenario: SpotScenario, compute: () throws(SpotError) -> Hours?) throws(SpotError) -> Hours? {
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
