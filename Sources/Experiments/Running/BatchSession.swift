import DiscreteEvent
import EscalationModel
import Foundation
import Stochastic

/// One output folder's batch: its plan and record log (in `<folder>/.escsim/`), the run that
/// fills the log, and the files and manifest computed from it. A folder whose run was
/// interrupted or killed keeps its log, and `resume` carries on from the last whole replication.
/// The session holds its folder locked (`BatchFolder`) for as long as it lives.
package struct BatchSession {
    package let folder: BatchFolder
    package let plan: ExperimentPlan
    package let experiment: Experiment

    package var directory: String { folder.path }

    /// What a finished call of `run` produced.
    package struct Completion {
        package var manifest: Manifest
        package var result: BatchOutput.Result
        package var report: BatchRunner.Report
    }

    /// Starts a new batch in `directory` (created if missing). Refuses a folder another process
    /// holds, a folder that holds another unfinished batch or a finished shard, and (unless
    /// `force`) a folder escsim did not make or files it did not write; removes the earlier run's
    /// files, its manifest first.
    package static func start(
        plan: ExperimentPlan, experiment: Experiment, directory: String,
        force: Bool = false
    ) throws -> BatchSession {
        try plan.check()
        let need = StorageEstimate(
            experiment: experiment, replications: plan.shard.replications(of: plan.replications).count)
        try need.checkFreeSpace(near: directory)
        let folder = try BatchFolder(directory, create: true)
        try folder.prepareForNewBatch(outputs: BatchOutput.files(daily: plan.daily), force: force) {
            old throws(BatchFolderError) in
            if Self.stoppedForGood(folder: folder, plan: old) { return }
            if let manifest = Self.manifest(in: directory), manifest.complete {
                throw BatchFolderError(
                    "\(directory) holds a finished shard (kept for escsim merge); choose another "
                        + "--out or remove it")
            }
            throw BatchFolderError(
                "\(directory) holds an unfinished batch: continue it with --resume "
                    + "\(ShellWord.quoted(directory)), or choose another --out")
        }
        do {
            try AtomicFile.write(plan.json(), to: folder.planPath)
        } catch {
            throw BatchFolderError(error.message)
        }
        return BatchSession(folder: folder, plan: plan, experiment: experiment)
    }

    /// Reopens the batch in `directory` to carry it on. Its plan and every record are checked
    /// first: damaged state is one clear error, never a crash or a silent change.
    package static func resume(directory: String, compile: ExperimentPlan.Compiler) throws -> BatchSession {
        let session = try open(directory: directory, access: .exclusive, compile: compile)
        if session.plan.failFast, let failed = session.failedReplication() {
            throw BatchFolderError(
                "the batch in \(directory) stopped under --fail-fast at replication \(failed), which "
                    + "failed; there is nothing to resume: see its row in replications.csv, then start a "
                    + "new run")
        }
        let remaining = session.plan.shard.replications(of: session.plan.replications).count
        let need = StorageEstimate(experiment: session.experiment, replications: remaining)
        try need.checkFreeSpace(near: directory, alreadyWritten: try session.openLog().groupCount)
        try session.folder.prepareForResume(outputs: BatchOutput.files(daily: session.plan.daily))
        return session
    }

    /// Opens the batch in `directory` with its plan and record log checked (for `resume`, and
    /// with shared access for `merge`).
    package static func open(
        directory: String, access: BatchFolder.Access,
        compile: ExperimentPlan.Compiler
    ) throws -> BatchSession {
        guard !directory.isEmpty, FileManager.default.fileExists(atPath: directory) else {
            throw BatchFolderError("\(directory.isEmpty ? "''" : directory) does not exist")
        }
        let folder = try BatchFolder(directory, access: access)
        guard FileManager.default.fileExists(atPath: folder.planPath) else {
            if let manifest = Self.manifest(in: directory), manifest.stopReason.hasPrefix("fail-fast") {
                throw BatchFolderError(
                    "the batch in \(directory) stopped under --fail-fast (\(manifest.stopReason)); "
                        + "there is nothing to resume: see the failed row in replications.csv, then "
                        + "start a new run")
            }
            throw BatchFolderError(
                "\(directory) holds no batch to resume (none was started there, it finished, or it "
                    + "was stopped before its plan was written): start it again with the original command")
        }
        let plan: ExperimentPlan
        do {
            plan = try ExperimentPlan.read(from: folder.planPath)
            try plan.check()
        } catch {
            throw BatchFolderError(
                "\(folder.planPath) is damaged: \(error); escsim will not guess the batch it "
                    + "describes: start the batch again in a new folder")
        }
        let session = BatchSession(folder: folder, plan: plan, experiment: try plan.experiment(compile: compile))
        try session.checkLog()
        return session
    }

    /// Opens the record log of the batch.
    package func openLog() throws -> RecordLog {
        try RecordLog(path: folder.logPath, groupWidth: experiment.layout.width * experiment.variantCount)
    }

    /// Checks every group of the log: its checksum, and that it is the replication it should be
    /// (in order, each once, every variant once) with a status and end state escsim writes.
    func checkLog() throws(BatchFolderError) {
        let log: RecordLog
        do {
            log = try openLog()
        } catch {
            throw BatchFolderError("\(error)")
        }
        let range = plan.shard.replications(of: plan.replications)
        guard log.groupCount <= range.count else {
            throw BatchFolderError(
                "\(folder.logPath) holds \(log.groupCount) replications where its plan has "
                    + "\(range.count); the folder is damaged: start the batch again in a new folder")
        }
        // One read of the log: each block's checksums, then its records' headers.
        let layout = experiment.layout
        let variants = experiment.variantCount
        let corrupt = try log.scan { first, count, values throws(BatchFolderError) in
            for row in 0..<count {
                for variant in 0..<variants {
                    if let problem = layout.headerProblem(
                        values, at: (row * variants + variant) * layout.width,
                        replication: range.lowerBound + first + row, variant: variant)
                    {
                        throw BatchFolderError(
                            "\(folder.logPath) is damaged: \(problem); escsim will not use it: "
                                + "start the batch again in a new folder")
                    }
                }
            }
            return true
        }
        if let bad = corrupt {
            throw BatchFolderError(
                "\(folder.logPath) is damaged at replication \(range.lowerBound + bad) (its checksum "
                    + "does not match); escsim will not use it: start the batch again in a new folder")
        }
    }

    /// The first replication in the log with a failed record, if any.
    func failedReplication() -> Int? {
        guard let log = try? openLog() else { return nil }
        let width = experiment.layout.width
        let variants = experiment.variantCount
        var failed: Int?
        _ = log.scan { first, count, values in
            for row in 0..<count {
                for variant in 0..<variants
                where !RecordLayout.header(values, at: (row * variants + variant) * width).isOK {
                    failed = plan.shard.replications(of: plan.replications).lowerBound + first + row
                    return false
                }
            }
            return true
        }
        return failed
    }

    /// A batch that `--fail-fast` ended at a failure: finished for good, a new run may replace it.
    static func stoppedForGood(folder: BatchFolder, plan: ExperimentPlan) -> Bool {
        guard plan.failFast, let manifest = manifest(in: folder.path) else { return false }
        return manifest.stopReason.hasPrefix("fail-fast")
    }

    static func manifest(in directory: String) -> Manifest? {
        FileManager.default.contents(atPath: directory + "/" + BatchOutput.manifestFile)
            .flatMap { try? JSONDecoder().decode(Manifest.self, from: $0) }
    }

    /// Runs (or continues) the batch, then writes the files and the manifest. With `--precision`,
    /// runs in batches until the target's 95% half-width is small enough or the cap is reached.
    package func run(
        threads: Int, stop: StopFlag, commandLine: [String], started: Date,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> Completion {
        let clock = ContinuousClock()
        let start = clock.now
        let log = try openLog()
        let range = plan.shard.replications(of: plan.replications)
        var report: BatchRunner.Report
        var stopReason: String
        if let precision = plan.precision, let target = plan.target {
            let field = experiment.layout.outcomes.firstIndex { $0.name == target }.map {
                experiment.layout.outcomeOffset + $0
            }
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
                        stopReason =
                            "precision reached: \(target) 95% half-width \(NumberFormat.csv(halfWidth)) <= "
                            + "\(NumberFormat.csv(precision)) after \(done) replications"
                        break
                    }
                    if done == range.count {
                        stopReason =
                            "cap reached: \(done) replications, \(target) 95% half-width "
                            + "\(NumberFormat.csv(halfWidth)) > \(NumberFormat.csv(precision))"
                        break
                    }
                }
                let end = min(range.upperBound, range.lowerBound + (done / batch + 1) * batch)
                let total = range.count
                let capped: (@Sendable (Int, Int) -> Void)? = progress.map { report in
                    { @Sendable done, _ in report(done, total) }
                }
                report = try BatchRunner.run(
                    experiment, range: range.lowerBound..<end, log: log, threads: threads,
                    stop: stop, failFast: plan.failFast, progress: capped)
                stopReason = Self.describe(report.ending)
                guard report.ending == .finished else { break }
            }
        } else {
            report = try BatchRunner.run(
                experiment, range: range, log: log, threads: threads, stop: stop,
                failFast: plan.failFast, progress: progress)
            stopReason = Self.describe(report.ending)
        }
        let complete = report.ending == .finished
        let simulated = clock.now
        let result = try BatchOutput.write(
            experiment, logs: [log], to: directory, workDirectory: folder.workDirectory, perPoint: plan.perPoint)
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
        let manifestText = manifest.json()
        try AtomicFile.write(manifestText, to: directory + "/" + BatchOutput.manifestFile)
        try folder.recordWritten(
            result.checksums.merging([BatchOutput.manifestFile: SHA256.hexDigest(manifestText.utf8)]) { $1 },
            claimed: BatchOutput.files(daily: plan.daily))
        // A finished single-machine batch needs its log no more (nor does one that --fail-fast
        // ended); shards keep theirs for `merge`.
        if complete || report.ending != .interrupted, !plan.isShardRun {
            folder.removeBatchState()
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
            let take = min(log.readBlock, log.groupCount - group)
            let chunk = log.read(groups: group, count: take)
            let groupWidth = log.groupWidth
            for row in 0..<take where RecordLayout.header(chunk, at: row * groupWidth).isOK {
                let value = chunk[row * groupWidth + field]
                if !value.isNaN { values.append(value) }
            }
            group += take
        }
        let summary = SampleSummary(values)
        return ConfidenceInterval.studentT(mean: summary.mean, sd: summary.sd, n: summary.n).halfWidth
    }

    /// Peak resident set size of this process (VmHWM from /proc/self/status), in MiB.
    package static func peakMemoryMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return .nan }
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") ?? .nan
        return (kilobytes / 1024 * 10).rounded() / 10
    }
}
