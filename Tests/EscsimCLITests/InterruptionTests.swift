import Foundation
import Stochastic
import Testing

/// Signals and kills against the real binary: nothing computed is lost, and a resumed run ends
/// in the same bytes as an uninterrupted one.
@Suite(.serialized) struct InterruptionTests {
    static let dataFiles = [
        "replications.csv", "summary.csv", "histograms.csv", "timeline.csv", "comparison.csv",
        "sensitivity.csv", "daily.csv",
    ]
    /// A batch long enough to be caught mid-run in a debug build.
    static func arguments(out: String) -> [String] {
        [
            "run", CLI.baseline, "--variants", "ceasefire_push", "-r", "400", "--seed", "5", "--threads", "2",
            "--quiet",
            "--set", "horizon_days=20", "--out", out,
        ]
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
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, signalNumber)
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationStatus
        // A run that ended by itself before the signal must have ended well.
        if process.terminationReason == .exit, status != 0, status != 130 {
            Issue.record("escsim exited \(status) before the signal: \(text)")
        }
        return status
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

    /// SIGKILL at many random moments (drawn from a fixed seed, so the test repeats), resuming
    /// after each: during the replications, while the files are being written, or after they
    /// are done. Whatever was cut, the end result is the uninterrupted run's bytes.
    @Test func killedAtRandomMomentsAndResumedGivesTheSameBytes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let started = Date()
        let reference = try Self.reference(in: dir)
        let duration = Date().timeIntervalSince(started)
        let broken = dir.appendingPathComponent("killed")
        let manifest = broken.appendingPathComponent("manifest.json").path
        let random = RandomStream(seed: 20_241_127)  // GSL mt19937, like every draw in escsim
        var kills = 0
        var landed = 0
        var statuses: [Int32] = []
        while (try? String(contentsOfFile: manifest, encoding: .utf8))?.contains("\"complete\" : true") != true {
            // Killed before the plan reached disk, there is nothing to resume: a user starts again.
            let planWritten = FileManager.default.fileExists(atPath: broken.path + "/.escsim/plan.json")
            let arguments =
                planWritten ? ["run", "--resume", broken.path, "--quiet"] : Self.arguments(out: broken.path)
            if kills < 14 {
                // Up to 30% of a whole run, so that most kills land however loaded the machine is:
                // early ones cut the replications, those of a nearly finished resume the writing.
                let delay = 0.05 + random.uniform() * 0.3 * duration
                let status = try Self.interrupt(arguments, after: delay, with: SIGKILL)
                kills += 1
                statuses.append(status)
                if status == SIGKILL { landed += 1 }
            } else {
                let result = try CLI.run(arguments)
                #expect(result.status == 0, "\(result.stderr)")
                break
            }
        }
        #expect(
            landed >= 3, "only \(landed) of \(kills) kills landed before the run finished; exit statuses \(statuses)")
        #expect(Self.files(broken) == reference)
    }
}
