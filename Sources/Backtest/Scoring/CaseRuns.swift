import Dispatch
import EscalationModel
import Stochastic

/// A case's replications run in memory and scored against its observations: what
/// `escsim run --daily` and `escsim score` give for the same seed, without the files, for the
/// backtest table of many cases and for leave-one-case-out.
public enum CaseRuns {
    /// Runs `replications` of `calibrationCase` (replication r as `escsim run` runs it under
    /// `seed`) on `threads` threads and scores them; the result never depends on `threads`.
    public static func score(
        _ calibrationCase: CalibrationCase, replications: Int, seed: UInt64, threads: Int
    ) -> ScoreCard {
        GSLRuntime.prepare()
        let lookup = calibrationCase.lookup
        let seeds = StreamSeeds(masterSeed: seed)
        let slots = AttemptSlots<SimulatedRun>(count: replications)
        let workers = max(1, min(threads, replications))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for replication in stride(from: worker, to: replications, by: workers) {
                let (parameters, _) = calibrationCase.draw.parameters(forReplication: replication, seeds: seeds)
                let outcome = Replication.run(parameters: parameters, seeds: seeds, index: replication)
                slots.set(
                    replication,
                    SimulatedRun(
                        outcome: outcome, schema: lookup.schema, columns: lookup.columns, series: lookup.series))
            }
        }
        let runs = slots.values().compactMap { $0 }
        return ScoreCard.score(
            calibrationCase.observations, runs: runs, censor: { runs[$0].outcome.endDay }, seed: seed)
    }
}
