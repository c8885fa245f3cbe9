import DiscreteEvent
import EscalationModel
import Foundation
import Scenario
import Stochastic

/// Everything needed to (re)build a batch's experiment, stored beside its record log so that an
/// interrupted run can be resumed and shards merged on another machine: the scenario's own text
/// (not just its path), the seed, the variants and every override.
public struct ExperimentPlan: Codable, Sendable, Equatable {
    public var escsimVersion: String
    public var scenarioFile: String
    public var scenarioText: String
    public var scenarioSHA256: String
    public var seed: UInt64
    /// Replications asked for (with `--precision`, the cap).
    public var replications: Int
    public var shard: Shard
    /// A shard run (even `--shard 0/1`) keeps its record log for `merge`.
    public var isShardRun: Bool
    public var commonRandomNumbers: Bool
    /// "baseline" first, then named variants or sweep points.
    public var variantNames: [String]
    /// Whether `variantNames` after the first are the scenario's named variants (else sweep points).
    public var namedVariants: Bool
    /// Per variant, the `path=value` settings of its sweep point (empty for named variants).
    public var pointSettings: [[String]]
    /// `--set` overrides applied to every variant.
    public var settings: [String]
    public var failFast: Bool
    /// `--precision`: stop when the target's 95% half-width is at most this.
    public var precision: Double?
    public var target: String?
    /// Replications run between precision checks.
    public var precisionBatch: Int

    public init(scenarioFile: String, scenarioText: String, seed: UInt64, replications: Int, shard: Shard,
                isShardRun: Bool = false, commonRandomNumbers: Bool, variantNames: [String], namedVariants: Bool, pointSettings: [[String]],
                settings: [String], failFast: Bool, precision: Double?, target: String?, precisionBatch: Int = 200) {
        self.escsimVersion = EscsimVersion.current
        self.scenarioFile = scenarioFile
        self.scenarioText = scenarioText
        self.scenarioSHA256 = SHA256.hexDigest(Array(scenarioText.utf8))
        self.seed = seed
        self.replications = replications
        self.shard = shard
        self.isShardRun = isShardRun
        self.commonRandomNumbers = commonRandomNumbers
        self.variantNames = variantNames
        self.namedVariants = namedVariants
        self.pointSettings = pointSettings
        self.settings = settings
        self.failFast = failFast
        self.precision = precision
        self.target = target
        self.precisionBatch = precisionBatch
    }

    /// The experiment this plan describes.
    public func experiment() throws -> Experiment {
        // One load for every variant: parsing each on its own checked every variant each time (V^2).
        let scenarios = try Scenario.parseAll(
            scenarioText, file: scenarioFile,
            variants: variantNames.map { namedVariants && $0 != Scenario.baselineName ? $0 : nil },
            settings: variantNames.indices.map { settings + pointSettings[$0] })
        var swept: [[String: Double]] = []
        for index in variantNames.indices {
            if !namedVariants {
                swept.append(Dictionary(uniqueKeysWithValues: pointSettings[index].compactMap { setting in
                    guard let equals = setting.firstIndex(of: "="), let value = Double(setting[setting.index(after: equals)...])
                    else { return nil }
                    return (String(setting[..<equals]), value)
                }))
            }
        }
        return try Experiment(scenarios: scenarios, variantNames: variantNames,
                              sweptValues: namedVariants ? [] : swept, seed: seed,
                              commonRandomNumbers: commonRandomNumbers)
    }

    /// Whether two plans describe slices of the same batch (everything but the shard index).
    public func isSameBatch(as other: ExperimentPlan) -> Bool {
        var a = self, b = other
        a.shard = .whole
        b.shard = .whole
        a.escsimVersion = ""
        b.escsimVersion = ""
        return a == b && shard.count == other.shard.count
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    public static func read(from path: String) throws -> ExperimentPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExperimentError("no batch plan at \(path) (is this an escsim output folder?)")
        }
        return try JSONDecoder().decode(ExperimentPlan.self, from: data)
    }
}
