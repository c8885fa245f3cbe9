import Backtest
import EscalationModel
import Foundation
import Scenario
import Stochastic
import Testing

@Suite struct ShippedScenarioTests {
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: ShippedScenarios.directory.path)) ?? []
        return names.filter {
            $0.hasSuffix(".yaml") && !$0.hasSuffix(ObservationFile.suffix) && !$0.hasPrefix("engine")
        }
        .sorted()
        .map { ShippedScenarios.directory.appendingPathComponent($0).path }
    }()

    /// The four cases of the backtest library are shipped (the engines they share are not scenarios).
    @Test func thereIsMoreThanOneSituation() {
        let names = Self.files.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(names == ["aleppo-2016.yaml", "aleppo-2024.yaml", "idlib-2020.yaml", "peace-spring-2019.yaml"])
    }

    /// Every shipped observation file reads against the scenario of the same name, and every
    /// observation carries a source with an outlet, a date and what it counted.
    @Test func everyObservationFileFitsItsScenario() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: ShippedScenarios.directory.path)
        let files = names.filter { $0.hasSuffix(ObservationFile.suffix) }
        #expect(
            files.sorted() == [
                "aleppo-2016.observations.yaml", "aleppo-2024.observations.yaml", "idlib-2020.observations.yaml",
                "peace-spring-2019.observations.yaml",
            ])
        for name in files {
            let scenario = try Scenario.load(
                path: ShippedScenarios.directory.appendingPathComponent(
                    String(name.dropLast(ObservationFile.suffix.count)) + ".yaml"
                ).path)
            let set = try ObservationFile.load(
                path: ShippedScenarios.directory.appendingPathComponent(name).path,
                vocabulary: ObservationVocabulary(scenario: scenario))
            #expect(set.observations.count >= 10)
            for observation in set.observations {
                #expect(!observation.source.outlet.isEmpty && !observation.source.counted.isEmpty)
                #expect(observation.source.published.hasPrefix("20"), "\(observation.id)")
            }
        }
    }

    /// Every shipped scenario and each of its variants loads and runs a few replications cleanly.
    @Test(arguments: files)
    func everyScenarioAndVariantRuns(_ file: String) throws {
        let baseline = try Scenario.load(path: file)
        for variant in [Scenario.baselineName] + baseline.variants.map(\.name) {
            let scenario = try Scenario.load(path: file, variant: variant)
            let seeds = StreamSeeds(masterSeed: 1)
            for index in 0..<5 {
                let (parameters, _) = scenario.draw.parameters(forReplication: index, seeds: seeds)
                let outcome = Replication.run(parameters: parameters, seeds: seeds, index: index)
                #expect(outcome.endState != .incomplete, "\(file) \(variant) hit the max-events guard")
                #expect(abs(outcome.territoryShare.reduce(0, +) - 1) < 1e-12)
            }
        }
    }

    /// The engine knows roles, not names: in idlib-2020 the regime camp attacks and gains ground.
    @Test func theLoyalistOffensiveOfIdlib2020GainsGround() throws {
        let scenario = try Scenario.load(
            path: ShippedScenarios.directory.appendingPathComponent("idlib-2020.yaml").path)
        let parameters = scenario.baseParameters
        let regime = parameters.actors.firstIndex { $0.id == "regime" }!
        let total = parameters.regions.reduce(0) { $0 + $1.strategicValue }
        let initial = parameters.regions.filter { $0.controller == regime }.reduce(0) { $0 + $1.strategicValue } / total
        // With the priors as they are, about two runs in three end with more regime ground and one in
        // twelve with less (400 runs, seed 9): over 60 runs, 30 gains is almost 3 binomial sds below
        // the expected 40, and losses stay far fewer than gains.
        let seeds = StreamSeeds(masterSeed: 9)
        var gains = 0
        var losses = 0
        for index in 0..<60 {
            let (drawn, _) = scenario.draw.parameters(forReplication: index, seeds: seeds)
            let share = Replication.run(parameters: drawn, seeds: seeds, index: index).territoryShare[regime]
            if share > initial + 1e-9 { gains += 1 }
            if share < initial - 1e-9 { losses += 1 }
        }
        #expect(
            gains >= 30 && losses * 2 < gains, "the regime gained ground in \(gains) of 60 runs, lost it in \(losses)")
    }

    /// The shipped calibrated engine (`make calibrate-engine`) stands in for engine.yaml in every
    /// case: each loads with it, with the same unknowns, and at least one constant differs.
    @Test func everyCaseLoadsWithTheCalibratedEngine() throws {
        let directory = ShippedScenarios.directory
        let calibrated = try String(
            contentsOf: directory.appendingPathComponent("engine.calibrated.yaml"), encoding: .utf8)
        let prior = try String(contentsOf: directory.appendingPathComponent("engine.yaml"), encoding: .utf8)
        #expect(calibrated != prior)
        for file in Self.files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.contains("engine: engine.yaml"))
            let withCalibrated = text.replacingOccurrences(
                of: "engine: engine.yaml", with: "engine: engine.calibrated.yaml")
            // Parsed as if it were the case's own file, so `engine:` resolves beside it.
            let scenario = try Scenario.parse(withCalibrated, file: file)
            let original = try Scenario.load(path: file)
            #expect(scenario.uncertainParameters.map(\.path) == original.uncertainParameters.map(\.path))
        }
    }
}
