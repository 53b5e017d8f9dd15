/// Where the per-instance interruption rate `λ` comes from: given directly, or read from a band (§3.1).
///
/// JSON form: `{"rate_per_instance_hour": 0.002}` or
/// `{"band": "10-15%", "provider": "aws", "window_hours": 730, "estimate": "mid"}` (`window_hours` and
/// `estimate` optional; the window defaults by provider).
public enum InterruptionSource: Sendable, Hashable {
    /// Interruptions per instance-hour, `≥ 0`.
    case rate(perInstanceHour: Double)
    /// A published band; `windowHours` nil means the provider's default window.
    case band(InterruptionBand, provider: SpotProvider, windowHours: Double? = nil, estimate: InterruptionBand.Estimate = .mid)

    /// `λ`, interruptions per instance-hour.
    public var ratePerInstanceHour: Double {
        switch self {
        case .rate(let rate):
            return rate
        case .band(let band, let provider, let window, let estimate):
            return band.ratePerInstanceHour(windowHours: window ?? provider.defaultWindowHours, estimate: estimate)
        }
    }

    /// The window actually used for a band, hours (nil for a direct rate).
    public var effectiveWindowHours: Double? {
        switch self {
        case .rate: return nil
        case .band(_, let provider, let window, _): return window ?? provider.defaultWindowHours
        }
    }

    /// One-line provenance for reports: `aws band 10-15% (mid f = 0.125 over 730 h)`.
    public var summary: String {
        switch self {
        case .rate(let rate):
            return "rate \(rate) per instance-hour"
        case .band(let band, let provider, _, let estimate):
            let window = effectiveWindowHours ?? provider.defaultWindowHours
            return "\(provider.rawValue) band \(band.spelling(for: provider)) (\(estimate.rawValue) f = \(band.fraction(estimate)) over \(window) h)"
        }
    }

    package func validated(field: String) throws(SpotError) -> InterruptionSource {
        switch self {
        case .rate(let rate):
            guard rate.isFinite, rate >= 0 else {
                throw .invalidValue(field: field + ".rate_per_instance_hour", value: "\(rate)", requirement: "must be a number ≥ 0")
            }
        case .band(_, _, let window, _):
            if let window, !(window.isFinite && window > 0) {
                throw .invalidValue(field: field + ".window_hours", value: "\(window)", requirement: "must be a number > 0")
            }
        }
        return self
    }
}

extension InterruptionSource: Codable {
    package enum CodingKeys: String, CodingKey {
        case ratePerInstanceHour = "rate_per_instance_hour"
        case band
        case provider
        case windowHours = "window_hours"
        case estimate
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let field = decoder.codingPath.map(\.stringValue).joined(separator: ".")
        let path = field.isEmpty ? "interruption" : field
        let rate = try container.decodeIfPresent(Double.self, forKey: .ratePerInstanceHour)
        let bandText = try container.decodeIfPresent(String.self, forKey: .band)
        switch (rate, bandText) {
        case (let rate?, nil):
            self = try InterruptionSource.rate(perInstanceHour: rate).validated(field: path)
        case (nil, let bandText?):
            guard let band = InterruptionBand(spelling: bandText) else {
                throw SpotError.unknownBand(field: path + ".band", spelling: bandText)
            }
            let providerText = try container.decodeIfPresent(String.self, forKey: .provider) ?? SpotProvider.generic.rawValue
            guard let provider = SpotProvider(rawValue: providerText.lowercased()) else {
                throw SpotError.unknownProvider(field: path + ".provider", name: providerText)
            }
            let estimateText = try container.decodeIfPresent(String.self, forKey: .estimate) ?? InterruptionBand.Estimate.mid.rawValue
            guard let estimate = InterruptionBand.Estimate(rawValue: estimateText.lowercased()) else {
                throw SpotError.unknownBandEstimate(field: path + ".estimate", name: estimateText)
            }
            let window = try container.decodeIfPresent(Double.self, forKey: .windowHours)
            self = try InterruptionSource.band(band, provider: provider, windowHours: window, estimate: estimate)
                .validated(field: path)
        default:
            throw SpotError.ambiguousInterruption(field: path)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .rate(let rate):
            try container.encode(rate, forKey: .ratePerInstanceHour)
        case .band(let band, let provider, let window, let estimate):
            try container.encode(band.spelling(for: provider), forKey: .band)
            try container.encode(provider.rawValue, forKey: .provider)
            // Defaults stay implicit so a job file re-encodes to the keys it was written with.
            try container.encodeIfPresent(window, forKey: .windowHours)
            if estimate != .mid { try container.encode(estimate.rawValue, forKey: .estimate) }
        }
    }
}
