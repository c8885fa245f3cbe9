import EscalationModel
import Experiments
import Foundation
import Testing

@testable import Scenario
@testable import escsim

/// Building a batch's experiment loads the scenario file once, however many variants it runs.
@Suite struct ExperimentSetUpTests {
    /// A plan over the baseline and `extra` generated variants plus the shipped five, with no
    /// settings (`settings`) or a horizon (the fixtures' way of keeping runs short).
    static func plan(extraVariants extra: Int, settings: [String]) -> ExperimentPlan {
        let generated = (0..<extra).map { index in
            "  generated_\(index):\n    description: generated\n    set:\n"
                + "      actors.russia.sorties_per_day: \(index % 40)\n"
        }.joined()
        let text = Fixtures.baselineText.replacingOccurrences(of: "\nvariants:\n", with: "\nvariants:\n" + generated)
        let names =
            (0..<extra).map { "generated_\($0)" }
            + ["russia_air_surge", "iran_reinforces", "turkey_restrains_sna", "hezbollah_intact", "ceasefire_push"]
        return ExperimentPlan(
            scenarioFile: "many.yaml", scenarioText: text, seed: 1, replications: 1, shard: .whole,
            commonRandomNumbers: true, variantNames: ["baseline"] + names, namedVariants: true,
            pointValues: Array(repeating: [], count: names.count + 1), settings: settings,
            failFast: false, precision: nil, target: nil)
    }

    /// Counted, not timed: one compose and 1 + V decodes (+1 for the sweep's probe) to check the
    /// file, and one more per scenario only when settings apply on top. Calling `Scenario.parse`
    /// per variant composed V + 1 times and decoded about (V + 1)^2 times.
    @Test(arguments: [[], ["horizon_days=20"]])
    func theExperimentOfManyVariantsLoadsTheFileOnce(settings: [String]) throws {
        let plan = Self.plan(extraVariants: 40, settings: settings)
        let variants = plan.variantNames.count - 1
        let counter = ScenarioFile.LoadCounter()
        let experiment = try ScenarioFile.$loadCounter.withValue(counter) { try plan.experiment() }
        #expect(experiment.variantCount == variants + 1)
        #expect(counter.composeCount == 1)
        // The baseline, each variant, the sweep at the low and at the high ends of its ranges,
        // and each scenario once more when settings apply on top.
        #expect(counter.decodeCount == 1 + variants + 2 + (settings.isEmpty ? 0 : variants + 1))
    }

    /// The experiment's scenarios are the ones parsing each variant gives.
    @Test func theScenariosAreTheOnesParseGives() throws {
        let plan = Self.plan(extraVariants: 3, settings: ["horizon_days=20"])
        let experiment = try plan.experiment()
        for (index, name) in plan.variantNames.enumerated() {
            let alone = try Scenario.parse(
                plan.scenarioText, file: plan.scenarioFile,
                variant: name == "baseline" ? nil : name, settings: plan.settings)
            let scenario = experiment.scenarios[index]
            #expect(scenario.name == alone.name && scenario.title == alone.title)
            #expect(scenario.baseParameters == alone.baseParameters)
            #expect(scenario.uncertainParameters.map(\.path) == alone.uncertainParameters.map(\.path))
            #expect(scenario.uncertainParameters.map(\.distribution) == alone.uncertainParameters.map(\.distribution))
        }
    }
}
