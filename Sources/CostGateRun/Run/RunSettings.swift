import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGatePricing
import CostGatePolicy

/// How a run reads and prices, merged in one place for every command, the admission hook, the fuzzer and
/// the tests: costgate's defaults, then the policy's `pricing:` section, then the command line's flags
/// (flags win), then the `--prices` file.
public struct RunSettings: Sendable {
    public var reading: ReadOptions
    public var pricing: PricingSettings
    /// The policy's pricing errors (an instance type the catalog lacks) and the `--prices` file's.
    public var diagnostics: [Diagnostic]

    /// The command line's say, already parsed and checked; nil where a flag was not given.
    public struct Flags: Sendable {
        public var provider: CloudProvider?
        public var region: String?
        public var defaultGPU: GPUModel?
        /// A price-override file, read through the run's file system after the policy.
        public var pricesFile: String?
        /// `--default-duration`, hours: it replaces the policy's defaults for every kind.
        public var defaultDurationHours: Decimal?
        public var hoursPerMonth: Decimal?
        public var daemonSetNodes: Int?
        /// The month CronJob runs are counted in (default: the month of `today`).
        public var month: CalendarMonth?
        public var strictKinds = false

        public init(provider: CloudProvider? = nil, region: String? = nil, defaultGPU: GPUModel? = nil, pricesFile: String? = nil,
                    defaultDurationHours: Decimal? = nil, hoursPerMonth: Decimal? = nil, daemonSetNodes: Int? = nil,
                    month: CalendarMonth? = nil, strictKinds: Bool = false) {
            self.provider = provider
            self.region = region
            self.defaultGPU = defaultGPU
            self.pricesFile = pricesFile
            self.defaultDurationHours = defaultDurationHours
            self.hoursPerMonth = hoursPerMonth
            self.daemonSetNodes = daemonSetNodes
            self.month = month
            self.strictKinds = strictKinds
        }
    }

    public init(reading: ReadOptions, pricing: PricingSettings, diagnostics: [Diagnostic] = []) {
        self.reading = reading
        self.pricing = pricing
        self.diagnostics = diagnostics
    }

    /// The settings of a run on `today` (which picks the CronJob month when no flag does). `fileSystem`
    /// reads the `--prices` file; one that cannot be read is a diagnostic, like its errors.
    public static func resolve(policy: Policy?, flags: Flags = Flags(), today: CalendarDay, fileSystem: any FileSystem) -> RunSettings {
        var reading = ReadOptions(month: today.calendarMonth, strictKinds: flags.strictKinds)
        policy?.pricing.apply(to: &reading)
        if let hours = flags.defaultDurationHours {
            reading.defaultDurationHours = hours
            reading.defaultDurationByKind = [:]
        }
        if let hours = flags.hoursPerMonth { reading.hoursPerMonth = hours }
        if let nodes = flags.daemonSetNodes { reading.daemonSetNodes = nodes }
        if let month = flags.month { reading.month = month }

        var pricing = PricingSettings(catalog: .builtin)
        var diagnostics: [Diagnostic] = []
        if let policy { diagnostics += policy.pricing.apply(to: &pricing, file: policy.file) }
        if let provider = flags.provider {
            pricing.provider = provider
            // The policy's region belongs to the policy's provider: another provider starts from its own default region.
            if flags.region == nil, let policyProvider = policy?.pricing.provider, policyProvider != provider { pricing.region = nil }
        }
        if let region = flags.region { pricing.region = region }
        if let model = flags.defaultGPU { pricing.defaultGPU = model }
        if let file = flags.pricesFile {
            do {
                let bytes = try fileSystem.contents(of: file)
                diagnostics += PriceOverrideFile.apply(bytes, file: file, to: &pricing)
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        return RunSettings(reading: reading, pricing: pricing, diagnostics: diagnostics)
    }
}
