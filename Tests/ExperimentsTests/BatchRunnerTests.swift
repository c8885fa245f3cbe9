import EscalationModel
import Experiments
import Foundation
import Scenario
import Stochastic
import Testing

enum Baseline {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/aleppo-2024.yaml").path

    static func scenario() throws -> Scenario {
        try Scenario.load(path: path)
    }
}

@Suite struct BatchRunnerTests {
    @Test func outputBytesDoNotDependOnTheThreadCount() throws {
        let scenario = try Baseline.scenario()
        let schema = OutcomeSchema(parameters: scenario.baseParameters)
        var texts: [String] = []
        for threads in [1, 2, 3] {
            let records = BatchRunner.run(BatchConfiguration(scenario: scenario, seed: 99, replications: 60, threads: threads))
            let summary = BatchOutput.summaryCSV(OutcomeStatistic.summarise(records, schema: schema), variant: "baseline")
            texts.append(BatchOutput.replicationsCSV(records, scenario: scenario, schema: schema) + summary)
        }
        #expect(texts[0] == texts[1])
        #expect(texts[0] == texts[2])
    }

    @Test func recordsComeBackInReplicationOrderWithTheirDraws() throws {
        let scenario = try Baseline.scenario()
        let records = BatchRunner.run(BatchConfiguration(scenario: scenario, seed: 5, replications: 25, threads: 2))
        #expect(records.map(\.outcome.replication) == Array(0..<25))
        #expect(records.allSatisfy { $0.draws.count == scenario.uncertainParameters.count })
        let seeds = StreamSeeds(masterSeed: 5)
        #expect(records[7].draws == scenario.parameters(forReplication: 7, seeds: seeds).1)
    }

    @Test func aDifferentSeedGivesDifferentResults() throws {
        let scenario = try Baseline.scenario()
        let a = BatchRunner.run(BatchConfiguration(scenario: scenario, seed: 1, replications: 10, threads: 2))
        let b = BatchRunner.run(BatchConfiguration(scenario: scenario, seed: 2, replications: 10, threads: 2))
        #expect(a.map(\.outcome) != b.map(\.outcome))
    }
}
