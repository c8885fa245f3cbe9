import Foundation
import Testing

@testable import Report

/// The Calibration section, from a small calibration folder written here: prior (generation 0)
/// against posterior (the last generation, weighted), the parameters table, and clean errors.
@Suite struct CalibrationSectionTests {
    /// Generation 0: ten equal draws, `a` = 0...9 and `b.<c>` = 10 - a. Generation 1 is an
    /// intermediate one the report skips; generation 2 (the posterior) has four weighted particles.
    static func particles() -> [String] {
        var lines = ["generation,particle,weight,distance,a,b.<c>"]
        for i in 0..<10 { lines.append("0,\(i),0.1,5,\(i),\(10 - i)") }
        lines += ["1,0,0.5,3,2,8", "1,1,0.5,3,7,3"]
        lines += ["2,0,0.1,1,4,6", "2,1,0.4,1,5,5", "2,2,0.4,1,5,5", "2,3,0.1,1,6,4"]
        return lines
    }

    static let parameters = [
        "parameter,prior_mean,prior_sd,prior_p05,prior_p50,prior_p95,posterior_mean,posterior_sd,posterior_p05,"
            + "posterior_p50,posterior_p95,sd_ratio",
        "a,4.5,3.03,0.45,4.5,8.55,5,0.63,4,5,6,0.208",
        "b.<c>,5.5,3.03,1.45,5.5,9.55,5,0.63,4,5,6,0.208",
    ]

    static func write(particles: [String], parameters: [String] = parameters) throws -> String {
        let folder = ReportFixtures.root + "/calibration-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (particles.joined(separator: "\n") + "\n").write(
            toFile: folder + "/particles.csv", atomically: true, encoding: .utf8)
        try (parameters.joined(separator: "\n") + "\n").write(
            toFile: folder + "/parameters.csv", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func theFolderKeepsGenerationZeroAndTheLast() throws {
        let folder = try Self.write(particles: Self.particles())
        let calibration = try CalibrationFolder.load(folder + "/")
        #expect(calibration.path == folder)
        #expect(calibration.parameters == ["a", "b.<c>"])
        #expect(calibration.prior[0] == (0..<10).map(Double.init))
        #expect(calibration.lastGeneration == 2)
        #expect(calibration.posterior[0] == [4, 5, 5, 6] && calibration.weights == [0.1, 0.4, 0.4, 0.1])
        #expect(calibration.summaries.map(\.sdRatio) == [0.208, 0.208])
    }

    @Test func sharesAreWeightedAndSumToOne() {
        #expect(
            PriorPosteriorChart.shares([0, 1, 2, 3, 4], weights: nil, low: 0, high: 4, bins: 4) == [0.2, 0.2, 0.2, 0.4])
        #expect(
            PriorPosteriorChart.shares([4, 5, 6], weights: [1, 2, 1], low: 4, high: 6, bins: 2) == [0.25, 0.75])
        #expect(PriorPosteriorChart.shares([1], weights: [0], low: 0, high: 2, bins: 2) == [0, 0])
    }

    @Test func thePageShowsPriorAndPosteriorOfEachParameter() throws {
        let output = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "calibrated")
        let calibration = try Self.write(particles: Self.particles())
        let written = try HTMLReport.write(folder: output, calibration: calibration)
        let html = try String(contentsOfFile: written.path, encoding: .utf8)
        #expect(html.contains("<li><a href=\"#calibration\">Calibration</a></li>"))
        let charts = ChartMarkup.kind(ChartMarkup.all(in: html), "prior-posterior")
        #expect(charts.map { $0.attributes["data-parameter"] } == ["a", "b.&lt;c&gt;"])
        #expect(written.charts == ChartMarkup.all(in: html).count)
        let a = try #require(charts.first)
        let prior = try #require(a.elements("prior").first?["data-shares"])
        let posterior = try #require(a.elements("posterior").first?["data-shares"])
        let priorShares = prior.split(separator: " ").compactMap { Double($0) }
        let posteriorShares = posterior.split(separator: " ").compactMap { Double($0) }
        #expect(priorShares.count == 30 && posteriorShares.count == 30)
        #expect(abs(priorShares.reduce(0, +) - 1) < 1e-9 && priorShares.filter { $0 > 0 }.count == 10)
        // Over 0...9 in 30 bins, 4 falls in bin 13, 5 in bin 16, 6 in bin 20.
        #expect(posteriorShares[13] == 0.1 && posteriorShares[16] == 0.8 && posteriorShares[20] == 0.1)
        #expect(html.contains("<td class=\"text\"><code>b.&lt;c&gt;</code></td>"))
        #expect(html.contains("<td>0.21</td></tr>"))
        #expect(!html.contains("<c>"))
    }

    @Test func aBrokenCalibrationFolderIsAClearErrorAndWritesNothing() throws {
        let output = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "bad-calibration")
        let missing = ReportFixtures.root + "/no-calibration-here"
        #expect(throws: ReportError.folderMissing(missing)) {
            try HTMLReport.write(folder: output, calibration: missing)
        }
        var lines = Self.particles()
        lines[12] = "1,1,heavy,3,7,3"
        let bad = try Self.write(particles: lines)
        #expect(
            throws: ReportError.badCSV(
                path: bad + "/particles.csv", line: 13, reason: "weight is 'heavy', not a number of zero or more")
        ) {
            try HTMLReport.write(folder: output, calibration: bad)
        }
        let noPrior = try Self.write(particles: Self.particles().filter { !$0.hasPrefix("0,") })
        #expect(
            throws: ReportError.inconsistent(
                noPrior + "/particles.csv has no particles of generation 0 (the prior's draws)")
        ) {
            try HTMLReport.write(folder: output, calibration: noPrior)
        }
        try FileManager.default.removeItem(atPath: bad + "/parameters.csv")
        #expect(throws: ReportError.fileMissing(bad + "/parameters.csv")) {
            try HTMLReport.write(folder: output, calibration: bad)
        }
        #expect(!FileManager.default.fileExists(atPath: output + "/report.html"))
    }
}
