import EscalationModel
import Experiments
import Stochastic

#if canImport(Glibc)
    // A release build (whole module) may find `struct stat` through Foundation's CoreFoundation
    // headers first and then, with MemberImportVisibility, require that module for `st_mode`.
    import CoreFoundation
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An escsim output folder, read and checked: the typed content of its manifest and CSV files.
/// It is built from the files alone (never from the scenario), so merged shard folders and
/// folders from older runs load the same way. `summary.csv` and `replications.csv` are
/// required; the other files are optional, as escsim writes them only when they apply.
struct OutputFolder: Sendable {
    let path: String
    let manifest: Manifest
    /// Variants in the manifest's order; the first is the one the others are compared with.
    let variants: [String]
    /// Outcome names in the order of `summary.csv`.
    let outcomes: [String]
    /// `summary.csv` by variant, then outcome.
    let summaries: [String: [String: OutcomeSummary]]
    /// `histograms.csv` by variant, then outcome; nil when the folder has no such file.
    let histograms: [String: [String: [HistogramBin]]]?
    /// `timeline.csv`, one series per variant and measure, in file order; empty when absent.
    let timeline: [TimelineSeries]
    /// `comparison.csv` in file order; nil when the run had no variants.
    let comparisons: [PairedComparison]?
    /// `sensitivity.csv` in file order; nil when the scenario had nothing uncertain.
    let sensitivity: [SensitivityEntry]?
    /// Run counts and never-happened counts from `replications.csv`.
    let tally: ReplicationTally
    /// `scores.csv` (written by `escsim score`) in file order; nil when the folder was not scored.
    let scores: [BacktestScore]?
    /// End states, running estimates and a design's files (`FolderExtras`).
    var extras = FolderExtras()

    /// The file `escsim score` writes into a folder.
    static let scoresFile = "scores.csv"

    /// The variant the others are compared with (escsim's baseline, or the one variant run).
    var baseline: String { variants[0] }

    /// Outcomes drawn as histograms, among those the folder has.
    var histogramOutcomes: [String] { OutcomeLabels.histogramOutcomes(among: outcomes) }

    /// The summary row of `outcome` for `variant`.
    func summary(_ variant: String, _ outcome: String) -> OutcomeSummary? {
        summaries[variant]?[outcome]
    }

    /// The histogram bins of `outcome` for `variant`: from `histograms.csv` when it has them,
    /// otherwise made from the values in `replications.csv` by escsim's own rule (only kept
    /// for the baseline's histogram outcomes).
    func bins(_ variant: String, _ outcome: String) -> [HistogramBin] {
        if let stored = histograms?[variant]?[outcome] { return stored }
        guard variant == baseline, let values = tally.values[outcome], !values.isEmpty else { return [] }
        // The rule histograms.csv is written by; without a summary row, the values alone decide.
        return (summary(variant, outcome)?.kind ?? .quantity).histogram(of: values)
    }

    /// Runs of `variant` whose `outcome` is empty in `replications.csv`: the event never happened.
    func neverHappened(_ variant: String, _ outcome: String) -> Int {
        tally.empty[variant]?[outcome] ?? 0
    }

    /// Runs of `variant` that finished without error (what every summary is over).
    func runs(_ variant: String) -> Int {
        tally.okRuns[variant] ?? 0
    }

