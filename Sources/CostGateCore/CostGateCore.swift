// The library product: every stage of costgate under one name, for the CLI, the fuzz targets and
// embedders. Each stage is its own target (docs/architecture.md), so the compiler keeps the flow
// one way; this umbrella only re-exports them.
@_exported import CostGateBasics
@_exported import CostGateYAML
@_exported import CostGateWorkloads
@_exported import CostGateSpot
@_exported import CostGatePricing
@_exported import CostGateEstimation
@_exported import CostGateLedger
@_exported import CostGatePolicy
@_exported import CostGateUsage
@_exported import CostGateRun
@_exported import CostGateReporting
