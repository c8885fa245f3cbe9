import EscalationModel
import Foundation
import Scenario
import Stochastic
import Testing

@Suite struct ShippedScenarioTests {
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: ShippedScenarios.directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
            .map { ShippedScenarios.directory.appendingPathComponent($0).path }
    }()

    @Test func thereIsMoreThanOneSituation() {
        #expect(
            Self.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["aleppo-2024.yaml", "idlib-2020.yaml"])
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
        let seeds = StreamSeeds(masterSeed: 9)
        var gains = 0
        for index in 0..<30 {
            let (drawn, _) = scenario.draw.parameters(forReplication: index, seeds: seeds)
            if Replication.run(parameters: drawn, seeds: seeds, index: index).territoryShare[regime] > initial {
                gains += 1
            }
        }
        #expect(gains >= 20, "the regime gained ground in only \(gains) of 30 runs")
    }
}
