import Experiments
import Foundation
import Stochastic
import Testing

@testable import Report

/// Loading folders: the optional files, damaged or unfinished folders, and that a failure
/// writes nothing.
@Suite struct OutputFolderTests {
    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Files in `directory` whose name starts with "." (AtomicFile's temporaries) or ends in .html.
    private func leftovers(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter {
            $0.hasSuffix(".html") || $0.hasPrefix(".report")
        }
    }

    @Test func aFolderWithoutVariantsHasNoForestPlot() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "baseline-only")
        #expect(!exists(folder + "/comparison.csv"))
        let written = try HTMLReport.write(folder: folder)
        #expect(written.path == folder + "/report.html")
        let html = try String(contentsOfFile: written.path, encoding: .utf8)
        let charts = ChartMarkup.all(in: html)
        #expect(ChartMarkup.kind(charts, "forest").isEmpty)
        #expect(!html.contains("id=\"variants\""))
        #expect(ChartMarkup.kind(charts, "histogram").count == 8)
        #expect(written.charts == charts.count)
    }

    @Test func withoutHistogramsCSVTheBinsAreMadeTheSameWay() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.withVariants.get(), as: "no-histograms")
        let stored = try OutputFolder.load(folder)
        try FileManager.default.removeItem(atPath: folder + "/histograms.csv")
        // An older folder would not list it either.
        let manifestPath = folder + "/manifest.json"
        let manifest = try String(contentsOfFile: manifestPath, encoding: .utf8)
        try manifest.replacingOccurrences(of: "\"histograms.csv\",", with: "").write(
            toFile: manifestPath, atomically: true,
            encoding: .utf8)
        let rebuilt = try OutputFolder.load(folder)
        #expect(rebuilt.histograms == nil)
        for outcome in rebuilt.histogramOutcomes {
            let made = rebuilt.bins("baseline", outcome)
            let read = stored.bins("baseline", outcome)
            #expect(made.count == read.count, "\(outcome)")
            #expect(made.map(\.count) == read.map(\.count), "\(outcome)")
            #expect(made.first?.low == read.first?.low && made.last?.high == read.last?.high, "\(outcome)")
        }
        let html = HTMLReport(folder: rebuilt).render().html
        #expect(html.contains("binned here from replications.csv"))
    }

    @Test func aMissingFolderIsAClearErrorAndWritesNothing() throws {
        let missing = ReportFixtures.root + "/no-such-folder"
        #expect(throws: ReportError.folderMissing(missing)) { try HTMLReport.write(folder: missing) }
        #expect(!exists(missing))
        #expect(ReportError.folderMissing(missing).exitStatus == 2)
        #expect(ReportError.folderMissing(missing).description == "no such folder: \(missing)")
    }

    @Test func aFolderWithoutManifestIsNotAnOutputFolder() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "no-manifest")
        try FileManager.default.removeItem(atPath: folder + "/manifest.json")
        #expect(throws: ReportError.notAnOutputFolder(folder)) { try HTMLReport.write(folder: folder) }
        #expect(try leftovers(folder).isEmpty)
    }

    @Test func anIncompleteRunIsRefusedAndNothingIsWritten() throws {
        let folder = try ReportFixtures.run(replications: 400, variants: [], name: "incomplete", stopAfter: 40)
        let manifest = try String(contentsOfFile: folder + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"complete\" : false"))
        do {
            _ = try HTMLReport.write(folder: folder, to: folder + "/elsewhere.html")
            Issue.record("an incomplete run was accepted")
        } catch {
            #expect(error.exitStatus == 2)
            guard case .incompleteRun(let stopped, let reason) = error else {
                Issue.record("expected .incompleteRun, got \(error)")
                return
            }
            #expect(stopped == folder && reason.hasPrefix("interrupted"))
        }
        #expect(try leftovers(folder).isEmpty)
    }

    @Test func filesFromDifferentBatchesAreRefused() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.withVariants.get(), as: "mixed")
        // The replications of a smaller run beside the summaries of this one.
        let other = try ReportFixtures.baselineOnly.get()
        try FileManager.default.removeItem(atPath: folder + "/replications.csv")
        try FileManager.default.copyItem(atPath: other + "/replications.csv", toPath: folder + "/replications.csv")
        do {
            _ = try HTMLReport.write(folder: folder)
            Issue.record("a folder with another batch's replications.csv was accepted")
        } catch {
            guard case .inconsistent(let message) = error else {
                Issue.record("expected .inconsistent, got \(error)")
                return
            }
            #expect(message.contains("200") && message.contains("120"))
        }
        #expect(try leftovers(folder).isEmpty)
    }

    @Test func aDamagedCSVNamesFileAndLine() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "damaged")
        let path = folder + "/summary.csv"
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[3] = lines[3].replacingOccurrences(of: ",wilson", with: ",wilson,extra")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ReportError.badCSV(path: path, line: 4, reason: "17 fields where the header has 16")) {
            try HTMLReport.write(folder: folder)
        }
        #expect(try leftovers(folder).isEmpty)
    }

    @Test func anUnwritableOutputIsExitStatusOneAndLeavesNoTemporaryFile() throws {
        let folder = try ReportFixtures.baselineOnly.get()
        let target = ReportFixtures.root + "/missing-parent/report.html"
        do {
            _ = try HTMLReport.write(folder: folder, to: target)
            Issue.record("writing into a missing folder succeeded")
        } catch {
            #expect(error.exitStatus == 1)
            #expect(error.description.contains("missing-parent"))
        }
        #expect(!exists(ReportFixtures.root + "/missing-parent"))
        #expect(try leftovers(folder).isEmpty)
    }

    @Test func textFromTheFolderIsEscaped() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "escaping")
        let manifestPath = folder + "/manifest.json"
        let manifest = try String(contentsOfFile: manifestPath, encoding: .utf8)
        try manifest.replacingOccurrences(
            of: "\"name\" : \"aleppo-2024\"",
            with: "\"name\" : \"<script>alert('x')</script> & \\\"q\\\"\""
        )
        .write(toFile: manifestPath, atomically: true, encoding: .utf8)
        let html = HTMLReport(folder: try OutputFolder.load(folder)).render().html
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"))
    }

    @Test func oldManifestsWithoutNewerKeysStillLoad() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "old-manifest")
        // The keys of escsim's first manifest only.
        let manifest = """
            {"escsim_version": "0.1.0", "scenario": {"name": "aleppo-2024", "file": "a.yaml", "sha256": "00"},
             "seed": 41, "replications": 120, "threads": 2, "complete": true, "files": ["replications.csv", "summary.csv"],
             "random": {"library": "GSL", "version": "2.7.1", "generator": "mt19937", "seed_derivation": "x"},
             "command_line": ["escsim"], "started_at": "2023-11-14T22:13:20Z", "wall_time_seconds": 1.5}
            """
        try manifest.write(toFile: folder + "/manifest.json", atomically: true, encoding: .utf8)
        let loaded = try OutputFolder.load(folder)
        #expect(loaded.variants == ["baseline"])
        // Keys added since read as what escsim 0.1.0 meant without them: every asked replication done.
        #expect(loaded.manifest.replicationsDone == 120 && loaded.manifest.shard == "0/1")
        #expect(loaded.manifest.scenario.settings.isEmpty && loaded.manifest.failedRecords == 0)
        #expect(HTMLReport(folder: loaded).render().html.contains("<td class=\"wrap\">0.1.0</td>"))
    }

    @Test func aManifestWithoutCompleteIsRejected() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "no-complete")
        try "{\"seed\": 1}".write(toFile: folder + "/manifest.json", atomically: true, encoding: .utf8)
        #expect(throws: ReportError.badManifest(path: folder + "/manifest.json", reason: "it has no 'complete' key")) {
            try OutputFolder.load(folder)
        }
        try "[1, 2".write(toFile: folder + "/manifest.json", atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try OutputFolder.load(folder) }
    }
}
