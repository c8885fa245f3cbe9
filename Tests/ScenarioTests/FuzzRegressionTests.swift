import EscalationModel
import Foundation
import Scenario
import Testing

/// Inputs that crashed, hung or exhausted memory in the scenario loader (found with the fuzz
/// target in Fuzz/), each shrunk to its essence. Each must now end in a clean `ScenarioErrors`
/// with a message that says what is wrong; a crash here fails the whole test run.
@Suite struct FuzzRegressionTests {
    /// Deep enough to overflow the stack when Yams composes it (it did at 10,000 levels in a
    /// release build), far past the loader's limit of 128.
    static let deep = String(repeating: "[", count: 20_000)

    /// The problems of `text` with `settings`, as `line:column: message`.
    func problems(in text: String, settings: [String] = []) -> [String] {
        do {
            _ = try Scenario.parse(text, file: "fuzz.yaml", settings: settings)
            return []
        } catch {
            return error.errors.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    // MARK: - Nesting the old byte scan did not see (stack overflow)

    @Test func anApostropheInAPlainScalarDoesNotHideDeepNesting() {
        // The scan took `it's` for the start of a quoted string and skipped the rest of the line.
        let found = problems(in: "horizon_days: [it's, " + Self.deep + "\n")
        #expect(found == ["1:148: YAML nested deeper than 128 levels; a scenario needs at most a handful"])
    }

    @Test func aHashInsideAWordDoesNotHideDeepNesting() {
        // `a#b` is a plain scalar, not a comment: a comment needs a space before the '#'.
        let found = problems(in: "horizon_days: [a#b, " + Self.deep + "\n")
        #expect(found == ["1:147: YAML nested deeper than 128 levels; a scenario needs at most a handful"])
    }

    @Test func anEscapedQuoteDoesNotHideDeepNesting() {
        // The scan ended the string at \" and took the real closing quote for an opening one.
        let found = problems(in: #"horizon_days: ["a\" ", "# + Self.deep + "\n")
        #expect(found == ["1:150: YAML nested deeper than 128 levels; a scenario needs at most a handful"])
    }

    @Test func aDeepValueGivenWithSetIsRefusedWithoutComposingIt() {
        // --set values are composed apart from the file and had no depth check at all.
        let found = problems(in: minimalScenario, settings: ["horizon_days=" + Self.deep])
        #expect(found == ["1:1: the value of 'horizon_days' nests deeper than 128 levels"])
    }

    @Test func nestingWithinTheLimitIsStillRead() {
        // 127 lists inside the top-level mapping: 128 levels, the most allowed.
        let value = String(repeating: "[", count: 127) + "1" + String(repeating: "]", count: 127)
        let found = problems(
            in: minimalScenario.replacingOccurrences(of: "horizon_days: 10", with: "horizon_days: " + value))
        #expect(found == ["3:15: horizon_days must be a number, got a list"])
        #expect(problems(in: minimalScenario, settings: ["horizon_days=" + value]).allSatisfy { !$0.contains("nests") })
    }

    // MARK: - Sweeps too large to allocate (out of memory in `run --sweep`)

    /// `minimalScenario` with a `sweep:` section.
    func sweep(_ section: String) -> String {
        minimalScenario + "\nsweep:\n" + section
    }

    @Test func aLatinHypercubeOfTooManyPointsIsRefused() {
        let found = problems(
            in: sweep(
                """
                  method: latin_hypercube
                  points: 100000000000
                  parameters: {horizon_days: {low: 5, high: 20}}
                """))
        #expect(found == ["16:11: sweep: points must be at most 10000, got 100000000000"])
    }

    @Test func aGridAxisOfTooManyStepsIsRefused() {
        let found = problems(
            in: sweep(
                """
                  method: grid
                  parameters: {horizon_days: {low: 5, high: 20, steps: 100000000000}}
                """))
        #expect(found == ["16:56: sweep: horizon_days: steps must be at most 10000, got 100000000000"])
    }

    @Test func aGridWhoseProductOverflowsIsRefused() {
        // Each axis is small, but 6^26 points overflow Int where `run --sweep` multiplies them.
        let keys = [
            "quality", "morale", "assault_commitment", "commitment", "distraction", "troops_hit_probability",
            "field_strength", "assaults_per_day", "sorties_per_day",
        ]
        var lines = ["  method: grid", "  parameters:"]
        for actor in ["rebels", "government"] {
            lines += keys.map { "    actors.\(actor).\($0): {low: 0.1, high: 0.9, steps: 6}" }
        }
        for region in ["north", "south"] {
            lines += ["population", "garrison", "strategic_value", "fortification"].map {
                "    regions.\(region).\($0): {low: 1, high: 2, steps: 6}"
            }
        }
        let found = problems(in: sweep(lines.joined(separator: "\n")))
        #expect(
            found == [
                "15:3: sweep: the grid has more than 10000 points; use fewer steps or values, or a latin_hypercube"
            ])
    }

    @Test func aGridOfAtMostTenThousandPointsIsAccepted() throws {
        let scenario = try Scenario.parse(
            sweep(
                """
                  method: grid
                  parameters:
                    horizon_days: {low: 5, high: 20, steps: 100}
                    actors.rebels.morale: {values: [0.2, 0.4, 0.6, 0.8, 1.0]}
                    regions.north.garrison: {low: 10, high: 100, steps: 20}
                """))
        #expect(
            scenario.sweep?.parameters.map(\.path) == [
                "horizon_days", "actors.rebels.morale", "regions.north.garrison",
            ])
    }

    // MARK: - Suggestions for long unknown names (quadratic time)

    @Test(.timeLimit(.minutes(1)))
    func longUnknownReferencesAreReportedQuicklyWithoutASuggestion() throws {
        // 30 regions named by 1,000 letters, each listing 3 unknown neighbours as long: 90 edit
        // distances against 30 names of 10^6 cells each took minutes. Now no suggestion is tried.
        let names = (0..<30).map { String(repeating: "r", count: 995) + "n\(1_000 + $0)" }
        let unknown = String(repeating: "z", count: 1_000)
        var text = minimalScenario.components(separatedBy: "regions:")[0] + "regions:\n"
        for (index, name) in names.enumerated() {
            let controller = index == 0 ? "rebels" : "government"
            text +=
                "  \(name): {controller: \(controller), population: 1, garrison: 1, "
                + "neighbours: [\(names[(index + 1) % names.count]), \(unknown), \(unknown), \(unknown)]}\n"
        }
        text +=
            "ladder:\n  - {id: calm, trigger: start}\ncollapse: {actor: government, capital: \(names[1]), "
            + "morale_threshold: 0.1}\n"
        let start = ContinuousClock.now
        let found = problems(in: text)
        let elapsed = ContinuousClock.now - start
        #expect(found.count == 90)
        #expect(
            found.allSatisfy { $0.contains("neighbours refers to unknown region 'zzz") && !$0.contains("did you mean") }
        )
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }

    @Test func shortTyposStillGetASuggestion() {
        let found = problems(
            in: minimalScenario.replacingOccurrences(of: "neighbours: [south]", with: "neighbours: [sowth]"))
        #expect(found == ["8:77: region 'north': neighbours refers to unknown region 'sowth' (did you mean 'south'?)"])
    }
}
