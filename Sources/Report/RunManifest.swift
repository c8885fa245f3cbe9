import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the report takes from `manifest.json`. Only `complete` is required: every manifest
/// escsim has ever written has it, while other keys came later (a merged folder has no
/// timings), so a missing one shows as "not recorded" rather than failing an old folder.
public struct RunManifest: Sendable, Equatable {
    public var escsimVersion: String?
    public var scenarioName: String?
    public var scenarioFile: String?
    public var scenarioSHA256: String?
    public var settings: [String]
    public var seed: UInt64?
    public var replications: Int?
    public var replicationsDone: Int?
    public var variants: [String]
    public var commonRandomNumbers: Bool?
    public var shard: String?
    public var threads: Int?
    public var randomLibrary: String?
    public var randomVersion: String?
    public var generator: String?
    public var seedDerivation: String?
    public var commandLine: [String]
    public var startedAt: String?
    public var wallTimeSeconds: Double?
    public var complete: Bool
    public var stopReason: String?
    public var failedRecords: Int?
    public var files: [String]?
    public var peakMemoryMiB: Double?

    /// Reads the manifest at `path`.
    public static func load(path: String) throws(ReportError) -> RunManifest {
        let data = Data(try readAll(path))
        let file: ManifestFile
        do {
            file = try JSONDecoder().decode(ManifestFile.self, from: data)
        } catch let error as DecodingError {
            throw ReportError.badManifest(path: path, reason: Self.describe(error))
        } catch {
            throw ReportError.badManifest(path: path, reason: "\(error)")
        }
        guard let complete = file.complete else {
            throw ReportError.badManifest(path: path, reason: "it has no 'complete' key")
        }
        return RunManifest(
            escsimVersion: file.escsim_version, scenarioName: file.scenario?.name, scenarioFile: file.scenario?.file,
            scenarioSHA256: file.scenario?.sha256, settings: file.scenario?.settings ?? [], seed: file.seed,
            replications: file.replications, replicationsDone: file.replications_done, variants: file.variants ?? [],
            commonRandomNumbers: file.common_random_numbers, shard: file.shard, threads: file.threads,
            randomLibrary: file.random?.library, randomVersion: file.random?.version,
            generator: file.random?.generator, seedDerivation: file.random?.seed_derivation,
            commandLine: file.command_line ?? [], startedAt: file.started_at, wallTimeSeconds: file.wall_time_seconds,
            complete: complete, stopReason: file.stop_reason, failedRecords: file.failed_records, files: file.files,
            peakMemoryMiB: file.peak_memory_mib)
    }

    /// A decoding error as a phrase: which key, and what was wrong with it.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map(\.stringValue).joined(separator: ".")
            return keys.isEmpty ? "" : "'\(keys)': "
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            return path(context) + context.debugDescription
        case .dataCorrupted(let context):
            return path(context) + "not valid JSON"
        @unknown default:
            return "\(error)"
        }
    }

    /// The file's bytes, read with `fread` so a failure carries the system's reason (Foundation's
    /// message for a missing or unreadable file is vague on Linux).
    private static func readAll(_ path: String) throws(ReportError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw ReportError.unreadable(path: path, reason: CSVReader.systemReason(errno))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if read == 0 { break }
            bytes += chunk[0..<read]
        }
        if ferror(file) != 0 { throw ReportError.unreadable(path: path, reason: CSVReader.systemReason(errno)) }
        return bytes
    }

    /// The file as written, keys spelled as on disk; all optional so that old folders load.
    private struct ManifestFile: Decodable {
        struct Scenario: Decodable {
            var name: String?
            var file: String?
            var sha256: String?
            var settings: [String]?
        }
        struct Random: Decodable {
            var library: String?
            var version: String?
            var generator: String?
            var seed_derivation: String?
        }
        var escsim_version: String?
        var scenario: Scenario?
        var seed: UInt64?
        var replications: Int?
        var replications_done: Int?
        var variants: [String]?
        var common_random_numbers: Bool?
        var shard: String?
        var threads: Int?
        var random: Random?
        var command_line: [String]?
        var started_at: String?
        var wall_time_seconds: Double?
        var complete: Bool?
        var stop_reason: String?
        var failed_records: Int?
        var files: [String]?
        var peak_memory_mib: Double?
    }
}
