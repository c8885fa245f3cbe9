// swift-tools-version:6.0
import Foundation
import PackageDescription

/// `ESCSIM_STRICT=1 swift build` (what `make strict` and CI do): every warning of escsim's own
/// targets is an error, and the kernel checks its queue's invariants after every operation
/// (as swift-collections' CI builds with COLLECTIONS_INTERNAL_CHECKS). Dependencies are not affected.
let strict = ProcessInfo.processInfo.environment["ESCSIM_STRICT"] == "1"

let testSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]
/// Test targets are not held to warnings-as-errors: Swift Testing's macro expansions warn.
let strictSettings =
    testSettings
    + (strict ? [.unsafeFlags(["-warnings-as-errors"]), .define("DISCRETE_EVENT_INTERNAL_CHECKS")] : [])

let package = Package(
    name: "escsim",
    platforms: [.macOS(.v15)],
    // MARK: - Public API
    products: [
        .library(name: "DiscreteEvent", targets: ["DiscreteEvent"]),
        .library(
            name: "EscalationSim", targets: ["Stochastic", "EscalationModel", "Backtest", "Scenario", "Experiments"]),
        .executable(name: "escsim", targets: ["escsim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // MARK: - Implementation details
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
        ),
        .target(name: "Stochastic", dependencies: ["CGSL"], swiftSettings: strictSettings),
        .target(name: "DiscreteEvent", swiftSettings: strictSettings),
        .target(
            name: "EscalationModel",
            dependencies: ["DiscreteEvent", "Stochastic"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Backtest",
            dependencies: ["EscalationModel", "Stochastic"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Scenario",
            dependencies: ["Backtest", "EscalationModel", "Stochastic", "Yams"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Experiments",
            dependencies: ["Scenario", "EscalationModel", "DiscreteEvent", "Stochastic"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Report",
            dependencies: ["Experiments", "Backtest", "EscalationModel", "Scenario", "Stochastic"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "escsim",
            dependencies: [
                "Experiments", "Scenario", "Backtest", "EscalationModel", "DiscreteEvent", "Stochastic", "Report",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: - Unit test bundles
        .testTarget(name: "StochasticTests", dependencies: ["Stochastic"], swiftSettings: testSettings),
        .testTarget(
            name: "DiscreteEventTests",
            dependencies: ["DiscreteEvent", "Stochastic"],
            swiftSettings: testSettings
        ),
        .testTarget(
            name: "EscalationModelTests",
            dependencies: ["EscalationModel", "DiscreteEvent", "Stochastic"],
            swiftSettings: testSettings
        ),
        .testTarget(
            name: "BacktestTests",
            dependencies: ["Backtest", "EscalationModel", "Stochastic"],
            swiftSettings: testSettings
        ),
        .testTarget(
            name: "ScenarioTests",
            dependencies: ["Scenario", "Backtest", "EscalationModel", "Stochastic"],
            swiftSettings: testSettings
        ),
        .testTarget(
            name: "ExperimentsTests",
            dependencies: ["Experiments", "escsim", "Scenario", "EscalationModel", "DiscreteEvent", "Stochastic"],
            swiftSettings: testSettings
        ),
        .testTarget(
            name: "ReportTests",
            dependencies: ["Report", "Experiments", "EscalationModel", "Scenario", "Stochastic", "escsim"],
            swiftSettings: testSettings
        ),
        .testTarget(
            name: "EscsimCLITests",
            dependencies: ["escsim", "Experiments", "EscalationModel", "Stochastic"],
            swiftSettings: testSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
