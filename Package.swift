// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "costgate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "costgate", targets: ["costgate"]),
        .library(name: "CostGateCore", targets: ["CostGateCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already resolved through postgres-nio: named here only so the admission server can use their products.
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "CHTTPPost",
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),
        // What every stage shares: diagnostics with source locations, exact numbers and their text (money,
        // decimals, percentages), calendar months and days, JSON values and documents, byte buffers, exit statuses.
        .target(name: "CostGateBasics"),
        // YAML read with libyaml into one flat tree per stream, and the cursors every reader decodes it with
        // (manifests, policies, price files): key paths, source locations, typed accessors, strict keys.
        .target(name: "CostGateYAML", dependencies: ["CLibYAML", "CostGateBasics"]),
        // What a workload is and how it is read: the input files, the Kubernetes and SLURM readers, the one
        // normalized workload model every later stage uses, and the GPU vocabulary (models, MIG, providers).
        .target(name: "CostGateWorkloads", dependencies: ["CostGateBasics", "CostGateYAML"]),
        // The spot model (spot-model.md): interruptions, checkpoints, the exact distribution and the
        // simulation. Pure arithmetic on one job; it knows nothing of manifests, prices or policies.
        .target(name: "CostGateSpot", dependencies: ["CostGateBasics"]),
        // Prices: the dated built-in catalog (instances, accelerators, spot prices and interruption bands, with
        // sources), overrides from policies and --prices files, and the per-GPU derivations.
        .target(name: "CostGatePricing", dependencies: ["CostGateBasics", "CostGateYAML", "CostGateWorkloads", "CostGateSpot"]),
        // One workload's cost: prices per role, replicas, run time and runs a month, the spot model on spot
        // capacity, bounds on what can be priced at all.
        .target(name: "CostGateEstimation",
                dependencies: ["CostGateBasics", "CostGateWorkloads", "CostGatePricing", "CostGateSpot"]),
        // The spend ledger: what runs committed, so monthly quotas count them (SQLite here, PostgreSQL in
        // CostGatePostgres), and where a ledger lives.
        .target(name: "CostGateLedger", dependencies: ["CostGateBasics", .product(name: "GRDB", package: "GRDB.swift")]),
        // Budget policies (teams, quotas, rules, exceptions, the policy's pricing, audit and admission sections)
        // and the gate that checks estimates against them.
        .target(name: "CostGatePolicy",
                dependencies: ["CostGateBasics", "CostGateYAML", "CostGateWorkloads", "CostGatePricing", "CostGateSpot",
                               "CostGateEstimation", "CostGateLedger"]),
        // Actual spend imported from FOCUS, OpenCost and sacct exports, as usage records.
        .target(name: "CostGateUsage", dependencies: ["CostGateBasics", "CostGateWorkloads", "CostGatePricing"]),
        // The pipelines: read, estimate and gate a tree (estimate, check), compare two trees (diff), audit a
        // month against quotas with alerts, decide one submission (SLURM job_submit, Kubernetes admission).
        .target(name: "CostGateRun",
                dependencies: ["CostGateBasics", "CostGateYAML", "CostGateWorkloads", "CostGateSpot", "CostGatePricing",
                               "CostGateEstimation", "CostGateLedger", "CostGatePolicy", "CostGateUsage", "CHTTPPost"]),
        // Every report of a run's result: text, JSON, Markdown, SARIF, JUnit, GitHub annotations, Prometheus.
        .target(name: "CostGateReporting",
                dependencies: ["CostGateBasics", "CostGateWorkloads", "CostGateSpot", "CostGatePricing", "CostGateEstimation",
                               "CostGateLedger", "CostGatePolicy", "CostGateUsage", "CostGateRun"]),
        // The library product: re-exports every stage under one name.
        .target(
            name: "CostGateCore",
            dependencies: ["CostGateBasics", "CostGateYAML", "CostGateWorkloads", "CostGateSpot", "CostGatePricing",
                           "CostGateEstimation", "CostGateLedger", "CostGatePolicy", "CostGateUsage", "CostGateRun",
                           "CostGateReporting"]
        ),
        // The PostgreSQL ledger store lives apart so the core stays quick to build without SwiftNIO.
        .target(
            name: "CostGatePostgres",
            dependencies: ["CostGateLedger", "CostGateBasics", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // The Kubernetes admission webhook's HTTPS server: SwiftNIO directly, the decision stays in the core.
        .target(
            name: "CostGateAdmissionServer",
            dependencies: [
                "CostGateCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "CostGateCLI",
            dependencies: [
                "CostGateCore",
                "CostGatePostgres",
                "CostGateAdmissionServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "CAllocator",
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .executableTarget(
            name: "costgate",
            dependencies: ["CAllocator", "CostGateCLI"]
        ),
        // libFuzzer targets for the readers (Fuzz/README.md); a plain build replays inputs instead.
        .executableTarget(
            name: "costgate-fuzz",
            dependencies: ["CostGateCore"],
            path: "Fuzz/CostGateFuzz"
        ),
        .target(
            name: "CostGateTestSupport",
            path: "Tests/CostGateTestSupport"
        ),
        .testTarget(
            name: "CostGateBasicsTests",
            dependencies: ["CostGateBasics", "CostGateTestSupport"]
        ),
        .testTarget(
            name: "CostGateYAMLTests",
            dependencies: ["CostGateYAML", "CostGateBasics", "CostGateTestSupport"]
        ),
        .testTarget(
            name: "CostGateWorkloadsTests",
            dependencies: ["CostGateWorkloads", "CostGateYAML", "CostGateBasics", "CostGateTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CostGatePricingTests",
            dependencies: ["CostGatePricing", "CostGateWorkloads", "CostGateSpot", "CostGateBasics", "CostGateTestSupport"]
        ),
        .testTarget(
            name: "CostGateEstimationTests",
            dependencies: ["CostGateEstimation", "CostGateWorkloads", "CostGateBasics", "CostGateTestSupport"]
        ),
        .testTarget(
            name: "CostGateLedgerTests",
            dependencies: ["CostGateLedger", "CostGateBasics", "CostGateTestSupport"]
        ),
        .testTarget(
            name: "CostGatePolicyTests",
            dependencies: ["CostGatePolicy", "CostGateEstimation", "CostGatePricing", "CostGateWorkloads", "CostGateYAML",
                           "CostGateLedger", "CostGateSpot", "CostGateBasics", "CostGateTestSupport"]
        ),
        .testTarget(
            name: "CostGateSpotTests",
            dependencies: ["CostGateSpot", "CostGateBasics", "CostGateTestSupport"]
        ),
        .testTarget(
            name: "CostGateCoreTests",
            dependencies: ["CostGateCore", "CostGateTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CAllocatorTests",
            dependencies: ["CAllocator"]
        ),
        .testTarget(
            name: "CostGateCLITests",
            dependencies: ["CostGateCLI", "CostGateCore", "CostGateTestSupport", "costgate"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
