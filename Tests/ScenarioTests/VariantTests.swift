import EscalationModel
import Foundation
import Scenario
import Stochastic
import Testing

@Suite struct VariantTests {
    @Test func everyShippedVariantLoadsAndChangesWhatItSays() throws {
        let baseline = try Scenario.load(path: ShippedScenarios.baseline)
        #expect(
            baseline.variants.map(\.name) == [
                "russia_air_surge", "iran_reinforces", "turkey_restrains_sna",
                "hezbollah_intact", "ceasefire_push",
            ])
        let surge = try Scenario.load(path: ShippedScenarios.baseline, variant: "russia_air_surge")
        #expect(surge.variant == "russia_air_surge")
        let russia = surge.baseParameters.actors.firstIndex { $0.id == "russia" }!
        #expect(surge.baseParameters.actors[russia].sortiesPerDay == 40)
        #expect(baseline.baseParameters.actors[russia].sortiesPerDay == 12)
        // Everything else is the baseline's.
        var restored = surge.baseParameters
        restored.actors[russia] = baseline.baseParameters.actors[russia]
        #expect(restored == baseline.baseParameters)
    }

    /// Common random numbers: a variant that changes only Russia leaves every other stream's draws
    /// identical - the other uncertain parameters' draws, and the first draws of every stream the
    /// model builds except Russia's own.
    @Test func aVariantThatChangesOnlyRussiaLeavesEveryOtherStreamAlone() throws {
        let baseline = try Scenario.load(path: ShippedScenarios.baseline)
        let surge = try Scenario.load(path: ShippedScenarios.baseline, variant: "russia_air_surge")
        let seeds = StreamSeeds(masterSeed: 2024)
        let hezbollah = baseline.uncertainParameters.firstIndex { $0.path == "actors.hezbollah.field_strength" }!
        let russia = baseline.uncertainParameters.firstIndex { $0.path == "actors.russia.commitment" }!
        var russianDrawsDiffer = 0
        for replication in 0..<200 {
            let (_, base) = baseline.draw.parameters(forReplication: replication, seeds: seeds)
            let (_, variant) = surge.draw.parameters(forReplication: replication, seeds: seeds)
            #expect(base[hezbollah] == variant[hezbollah])
            if base[russia] != variant[russia] { russianDrawsDiffer += 1 }
        }
        #expect(russianDrawsDiffer == 200)  // the one thing the variant changed

        let russiaIndex = baseline.baseParameters.actors.firstIndex { $0.id == "russia" }!
        let untouched =
            [
                StreamLayout.combat, StreamLayout.airstrikeEffects, StreamLayout.cascade,
                StreamLayout.mediation, StreamLayout.chemicalWeapons,
            ]
            + baseline.baseParameters.actors.indices.filter { $0 != russiaIndex }.flatMap {
                [StreamLayout.actor($0), StreamLayout.actorParameters($0)]
            }
        for stream in untouched {
            let a = RandomStream(seeds: seeds, replication: 5, stream: stream)
            let b = RandomStream(seeds: seeds, replication: 5, stream: stream)
            #expect((0..<100).map { _ in a.uniform() } == (0..<100).map { _ in b.uniform() })
        }
    }

    @Test func aVariantThatSetsAMissingPathIsReportedWhereItIsWritten() {
        let text =
            minimalScenario + """

                variants:
                  typo:
                    set:
                      actors.rebles.morale: 0.5
                """
        let found = problems(in: text)
        #expect(
            found.contains {
                $0.hasPrefix("17:7: ") && $0.contains("path 'actors.rebles.morale' does not exist")
                    && $0.contains("did you mean 'rebels'")
            }, "\(found)")
    }

    @Test func commandLineSettingsOverrideAndReportTheirOwnPosition() throws {
        let scenario = try Scenario.parse(
            minimalScenario,
            settings: [
                "actors.rebels.morale=0.55",
                "actors.rebels.quality={distribution: gamma, mean: 1, sd: 0.2}",
            ])
        #expect(scenario.baseParameters.actors[0].morale == 0.55)
        #expect(scenario.uncertainParameters.map(\.path) == ["actors.rebels.quality"])
        do {
            _ = try Scenario.parse(
                minimalScenario, file: "m.yaml", settings: ["horizon_days=5", "actors.rebels.morale=7"])
            Issue.record("an out-of-range --set was accepted")
        } catch {
            #expect(error.description.hasPrefix("--set:2:"), "\(error)")
            #expect(error.description.contains("morale must be above 0 and at most 1, got 7"))
        }
        do {
            _ = try Scenario.parse(minimalScenario, settings: ["actors.nobody.morale=0.5"])
            Issue.record("a --set of a missing path was accepted")
        } catch {
            #expect(error.description.contains("--set:1:1: path 'actors.nobody.morale' does not exist"), "\(error)")
        }
    }

    @Test func runSectionsCannotBeSetFromTheCommandLine() {
        for path in ["sweep.points=3", "variants.x.description=y"] {
            do {
                _ = try Scenario.load(path: ShippedScenarios.baseline, settings: [path])
                Issue.record("--set \(path) was accepted and would have been ignored")
            } catch {
                #expect(
                    error.description.contains("--set:1:1: '\(path.prefix { $0 != "=" })' cannot be set"), "\(error)")
            }
        }
    }

    @Test func aSweepParameterWithNoValuesIsAnError() throws {
        let text = try String(contentsOfFile: ShippedScenarios.baseline, encoding: .utf8)
            .replacingOccurrences(
                of: "actors.iran.distraction: {low: 0.2, high: 0.9}", with: "actors.iran.distraction: {values: []}")
        let found = problems(in: text)
        #expect(
            found.contains { $0.contains("sweep: actors.iran.distraction: values must list at least one number") },
            "\(found)")
    }

    @Test func anUnknownVariantIsAnError() {
        do {
            _ = try Scenario.load(path: ShippedScenarios.baseline, variant: "russia_surge")
            Issue.record("an unknown variant was accepted")
        } catch {
            #expect(error.description.contains("unknown variant 'russia_surge'"), "\(error)")
        }
    }
}
