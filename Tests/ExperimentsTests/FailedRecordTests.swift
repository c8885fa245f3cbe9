import EscalationModel
import Scenario
import Stochastic
import Testing

@testable import Experiments
@testable import escsim

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
            layout.encode(
                outcome: outcome, values: experiment.schema.values(of: outcome),
                parameters: Array(repeating: .nan, count: layout.parameters.count),
                replication: 0, variant: 0, horizonDays: scenario.baseParameters.horizonDays, into: &record)
            let header = RecordLayout.header(record, at: 0)
            let status = header.status
            return (status, status.map { layout.errorText(status: $0, detail: Int(header.detail)) } ?? "")
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

    /// The header is read back as written, and a header escsim never writes is named, not trusted.
    @Test func theRecordHeaderReadsBackAndRefusesWhatEscsimNeverWrites() throws {
        let experiment = try Fixtures.plan(replications: 1).experiment()
        let scenario = experiment.scenarios[0]
        let outcome = Replication.run(parameters: scenario.baseParameters, seeds: StreamSeeds(masterSeed: 3), index: 4)
        let layout = experiment.layout
        var record: [Double] = []
        layout.encode(
            outcome: outcome, values: experiment.schema.values(of: outcome),
            parameters: Array(repeating: .nan, count: layout.parameters.count),
            replication: 4, variant: 0, horizonDays: scenario.baseParameters.horizonDays, into: &record)
        #expect(record.count == layout.width)
        let header = RecordLayout.header(record, at: 0)
        #expect(header.replication == 4 && header.variant == 0 && header.isOK && header.detail == -1)
        #expect(header.endState == outcome.endState)
        #expect(layout.headerProblem(record, at: 0, replication: 4, variant: 0) == nil)
        #expect(layout.headerProblem(record, at: 0, replication: 5, variant: 0)?.contains("holds another") == true)
        var damaged = record
        damaged[RecordLayout.HeaderField.status.rawValue] = 2.5
        #expect(RecordLayout.header(damaged, at: 0).status == nil && !RecordLayout.header(damaged, at: 0).isOK)
        #expect(layout.headerProblem(damaged, at: 0, replication: 4, variant: 0)?.contains("unknown status") == true)
        damaged = record
        damaged[RecordLayout.HeaderField.endState.rawValue] = Double(EndState.allCases.count)
        #expect(layout.headerProblem(damaged, at: 0, replication: 4, variant: 0)?.contains("unknown end state") == true)
    }
}
