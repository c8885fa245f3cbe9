import Experiments
import Foundation

@testable import Report
@testable import escsim

/// Real output folders made once per test process by the Experiments library (the same code
/// `escsim run` uses), and plain helpers to read them without the code under test.
enum ReportFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenarioPath = packageRoot.appendingPathComponent("Scenarios/aleppo-2024.yaml").path
    static let variants = [
        "russia_air_surge", "iran_reinforces", "turkey_restrains_sna", "hezbollah_intact",
        "ceasefire_push",
    ]

    /// One scratch folder for the whole process, removed when it exits.
    static let root: String = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("escsim-report-tests-\(getpid())-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: ReportFixtures.root) }
        return path
    }()

    /// A batch of the shipped scenario: plan as `escsim run` builds it, 30-day horizon.
    static func run(replications: Int, variants: [String], name: String, stopAfter: Int? = nil) throws -> String {
        let directory = root + "/" + name
        // The engine made absolute, so that the plan's file name need not be where the engine is.
        let engine = URL(fileURLWithPath: scenarioPath).deletingLastPathComponent().appendingPathComponent(
            "engine.yaml")
        let text = try String(contentsOfFile: scenarioPath, encoding: .utf8)
            .replacingOccurrences(of: "engine: engine.yaml", with: "engine: \(engine.path)")
        let plan = ExperimentPlan(
            scenarioFile: "Scenarios/aleppo-2024.yaml", scenarioText: text, seed: 41, replications: replications,
            shard: .whole, commonRandomNumbers: true, variantNames: ["baseline"] + variants, namedVariants: true,
            pointValues: Array(repeating: [], count: variants.count + 1), settings: [], failFast: false,
            precision: nil, target: nil, precisionBatch: 50)
        let session = try BatchSession.start(plan: plan, experiment: try plan.experiment(), directory: directory)
        let stop = StopFlag()
        _ = try session.run(
            threads: 1, stop: stop, commandLine: ["escsim", "run", "Scenarios/aleppo-2024.yaml"],
            started: Date(timeIntervalSince1970: 1_700_000_000)
        ) { done, _ in
            if let stopAfter, done >= stopAfter { stop.request() }
        }
        return directory
    }

    /// Why a shared fixture could not be made (kept as text, so the fixture is Sendable).
    struct Failure: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    /// `make()` once, its error kept for every test that asks.
    private static func once(_ make: () throws -> String) -> Result<String, Failure> {
        do { return .success(try make()) } catch { return .failure(Failure(description: "\(error)")) }
    }

    /// Baseline and all five variants, 200 replications: the folder most tests read.
    static let withVariants = once { try run(replications: 200, variants: variants, name: "variants") }

    /// The baseline alone: no comparison.csv.
    static let baselineOnly = once { try run(replications: 120, variants: [], name: "baseline") }

    /// The report page of `withVariants`, rendered once.
    static let page = once { HTMLReport(folder: try OutputFolder.load(try withVariants.get())).render().html }

    /// A copy of `source` at a new scratch path, for tests that damage files.
    static func copy(_ source: String, as name: String) throws -> String {
        let target = root + "/" + name + "-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: source, toPath: target)
        return target
    }

    /// Rows of an escsim CSV file split naively on commas and line ends: enough for files of
    /// numbers and identifiers, and independent of the reader under test.
    static func rows(_ path: String) throws -> (header: [String], rows: [[String]]) {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let split = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (split[0], Array(split.dropFirst()))
    }
}

/// A minimal look into the SVG of a page: each chart and the attributes of its elements.
struct ChartMarkup {
    /// The `<svg ...>` tag's attributes.
    let attributes: [String: String]
    /// Every element inside, in order: its name and attributes.
    let elements: [(name: String, attributes: [String: String])]
    let text: String

    /// Every `<svg>` of `html`, in order.
    static func all(in html: String) -> [ChartMarkup] {
        var charts: [ChartMarkup] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"),
            let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
        {
            let text = String(rest[start.lowerBound..<end.upperBound])
            let tags = tagList(text)
            charts.append(
                ChartMarkup(attributes: tags.first?.attributes ?? [:], elements: Array(tags.dropFirst()), text: text))
            rest = rest[end.upperBound...]
        }
        return charts
    }

    static func kind(_ charts: [ChartMarkup], _ kind: String) -> [ChartMarkup] {
        charts.filter { $0.attributes["class"] == "chart " + kind }
    }

    /// Elements whose class list contains `role`.
    func elements(_ role: String) -> [[String: String]] {
        elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains { $0 == role } }.map(
            \.attributes)
    }

    private static func tagList(_ text: String) -> [(name: String, attributes: [String: String])] {
        var tags: [(String, [String: String])] = []
        let tag = /<([a-zA-Z]+)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*="[^"]*")*)\s*\/?>/
        let attribute = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"/
        for match in text.matches(of: tag) {
            var attributes: [String: String] = [:]
            for pair in String(match.output.2).matches(of: attribute) {
                attributes[String(pair.output.1)] = String(pair.output.2)
            }
            tags.append((String(match.output.1), attributes))
        }
        return tags
    }
}

extension Dictionary where Key == String, Value == String {
    func number(_ key: String) -> Double? {
        self[key].flatMap(Double.init)
    }
}
