import CostGateSpot

/// An AWS Spot Instance Advisor interruption band: how often, over the trailing 30 days, instances
/// of a type were interrupted in a region (Linux). The spot model turns a band into a rate.
///
/// Raw values are the feed's labels (`ranges[].label` in `spot-advisor-data.json`).
public enum SpotBand: String, Sendable, Hashable, CaseIterable, Comparable {
    case under5 = "<5%"
    case from5To10 = "5-10%"
    case from10To15 = "10-15%"
    case from15To20 = "15-20%"
    case over20 = ">20%"

    /// The feed's label, e.g. `>20%`.
    public var label: String { rawValue }

    /// The feed's range index, 0 (`<5%`) to 4 (`>20%`).
    public var index: Int {
        switch self {
        case .under5: return 0
        case .from5To10: return 1
        case .from10To15: return 2
        case .from15To20: return 3
        case .over20: return 4
        }
    }

    /// The feed's `max` for the range, in percent: 5, 11, 16, 22, 100.
    public var maxPercent: Int { [5, 11, 16, 22, 100][index] }

    /// The band with the feed's range index `index` (0–4).
    public init?(index: Int) {
        guard Self.allCases.indices.contains(index) else { return nil }
        self = Self.allCases[index]
    }

    public static func < (lhs: SpotBand, rhs: SpotBand) -> Bool { lhs.index < rhs.index }
}

extension SpotBand {
    /// The same band as the spot model reads it (spot-model.md §3.1).
    public var interruptionBand: InterruptionBand {
        switch self {
        case .under5: return .under5
        case .from5To10: return .from5To10
        case .from10To15: return .from10To15
        case .from15To20: return .from15To20
        case .over20: return .over20
        }
    }
}
