import Foundation
import Testing

/// Signals and kills against the real binary: nothing computed is lost, and a resumed run ends
/// in the same bytes as an uninterrupted one.
@Suite(.serialized) struct InterruptionTests {
    static let dataFiles = ["replications.csv", "summary.csv", "histograms.csv", "timeline.csv", "comparison.csv",
                            "sensitivity.csv"]
    /// A batch long enough to be caught mid-run in a debug build.
    static func arguments(out: String) -> [String] {
        ["run", CLI.baseline, "--variants", "ceasefire_push", "-r", "400", "--seed", "5", "--threads", "2", "--quiet",
         "--set", "horizon_days=20", "--out", out]
    }

    static func files(_ directory: URL) -> [String: Data] {
        var found: [String: Data] = [:]
        for name in dataFiles {
            if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) {
                found[name] = data
            }
        }
        return found
    }

    /// Starts the binary, waits `delay` seconds, sends `signal`; returns its exit status.
    static func interrupt(_ arguments: [String], after delay: Double, with signalNumber: Int32) throws -> Int32 {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func reference(in dir: URL) throws -> [String: Data] {
        let whole = dir.appendingPathComponent("whole")
        let result = try CLI.run(arguments(out: whole.path))
        #expect(result.status == 0, "\(result.stderr)")
        return files(whole)
    }

    @Test func ctrlCWritesWhatIsDoneAndResumeCompletesIt() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let reference = try Self.reference(in: dir)
        let broken = dir.appendingPathComponent("broken")
        let status = try Self.interrupt(Self.arguments(out: broken.path), after: 1.0, with: SIGINT)
        #expect(status == 130, "an interrupted run exits 130")
        let manifest = try String(contentsOfFile: broken.appendingPathComponent("manifest.json").path, encoding: .utf8)
        #expect(manifest.contains("\"complete\" : false"))
        #expect(manifest.contains("interrupted"))
        let resumed = try CLI.run(["run", "--resume", broken.path, "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(Self.files(broken) == reference)
    }

    /// SIGKILL at random moments, resuming after each: the end result is always the same bytes.
    @Test func killedAtRandomMomentsAndResumedGivesTheSameBytes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let reference = try Self.reference(in: dir)
        let broken = dir.appendingPathComponent("killed")
        var delays = [0.3, 0.9, 0.5, 1.3, 0.2, 0.7]  // fixed "random" moments: the test must be repeatable
        var kills = 0
        _ = try Self.interrupt(Self.arguments(out: broken.path), after: delays.removeFirst(), with: SIGKILL)
        kills += 1
        while !FileManager.default.fileExists(atPath: broken.appendingPathComponent("manifest.json").path)
            || (try? String(contentsOfFile: broken.appendingPathComponent("manifest.json").path, encoding: .utf8))?
                .contains("\"complete\" : true") != true {
            // Killed before the plan reached disk, there is nothing to resume: a user starts again.
            let planWritten = FileManager.default.fileExists(atPath: broken.path + "/.escsim/plan.json")
            let resume = planWritten ? ["run", "--resume", broken.path, "--quiet"] : Self.arguments(out: broken.path)
            if let delay = delays.first {
                delays.removeFirst()
                _ = try Self.interrupt(resume, after: delay, with: SIGKILL)
                kills += 1
            } else {
                let result = try CLI.run(resume)
                #expect(result.status == 0, "\(result.stderr)")
                break
            }
        }
        #expect(kills >= 2)
        #expect(Self.files(broken) == reference)
    }
}
