import Foundation
import CLibFuzzer
import EscalationModel
import Experiments
import Scenario
import Stochastic

/// One fuzz input as the command line would see it: the file's bytes, and the `--variant` and
/// `--set` options taken from an optional first line `#! item; item; ...` (a YAML comment, so
/// it stays part of the file and line numbers match what `escsim validate` reports).
/// An item `variant=NAME` is `--variant NAME`; any other item is `--set ITEM`.
struct FuzzInput {
    /// At most this many `--set` items: each composes a YAML document padded to the file's
    /// length, so thousands of them would time out without telling anything new.
    static let maximumSettings = 8

    var bytes: [UInt8]
    var variant: String?
    var settings: [String] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        guard bytes.starts(with: Array("#!".utf8)) else { return }
        let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        // Lossy on purpose: the options come from argv, which Swift also decodes leniently.
        let header = String(decoding: bytes[2..<end], as: UTF8.self)
        for item in header.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            if item.hasPrefix("variant=") {
                variant = String(item.dropFirst("variant=".count))
            } else if settings.count < Self.maximumSettings {
                settings.append(item)
            }
        }
    }
}

/// The path `escsim run` and `escsim validate` take: bytes checked by `ScenarioSource`, then
/// composed and decoded with the variant and settings, then (for a valid scenario) every variant
/// loaded as `--variants all` does, one replication's parameters drawn, and the sweep expanded.
/// A thrown `ScenarioErrors` or `ExperimentError` is a normal outcome; only a crash, a hang or
/// runaway memory is a finding.
func exercise(_ input: FuzzInput) {
    let file = "fuzz.yaml"
    let source: ScenarioSource
    do {
        source = try ScenarioSource(bytes: input.bytes, file: file)
    } catch {
        return
    }
    // The same bytes as an observation file and as a posterior.csv: both readers share the
    // scenario's checks and must turn any input into problems, never a crash.
    do {
        _ = try ObservationFile.parse(source.text, file: file, vocabulary: observationVocabulary)
    } catch {
        precondition(!error.errors.isEmpty && error.errors.allSatisfy { !$0.message.isEmpty })
    }
    _ = try? PosteriorFile.parse(source.text, file: file, uncertainPaths: ["combat.lethality_per_day"])
    let scenario: Scenario
    do {
        scenario = try Scenario.parse(source.text, file: file, variant: input.variant, settings: input.settings)
    } catch {
        // Every problem must carry a message: an empty one would be a silent failure for the user.
        precondition(!error.errors.isEmpty && error.errors.allSatisfy { !$0.message.isEmpty })
        return
    }
    let seeds = StreamSeeds(masterSeed: 1)
    _ = scenario.draw.parameters(forReplication: 0, seeds: seeds)
    for variant in scenario.variants.prefix(4) {
        if let other = try? Scenario.parse(source.text, file: file, variant: variant.name, settings: input.settings) {
            _ = other.draw.parameters(forReplication: 0, seeds: seeds)
        }
    }
    if scenario.sweep != nil, let points = try? SweepDesign.points(of: scenario.sweep, seed: 1), let first = points.first {
        // The first point as `run --sweep` loads it: the sweep's settings after the user's.
        _ = try? Scenario.parse(source.text, file: file, variant: input.variant, settings: input.settings + first.map(\.setting))
    }
}

/// What fuzzed observation files may refer to: a few outcomes and series of each kind.
let observationVocabulary = ObservationVocabulary(
    scenarioName: "aleppo-2024",
    outcomes: [
        OutcomeColumn(name: "aleppo_city_fall_day", kind: .day, description: ""),
        OutcomeColumn(name: "civilians_killed", kind: .quantity, description: ""),
        OutcomeColumn(name: "regime_collapsed", kind: .indicator, description: ""),
    ],
    series: ["civilians_displaced", "losses_regime", "reinforcements_iran"], horizonDays: 30)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    exercise(FuzzInput(bytes))
    return 0
}

/// SwiftPM links an executable with `main` defined as `<module>_main` (so tests can link the
/// module), and -parse-as-library emits no such function: without this one the link fails with
/// "undefined symbol 'ScenarioFuzzer_main'". It does what libFuzzer's own `main` does.
@_cdecl("ScenarioFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzScenario(data, size) }
}
