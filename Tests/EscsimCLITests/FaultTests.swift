import Foundation
import Testing

/// Faults of the machine rather than the scenario: an output path that is a file or a device,
/// a read-only folder, a full disk. Each gets one clear line, exit 1, and no partial output.
/// The mount-based cases need root (CI runs as root); a tmpfs gives a real ENOSPC and a real
/// read-only filesystem, which root's permission bypass would otherwise hide.
@Suite(.serialized) struct FaultTests {
    static let isRoot = getuid() == 0

    /// Mounts a tmpfs of `size` at `path` (options such as "ro" appended); unmounted by `unmount`.
    static func mountTmpfs(at path: String, options: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let status = try Self.command("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", path])
        try #require(status == 0, "mount -o \(options) failed")
    }

    static func unmount(_ path: String) {
        _ = try? command("/bin/umount", [path])
    }

    static func command(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func files(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    @Test func anOutputPathThatIsAFileIsRefusedAndKept() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("notes.txt").path
        try "keep me".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", CLI.baseline, "-r", "5", "--out", file])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("escsim: ") && result.stderr.contains(file), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
        #expect(Self.files(dir.path) == ["notes.txt"])
    }

    @Test func aReportOntoADeviceIsRefusedAndTheDeviceSurvives() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        #expect(try CLI.run(["run", CLI.baseline, "-r", "10", "--quiet", "--out", out]).status == 0)
        let result = try CLI.run(["report", out, "-o", "/dev/full"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/dev/full: it exists and is not a regular file"), "\(result.stderr)")
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/full is still a device")
        #expect(!Self.files("/dev").contains { $0.hasPrefix(".full.tmp") })
    }

    @Test(.enabled(if: isRoot, "needs root to mount a read-only tmpfs"))
    func aReadOnlyFolderIsAClearErrorWithNoPartialFiles() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let readOnly = dir.appendingPathComponent("ro").path
        try Self.mountTmpfs(at: readOnly, options: "ro,size=1m")
        defer { Self.unmount(readOnly) }
        let result = try CLI.run(["run", CLI.baseline, "-r", "5", "--out", readOnly + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Read-only file system"), "\(result.stderr)")
        #expect(Self.files(readOnly).isEmpty)
    }

    /// A batch whose record log cannot fit on the disk is refused before it starts, with what it
    /// needs and what is free, and nothing is created.
    @Test(.enabled(if: isRoot, "needs root to mount a small tmpfs"))
    func aBatchThatCannotFitIsRefusedBeforeItStarts() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = dir.appendingPathComponent("small").path
        try Self.mountTmpfs(at: small, options: "size=256k")
        defer { Self.unmount(small) }
        let out = small + "/out"
        let result = try CLI.run(["run", CLI.baseline, "-r", "400", "--quiet", "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("escsim: this batch needs about "), "\(result.stderr)")
        #expect(result.stderr.contains("its filesystem has"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(Self.files(small).isEmpty, "nothing created: \(Self.files(small))")
    }

    /// A disk that fills up mid-run (here: no inode left for the scratch file the output files
    /// are computed through): exit 1 with the system's reason, no result file half written;
    /// after space is freed, --resume finishes with the bytes of an uninterrupted run.
    @Test(.enabled(if: isRoot, "needs root to mount a small tmpfs"))
    func aFullDiskStopsCleanlyAndTheRunResumesOnceThereIsSpace() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = ["-r", "400", "--seed", "5", "--threads", "2", "--quiet"]
        let whole = dir.appendingPathComponent("whole").path
        #expect(try CLI.run(["run", CLI.baseline] + arguments + ["--out", whole]).status == 0)

        let small = dir.appendingPathComponent("small").path
        // Six inodes: the mount's root, out, out/.escsim, its ledger, plan and record log.
        try Self.mountTmpfs(at: small, options: "size=64m,nr_inodes=6")
        defer { Self.unmount(small) }
        let out = small + "/out"
        let full = try CLI.run(["run", CLI.baseline] + arguments + ["--out", out])
        #expect(full.status == 1)
        #expect(full.stderr.contains("No space left on device"), "\(full.stderr)")
        #expect(full.stderr.split(separator: "\n").count == 2, "\(full.stderr)")
        #expect(full.stderr.contains("continue with: escsim run --resume \(out)"), "\(full.stderr)")
        #expect(!Self.files(out).contains { $0.hasSuffix(".csv") || $0 == "manifest.json" }, "\(Self.files(out))")
        #expect(
            !Self.files(out).contains { $0.contains(".tmp-") || $0.contains(".staged-") },
            "no temporary file left: \(Self.files(out))")

        #expect(try Self.command("/bin/mount", ["-o", "remount,nr_inodes=1000", small]) == 0)
        let resumed = try CLI.run(["run", "--resume", out, "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        for file in ["replications.csv", "summary.csv", "histograms.csv", "timeline.csv", "sensitivity.csv"] {
            let a = FileManager.default.contents(atPath: whole + "/" + file)
            let b = FileManager.default.contents(atPath: out + "/" + file)
            #expect(a != nil && a == b, "\(file) differs after the resume")
        }
    }
}
