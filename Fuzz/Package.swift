// swift-tools-version:6.0
// The libFuzzer target for the scenario loader: a package of its own, so that the main package's
// `swift build` and `swift test` never compile it and never see the sanitizer flags it needs.
// Build and run with `Fuzz/run-fuzz.sh` (README.md in this folder says how and why).
import PackageDescription

let package = Package(
    name: "escsim-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "escsim", path: ".."),
    ],
    targets: [
        // The one libFuzzer function the target calls (a header only; -sanitize=fuzzer links it).
        .systemLibrary(name: "CLibFuzzer", path: "Sources/CLibFuzzer"),
        // Built with -sanitize=fuzzer and -parse-as-library; libFuzzer calls `LLVMFuzzerTestOneInput`
        // once per input.
        .executableTarget(
            name: "ScenarioFuzzer",
            dependencies: ["CLibFuzzer", .product(name: "EscalationSim", package: "escsim")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
