import EscalationModel
@testable import Experiments
import Scenario
import Stochastic
import Testing

/// A replication whose outcome holds an infinity, or a NaN where a number must be, is recorded
/// as failed with the outcome named, never kept as if it were a result.
@Suite struct FailedRecordTests {
    @Test func aNonFiniteOutcomeMarksTheRecordAsAnError() throws {
        let experiment = try Fixtures.plan(replications: 1).experiment()
        let scenario = experiment.scenarios[0]
        var outcome = Replication.run(parameters: scenario.baseParameters, seeds: StreamSeeds(masterSeed: 1), index: 0)
        let layout = experiment.layout
        func status(of outcome: ReplicationOutcome) -> (RecordLayout.Status?, String) {
            var record: [Double] = []
            layout.encode(outcome: outcome, values: experiment.schema.values(of: outcome),
                          parameters: Array(repeating: .nan, count: layout.parameters.count),
                          replication: 0, variant: 0, horizonDays: scenario.baseParameters.horizonDays, into: &record)
            let status = RecordLayout.Status(rawValue: Int(record[2]))
            return (status, status.map { layout.errorText(status: $0, detail: Int(record[3])) } ?? "")
        }
        #expect(status(of: outcome).0 == .ok)
        outcome.civiliansKilled = .infinity
        #expect(status(of: outcome) == (.nonFinite, "non-finite value in civilians_killed"))
        outcome.civiliansKilled = 3
        outcome.civiliansDisplaced = .nan
        #expect(status(of: outcome) == (.nonFinite, "non-finite value in civilians_displaced"))
        // A day outcome is NaN when the event never happened: that is a result, not a failure.
        outcome.civiliansDisplaced = 0
        outcome.collapseDay = nil
        #expect(status(of: outcome).0 == .ok)
    }
}
