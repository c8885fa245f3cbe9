// swift-tools-version:6.1
// The escsim benchmark harness: a package of its own, so that package-benchmark and its
// malloc interposer never become dependencies of the simulator itself.
// Run with `make bench` from the repository root, or
// `swift package --disable-sandbox benchmark` from this directory.
import PackageDescription

/// One executable target per suite; the BenchmarkPlugin generates each one's `main`.
func suite(_ name: String, needs products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")]
            + products.map { .product(name: $0, package: "escsim") },
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "escsim-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // MallocInterposer only: the default traits pull in a package that is not available here.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "escsim", path: ".."),
    ],
    targets: [
        // The event kernel alone: PHOLD, events per second and mallocs per event.
        suite("KernelBenchmarks", needs: ["DiscreteEvent", "EscalationSim"]),
        // GSL draws through Stochastic: nanoseconds per draw.
        suite("StochasticBenchmarks", needs: ["EscalationSim"]),
        // The whole model: batches of replications of the baseline scenario.
        suite("ModelBenchmarks", needs: ["EscalationSim"]),
        // ABC-SMC of the baseline against its observations: six parameters, whole calibrations.
        suite("CalibrationBenchmarks", needs: ["EscalationSim"]),
        // PHOLD on escsim's kernel, for `make bench-compare` beside plain C and SimPy
        // (compare/README.md). A plain executable: no Benchmark dependency, no plugin. Its
        // folder's parent is `compare`, not `Benchmarks`, so `swift package benchmark` does not
        // take it for a suite (the plugin runs executable targets whose parent folder is named
        // "Benchmarks": BenchmarkCommandPlugin.swift, package-benchmark 1.38.1).
        .executableTarget(
            name: "escsim-phold",
            dependencies: [
                .product(name: "DiscreteEvent", package: "escsim"),
                .product(name: "EscalationSim", package: "escsim"),
            ],
            path: "compare/escsim-phold"
        ),
    ],
    swiftLanguageModes: [.v6]
)
