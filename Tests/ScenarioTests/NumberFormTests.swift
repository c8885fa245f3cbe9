import EscalationModel
import Foundation
import Scenario
import Testing

/// Numbers are plain decimals. YAML 1.1 reads more into a plain scalar (base 60, hexadecimal,
/// octal), and a tag changes what a scalar is; escsim refuses all of these where a number is expected.
@Suite struct NumberFormTests {
    static func horizon(_ value: String) -> String {
        minimalScenario.replacingOccurrences(of: "horizon_days: 10", with: "horizon_days: \(value)")
    }

    static let yaml11 = " (escsim reads decimal numbers only, not YAML 1.1's base-60, octal or hexadecimal forms)"

    @Test(arguments: ["1:30", "0x1F", "0o17", "-0x1F", "1:30:00.5"])
    func yaml11NumberFormsAreText(_ value: String) {
        #expect(
            problems(in: Self.horizon(value)) == [
                "3:15: horizon_days must be a number, got the text '\(value)'"
                    + Self.yaml11
            ])
    }

    @Test(arguments: [
        ("!!str 10", "!!str"), ("!!float 10", "!!float"), ("!!int 10", "!!int"),
        ("!custom 10", "!custom"), ("! 10", "!"),
    ])
    func aTaggedScalarIsNotANumber(_ value: String, _ tag: String) {
        #expect(
            problems(in: Self.horizon(value)) == [
                "3:15: horizon_days must be a number, got '10' tagged '\(tag)' (remove the tag)"
            ])
    }

    @Test(arguments: ["10", "+10", "10.", ".5e1", "1e1", "10_0", "1_0.0"])
    func decimalFormsAreNumbers(_ value: String) throws {
        let scenario = try Scenario.parse(Self.horizon(value))
        #expect(scenario.baseParameters.horizonDays == Double(value.replacingOccurrences(of: "_", with: "")))
    }

    /// Words Swift's `Double(_:)` would read as numbers are text here.
    @Test(arguments: ["inf", "nan", "infinity", "0x1p3"])
    func swiftOnlyNumberWordsAreText(_ value: String) {
        #expect(
            problems(in: Self.horizon(value)).first?.hasPrefix("3:15: horizon_days must be a number, got the text")
                == true)
    }

    /// The same rule in a distribution's parameters, a variant and a `--set`.
    @Test func theRuleHoldsInDistributionsVariantsAndSettings() {
        let text =
            minimalScenario.replacingOccurrences(
                of: "field_strength: 1000, assaults_per_day: 1}",
                with: "field_strength: {distribution: uniform, low: 0x10, high: 1000}, assaults_per_day: 1}")
            + "\nvariants:\n  slow: {set: {horizon_days: !!str 20}}\n"
        #expect(
            problems(in: text) == [
                "5:75: actor 'rebels': field_strength: low must be a number, got the text '0x10'" + Self.yaml11,
                "15:30: variant 'slow': horizon_days must be a number, got '20' tagged '!!str' (remove the tag)",
            ])
        do {
            _ = try Scenario.parse(minimalScenario, file: "test.yaml", settings: ["horizon_days=1:30"])
            Issue.record("--set horizon_days=1:30 was accepted")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "--set:1:14: horizon_days must be a number, got the text '1:30'"
                        + Self.yaml11
                ])
        }
    }
}
