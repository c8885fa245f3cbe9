import DiscreteEvent
import EscalationModel
import Foundation
import Stochastic

/// Everything needed to (re)build a batch's experiment, stored beside its record log so that an
/// interrupted run can be resumed and shards merged on another machine: the scenario's own text
/// (not just its path), the seed, the variants and every override.
public struct ExperimentPlan: Codable, Sendable, Equatable {
    /// The master seed when none is given: the day the HTS offensive began, 27 November 2024.
    public static let defaultSeed: UInt64 = 20_241_127
    /// Replications per variant when none are asked for.
    public static let defaultReplications = 1000

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
    /// Per variant, the values of its sweep point (empty for named variants).
    public var pointValues: [[SweptValue]]
    /// `--set` overrides applied to every variant.
    public var settings: [String]
    public var failFast: Bool
    /// `--precision`: stop when the target's 95% half-width is at most this.
    public var precision: Double?
    public var target: String?
    /// Replications run between precision checks.
    public var precisionBatch: Int
    /// `--daily`: the records keep the daily series and the batch writes `daily.csv`.
    public var daily: Bool {
        get { dailyKey ?? false }
        set { dailyKey = newValue ? true : nil }
    }
    /// `--posterior`: the calibrated posterior (`posterior.csv`) the replications draw their
    /// calibrated unknowns from, its path as given and its text; nil (and not stored) without it.
    public var posteriorFile: String?
    public var posteriorText: String?
    /// The engine file the scenario includes (`engine:`), its path and text, kept so that a
    /// resume or merge uses the engine the batch began with; nil (and not stored) without one.
    public var engineFile: String?
    public var engineText: String?
    /// Stored only when true, so a plan without `--daily` is written as before and a plan
    /// written before `--daily` existed reads as one without it.
    private var dailyKey: Bool?
    /// A design batch (`--sweep`, `--design`): how its points were made and the policies run at
    /// each; nil (and not stored) for a baseline-and-variants batch.
    public var design: DesignDescription?
    /// `--per-point`: a design writes summaries per experiment instead of per policy.
    public var perPoint: Bool {
        get { perPointKey ?? false }
        set { perPointKey = newValue ? true : nil }
    }
    private var perPointKey: Bool?

    private enum CodingKeys: String, CodingKey {
        case escsimVersion, scenarioFile, scenarioText, scenarioSHA256, seed, replications, shard, isShardRun
        case commonRandomNumbers, variantNames, namedVariants, pointValues, settings, failFast, precision, target
        case precisionBatch
        case dailyKey = "daily"
        case posteriorFile, posteriorText, engineFile, engineText, design
        case perPointKey = "perPoint"
    }

    public init(
        scenarioFile: String, scenarioText: String, seed: UInt64, replications: Int, shard: Shard,
        isShardRun: Bool = false, commonRandomNumbers: Bool, variantNames: [String], namedVariants: Bool,
        pointValues: [[SweptValue]],
        settings: [String], failFast: Bool, precision: Double?, target: String?, precisionBatch: Int = 200,
        daily: Bool = false
    ) {
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
        self.pointValues = pointValues
        self.settings = settings
        self.failFast = failFast
        self.precision = precision
        self.target = target
        self.precisionBatch = precisionBatch
        self.daily = daily
    }

    /// Turns a plan's scenario text, variants and settings into the model of each variant, in
    /// `variantNames`' order: the YAML layer's work, handed in by the command line (and tests).
    public typealias Compiler = (ExperimentPlan) throws -> [Experiment.Variant]

    /// The named variant of the scenario that entry `index` applies: its own name in a batch of
    /// named variants, its policy in a design crossed with policies; nil for the baseline.
    public func appliedVariant(ofVariant index: Int) -> String? {
        let name =
            design.map { $0.policy(ofExperiment: index) }
            ?? (namedVariants ? variantNames[index] : DesignDescription.baselinePolicy)
        return name == DesignDescription.baselinePolicy ? nil : name
    }

    /// The settings of variant `index` for the scenario layer: the `--set` values, then its
    /// sweep point's.
    public func settings(ofVariant index: Int) -> [String] {
        settings + pointValues[index].map(\.setting)
    }

