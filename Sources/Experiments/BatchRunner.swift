import Dispatch
import EscalationModel
import Scenario
import Stochastic
import Synchronization

/// Runs a batch of replications on several threads.
///
/// Each replication builds its own parameters, world and random streams from (scenario, seed,
/// index) alone, so the records are identical whatever the thread count or the order in which
/// threads pick replications up. Workers take the next index from a shared counter, which keeps
/// both cores busy even when replications differ in length.
public enum BatchRunner {
    /// Runs `configuration.replications` replications; the records come back in index order.
    public static func run(_ configuration: BatchConfiguration,
                           progress: (@Sendable (Int) -> Void)? = nil) -> [ReplicationRecord] {
        GSLRuntime.prepare()  // before any thread touches GSL: the error handler is process-wide
        let seeds = StreamSeeds(masterSeed: configuration.seed)
        let count = configuration.replications
        let work = SharedWork(count: count)
        let scenario = configuration.scenario
        let threads = max(1, min(configuration.threads, count))

        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var finished: [(Int, ReplicationRecord)] = []
            while let index = work.claim() {
                let (parameters, draws) = scenario.parameters(forReplication: index, seeds: seeds)
                let outcome = Replication.run(parameters: parameters, seeds: seeds, index: index)
                finished.append((index, ReplicationRecord(outcome: outcome, draws: draws)))
                if let progress { progress(work.complete()) }
            }
            work.deposit(finished)
        }
        return work.records()
    }
}

/// The counter workers take indices from and the place they leave their records.
private final class SharedWork: Sendable {
    let count: Int
    private let next = Atomic<Int>(0)
    private let done = Atomic<Int>(0)
    private let results: Mutex<[ReplicationRecord?]>

    init(count: Int) {
        self.count = count
        results = Mutex(Array(repeating: nil, count: count))
    }

    func claim() -> Int? {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }

    /// Marks one replication done and returns how many are.
    func complete() -> Int {
        done.wrappingAdd(1, ordering: .relaxed).newValue
    }

    func deposit(_ finished: [(Int, ReplicationRecord)]) {
        results.withLock { results in
            for (index, record) in finished { results[index] = record }
        }
    }

    func records() -> [ReplicationRecord] {
        results.withLock { results in
            results.map { record in
                guard let record else { preconditionFailure("a replication was claimed but never deposited") }
                return record
            }
        }
    }
}
