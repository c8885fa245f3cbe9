import Foundation
import Testing

/// Runs the built `escsim` binary, as a user would.
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let baseline = packageRoot.appendingPathComponent("Scenarios/aleppo-2024.yaml").path

    /// The binary next to the test bundle (both live in the build's products folder).
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("escsim"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("escsim"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("escsim"),
            packageRoot.appendingPathComponent(".build/debug/escsim"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("escsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite(.serialized) struct CommandLineTests {
    @Test func runWritesItsFilesAndTheManifest() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let result = try CLI.run(["run", CLI.baseline, "--replications", "40", "--seed", "3", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("aleppo_city_fell"))
        #expect(result.stdout.contains("95% interval"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["histograms.csv", "manifest.json", "replications.csv", "sensitivity.csv", "summary.csv",
                          "timeline.csv"])

        let manifestData = try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))
        let manifest = try JSONSerialization.jsonObject(with: manifestData) as? [String: Any]
        let scenario = manifest?["scenario"] as? [String: Any]
        let random = manifest?["random"] as? [String: Any]
        #expect(manifest?["replications"] as? Int == 40)
        #expect(manifest?["seed"] as? Int == 3)
        #expect((scenario?["sha256"] as? String)?.count == 64)
        #expect(random?["generator"] as? String == "mt19937")
        #expect((random?["version"] as? String)?.hasPrefix("2.") == true)
        #expect(manifest?["complete"] as? Bool == true)

        let replications = try String(contentsOfFile: out + "/replications.csv", encoding: .utf8)
        #expect(replications.split(separator: "\n").count == 41)
        #expect(replications.hasPrefix("variant,replication,status,error,end_state,aleppo_city_fell,aleppo_city_fall_day,"))
    }

    @Test func threadCountDoesNotChangeTheBytes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for threads in ["1", "2"] {
            let result = try CLI.run(["run", CLI.baseline, "-r", "50", "--threads", threads, "--quiet",
                                      "--out", dir.appendingPathComponent(threads).path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        for file in ["replications.csv", "summary.csv"] {
            let one = try Data(contentsOf: dir.appendingPathComponent("1/\(file)"))
            let two = try Data(contentsOf: dir.appendingPathComponent("2/\(file)"))
            #expect(one == two, "\(file) differs between 1 and 2 threads")
        }
    }

    @Test func aBadScenarioExitsWithStatus2AndWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try String(contentsOfFile: CLI.baseline, encoding: .utf8)
        let broken = original
            .replacingOccurrences(of: "horizon_days: 30", with: "horizon_days: .nan")
            .replacingOccurrences(of: "controller: hts ", with: "controller: htz ")
        let file = dir.appendingPathComponent("broken.yaml").path
        try broken.write(toFile: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out").path
        let result = try CLI.run(["run", file, "--out", out])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("\(file):") && $0.contains("horizon_days must be finite") }, "\(result.stderr)")
        #expect(lines.contains { $0.contains("unknown actor 'htz' (did you mean 'hts'?)") }, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anUnwritableOutputIsAClearErrorWithoutPartialFiles() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocker = dir.appendingPathComponent("file").path
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", CLI.baseline, "-r", "5", "--out", blocker + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("escsim:"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["file"])
    }

    @Test func validateAcceptsTheBaseline() throws {
        let result = try CLI.run(["validate", CLI.baseline])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("7 actors"))
        #expect(result.stdout.contains("variant russia_air_surge"))
    }

    @Test func badArgumentsExitWithTheUsageStatus() throws {
        let result = try CLI.run(["run", CLI.baseline, "--replications", "0"])
        #expect(result.status == 64)  // EX_USAGE, ArgumentParser's status for validation errors
        #expect(result.stderr.contains("--replications must be between 1"))
    }
}