    /// The experiment this plan describes, its scenario compiled by `compile`.
    public func experiment(compile: Compiler) throws -> Experiment {
        let scenarios = try compile(self)
        let swept = pointValues.map { point in
            Dictionary(point.map { ($0.path, $0.value) }, uniquingKeysWith: { _, last in last })
        }
        return try Experiment(
            scenarios: scenarios, variantNames: variantNames,
            sweptValues: namedVariants ? [] : swept, design: design, seed: seed,
            commonRandomNumbers: commonRandomNumbers, daily: daily)
    }

    /// Whether two plans describe slices of the same batch: everything that decides the records
    /// but the shard index (not how the scenario's, engine's or posterior's paths were spelled,
    /// only their texts; nor `--fail-fast`, which
    /// decides only when a shard stops).
    public func isSameBatch(as other: ExperimentPlan) -> Bool {
        var a = self
        var b = other
        for plan in [\ExperimentPlan.escsimVersion, \.scenarioFile] {
            a[keyPath: plan] = ""
            b[keyPath: plan] = ""
        }
        // The engine's and posterior's paths may be spelt differently too; their texts must agree.
        a.engineFile = nil
        b.engineFile = nil
        a.posteriorFile = nil
        b.posteriorFile = nil
        a.shard = .whole
        b.shard = .whole
        a.failFast = false
        b.failFast = false
        return a == b && shard.count == other.shard.count
    }

    /// Checks a plan read from disk (or built from options) describes a batch escsim can run:
    /// a plan edited or damaged on disk is refused with what is wrong, never divided by.
    public func check() throws(BatchFolderError) {
        var problems: [String] = []
        if !(1...StreamSeeds.maxReplications).contains(replications) {
            problems.append("replications must be between 1 and \(StreamSeeds.maxReplications), not \(replications)")
        }
        if shard.count < 1 || !(0..<max(1, shard.count)).contains(shard.index) {
            problems.append("shard \(shard.index)/\(shard.count) is not a shard (0 <= K < N)")
        }
        if variantNames.isEmpty || variantNames.count != pointValues.count {
            problems.append("it names \(variantNames.count) variants with \(pointValues.count) sets of swept values")
        }
        if let design, design.experiments != variantNames.count || design.policies.isEmpty {
            problems.append(
                "its design has \(design.points) points x \(design.policies.count) policies for \(variantNames.count) variants"
            )
        }
        if Set(variantNames).count != variantNames.count {
            problems.append("a variant is named twice")
        }
        if scenarioSHA256 != SHA256.hexDigest(Array(scenarioText.utf8)) {
            problems.append("the scenario text does not match its SHA-256")
        }
        if precisionBatch < 1 {
            problems.append("the precision batch must be at least 1, not \(precisionBatch)")
        }
        if (precision == nil) != (target == nil) || precision.map({ !($0 > 0 && $0.isFinite) }) == true {
            problems.append("precision and target must come together, with a positive precision")
        }
        if !problems.isEmpty { throw BatchFolderError(problems.joined(separator: "; ")) }
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    public static func read(from path: String) throws(BatchFolderError) -> ExperimentPlan {
        // A plan is a small regular file: never a link, a device or a huge file read whole.
        guard BatchFolder.isRegularFile(path, smallerThan: 64 << 20),
            let data = FileManager.default.contents(atPath: path)
        else {
            throw BatchFolderError("no batch plan at \(path) (is this an escsim output folder?)")
        }
        do {
            return try JSONDecoder().decode(ExperimentPlan.self, from: data)
        } catch {
            // A plan of another escsim version is not damaged, only not this version's to carry on.
            struct Version: Decodable { var escsimVersion: String }
            if let other = try? JSONDecoder().decode(Version.self, from: data),
                other.escsimVersion != EscsimVersion.current
            {
                throw BatchFolderError(
                    "\(path) was written by escsim \(other.escsimVersion), whose batches this escsim "
                        + "(\(EscsimVersion.current)) cannot carry on: finish it with that version, or "
                        + "start the batch again")
            }
            throw BatchFolderError("\(path) is not a batch plan escsim wrote (damaged or edited)")
        }
    }
}
