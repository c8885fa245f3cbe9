import DiscreteEvent
import Dispatch
import EscalationModel
import Foundation
import Stochastic
import Synchronization

/// Runs the replications of an experiment on several threads and appends them to its record
/// log in replication order, as they finish, so memory stays flat whatever the count.
///
/// Each replication builds its parameters, world and streams from (scenario, seed, index) alone,
/// so the log is identical whatever the thread count or the order in which threads finish.
/// Workers take the next index from a shared counter; finished groups wait in a small reorder
/// buffer until every earlier one is written.
public enum BatchRunner {
    /// Why a run stopped.
    public enum Ending: Sendable, Equatable {
        case finished
        /// A stop was requested (signal); the log holds every replication before `completed`.
        case interrupted
        /// `--fail-fast` and replication `replication` failed.
        case failed(replication: Int)
    }

    public struct Report: Sendable {
        public var ending: Ending
        /// Replications in the log when the run stopped (counted from the start of the range).
        public var completed: Int
    }

    /// Continues the log of `range` from where it stands to the end of the range.
    /// - Parameter progress: called with (replications done, replications in the range) as groups are written.
    public static func run(
        _ experiment: Experiment, range: Range<Int>, log: RecordLog, threads: Int,
        stop: StopFlag, failFast: Bool = false,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(FileWriteError) -> Report {
        GSLRuntime.prepare()  // before any thread touches GSL: its error handler is process-wide
        let first = range.lowerBound + log.groupCount
        let writer = OrderedWriter(
            log: log, first: first, layout: experiment.layout,
            variants: experiment.variantCount, failFast: failFast, stop: stop)
        let next = Atomic<Int>(first)
        let end = range.upperBound
        let workers = max(1, min(threads, end - first))
        if first < end {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                // This worker's generators and model state, refilled for each replication.
                let workspace = ReplicationWorkspace()
                while !stop.isRequested {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < end else { break }
                    writer.waitForRoom(index: index)
                    var group = writer.spareGroup()
                    experiment.runGroup(replication: index, workspace: workspace, into: &group)
                    if let done = writer.deposit(index: index, group: group), let progress {
                        progress(done, range.count)
                    }
                }
            }
        }
        if let error = writer.error { throw error }
        log.sync()
        let completed = log.groupCount
        if let failure = writer.failedReplication {
            return Report(ending: .failed(replication: failure), completed: completed)
        }
        return Report(ending: range.lowerBound + completed < end ? .interrupted : .finished, completed: completed)
    }
}

/// The reorder buffer between workers and the log.
private final class OrderedWriter: @unchecked Sendable {
    private let lock = NSLock()
    private let log: RecordLog
    private let layout: RecordLayout
    private let variants: Int
    private let failFast: Bool
    private let stop: StopFlag
    private var pending: [Int: [Double]] = [:]
    /// Groups already written, whose storage workers fill again (`spareGroup()`): with them the
    /// writer allocates nothing per group once the reorder buffer has reached its size.
    private var spares: [[Double]] = []
    private var nextToWrite: Int
    private(set) var error: FileWriteError?
    private(set) var failedReplication: Int?
    /// How far ahead of the log a worker may run before it waits: bounds the buffer's memory
    /// to 64 MiB of groups (at most 256), however wide a group is.
    private let window: Int

    init(log: RecordLog, first: Int, layout: RecordLayout, variants: Int, failFast: Bool, stop: StopFlag) {
        self.log = log
        self.layout = layout
        self.variants = variants
        self.failFast = failFast
        self.stop = stop
        nextToWrite = first
        window = max(1, min(256, (64 << 20) / max(1, layout.width * variants * MemoryLayout<Double>.size)))
    }

    /// A written group's storage for a worker to fill, or an empty array.
    func spareGroup() -> [Double] {
        lock.lock()
        defer { lock.unlock() }
        return spares.popLast() ?? []
    }

    func waitForRoom(index: Int) {
        while true {
            lock.lock()
            let room = index - nextToWrite < window
            lock.unlock()
            if room || stop.isRequested { return }
            usleep(200)
        }
    }

    /// Buffers `group` and writes every group that is now next in line; returns the log's group
    /// count if any were written (read under the lock, so progress never races the writer).
    func deposit(index: Int, group: [Double]) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        pending[index] = group
        var written = 0
        while error == nil, failedReplication == nil, let ready = pending.removeValue(forKey: nextToWrite) {
            do {
                try log.append(ready)
            } catch {
                self.error = error
                stop.request()
                break
            }
            written += 1
            spares.append(ready)
            if failFast, (0..<variants).contains(where: { !RecordLayout.header(ready, at: $0 * layout.width).isOK }) {
                failedReplication = nextToWrite
                stop.request()
            }
            nextToWrite += 1
        }
        return written > 0 ? log.groupCount : nil
    }
}
