import DiscreteEvent
import EscalationModel
import Foundation
import Stochastic

/// `manifest.json`: what produced an output folder, so a result can be traced and reproduced.
public struct Manifest: Codable, Sendable, Equatable {
    public struct ScenarioInfo: Codable, Sendable, Equatable {
        public var name: String
        public var file: String
        public var sha256: String
        public var settings: [String]

        public init(name: String, file: String, sha256: String, settings: [String]) {
            self.name = name
            self.file = file
            self.sha256 = sha256
            self.settings = settings
        }

        /// `settings` came with `--set`; a manifest from before has none.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            file = try container.decode(String.self, forKey: .file)
            sha256 = try container.decode(String.self, forKey: .sha256)
            settings = try container.decodeIfPresent([String].self, forKey: .settings) ?? []
        }
    }

    public struct GeneratorInfo: Codable, Sendable, Equatable {
        public var library: String
        public var version: String
        public var generator: String
        public var seedDerivation: String

        public init(library: String, version: String, generator: String, seedDerivation: String) {
            self.library = library
            self.version = version
            self.generator = generator
            self.seedDerivation = seedDerivation
        }

        enum CodingKeys: String, CodingKey {
            case library, version, generator
            case seedDerivation = "seed_derivation"
        }
    }

    public var escsimVersion: String
    public var scenario: ScenarioInfo
    /// The calibrated posterior the run drew from (`run --posterior`): its file and SHA-256.
    public var posterior: FileInfo?
    /// The engine file the scenario includes (`engine:`): its file and SHA-256.
    public var engine: FileInfo?

    /// A file a run read beside its scenario.
    public struct FileInfo: Codable, Sendable, Equatable {
        public var file: String
        public var sha256: String
    }
    public var seed: UInt64
    /// Replications asked for (the cap, with --precision).
    public var replications: Int
    /// Replications whose every variant is in the files.
    public var replicationsDone: Int
    public var variants: [String]
    public var commonRandomNumbers: Bool
    public var shard: String
    public var threads: Int
    public var random: GeneratorInfo
    public var commandLine: [String]
    public var startedAt: String
    public var wallTimeSeconds: Double
    /// Of the wall time: running replications, and computing and writing the files.
    public var simulationSeconds: Double?
    public var outputSeconds: Double?
    public var complete: Bool
    /// Why the run stopped: finished, interrupted, fail-fast at replication N, precision reached, cap reached.
    public var stopReason: String
    public var failedRecords: Int
    public var files: [String]
    /// The SHA-256 of each file in `files`, by name (`sha256sum` prints the same digits).
    public var fileSHA256: [String: String]?
    /// Peak resident memory of the process, in MiB (VmHWM).
    public var peakMemoryMiB: Double?
    /// A design batch's points, policies and parameters; absent for other batches.
    public var design: DesignDescription?

    public init(
        escsimVersion: String, scenario: ScenarioInfo, seed: UInt64, replications: Int, replicationsDone: Int,
        variants: [String], commonRandomNumbers: Bool, shard: String, threads: Int,
        random: GeneratorInfo, commandLine: [String], startedAt: String, wallTimeSeconds: Double,
        simulationSeconds: Double? = nil, outputSeconds: Double? = nil, complete: Bool, stopReason: String,
        failedRecords: Int, files: [String], fileSHA256: [String: String]? = nil,
        peakMemoryMiB: Double?
    ) {
        self.escsimVersion = escsimVersion
        self.scenario = scenario
        self.seed = seed
        self.replications = replications
        self.replicationsDone = replicationsDone
        self.variants = variants
        self.commonRandomNumbers = commonRandomNumbers
        self.shard = shard
        self.threads = threads
        self.random = random
        self.commandLine = commandLine
        self.startedAt = startedAt
        self.wallTimeSeconds = wallTimeSeconds
        self.simulationSeconds = simulationSeconds
        self.outputSeconds = outputSeconds
        self.complete = complete
        self.stopReason = stopReason
        self.failedRecords = failedRecords
        self.files = files
        self.fileSHA256 = fileSHA256
        self.peakMemoryMiB = peakMemoryMiB.flatMap { $0.isFinite ? $0 : nil }
    }

    enum CodingKeys: String, CodingKey {
        case escsimVersion = "escsim_version"
        case scenario, seed, replications, threads, random, variants, shard
        case replicationsDone = "replications_done"
        case commonRandomNumbers = "common_random_numbers"
        case stopReason = "stop_reason"
        case failedRecords = "failed_records"
        case peakMemoryMiB = "peak_memory_mib"
        case commandLine = "command_line"
        case startedAt = "started_at"
        case wallTimeSeconds = "wall_time_seconds"
        case simulationSeconds = "simulation_seconds"
        case outputSeconds = "output_seconds"
        case complete, files, posterior, engine, design
        case fileSHA256 = "file_sha256"
    }

    /// Reads a manifest escsim wrote. `complete` comes first, so a file without it says so. The
    /// keys of escsim's first manifest (0.1.0) are required; keys added since then take, when
    /// absent, what a 0.1.0 run meant by leaving them out: one run on one machine of every asked
    /// replication (it had no resume, shards, failure status or `--set`), common random numbers,
    /// and `variants` empty (the variants are then those of `summary.csv`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        complete = try container.decode(Bool.self, forKey: .complete)
        escsimVersion = try container.decode(String.self, forKey: .escsimVersion)
        scenario = try container.decode(ScenarioInfo.self, forKey: .scenario)
        seed = try container.decode(UInt64.self, forKey: .seed)
        replications = try container.decode(Int.self, forKey: .replications)
        threads = try container.decode(Int.self, forKey: .threads)
        random = try container.decode(GeneratorInfo.self, forKey: .random)
        commandLine = try container.decode([String].self, forKey: .commandLine)
        startedAt = try container.decode(String.self, forKey: .startedAt)
        wallTimeSeconds = try container.decode(Double.self, forKey: .wallTimeSeconds)
        files = try container.decode([String].self, forKey: .files)
        replicationsDone =
            try container.decodeIfPresent(Int.self, forKey: .replicationsDone)
            ?? (complete ? replications : 0)
        variants = try container.decodeIfPresent([String].self, forKey: .variants) ?? []
        commonRandomNumbers = try container.decodeIfPresent(Bool.self, forKey: .commonRandomNumbers) ?? true
        shard = try container.decodeIfPresent(String.self, forKey: .shard) ?? "0/1"
        stopReason =
            try container.decodeIfPresent(String.self, forKey: .stopReason)
            ?? (complete ? "finished" : "interrupted")
        failedRecords = try container.decodeIfPresent(Int.self, forKey: .failedRecords) ?? 0
        simulationSeconds = try container.decodeIfPresent(Double.self, forKey: .simulationSeconds)
        outputSeconds = try container.decodeIfPresent(Double.self, forKey: .outputSeconds)
        fileSHA256 = try container.decodeIfPresent([String: String].self, forKey: .fileSHA256)
        peakMemoryMiB = try container.decodeIfPresent(Double.self, forKey: .peakMemoryMiB)
        posterior = try container.decodeIfPresent(FileInfo.self, forKey: .posterior)
        engine = try container.decodeIfPresent(FileInfo.self, forKey: .engine)
        design = try container.decodeIfPresent(DesignDescription.self, forKey: .design)
    }

    /// The manifest of `plan`'s batch: the plan's facts, the random-number facts, and the run's.
    public init(
        plan: ExperimentPlan, scenarioName: String, replicationsDone: Int, shard: String, threads: Int,
        commandLine: [String], started: Date, wallTimeSeconds: Double, simulationSeconds: Double? = nil,
        outputSeconds: Double? = nil, complete: Bool, stopReason: String, result: BatchOutput.Result
    ) {
        self.init(
            escsimVersion: EscsimVersion.current,
            scenario: .init(
                name: scenarioName, file: plan.scenarioFile, sha256: plan.scenarioSHA256,
                settings: plan.settings),
            seed: plan.seed, replications: plan.replications, replicationsDone: replicationsDone,
            variants: plan.variantNames, commonRandomNumbers: plan.commonRandomNumbers, shard: shard, threads: threads,
            random: .init(
                library: "GSL", version: GSLRuntime.version, generator: GSLRuntime.generatorName,
                seedDerivation: StreamSeeds.derivation),
            commandLine: commandLine, startedAt: ISO8601DateFormatter().string(from: started),
            wallTimeSeconds: wallTimeSeconds, simulationSeconds: simulationSeconds, outputSeconds: outputSeconds,
            complete: complete, stopReason: stopReason, failedRecords: result.failedRecords, files: result.files,
            fileSHA256: result.checksums, peakMemoryMiB: BatchSession.peakMemoryMiB())
        if let file = plan.posteriorFile, let text = plan.posteriorText {
            posterior = FileInfo(file: file, sha256: SHA256.hexDigest(Array(text.utf8)))
        }
        if let file = plan.engineFile, let text = plan.engineText {
            engine = FileInfo(file: file, sha256: SHA256.hexDigest(Array(text.utf8)))
        }
        design = plan.design
    }

    /// Pretty, key-sorted JSON with a final newline.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else {
            preconditionFailure("a Manifest of strings and numbers always encodes")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
