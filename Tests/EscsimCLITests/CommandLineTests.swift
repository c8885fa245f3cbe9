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
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
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
        #expect(
            files == [
                ".escsim", "draws.csv", "histograms.csv", "manifest.json", "replications.csv", "sensitivity.csv",
                "summary.csv", "timeline.csv",
            ])
        // A finished batch keeps only its ledger of the files it wrote (its plan and log are gone).
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/.escsim") == ["files.json"])

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
        #expect(
            replications.hasPrefix("variant,replication,status,error,end_state,aleppo_city_fell,aleppo_city_fall_day,"))
    }

    @Test(arguments: [false, true])
    func threadCountDoesNotChangeTheBytes(daily: Bool) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for threads in ["1", "2"] {
            let result = try CLI.run(
                [
                    "run", CLI.baseline, "-r", "50", "--threads", threads, "--quiet",
                    "--out", dir.appendingPathComponent(threads).path,
                ] + (daily ? ["--daily"] : []))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("1/daily.csv").path) == daily)
        for file in ["replications.csv", "summary.csv"] + (daily ? ["daily.csv"] : []) {
            let one = try Data(contentsOf: dir.appendingPathComponent("1/\(file)"))
            let two = try Data(contentsOf: dir.appendingPathComponent("2/\(file)"))
            #expect(one == two, "\(file) differs between 1 and 2 threads")
        }
    }

    @Test func aBadScenarioExitsWithStatus2AndWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try String(contentsOfFile: CLI.baseline, encoding: .utf8)
        let broken =
            original
            .replacingOccurrences(of: "horizon_days: 30", with: "horizon_days: .nan")
            .replacingOccurrences(of: "controller: hts ", with: "controller: htz ")
        let file = dir.appendingPathComponent("broken.yaml").path
        try broken.write(toFile: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out").path
        let result = try CLI.run(["run", file, "--out", out])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(
            lines.contains {
                $0.hasPrefix("\(file):") && $0.contains("horizon_days must be a number, got .nan (not a number)")
            }, "\(result.stderr)")
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

    @Test func validateChecksEveryFileAndListsEveryProblem() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.yaml")
        let text = try String(contentsOfFile: CLI.baseline, encoding: .utf8)
            .replacingOccurrences(of: "horizon_days:", with: "horizon_dayz:")
            .replacingOccurrences(of: "posture: tolerate", with: "posture: tolerat")
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", CLI.baseline, bad.path, CLI.baseline])
        #expect(result.status == 2)
        #expect(result.stdout.components(separatedBy: ": ok - ").count == 3)  // both good files reported
        let problems = result.stderr.split(separator: "\n").filter { $0.hasPrefix(bad.path + ":") }
        #expect(problems.count >= 2, "\(result.stderr)")
        #expect(result.stderr.contains("1 of 3 files invalid"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bad.yaml"])
    }

    @Test func resumingAFolderWithoutABatchSaysSo() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["run", "--resume", dir.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("holds no batch to resume"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func everyHelpGivesAnExample() throws {
        for command in [[], ["run"], ["validate"], ["trace"], ["merge"]] {
            let result = try CLI.run(command + ["--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Example"), "escsim \(command.joined()) --help has no example")
            #expect(result.stdout.contains("escsim "), "\(result.stdout)")
        }
        let completion = try CLI.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0 && completion.stdout.contains("validate"))
    }

    /// The summary is coloured on a terminal (a pseudo-terminal from script(1)) unless NO_COLOR
    /// is set, and never when standard output is a pipe.
    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func onTerminal(noColor: String?, out: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            let command = [
                CLI.binary.path, "run", CLI.baseline, "-r", "20", "--out", dir.appendingPathComponent(out).path,
            ]
            process.arguments = ["-qec", command.joined(separator: " "), "/dev/null"]
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = noColor
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return String(decoding: data, as: UTF8.self)
        }
        let coloured = try onTerminal(noColor: nil, out: "a")
        #expect(coloured.contains("aleppo_city_fall_day"))
        #expect(coloured.contains("\u{1B}[36m"))
        let plain = try onTerminal(noColor: "1", out: "b")
        #expect(plain.contains("aleppo_city_fall_day"))
        #expect(!hasColour(plain))  // the progress bar still redraws its line (ESC[K), uncoloured
        let piped = try CLI.run(["run", CLI.baseline, "-r", "20", "--out", dir.appendingPathComponent("c").path])
        #expect(piped.stdout.contains("\u{2588}") && !piped.stdout.contains("\u{1B}["))
    }

    /// Whether `text` holds an ANSI colour or style code (ESC [ digits and semicolons m).
    func hasColour(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices
        where scalars[index] == "\u{1B}" && index + 1 < scalars.count && scalars[index + 1] == "[" {
            var next = index + 2
            while next < scalars.count, scalars[next] == ";" || ("0"..."9").contains(scalars[next]) { next += 1 }
            if next < scalars.count, scalars[next] == "m" { return true }
        }
        return false
    }

    @Test func badArgumentsExitWithTheUsageStatus() throws {
        let result = try CLI.run(["run", CLI.baseline, "--replications", "0"])
        #expect(result.status == 64)  // EX_USAGE, ArgumentParser's status for validation errors
        #expect(result.stderr.contains("--replications must be between 1"))
    }
}
