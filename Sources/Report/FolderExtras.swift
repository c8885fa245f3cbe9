import Experiments
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the charts across variants and of designs read beyond the files every report needs:
/// a second pass over `replications.csv` (end states, running estimates, means per experiment),
/// and the design's files (`experiments.csv`, `sobol.csv`, `morris.csv`) when they are there.
struct FolderExtras: Sendable, Equatable {
    var runs = RunsByVariant()
    /// `experiments.csv`; nil unless the folder holds a design.
    var design: DesignTable?
    /// Whether manifest.json has a `design` key (a design folder even without experiments.csv).
    var manifestSaysDesign = false
    var sobol: GlobalSensitivityTable?
    var morris: GlobalSensitivityTable?

    /// A design folder: the variants are points of a design, not policies to compare.
    var isDesign: Bool { design != nil || manifestSaysDesign }

    /// The outcomes whose running estimate is drawn: the regime's collapse (a probability) and
    /// the last key city's fall day (in escsim's cases the capital), among `outcomes`.
    static func convergenceOutcomes(among outcomes: [String]) -> [String] {
        var chosen: [String] = []
        if outcomes.contains("regime_collapsed") { chosen.append("regime_collapsed") }
        if let lastCity = outcomes.last(where: { $0.hasSuffix("_fall_day") }) { chosen.append(lastCity) }
        return chosen
    }

    /// Reads the extras of the folder at `path` whose outcomes (from summary.csv) are `outcomes`.
    static func read(path: String, outcomes: [String]) throws(ReportError) -> FolderExtras {
        func file(_ name: String) -> String { path + "/" + name }
        func exists(_ name: String) -> Bool { access(file(name), F_OK) == 0 }
        var extras = FolderExtras()
        extras.manifestSaysDesign = Self.manifestHasDesign(file(BatchOutput.manifestFile))
        if exists(DesignTable.file) { extras.design = try DesignTable.read(path: file(DesignTable.file)) }
        // Means per experiment only for designs: a policy run has summary.csv for that.
        extras.runs = try RunsByVariant.read(
            path: file(BatchOutput.replicationsFile), averaged: extras.isDesign ? outcomes : [],
            kept: extras.isDesign ? [] : convergenceOutcomes(among: outcomes))
        for method in [GlobalSensitivityTable.Method.sobol, .morris] where exists(method.file) {
            let table = try GlobalSensitivityTable.read(path: file(method.file), method: method)
            if method == .sobol { extras.sobol = table } else { extras.morris = table }
        }
        return extras
    }

    /// Whether the manifest's top-level object has a `design` key. `Manifest` (of the run side)
    /// may not decode it, so the report looks at the JSON itself; an unreadable file was already
    /// reported when the manifest was loaded.
    private static func manifestHasDesign(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return false }
        return object["design"] != nil
    }
}
