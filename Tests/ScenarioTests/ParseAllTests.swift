import EscalationModel
import Foundation
import Stochastic
import Testing

@testable import Scenario

/// `Scenario.parseAll` loads a file once for many variants and gives what `parse` gives for each.
@Suite struct ParseAllTests {
    static let aleppoPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/aleppo-2024.yaml").path

    /// The shipped baseline with `extra` generated variants added before its own.
    static func aleppo(extraVariants extra: Int) throws -> String {
        let engine = URL(fileURLWithPath: aleppoPath).deletingLastPathComponent().appendingPathComponent("engine.yaml")
        let text = try String(contentsOfFile: aleppoPath, encoding: .utf8)
            .replacingOccurrences(of: "engine: engine.yaml", with: "engine: \(engine.path)")
        let generated = (0..<extra).map { index in
            "  generated_\(index):\n    description: generated\n    set:\n"
                + "      actors.russia.sorties_per_day: \(index % 40)\n"
        }.joined()
        return text.replacingOccurrences(of: "\nvariants:\n", with: "\nvariants:\n" + generated)
    }

    static func expectSame(_ a: Scenario, _ b: Scenario, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.name == b.name && a.title == b.title && a.variant == b.variant, sourceLocation: sourceLocation)
        #expect(
            a.variants == b.variants && a.settings == b.settings && a.sweep == b.sweep, sourceLocation: sourceLocation)
        #expect(a.source.bytes == b.source.bytes && a.source.file == b.source.file, sourceLocation: sourceLocation)
        #expect(a.baseParameters == b.baseParameters, sourceLocation: sourceLocation)
        #expect(a.uncertainParameters.map(\.path) == b.uncertainParameters.map(\.path), sourceLocation: sourceLocation)
        #expect(
            a.uncertainParameters.map(\.distribution) == b.uncertainParameters.map(\.distribution),
            sourceLocation: sourceLocation)
        #expect(
            a.uncertainParameters.map(\.stream) == b.uncertainParameters.map(\.stream), sourceLocation: sourceLocation)
        #expect(
            a.uncertainParameters.map(\.target) == b.uncertainParameters.map(\.target), sourceLocation: sourceLocation)
    }

    @Test func eachScenarioIsTheOneParseGives() throws {
        let text = try Self.aleppo(extraVariants: 3)
        let names: [String?] = [nil, "russia_air_surge", "generated_1", "hezbollah_intact", "baseline"]
        let settings: [[String]] = [[], [], ["horizon_days=12"], ["actors.iran.distraction=0.5"], ["max_events=99"]]
        let all = try Scenario.parseAll(text, file: "a.yaml", variants: names, settings: settings)
        #expect(all.count == names.count)
        for (index, name) in names.enumerated() {
            Self.expectSame(
                all[index], try Scenario.parse(text, file: "a.yaml", variant: name, settings: settings[index]))
        }
        let plain = try Scenario.parseAll(text, file: "a.yaml", variants: names)
        for (index, name) in names.enumerated() {
            Self.expectSame(plain[index], try Scenario.parse(text, file: "a.yaml", variant: name))
        }
    }

    /// The same problems as `parse`, for the file and for a selection.
    @Test func problemsAreTheOnesParseReports() {
        let broken = minimalScenario + "\nvariants:\n  surge: {set: {actors.rebels.assaults_per_day: -2}}\n"
        for (variant, settings) in [
            (String?.none, [String]()), ("surge", []), ("surge", ["horizon_days=0"]),
            ("surgee", []),
        ] {
            var fromParse: ScenarioErrors?
            var fromAll: ScenarioErrors?
            do { _ = try Scenario.parse(broken, file: "b.yaml", variant: variant, settings: settings) } catch {
                fromParse = error
            }
            do { _ = try Scenario.parseAll(broken, file: "b.yaml", variants: [variant], settings: [settings]) } catch {
                fromAll = error
            }
            #expect(fromParse != nil && fromParse == fromAll, "\(String(describing: variant)) \(settings)")
        }
    }

    /// Linear set-up, counted rather than timed: one compose, and one decode for the baseline and
    /// each variant (plus the sweep's probe), however many variants are asked for. Parsing each
    /// variant on its own composed the file V times and decoded it about V^2 times.
    @Test(arguments: [10, 60])
    func manyVariantsAreLoadedOnce(extra: Int) throws {
        let text = try Self.aleppo(extraVariants: extra)
        let variants = extra + 5  // the shipped file's five
        let names = try Scenario.parse(text).variants.map { Optional($0.name) }
        let counter = ScenarioFile.LoadCounter()
        let all = try ScenarioFile.$loadCounter.withValue(counter) {
            try Scenario.parseAll(text, variants: [nil] + names)
        }
        #expect(all.count == variants + 1)
        #expect(counter.composeCount == 1)
        // The baseline, each variant, and the sweep at its low and at its high ends.
        #expect(counter.decodeCount == 1 + variants + 2)
        // With a setting on top each scenario is decoded once more: still linear.
        let withSettings = ScenarioFile.LoadCounter()
        _ = try ScenarioFile.$loadCounter.withValue(withSettings) {
            try Scenario.parseAll(
                text, variants: [nil] + names,
                settings: Array(repeating: ["horizon_days=20"], count: variants + 1))
        }
        #expect(withSettings.composeCount == 1)
        #expect(withSettings.decodeCount == 1 + variants + 2 + (variants + 1))
    }
}