    /// Reads and checks the folder at `path`.
    /// - Parameter readingScores: false for `escsim score`, which replaces `scores.csv` and must
    ///   not depend on what is there.
    static func load(_ given: String, readingScores: Bool = true) throws(ReportError) -> OutputFolder {
        // "results/x/" and "results/x" are the same folder; keep file names free of "//".
        var path = given
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw ReportError.folderMissing(path) }
            throw ReportError.unreadable(path: path, reason: CSVReader.systemReason(errno))
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw ReportError.notAFolder(path) }
        let manifestPath = path + "/" + BatchOutput.manifestFile
        guard access(manifestPath, F_OK) == 0 else { throw ReportError.notAnOutputFolder(path) }
        let manifest = try Manifest.load(path: manifestPath)
        guard manifest.complete else {
            throw ReportError.incompleteRun(folder: path, reason: manifest.stopReason)
        }

        func file(_ name: String) -> String { path + "/" + name }
        func exists(_ name: String) -> Bool { access(file(name), F_OK) == 0 }
        let required = [BatchOutput.summaryFile, BatchOutput.replicationsFile]
        for name in required + manifest.files where !exists(name) {
            throw ReportError.fileMissing(file(name))
        }

        let (summaries, outcomes, summaryVariants) = try readSummary(file(BatchOutput.summaryFile))
        // A design's lean summary.csv has a row per policy, pooled over the points, where the
        // manifest lists the experiments: its variants are the policies, and replications.csv's
        // experiments are tallied under them (with --per-point, summary.csv has the experiments).
        let design = manifest.design != nil || exists(DesignTable.file)
        let pooled = design && !manifest.variants.isEmpty && summaries[manifest.variants[0]] == nil
        let variants = manifest.variants.isEmpty || pooled ? summaryVariants : manifest.variants
        let policyOf =
            pooled && exists(DesignTable.file)
            ? try DesignTable.read(path: file(DesignTable.file)).policyOf : [:]
        guard let baseline = variants.first, summaries[baseline] != nil else {
            throw ReportError.inconsistent(
                "\(file(BatchOutput.summaryFile)) has no rows for the variant "
                    + "\(variants.first ?? "(none)") that manifest.json lists first")
        }
        let histograms =
            exists(BatchOutput.histogramsFile)
            ? try readHistograms(file(BatchOutput.histogramsFile)) : nil
        let timeline = exists(BatchOutput.timelineFile) ? try readTimeline(file(BatchOutput.timelineFile)) : []
        let comparisons =
            exists(BatchOutput.comparisonFile)
            ? try readComparisons(file(BatchOutput.comparisonFile)) : nil
        let sensitivity =
            exists(BatchOutput.sensitivityFile)
            ? try readSensitivity(file(BatchOutput.sensitivityFile)) : nil

        let charted = OutcomeLabels.histogramOutcomes(among: outcomes)
        let unbinned = charted.filter { histograms?[baseline]?[$0] == nil }
        let tally = try ReplicationTally.read(
            path: file(BatchOutput.replicationsFile), outcomes: charted,
            keep: Set(unbinned), keepVariant: baseline, group: policyOf)
        let scores = readingScores && exists(scoresFile) ? try readScores(file(scoresFile)) : nil
        var folder = OutputFolder(
            path: path, manifest: manifest, variants: variants, outcomes: outcomes,
            summaries: summaries, histograms: histograms, timeline: timeline,
            comparisons: comparisons, sensitivity: sensitivity, tally: tally, scores: scores)
        try folder.checkAgreement(points: pooled ? policyOf.values.filter { $0 == folder.baseline }.count : 1)
        folder.extras = try FolderExtras.read(path: path, outcomes: outcomes)
        return folder
    }

    /// The files must describe one batch: each charted outcome's `n` in `summary.csv` plus the
    /// runs where it never happened is the baseline's run count in `replications.csv`, and the
    /// manifest's count of finished replications is the number of baseline rows.
    /// `points`: how many experiments of a design each variant (policy) pools.
    private func checkAgreement(points: Int) throws(ReportError) {
        let rows = runs(baseline) + (tally.failedRuns[baseline] ?? 0)
        if manifest.replicationsDone * points != rows {
            throw ReportError.inconsistent(
                "manifest.json says \(manifest.replicationsDone) replications were done"
                    + (points > 1 ? " at each of \(points) points" : "") + ", but "
                    + "\(path)/\(BatchOutput.replicationsFile) has \(rows) rows of \(baseline)")
        }
        for outcome in histogramOutcomes {
            guard let summary = summary(baseline, outcome) else { continue }
            let counted = summary.n + neverHappened(baseline, outcome)
            if counted != runs(baseline) {
                throw ReportError.inconsistent(
                    "\(path)/\(BatchOutput.summaryFile) counts \(summary.n) runs of \(baseline) with \(outcome) "
                        + "and \(neverHappened(baseline, outcome)) without, but \(BatchOutput.replicationsFile) has "
                        + "\(runs(baseline)) runs; the files come from different batches")
            }
        }
    }
}
