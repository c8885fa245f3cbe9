import Foundation
import Testing

/// `escsim run --design FILE.csv` with a bad design: one clear line, exit status 2, nothing written.
@Suite struct DesignFileTests {
    @Test func aDuplicatedColumnIsExitTwoWithFileLineAndColumn() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let design = dir.appendingPathComponent("design.csv")
        // The same path twice once crashed the run ("Duplicate values for key", SIGILL).
        try "mediation.base_success,actors.russia.sorties_per_day,mediation.base_success\n0.1,10,0.2\n"
            .write(to: design, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out").path
        let result = try CLI.run(["run", CLI.baseline, "--design", design.path, "-r", "2", "--quiet", "--out", out])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(
            result.stderr == "escsim: --design: \(design.path):1:54: column 3, 'mediation.base_success', "
                + "repeats column 1; each dotted path may appear once\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
