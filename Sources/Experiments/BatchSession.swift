import DiscreteEvent
import EscalationModel
import Foundation
import Scenario
import Stochastic

/// One output folder's batch: its plan and record log (in `<folder>/.escsim/`), the run that
/// fills the log, and the files and manifest computed from it. A folder whose run was
/// interrupted or killed keeps its log, and `resume` carries on from the last whole replication.
public struct BatchSession {
    public static let workFolder = ".escsim"
    public let directory: String
    public let plan: ExperimentPlan
    public let experiment: Experiment

    /// What a finished call of `run` produced.
    public struct Completion {
        public var manifest: Manifest
        public var result: BatchOutput.Result
        public var report: BatchRunner.Report
    }

    var workDirectory: String { directory + "/" + Self.workFolder }
    var planPath: String { workDirectory + "/plan.json" }
    var logPath: String { workDirectory + "/records.bin" }

    /// Starts a new batch in `directory`. Refuses a folder that holds another unfinished batch.
    public static func start(plan: ExperimentPlan, experiment: Experiment, directory: String) throws -> BatchSession {
        let session = BatchSession(directory: directory, plan: plan, experiment: experiment)
        if FileManager.default.fileExists(atPath: session.planPath) {
            let manifest = FileManager.default.contents(atPath: directory + "/" + BatchOutput.manifestFile)
            if let manifest, String(decoding: manifest, as: UTF8.self).contains("\"complete\" : true") {
                throw ExperimentError("\(directory) holds a finished shard (kept for escsim merge); choose another --out "
                                      + "or remove it")
            }
            throw ExperimentError("\(directory) holds an unfinished batch: continue it with --resume \(directory), "
                                  + "or choose another --out")
        }
        try AtomicFile.createDirectory(session.workDirectory)
        try? FileManager.default.removeItem(atPath: session.logPath)
        try AtomicFile.write(plan.json(), to: session.planPath)
        return session
    }

    /// Reopens the batch in `directory` to carry it on.
    public static func resume(directory: String) throws -> BatchSession {
        let planPath = directory + "/" + workFolder + "/plan.json"
        guard FileManager.default.fileExists(atPath: planPath) else {
            throw ExperimentError("\(directory) holds no batch to resume (none was started there, or it was stopped "
                                  + "before its plan was written): start it again with the original command")
        }
        let plan = try ExperimentPlan.read(from: planPath)
        return BatchSession(directory: directory, plan: plan, experiment: try plan.experiment())
    }

    /// Opens the record log of a shard folder, for `merge`.
    public func openLog() throws -> RecordLog {
        try RecordLog(path: logPath, groupWidth: experiment.layout.width * experiment.variantCount)
    }

    /// Runs (or continues) the batch, then writes the files and the manifest. With `--precision`,
    /// runs in batches until the target's 95% half-width is small enough or the cap is reached.
    public func run(threads: Int, stop: StopFlag, commandLine: [String], started: Date,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Completion {
        let clock = ContinuousClock()
        let start = clock.now
        let log = try openLog()
        let range = plan.shard.replications(of: plan.replications)
        var report: BatchRunner.Report
        var stopReason: String
        if let precision = plan.precision, let target = plan.target {
            let field = experiment.layout.outcomes.firstIndex { $0.name == target }.map { experiment.layout.outcomeOffset + $0 }
            guard let field else { throw ExperimentError("--target: no outcome named '\(target)'") }
            // Checks fall on multiples of the batch size, so a resumed run stops where an
            // uninterrupted one would.
            let batch = plan.precisionBatch
            report = BatchRunner.Report(ending: .finished, completed: log.groupCount)
            stopReason = "finished"
            while true {
                let done = log.groupCount
                if done > 0, done % batch == 0 || done == range.count {
                    let halfWidth = Self.halfWidth(log: log, field: field, layout: experiment.layout)
                    if halfWidth <= precision {
                        stopReason = "precision reached: \(target) 95% half-width \(NumberFormat.csv(halfWidth)) <= "
                            + "\(NumberFormat.csv(precision)) after \(done) replications"
                        break
                    }
                    if done == range.count {
                        stopReason = "cap reached: \(done) replications, \(target) 95% half-width "
                            + "\(NumberFormat.csv(halfWidth)) > \(NumberFormat.csv(precision))"
                        break
                    }
                }
                let end = min(range.upperBound, range.lowerBound + (done / batch + 1) * batch)
                let total = range.count
                let capped: (@Sendable (Int, Int) -> Void)? = progress.map { report in
                    { @Sendable done, _ in report(done, total) }
                }
                report = try BatchRunner.run(experiment, range: range.lowerBound..<end, log: log, threads: threads,
                                             stop: stop, failFast: plan.failFast, progress: capped)
                stopReason = Self.describe(report.ending)
                guard report.ending == .finished else { break }
            }
        } else {
            report = try BatchRunner.run(experiment, range: range, log: log, threads: threads, stop: stop,
                                         failFast: plan.failFast, progress: progress)
            stopReason = Self.describe(report.ending)
        }
        let complete = report.ending == .finished
        let simulated = clock.now
        let result = try BatchOutput.write(experiment, logs: [log], to: directory)
        func seconds(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Double {
            let elapsed = from.duration(to: to)
            return ((Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18) * 1000)
                .rounded() / 1000
        }
        let finished = clock.now
        let manifest = Manifest(
            plan: plan, scenarioName: experiment.scenarios[0].name, replicationsDone: log.groupCount,
            shard: plan.shard.description, threads: threads, commandLine: commandLine, started: started,
            wallTimeSeconds: seconds(start, finished), simulationSeconds: seconds(start, simulated),
            outputSeconds: seconds(simulated, finished), complete: complete, stopReason: stopReason, result: result)
        try AtomicFile.write(manifest.json(), to: directory + "/" + BatchOutput.manifestFile)
        // A finished single-machine batch needs its log no more; shards keep theirs for `merge`.
        if complete, !plan.isShardRun {
            try? FileManager.default.removeItem(atPath: workDirectory)
        }
        return Completion(manifest: manifest, result: result, report: report)
    }

    static func describe(_ ending: BatchRunner.Ending) -> String {
        switch ending {
        case .finished: "finished"
        case .interrupted: "interrupted: resume with --resume"
        case .failed(let replication): "fail-fast: replication \(replication) failed"
        }
    }

    /// The 95% t half-width of the baseline's mean of `field`, from the log.
    static func halfWidth(log: RecordLog, field: Int, layout: RecordLayout) -> Double {
        var values: [Double] = []
        values.reserveCapacity(log.groupCount)
        var group = 0
        while group < log.groupCount {
            let take = min(1024, log.groupCount - group)
            let chunk = log.read(groups: group, count: take)
            let groupWidth = log.groupWidth
            for row in 0..<take where chunk[row * groupWidth + 2] == 0 {
                let value = chunk[row * groupWidth + field]
                if !value.isNaN { values.append(value) }
            }
            group += take
        }
        let summary = SampleSummary(values)
        return ConfidenceInterval.studentT(mean: summary.mean, sd: summary.sd, n: summary.n).halfWidth
    }

    /// Peak resident set size of this process (VmHWM from /proc/self/status), in MiB.
    public static func peakMemoryMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return .nan }
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") ?? .nan
        return (kilobytes / 1024 * 10).rounded() / 10
    }
}
