import Experiments
import Foundation
import Scenario

@testable import escsim

/// Shared pieces for batch tests: the shipped baseline, scratch folders, and file comparison.
enum Fixtures {
    static let baselinePath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/aleppo-2024.yaml").path

    /// The baseline's text, its `engine:` made absolute so that it loads under any file name.
    static var baselineText: String {
        let text = (try? String(contentsOfFile: baselinePath, encoding: .utf8)) ?? ""
        let engine = URL(fileURLWithPath: baselinePath).deletingLastPathComponent().appendingPathComponent(
            "engine.yaml")
        return text.replacingOccurrences(of: "engine: engine.yaml", with: "engine: \(engine.path)")
    }

    /// A plan over the baseline and `variants`, shortened to `horizon` days to keep tests quick.
    static func plan(
        replications: Int, seed: UInt64 = 17, variants: [String] = [], shard: Shard = .whole,
        shardRun: Bool = false,
        commonRandomNumbers: Bool = true, horizon: Int = 20, precision: Double? = nil,
        target: String? = nil, daily: Bool = false
    ) -> ExperimentPlan {
        ExperimentPlan(
            scenarioFile: "aleppo-2024.yaml", scenarioText: baselineText, seed: seed,
            replications: replications, shard: shard, isShardRun: shard != .whole || shardRun,
            commonRandomNumbers: commonRandomNumbers,
            variantNames: ["baseline"] + variants, namedVariants: true,
            pointValues: Array(repeating: [], count: variants.count + 1),
            settings: ["horizon_days=\(horizon)"], failFast: false, precision: precision, target: target,
            precisionBatch: 50, daily: daily)
    }

    static func scratch(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("escsim-\(name)-\(UUID().uuidString)")
            .path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `plan` into `directory`, stopping after `stopAfter` replications when given.
    @discardableResult
    static func run(_ plan: ExperimentPlan, into directory: String, threads: Int = 2, stopAfter: Int? = nil)
        throws -> BatchSession.Completion
    {
        let session = try BatchSession.start(plan: plan, experiment: try plan.experiment(), directory: directory)
        let stop = StopFlag()
        return try session.run(threads: threads, stop: stop, commandLine: [], started: Date()) { done, _ in
            if let stopAfter, done >= stopAfter { stop.request() }
        }
    }

    static let dataFiles = [
        "replications.csv", "summary.csv", "histograms.csv", "timeline.csv", "comparison.csv",
        "sensitivity.csv", "daily.csv",
    ]

    /// The data files of a folder (those present), by name.
    static func files(in directory: String) -> [String: Data] {
        var found: [String: Data] = [:]
        for name in dataFiles {
            if let data = FileManager.default.contents(atPath: directory + "/" + name) { found[name] = data }
        }
        return found
    }
}
