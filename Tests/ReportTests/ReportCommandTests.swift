import Foundation
import Testing

/// `escsim report` as a user runs it: the built binary, its output, exit status and help.
@Suite struct ReportCommandTests {
    /// The escsim binary of this build (the test bundle sits in the same products folder).
    static var binary: String {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("escsim").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("escsim").path,
            products.appendingPathComponent("escsim").path,
            ReportFixtures.packageRoot.appendingPathComponent(".build/debug/escsim").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[candidates.count - 1]
    }

    private func escsim(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outText = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, outText, errText)
    }

    @Test func writesThePageAndSaysWhere() throws {
        let folder = try ReportFixtures.baselineOnly.get()
        let target = ReportFixtures.root + "/cli-\(UUID().uuidString).html"
        let result = try escsim(["report", folder, "-o", target])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("wrote \(target) ("))
        #expect(result.err.isEmpty)
        let page = try String(contentsOfFile: target, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
    }

    @Test func aMissingFolderIsOneLineAndExitStatusTwo() throws {
        let missing = ReportFixtures.root + "/cli-missing"
        let result = try escsim(["report", missing])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err == "escsim report: no such folder: \(missing)\n")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func calibrationFolderAddsTheSectionAndAMissingOneIsExitStatusTwo() throws {
        let folder = try ReportFixtures.baselineOnly.get()
        let calibration = try CalibrationSectionTests.write(particles: CalibrationSectionTests.particles())
        let target = ReportFixtures.root + "/cli-\(UUID().uuidString).html"
        let result = try escsim(["report", folder, "-o", target, "--calibration", calibration])
        #expect(result.status == 0, "\(result.err)")
        let page = try String(contentsOfFile: target, encoding: .utf8)
        #expect(page.contains("<section id=\"calibration\">"))
        let missing = ReportFixtures.root + "/cli-no-calibration"
        let refused = try escsim(["report", folder, "-o", target + ".2", "--calibration", missing])
        #expect(refused.status == 2)
        #expect(refused.err == "escsim report: no such folder: \(missing)\n")
        #expect(!FileManager.default.fileExists(atPath: target + ".2"))
    }

    @Test func helpGivesAnExampleAndTheExitStatuses() throws {
        let result = try escsim(["report", "--help"])
        #expect(result.status == 0)
        #expect(result.out.contains("Example: escsim report results/aleppo-2024 -o aleppo.html"))
        #expect(result.out.contains("Exit status: 0 written; 1"))
        #expect(try escsim(["--help"]).out.contains("report"))
    }
}
