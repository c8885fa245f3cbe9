import EscalationModel
import Foundation

/// The files that describe the scenario format and are written from `ParameterCatalogue`:
/// `Scenarios/schema.json` (every section's keys), the key tables of docs/scenario-format.md and
/// the keys and words of `Fuzz/scenario.dict`. In the two text files only the blocks between
/// `BEGIN GENERATED <name>` and `END GENERATED <name>` markers are written; the prose around them is
/// kept. `escsim schema --write` (`make generate`) writes them; a test fails while one is stale.
public enum ScenarioFormatFiles {
    /// One file as it is in the repository and as the catalogue would write it.
    public struct File: Sendable {
        /// Relative to the repository root.
        public var path: String
        public var current: String
        public var generated: String
        public var isStale: Bool { current != generated }
    }

    public enum Problem: Error, CustomStringConvertible {
        case unreadable(String)
        case marker(String, String)

        public var description: String {
            switch self {
            case .unreadable(let path): return "cannot read \(path)"
            case .marker(let path, let message): return "\(path): \(message)"
            }
        }
    }

    /// The files generated from the model's catalogues: the parameter catalogue's three, and the
    /// outcome and daily series tables of docs/outputs.md from the outcome and daily series catalogues.
    public static let paths = [
        "Scenarios/schema.json", "docs/scenario-format.md", "Fuzz/scenario.dict",
        "docs/outputs.md",
    ]

    /// Each generated file under the repository at `root`, as it is and as it should be.
    public static func files(root: URL) throws -> [File] {
        try paths.map { path in
            let url = root.appendingPathComponent(path)
            guard let current = try? String(contentsOf: url, encoding: .utf8) else { throw Problem.unreadable(path) }
            return File(path: path, current: current, generated: try generate(path, from: current))
        }
    }

    /// The file at `path` with its generated parts renewed.
    static func generate(_ path: String, from current: String) throws -> String {
        switch path {
        case "Scenarios/schema.json":
            let tree: JSONTree
            do { tree = try JSONTree(parsing: current) } catch { throw Problem.marker(path, "\(error)") }
            return ScenarioSchemaWriter.renew(tree).printed() + "\n"
        case "docs/outputs.md":
            guard let renewed = OutcomeCatalogue.updating(current) else {
                throw Problem.marker(path, "no generated outcome table (\(OutcomeCatalogue.tableMarkers.begin))")
            }
            guard let withDaily = DailySeriesCatalogue.updating(renewed) else {
                throw Problem.marker(
                    path, "no generated daily series table (\(DailySeriesCatalogue.tableMarkers.begin))")
            }
            return withDaily
        case "docs/scenario-format.md":
            return try replacingBlocks(
                in: current, path: path, begin: "<!-- BEGIN GENERATED ", end: " -->",
                ScenarioKeyTables.block)
        default:
            return try replacingBlocks(in: current, path: path, begin: "# BEGIN GENERATED ", end: "", fuzzBlock)
        }
    }

    /// `text` with the lines between each `<begin><name><end>` line and its `END GENERATED <name>`
    /// line replaced by `block(name)`.
    static func replacingBlocks(
        in text: String, path: String, begin: String, end: String,
        _ block: (String) -> String?
    ) throws -> String {
        var output: [Substring] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            output.append(line)
            guard line.hasPrefix(begin), line.hasSuffix(end) else { continue }
            let name = String(line.dropFirst(begin.count).dropLast(end.count))
            guard let generated = block(name) else {
                throw Problem.marker(path, "no generated block is named '\(name)'")
            }
            let closing = line.replacingOccurrences(of: "BEGIN GENERATED", with: "END GENERATED")
            guard let stop = lines.firstIndex(where: { $0 == closing }) else {
                throw Problem.marker(path, "'\(line)' has no '\(closing)'")
            }
            output.append(contentsOf: generated.split(separator: "\n", omittingEmptySubsequences: false))
            lines = lines[stop...]
        }
        return output.joined(separator: "\n")
    }

    /// The fuzz dictionary's scenario words: every key and closed vocabulary of the catalogue, the
    /// distributions' families and parameters, and the keys of variants and sweeps.
    static func fuzzBlock(_ name: String) -> String? {
        var words: [String] = []
        switch name {
        case "keys":
            for spec in ParameterCatalogue.all {
                words.append(spec.key)
                if case .word(let vocabulary) = spec.type { words += vocabulary }
            }
        case "distributions":
            for family in NodeDecoder.distributionParameters.keys.sorted() {
                words += [family] + (NodeDecoder.distributionParameters[family] ?? [])
            }
        case "variants":
            words = SweepSpecification.Method.allCases.map(\.rawValue) + [Scenario.baselineName]
        default:
            return nil
        }
        var seen: Set<String> = []
        return words.filter { seen.insert($0).inserted }.map { "\"\($0)\"" }.joined(separator: "\n")
    }
}
