import Foundation
import Testing

/// An output folder nothing can corrupt: runs racing into one folder, folders escsim did not
/// make, stale files of an earlier run, tampered batch state, and options `--resume` must not
/// silently ignore. Each case failed (or corrupted data) before the folder was locked and ledgered.
@Suite(.serialized) struct OutputFolderSafetyTests {
    static func files(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    static func text(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// Starts escsim without waiting for it.
    static func start(_ arguments: [String], environment: [String: String]? = nil) throws -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    // MARK: - Two runs, one folder

    /// The race of the issue, 20 times: two runs with different seeds into one folder at once.
    /// Each either finishes or is refused because the other holds the folder, and the folder
    /// always holds exactly one run: the rows of the seed its manifest names, byte for byte.
    @Test func racingRunsNeverMixTheirRows() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let common = ["-r", "150", "-q", "-t", "1", "--set", "horizon_days=20"]
        var reference: [String: String] = [:]
        for seed in ["1", "2"] {
            let out = dir.appendingPathComponent("reference-\(seed)").path
            #expect(try CLI.run(["run", CLI.baseline, "-s", seed, "-o", out] + common).status == 0)
            reference[seed] = Self.text(out + "/replications.csv")
        }
        var refused = 0
        for attempt in 0..<20 {
            let out = dir.appendingPathComponent("race-\(attempt)").path
            let errors = (0..<2).map { dir.appendingPathComponent("race-\(attempt)-\($0).err") }
            var processes: [Process] = []
            for (index, seed) in ["1", "2"].enumerated() {
                try #require(FileManager.default.createFile(atPath: errors[index].path, contents: nil))
                let process = Process()
                process.executableURL = CLI.binary
                process.arguments = ["run", CLI.baseline, "-s", seed, "-o", out] + common
                process.standardOutput = FileHandle.nullDevice
                process.standardError = try FileHandle(forWritingTo: errors[index])
                try process.run()
                processes.append(process)
            }
            for (index, process) in processes.enumerated() {
                process.waitUntilExit()
                let stderr = Self.text(errors[index].path)
                if process.terminationStatus != 0 {
                    refused += 1
                    #expect(process.terminationStatus == 1, "\(stderr)")
                    #expect(
                        stderr.contains("is in use by another escsim process") || stderr.contains("unfinished batch"),
                        "\(stderr)")
                }
            }
            #expect(processes.contains { $0.terminationStatus == 0 }, "one of the two runs finishes")
            let manifest =
                try JSONSerialization.jsonObject(with: Data(Self.text(out + "/manifest.json").utf8))
                as? [String: Any]
            let seed = (manifest?["seed"] as? NSNumber).map { "\($0)" } ?? "?"
            #expect(manifest?["complete"] as? Bool == true)
            #expect(
                Self.text(out + "/replications.csv") == reference[seed], "attempt \(attempt): rows of seed \(seed) only"
            )
        }
        // Whether the runs overlapped is up to the scheduler; most attempts do on two cores.
        print("racing runs: \(refused) of 20 attempts had one run refused")
    }

    // MARK: - Paths and folders that are not escsim's

    @Test func anEmptyOutIsAUsageErrorAndWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["run", CLI.baseline, "-r", "5", "-o", ""], in: dir)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--out is empty"), "\(result.stderr)")
        #expect(Self.files(dir.path).isEmpty)
        let merge = try CLI.run(["merge", "a", "-o", ""], in: dir)
        #expect(merge.status == 64)
    }

    @Test func aFolderEscsimDidNotMakeIsRefusedAndKeptUnlessForced() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("mine").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "my own summary".write(toFile: out + "/summary.csv", atomically: true, encoding: .utf8)
        try "notes".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
        let refused = try CLI.run(["run", CLI.baseline, "-r", "5", "-q", "-o", out])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is not empty") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(Self.text(out + "/summary.csv") == "my own summary")
        #expect(Self.files(out) == ["notes.txt", "summary.csv"])

        let forced = try CLI.run(["run", CLI.baseline, "-r", "5", "-q", "-o", out, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(Self.text(out + "/notes.txt") == "notes", "nothing but same-named files is touched")
        #expect(Self.text(out + "/summary.csv").hasPrefix("variant,outcome"))
    }

    @Test func aWorkFolderEscsimDidNotMakeIsNeverDeleted() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("d").path
        try FileManager.default.createDirectory(atPath: out + "/.escsim", withIntermediateDirectories: true)
        try "precious".write(toFile: out + "/.escsim/data", atomically: true, encoding: .utf8)
        for force in [false, true] {
            let result = try CLI.run(["run", CLI.baseline, "-r", "5", "-q", "-o", out] + (force ? ["--force"] : []))
            #expect(result.status == 1)
            #expect(result.stderr.contains(".escsim was not made by escsim"), "\(result.stderr)")
            #expect(Self.text(out + "/.escsim/data") == "precious")
        }
    }

    @Test func aFileEscsimWroteThatChangedIsNotRemoved() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        #expect(try CLI.run(["run", CLI.baseline, "-r", "5", "-q", "--variants", "all", "-o", out]).status == 0)
        try "edited by hand".write(toFile: out + "/comparison.csv", atomically: true, encoding: .utf8)
        let refused = try CLI.run(["run", CLI.baseline, "-r", "5", "-q", "-o", out])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("comparison.csv changed since escsim wrote it"), "\(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/manifest.json"), "a refused run changes nothing")
        let forced = try CLI.run(["run", CLI.baseline, "-r", "5", "-q", "-o", out, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(Self.text(out + "/comparison.csv") == "edited by hand")
    }

    // MARK: - Stale files

    /// After a run with variants and its report, a run without variants leaves none of the
    /// earlier files: the folder holds exactly the files its manifest lists, with their checksums.
    @Test func aNewRunLeavesNoFileOfTheOldOne() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        #expect(try CLI.run(["run", CLI.baseline, "-r", "10", "-q", "--variants", "all", "-o", out]).status == 0)
        #expect(try CLI.run(["report", out, "-q"]).status == 0)
        #expect(Self.files(out).contains("comparison.csv") && Self.files(out).contains("report.html"))
        #expect(
            try CLI.run(["run", CLI.baseline, "-r", "10", "-q", "--set", "horizon_days=0.5", "-o", out]).status == 0)
        let manifest =
            try JSONSerialization.jsonObject(with: Data(Self.text(out + "/manifest.json").utf8)) as? [String: Any]
        let listed = (manifest?["files"] as? [String]) ?? []
        #expect(Self.files(out) == ([".escsim", "manifest.json"] + listed).sorted(), "\(Self.files(out))")
        #expect(!listed.contains("comparison.csv") && !listed.contains("timeline.csv"))
        let checksums = (manifest?["file_sha256"] as? [String: String]) ?? [:]
        #expect(Set(checksums.keys) == Set(listed))
        for name in listed {
            let data = FileManager.default.contents(atPath: out + "/" + name) ?? Data()
            #expect(checksums[name] == sha256Hex(data), "\(name)")
        }
    }

    // MARK: - Resume, fail-fast, precision, shards

    @Test func resumeRefusesOptionsThatContradictItsPlan() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        // A shard run keeps its plan, so it can be "resumed" (there is nothing left to do).
        #expect(try CLI.run(["run", CLI.baseline, "-r", "10", "-q", "--shard", "0/2", "-o", out]).status == 0)
        for (options, phrase) in [
            (["-r", "20"], "-r 20 (the batch has 10)"), (["--seed", "9"], "--seed 9"),
            (["--set", "horizon_days=5"], "--set horizon_days=5"),
            (["--fail-fast"], "--fail-fast"), (["--shard", "1/2"], "--shard 1/2"),
            (["-o", dir.path], "-o \(dir.path)"),
        ] {
            let result = try CLI.run(["run", "--resume", out, "-q"] + options)
            #expect(result.status == 64, "\(options): \(result.stderr)")
            #expect(result.stderr.contains(phrase) && result.stderr.contains("conflict"), "\(result.stderr)")
        }
        for options in [["--variants", "all"], ["--sweep"], ["--independent"]] {
            #expect(try CLI.run(["run", "--resume", out, "-q"] + options).status == 64, "\(options)")
        }
        // Restating the plan is fine.
        #expect(try CLI.run(["run", "--resume", out, "-q", "-r", "10", "--shard", "0/2"]).status == 0)
    }

    @Test func aFailFastStopIsFinalNotResumedOneFailureAtATime() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let first = try CLI.run([
            "run", CLI.baseline, "-r", "10", "-q", "--set", "max_events=60", "--fail-fast",
            "-t", "1", "-o", out,
        ])
        #expect(first.status == 1)
        #expect(first.stderr.contains("fail-fast: replication 0 failed"), "\(first.stderr)")
        let resumed = try CLI.run(["run", "--resume", out, "-q"])
        #expect(resumed.status == 1)
        #expect(
            resumed.stderr.contains("stopped under --fail-fast") && resumed.stderr.contains("nothing to resume"),
            "\(resumed.stderr)")
        let rows = Self.text(out + "/replications.csv").split(separator: "\n")
        #expect(rows.count == 2, "still the one failed replication: \(rows.count - 1) rows")
        // The stopped batch is finished for good: a corrected run may replace it.
        #expect(try CLI.run(["run", CLI.baseline, "-r", "5", "-q", "-o", out]).status == 0)
    }

    @Test func precisionMistakesAreUsageErrorsFoundBeforeAnythingIsWritten() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let target = try CLI.run(["run", CLI.baseline, "--precision", "0.01", "--target", "NOSUCH", "-o", out])
        #expect(target.status == 64)
        #expect(target.stderr.contains("--target: no outcome named 'NOSUCH'"), "\(target.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let sharded = try CLI.run([
            "run", CLI.baseline, "--precision", "0.01", "--target", "regime_collapsed",
            "--shard", "0/2", "-o", out,
        ])
        #expect(sharded.status == 64)
        #expect(sharded.stderr.contains("--precision") && sharded.stderr.contains("--shard"), "\(sharded.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func mergeIgnoresHowTheScenarioPathWasSpelledAndFailFast() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a").path
        let b = dir.appendingPathComponent("b").path
        let relative = "Scenarios/./aleppo-2024.yaml"
        #expect(try CLI.run(["run", CLI.baseline, "-r", "10", "-q", "--shard", "0/2", "-o", a]).status == 0)
        #expect(
            try CLI.run(
                ["run", relative, "-r", "10", "-q", "--shard", "1/2", "--fail-fast", "-o", b],
                in: CLI.packageRoot
            ).status == 0)
        let merged = try CLI.run(["merge", a, b, "-o", dir.appendingPathComponent("m").path, "-q"])
        #expect(merged.status == 0, "\(merged.stderr)")
    }

    @Test func mergeFindsAShardHoldingAnotherShardsReplications() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a").path
        let b = dir.appendingPathComponent("b").path
        #expect(try CLI.run(["run", CLI.baseline, "-r", "10", "-q", "--shard", "0/2", "-o", a]).status == 0)
        #expect(try CLI.run(["run", CLI.baseline, "-r", "10", "-q", "--shard", "1/2", "-o", b]).status == 0)
        // Shard 1's log replaced by shard 0's: same size, valid checksums for their positions.
        try FileManager.default.removeItem(atPath: b + "/.escsim/records.bin")
        try FileManager.default.copyItem(atPath: a + "/.escsim/records.bin", toPath: b + "/.escsim/records.bin")
        let merged = try CLI.run(["merge", a, b, "-o", dir.appendingPathComponent("m").path, "-q"])
        #expect(merged.status == 1)
        #expect(
            merged.stderr.contains("records.bin is damaged") && merged.stderr.contains("replication 5"),
            "\(merged.stderr)")
        #expect(merged.stderr.split(separator: "\n").count == 1)
    }

    // MARK: - Tampered state

    /// The version this escsim writes into plans (read from the binary, not repeated here).
    var escsimVersion: String {
        (try? CLI.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? "?"
    }

    /// Damage in `.escsim/`: one clear line and exit 1 from --resume and merge, never a crash
    /// or a silent change.
    @Test(arguments: [
        "header", "timeline", "plan-shards", "plan-negative", "plan-zero", "plan-garbage",
        "plan-old-version",
    ])
    func tamperedStateIsRefusedWithOneLine(damage: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        #expect(try CLI.run(["run", CLI.baseline, "-r", "6", "-q", "--shard", "0/1", "-o", out]).status == 0)
        let log = out + "/.escsim/records.bin"
        let planPath = out + "/.escsim/plan.json"
        var plan = Self.text(planPath)
        switch damage {
        case "header", "timeline":
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: log))
            let size = try handle.seekToEnd()
            // The first word of the second group (its replication), or a word near the end (a timeline day).
            try handle.seek(toOffset: damage == "header" ? size / 6 : size - 64)
            try handle.write(contentsOf: Data(repeating: 0x7f, count: 8))
            try handle.close()
        case "plan-shards": plan = plan.replacingOccurrences(of: "\"count\" : 1", with: "\"count\" : 0")
        case "plan-negative":
            plan = plan.replacingOccurrences(of: "\"replications\" : 6", with: "\"replications\" : -6")
        case "plan-zero": plan = plan.replacingOccurrences(of: "\"replications\" : 6", with: "\"replications\" : 0")
        case "plan-old-version":  // escsim 0.1.0 kept sweep points as text
            plan = plan.replacingOccurrences(of: "\"pointValues\"", with: "\"pointSettings\"")
                .replacingOccurrences(
                    of: "\"escsimVersion\" : \"\(escsimVersion)\"", with: "\"escsimVersion\" : \"0.1.0\"")
        default: plan = "{\"seed\": garbage"
        }
        if damage.hasPrefix("plan") {
            #expect(plan != Self.text(planPath), "the damage applies")
            try plan.write(toFile: planPath, atomically: true, encoding: .utf8)
        }
        for command in [["run", "--resume", out, "-q"], ["merge", out, "-o", dir.appendingPathComponent("m").path]] {
            let result = try CLI.run(command)
            #expect(result.status == 1, "\(command[0]) \(damage): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(
                result.stderr.contains(damage.hasPrefix("plan") ? "plan" : "records.bin is damaged"),
                "\(result.stderr)")
            if damage == "plan-old-version" {
                #expect(result.stderr.contains("was written by escsim 0.1.0"), "\(result.stderr)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m").path + "/manifest.json"))
    }

    /// SIGTERM while thousands of variants are being set up ends the run at once (it was
    /// swallowed until set-up finished, minutes later), and nothing has been written.
    @Test func aSignalDuringSetUpEndsTheRunAtOnce() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOfFile: CLI.baseline, encoding: .utf8)
        let generated = (0..<3000).map { index in
            "  generated_\(index):\n    set:\n      actors.russia.sorties_per_day: \(index % 40)\n"
        }.joined()
        text = text.replacingOccurrences(of: "\nvariants:\n", with: "\nvariants:\n" + generated)
        let scenario = dir.appendingPathComponent("many.yaml").path
        try text.write(toFile: scenario, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out").path
        let process = try Self.start(["run", scenario, "--variants", "all", "-r", "1", "-q", "-o", out])
        usleep(300_000)
        let signalled = Date()
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(signalled) < 5, "ended within 5 s of the signal")
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(!FileManager.default.fileExists(atPath: out), "nothing written during set-up")
    }

    // MARK: - Options

    @Test(arguments: [
        (["--variants", "baseline_x,baseline_x"], "twice"), (["--variants", ""], "--variants takes"),
        (["--independent"], "--independent"), (["--shards", "3"], "--shards goes with --shard auto"),
        (["--shard", "5/4"], "--shard must be K/N"), (["-r", "-5"], "--replications must be"),
        (["--threads", "-3"], "--threads must be at least 1"),
    ])
    func optionMistakesAreUsageErrors(options: [String], phrase: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["run", CLI.baseline, "-q"] + options, in: dir)
        #expect(result.status == 64, "\(options): \(result.stderr)")
        #expect(result.stderr.contains(phrase), "\(result.stderr)")
        #expect(!result.stderr.contains("Missing value"), "\(result.stderr)")
        #expect(Self.files(dir.path).isEmpty)
    }

    @Test func variantsAllOfAScenarioWithoutVariantsSaysSo() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let minimal = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/invalid/base/minimal.yaml").path
        let result = try CLI.run(["run", minimal, "--variants", "all", "-r", "3", "-o", dir.path + "/out"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("defines no variants; running the baseline only"), "\(result.stderr)")
        let named = try CLI.run(["run", minimal, "--variants", "surge", "-r", "3", "-o", dir.path + "/named"])
        #expect(named.status == 2)
        #expect(named.stderr.contains("no variant 'surge'; it defines none"), "\(named.stderr)")
    }

    @Test func aNegativeSeedIsNamedNotMissing() throws {
        let result = try CLI.run(["run", CLI.baseline, "-s", "-1"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'-1'") && !result.stderr.contains("Missing value"), "\(result.stderr)")
    }

    @Test func aSlurmTaskIdThatIsNotANumberIsSaidSo() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["SLURM_ARRAY_TASK_ID"] = "abc"
        environment["SLURM_ARRAY_TASK_COUNT"] = "4"
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["run", CLI.baseline, "-q", "--shard", "auto", "-o", "/nonexistent/escsim-never"]
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(stderr.contains("SLURM_ARRAY_TASK_ID is 'abc', not a whole number"), "\(stderr)")
    }

    @Test func theSuggestedResumeCommandIsQuotedForTheShell() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("my results").path
        #expect(try CLI.run(["run", CLI.baseline, "-r", "5", "-q", "-o", out, "--shard", "0/1"]).status == 0)
        let again = try CLI.run(["run", CLI.baseline, "-r", "5", "-q", "-o", out])
        #expect(again.status == 1)
        #expect(again.stderr.contains("finished shard"), "\(again.stderr)")
        // An unfinished batch is pointed at with a command a shell takes as one word.
        try FileManager.default.removeItem(atPath: out + "/manifest.json")
        let unfinished = try CLI.run(["run", CLI.baseline, "-r", "5", "-q", "-o", out])
        #expect(unfinished.stderr.contains("--resume '\(out)'"), "\(unfinished.stderr)")
    }
}

/// SHA-256 of `data` as hex, through coreutils (an independent implementation).
func sha256Hex(_ data: Data) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try? process.run()
    input.fileHandleForWriting.write(data)
    try? input.fileHandleForWriting.close()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return String(text.prefix(64))
}
