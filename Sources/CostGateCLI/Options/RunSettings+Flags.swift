import ArgumentParser
import CostGateCore
import CostGateRun

extension RunSettings.Flags {
    /// A command's reading and pricing flags, parsed and checked: the reading flags first, so a usage
    /// error names the first bad flag the way it always did. `reading` is nil for commands without them.
    init(reading: ReadingOptions?, pricing: PricingOptions) throws {
        self.init()
        try reading?.parse(into: &self)
        try pricing.parse(into: &self)
    }
}
