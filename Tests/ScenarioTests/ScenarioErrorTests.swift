import Foundation
import Scenario
import Testing

/// Parses `text` and returns every reported problem as `line:column: message`.
func problems(in text: String) -> [String] {
    do {
        _ = try Scenario.parse(text, file: "test.yaml")
        return []
    } catch {
        return error.errors.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }
}

/// A small valid scenario; tests break one thing at a time.
let minimalScenario = """
    escsim: 1
    name: minimal
    horizon_days: 10
    actors:
      rebels: {side: opposition, field_strength: 1000, assaults_per_day: 1}
      government: {side: loyalist, field_strength: 1000}
    regions:
      north: {controller: rebels, population: 1000, garrison: 100, neighbours: [south]}
      south: {controller: government, population: 1000, garrison: 100, neighbours: []}
    ladder:
      - {id: calm, trigger: start}
      - {id: war, trigger: ground_assault}
    collapse: {actor: government, capital: south, morale_threshold: 0.1}
    """

@Suite struct ScenarioErrorTests {
    @Test func theMinimalScenarioIsValid() {
        #expect(problems(in: minimalScenario) == [])
    }

    @Test func everyProblemIsReportedAtOnceWithItsLocation() {
        let text = """
            escsim: 1
            name: broken
            horizon_days: -5
            max_events: 10
            actors:
              rebels: {side: opposition, field_strenght: 1000, morale: 1.5}
              government: {side: loyalist, field_strength: many, quality: .inf}
            regions:
              north: {controller: rebelz, population: 1000, garrison: 100, neighbours: [south, west]}
              south: {controller: government, population: 1000, garrison: 100, neighbours: []}
            ladder:
              - {id: calm, trigger: start}
            collapse: {actor: government, capital: south, morale_threshold: 0.1}
            """
        let found = problems(in: text)
        let expected = [
            "3:15: horizon_days must be positive, got -5",
            "6:30: unknown key 'field_strenght' in actor 'rebels' (did you mean 'field_strength'?)",
            "6:11: actor 'rebels' is missing the required key 'field_strength'",
            "6:60: actor 'rebels': morale must be above 0 and at most 1, got 1.5",
            "7:48: actor 'government': field_strength must be a number, got the text 'many'",
            "7:63: actor 'government': quality must be finite, got .inf",
            "9:23: region 'north': controller refers to unknown actor 'rebelz' (did you mean 'rebels'?)",
            "9:84: region 'north': neighbours refers to unknown region 'west'",
        ]
        for line in expected {
            #expect(found.contains(line), "missing: \(line)\nfound:\n\(found.joined(separator: "\n"))")
        }
        #expect(found.count == expected.count, "found:\n\(found.joined(separator: "\n"))")
    }

    @Test func yamlSyntaxErrorsCarryTheirLocation() {
        let found = problems(in: "escsim: 1\nname: [unclosed\nhorizon_days: 3\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("3:") == true || found.first?.hasPrefix("2:") == true, "\(found)")
        #expect(found.first?.contains("YAML syntax") == true)
    }

    @Test func unknownTopLevelKeysSuggestTheClosestKnownKey() {
        let found = problems(in: minimalScenario.replacingOccurrences(of: "horizon_days: 10", with: "horizon_day: 10"))
        #expect(found.contains("3:1: unknown key 'horizon_day' in the scenario (did you mean 'horizon_days'?)"))
    }

    @Test func duplicateKeysAreErrorsNotSilentlyOverwritten() {
        let found = problems(in: minimalScenario + "\nhorizon_days: 20\n")
        #expect(found.contains { $0.contains("duplicate key 'horizon_days'") }, "\(found)")
    }

    @Test func aDisconnectedRegionGraphIsRefused() {
        let text = minimalScenario.replacingOccurrences(of: "neighbours: [south]", with: "neighbours: []")
        let found = problems(in: text)
        #expect(found.contains { $0.contains("region 'south' cannot be reached from 'north'") }, "\(found)")
    }

    @Test func distributionsAreValidatedBeforeTheyReachGSL() {
        let text = minimalScenario.replacingOccurrences(
            of: "field_strength: 1000, assaults_per_day: 1",
            with:
                "field_strength: {distribution: gamma, mean: -3, sd: 1}, morale: {distribution: normal, mean: 0.5, sd: 0.1}"
        )
        let found = problems(in: text)
        #expect(found.contains { $0.contains("field_strength") && $0.contains("gamma") }, "\(found)")
        #expect(found.contains { $0.contains("morale must be above 0 and at most 1, but normal") }, "\(found)")
    }

    @Test func unknownDistributionFamiliesSuggestTheRightOne() {
        let text = minimalScenario.replacingOccurrences(
            of: "field_strength: 1000, assaults_per_day: 1",
            with: "field_strength: {distribution: gama, shape: 2, scale: 3}")
        let found = problems(in: text)
        #expect(found.contains { $0.contains("unknown distribution 'gama' (did you mean 'gamma'?)") }, "\(found)")
    }

    @Test func invalidUTF8IsReportedWithItsPosition() {
        var bytes = Array("escsim: 1\nname: caf".utf8)
        bytes.append(0xE9)  // Latin-1 'é', not UTF-8
        bytes += Array("\n".utf8)
        do {
            _ = try ScenarioSource(bytes: bytes, file: "latin1.yaml")
            Issue.record("non-UTF-8 input was accepted")
        } catch {
            #expect(error.description == "latin1.yaml:2:10: file is not valid UTF-8 (byte 0xE9); save it as UTF-8")
        }
    }

    @Test func deepNestingIsRefusedBeforeLibyamlRecursesIntoIt() {
        let text = "escsim: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n"
        let found = problems(in: text)
        #expect(found.count == 1)
        #expect(found.first == "1:136: YAML nested deeper than 128 levels; a scenario needs at most a handful")
    }

    @Test func referencesToMissingCollapseTargetsAreReported() {
        let text = minimalScenario.replacingOccurrences(of: "capital: south", with: "capital: sowth")
        #expect(
            problems(in: text).contains {
                $0.contains("collapse: capital refers to unknown region 'sowth' (did you mean 'south'?)")
            })
    }
}
