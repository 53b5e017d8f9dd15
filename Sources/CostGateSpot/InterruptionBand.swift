#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// An interruption-frequency band as AWS Spot Instance Advisor or Azure Spot publish it (§3.1).
///
/// The raw value is the AWS spelling; `init(spelling:)` also accepts the Azure ones.
public enum InterruptionBand: String, Sendable, Hashable, CaseIterable, Codable {
    case under5 = "<5%"
    case from5To10 = "5-10%"
    case from10To15 = "10-15%"
    case from15To20 = "15-20%"
    case over20 = ">20%"

    /// Which representative fraction of a band to use.
    public enum Estimate: String, Sendable, Hashable, CaseIterable, Codable {
        /// Band midpoint; the open top band uses 0.25.
        case mid
        /// Upper edge; the open top band uses 0.30.
        case upper
    }

    /// Accepts `<5%`, `0-5%`, `0-5`, `5-10%`, `5-10`, …, `>20%`, `20+%`, `20+` (surrounding blanks ignored).
    /// The band costgate assumes where a provider publishes no interruption figure (GCP, Azure,
    /// on-prem): 10-15 % of instances interrupted within a month, read over the generic 730 h window.
    public static let defaultWhereUnpublished = InterruptionBand.from10To15

    public init?(spelling: String) {
        let text = String(spelling.filter { !$0.isWhitespace })
        switch text {
        case "<5%", "0-5%", "0-5": self = .under5
        case "5-10%", "5-10": self = .from5To10
        case "10-15%", "10-15": self = .from10To15
        case "15-20%", "15-20": self = .from15To20
        case ">20%", "20+%", "20+": self = .over20
        default: return nil
        }
    }

    /// The provider's style: AWS `<5%` … `>20%`, Azure `0-5%` … `20+%` (as in the vectors); generic uses AWS's.
    public func spelling(for provider: SpotProvider) -> String {
        guard provider == .azure else { return rawValue }
        switch self {
        case .under5: return "0-5%"
        case .from5To10: return "5-10%"
        case .from10To15: return "10-15%"
        case .from15To20: return "15-20%"
        case .over20: return "20+%"
        }
    }

    /// The fraction `f` of instances interrupted within the provider's window.
    public func fraction(_ estimate: Estimate) -> Double {
        switch (self, estimate) {
        case (.under5, .mid): return 0.025
        case (.from5To10, .mid): return 0.075
        case (.from10To15, .mid): return 0.125
        case (.from15To20, .mid): return 0.175
        case (.over20, .mid): return 0.25
        case (.under5, .upper): return 0.05
        case (.from5To10, .upper): return 0.10
        case (.from10To15, .upper): return 0.15
        case (.from15To20, .upper): return 0.20
        case (.over20, .upper): return 0.30
        }
    }

    /// Interruptions per instance-hour: `λ = −ln(1 − f) / H`, computed as `−log1p(−f) / H`.
    public func ratePerInstanceHour(windowHours: Double, estimate: Estimate = .mid) -> Double {
        -log1p(-fraction(estimate)) / windowHours
    }

    /// A likely intended band for a misspelling such as `10-15 %` or `>20`, if one is obvious.
    package static func suggestion(for spelling: String) -> InterruptionBand? {
        let digits = spelling.filter { $0.isNumber || $0 == "-" || $0 == "+" || $0 == "<" || $0 == ">" }
        if let band = InterruptionBand(spelling: digits) { return band }
        if let band = InterruptionBand(spelling: digits + "%") { return band }
        switch digits {
        case "<5", "5": return .under5
        case ">20", "20": return .over20
        default: return nil
        }
    }
}
