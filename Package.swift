// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "escsim",
    platforms: [.macOS(.v15)],
    // MARK: - Public API
    products: [
        .library(name: "DiscreteEvent", targets: ["DiscreteEvent"]),
        .library(name: "EscalationSim", targets: ["Stochastic", "EscalationModel", "Scenario", "Experiments"]),
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
            name: "Scenario",
            dependencies: ["EscalationModel", "Stochastic", "Yams"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Experiments",
            dependencies: ["Scenario", "EscalationModel", "DiscreteEvent", "Stochastic"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Report",
            dependencies: ["Experiments", "EscalationModel", "Stochastic"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "escsim",
            dependencies: [
                "Experiments", "Scenario", "EscalationModel", "DiscreteEvent", "Stochastic", "Report",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: - Unit test bundles
        .testTarget(name: "StochasticTests", dependencies: ["Stochastic"], swiftSettings: strictSettings),
        .testTarget(
            name: "DiscreteEventTests",
            dependencies: ["DiscreteEvent", "Stochastic"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EscalationModelTests",
            dependencies: ["EscalationModel", "DiscreteEvent", "Stochastic"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ScenarioTests",
            dependencies: ["Scenario", "EscalationModel", "Stochastic"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ExperimentsTests",
            dependencies: ["Experiments", "Scenario", "EscalationModel", "DiscreteEvent", "Stochastic"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ReportTests",
            dependencies: ["Report", "Experiments", "EscalationModel", "Stochastic", "escsim"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EscsimCLITests",
            dependencies: ["escsim", "Stochastic"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
