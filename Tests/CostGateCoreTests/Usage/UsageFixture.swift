import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGatePricing
@testable import CostGateUsage

/// The usage fixtures (`Fixtures/usage/`) and the pricing their sacct totals assume.
enum UsageFixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/usage"))
        return Array(try Data(contentsOf: url))
    }

    /// Partition rates (USD per GPU-hour, vCPU-hour, GiB-hour); `cloud-burst` and `debug` have none.
    static var pricing: PricingSettings {
        func rate(_ gpu: String, _ cpu: String, _ gib: String) -> PartitionRate {
            PartitionRate(perAcceleratorHour: Decimal(string: gpu)!, perVCPUHour: Decimal(string: cpu)!, perGiBHour: Decimal(string: gib)!)
        }
        var pricing = PricingSettings(provider: .aws, partitionRates: [
            "gpu-a100": rate("2.00", "0.01", "0.002"),
            "gpu-h100": rate("4.00", "0.01", "0.002"),
            "inference": rate("1.00", "0.01", "0.002"),
            "cpu": rate("0", "0.02", "0.003"),
        ])
        pricing.ratesOrigin = "policy.yaml"
        return pricing
    }

    static func utc(_ text: String) -> Date {
        UsageTimestamp.parse(text, zone: .optionalUTC)!
    }
}

extension Decimal {
    /// `1271.81`: to the cent, for assertions.
    static func usd(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }
}
