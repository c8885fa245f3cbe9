import Foundation

/// `manifest.json`: what produced an output folder, so a result can be traced and reproduced.
public struct Manifest: Codable, Sendable, Equatable {
    public struct ScenarioInfo: Codable, Sendable, Equatable {
        public var name: String
        public var file: String
        public var sha256: String
        public var variant: String
        public var settings: [String]

        public init(name: String, file: String, sha256: String, variant: String, settings: [String]) {
            self.name = name
            self.file = file
            self.sha256 = sha256
            self.variant = variant
            self.settings = settings
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
    public var seed: UInt64
    public var replications: Int
    public var threads: Int
    public var random: GeneratorInfo
    public var commandLine: [String]
    public var startedAt: String
    public var wallTimeSeconds: Double
    public var complete: Bool
    public var files: [String]

    public init(
        escsimVersion: String, scenario: ScenarioInfo, seed: UInt64, replications: Int, threads: Int,
        random: GeneratorInfo, commandLine: [String], startedAt: String, wallTimeSeconds: Double,
        complete: Bool, files: [String]
    ) {
        self.escsimVersion = escsimVersion
        self.scenario = scenario
        self.seed = seed
        self.replications = replications
        self.threads = threads
        self.random = random
        self.commandLine = commandLine
        self.startedAt = startedAt
        self.wallTimeSeconds = wallTimeSeconds
        self.complete = complete
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case escsimVersion = "escsim_version"
        case scenario, seed, replications, threads, random
        case commandLine = "command_line"
        case startedAt = "started_at"
        case wallTimeSeconds = "wall_time_seconds"
        case complete, files
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
