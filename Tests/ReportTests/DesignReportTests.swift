import Foundation
import Testing

@testable import Report

/// The report of a design folder, written here by hand in the layout of issue 16 (four points of
/// two swept parameters crossed with two policies, five runs each, with sobol.csv and
/// morris.csv): response plots and sensitivity charts instead of charts of `point_0001`.
@Suite struct DesignReportTests {
    static let parameters = ["actors.hts.morale", "mediation.breakdown_per_day"]
    static let points: [[Double]] = [[0.2, 0.07], [0.4, 0.05], [0.6, 0.03], [0.8, 0.01]]
    static let policies = ["baseline", "ceasefire_push"]
    static let replications = 5

    /// The experiments in point-major order, as the run side names them.
    static var experiments: [(variant: String, point: Int, policy: String, values: [Double])] {
        points.enumerated().flatMap { index, values in
            policies.map { policy in
                (String(format: "point_%04d/%@", index + 1, policy), index + 1, policy, values)
            }
        }
    }

    /// Whether run `replication` of an experiment ends in the regime's collapse: in the first
    /// round(5 x morale) runs, one fewer under the ceasefire policy; a known mean per experiment.
    static func collapsed(_ replication: Int, morale: Double, policy: String) -> Bool {
        let collapses = Int((Double(replications) * morale).rounded()) - (policy == "baseline" ? 0 : 1)
        return replication < collapses
    }

    static func expectedMean(morale: Double, policy: String) -> Double {
        Double((0..<replications).filter { collapsed($0, morale: morale, policy: policy) }.count)
            / Double(replications)
    }

    /// Writes the folder; `withExperiments: false` leaves out experiments.csv (a design known
    /// from manifest.json alone).
    /// `lean`: summary.csv has a row per policy pooled over the points, as a design writes it
    /// by default; otherwise a row per experiment, as with `--per-point`.
    static func write(withExperiments: Bool = true, lean: Bool = false) throws -> String {
        let directory = ReportFixtures.root + "/design-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func put(_ name: String, _ lines: [String]) throws {
            try (lines.joined(separator: "\n") + "\n").write(
                toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        }
        var experimentRows = ["variant,point,policy," + parameters.joined(separator: ",")]
        var runRows = ["variant,replication,status,error,end_state,regime_collapsed,ceasefire"]
        var summaryRows = [
            "variant,outcome,kind,n,mean,sd,min,p05,p25,p50,p75,p95,max,ci95_low,ci95_high,ci_method"
        ]
        for experiment in experiments {
            experimentRows.append(
                "\(experiment.variant),\(experiment.point),\(experiment.policy),"
                    + experiment.values.map { "\($0)" }.joined(separator: ","))
            let mean = expectedMean(morale: experiment.values[0], policy: experiment.policy)
            let ceasefire = experiment.policy == "baseline" ? 0.0 : 1.0
            summaryRows.append("\(experiment.variant),regime_collapsed,indicator,5,\(mean),0,0,0,0,0,1,1,1,0,1,wilson")
            summaryRows.append(
                "\(experiment.variant),ceasefire,indicator,5,\(ceasefire),0,0,0,0,0,1,1,1,0,1,wilson")
        }
        for replication in 0..<replications {
            for experiment in experiments {
                let collapsed = collapsed(replication, morale: experiment.values[0], policy: experiment.policy)
                let ceasefire = experiment.policy == "baseline" ? 0 : 1
                let state = collapsed ? "regime_collapse" : ceasefire == 1 ? "ceasefire" : "ongoing_war"
                runRows.append(
                    "\(experiment.variant),\(replication),ok,,\(state),\(collapsed ? 1 : 0),\(ceasefire)")
            }
        }
        try put("replications.csv", runRows)
        if lean {
            summaryRows = [summaryRows[0]]
            for policy in policies {
                let mean =
                    points.map { expectedMean(morale: $0[0], policy: policy) }.reduce(0, +) / Double(points.count)
                summaryRows.append("\(policy),regime_collapsed,indicator,20,\(mean),0,0,0,0,0,1,1,1,0,1,wilson")
            }
        }
        try put("summary.csv", summaryRows)
        if withExperiments { try put("experiments.csv", experimentRows) }
        try put(
            "sobol.csv",
            [
                "variant,outcome,parameter,first,first_low,first_high,total,total_low,total_high",
                "baseline,regime_collapsed,actors.hts.morale,0.62,0.5,0.74,0.8,0.7,0.9",
                "baseline,regime_collapsed,mediation.breakdown_per_day,0.05,-0.02,0.12,0.1,0.04,0.16",
                "ceasefire_push,regime_collapsed,actors.hts.morale,0.5,0.4,0.6,0.7,0.6,0.8",
            ])
        try put(
            "morris.csv",
            [
                "outcome,parameter,mu_star,mu_star_conf,sigma",
                "regime_collapsed,actors.hts.morale,0.9,0.1,0.2",
                "regime_collapsed,mediation.breakdown_per_day,0.2,0.05,0.1",
            ])
        let manifest: [String: Any] = [
            "complete": true, "escsim_version": "0.2.0",
            "scenario": ["name": "aleppo-2024", "file": "Scenarios/aleppo-2024.yaml", "sha256": "00"],
            "seed": 7, "replications": replications, "replications_done": replications, "threads": 1,
            "random": ["library": "GSL", "version": "2.7.1", "generator": "mt19937", "seed_derivation": "x"],
            "command_line": ["escsim", "run", "Scenarios/aleppo-2024.yaml", "--design", "morris:2"],
            "started_at": "2026-12-07T00:00:00Z", "wall_time_seconds": 1.0,
            "files": ["replications.csv", "summary.csv"], "variants": experiments.map(\.variant),
            "stop_reason": "finished",
            "design": [
                "method": "grid", "points": points.count, "policies": policies,
                "parameters": parameters.map { ["path": $0, "low": 0, "high": 1] },
            ],
        ]
        let data = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: directory + "/manifest.json"))
        return directory
    }

    @Test func aDesignGetsResponsePlotsNotChartsOfItsFirstPoint() throws {
        let folder = try OutputFolder.load(try Self.write())
        #expect(folder.extras.isDesign)
        let page = HTMLReport(folder: folder).render()
        let charts = ChartMarkup.all(in: page.html)
        #expect(page.charts == charts.count)
        // End states by policy, pooled over the points: 20 runs each.
        let endings = try #require(ChartMarkup.kind(charts, "end-states").first)
        #expect(endings.elements("row").map { $0["data-variant"] ?? "" } == Self.policies)
        #expect(endings.elements("row").map { $0["data-runs"] ?? "" } == ["20", "20"])
        let collapses = Self.experiments.filter { $0.policy == "baseline" }.map {
            Int((Self.expectedMean(morale: $0.values[0], policy: "baseline") * 5).rounded())
        }.reduce(0, +)
        #expect(endings.elements("segment").first?["data-count"] == "\(collapses)")
        for kind in ["histogram", "fan", "forest", "overlaid-fan", "convergence", "event-timeline"] {
            #expect(ChartMarkup.kind(charts, kind).isEmpty, "\(kind)")
        }
        let responses = ChartMarkup.kind(charts, "response")
        #expect(responses.compactMap { $0.attributes["data-outcome"] } == ["regime_collapsed", "ceasefire"])
        let regime = try #require(responses.first)
        #expect(regime.attributes["data-panels"] == "2" && regime.attributes["data-points"] == "8")
        #expect(regime.elements("panel").map { $0["data-parameter"] ?? "" } == Self.parameters)
        // One point per experiment in each panel, at the parameter's value and the experiment's mean.
        let dots = regime.elements("point")
        #expect(dots.count == 2 * Self.experiments.count)
        for (index, experiment) in Self.experiments.enumerated() {
            let expected = Self.expectedMean(morale: experiment.values[0], policy: experiment.policy)
            for panel in 0..<2 {
                let dot = dots[panel * Self.experiments.count + index]
                #expect(dot["data-variant"] == experiment.variant)
                #expect(dot.number("data-x") == experiment.values[panel])
                #expect(abs(dot.number("data-y")! - expected) < 1e-12, "\(experiment.variant)")
            }
        }
        // The summary table has a column per policy, not per experiment, pooled over the points.
        #expect(!page.html.contains("<th scope=\"col\">point_0001/baseline</th>"))
        let pooled =
            Self.points.map { Self.expectedMean(morale: $0[0], policy: "ceasefire_push") }.reduce(0, +)
            / Double(Self.points.count)
        let cell = try #require(
            page.html.firstMatch(of: /<td data-policy="ceasefire_push" data-mean="([^"]+)">/)?.output.1)
        #expect(abs(Double(cell)! - pooled) < 1e-12)
        // Coloured by policy, with a legend of the two policies.
        #expect(regime.elements("legend-label").count == 2)
        let colours = Dictionary(grouping: dots, by: { $0["data-variant"]!.hasSuffix("/baseline") })
            .mapValues { Set($0.compactMap { $0["fill"] }) }
        #expect(colours[true]?.count == 1 && colours[false]?.count == 1 && colours[true] != colours[false])
        // A higher morale, more collapses: the morale panel rises from left to right.
        let morale = dots.prefix(Self.experiments.count).filter { $0["data-variant"]!.hasSuffix("/baseline") }
        let heights = morale.map { $0.number("cy")! }
        #expect(zip(heights, heights.dropFirst()).allSatisfy { $0 > $1 })
    }

    /// A lean design's summary.csv pools each policy: the policies are the folder's variants,
    /// and replications.csv's experiments are counted under them.
    @Test func aLeanDesignIsReadByPolicy() throws {
        let folder = try OutputFolder.load(try Self.write(lean: true))
        #expect(folder.variants == Self.policies && folder.baseline == "baseline")
        #expect(folder.runs("baseline") == Self.points.count * Self.replications)
        let page = HTMLReport(folder: folder).render()
        let charts = ChartMarkup.all(in: page.html)
        #expect(
            ChartMarkup.kind(charts, "response").compactMap { $0.attributes["data-outcome"] } == ["regime_collapsed"])
        #expect(ChartMarkup.kind(charts, "end-states").count == 1)
        #expect(page.charts == charts.count)
        // A manifest that counts fewer replications than the rows of a policy is caught.
        let damaged = try Self.write(lean: true)
        let manifest = damaged + "/manifest.json"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
            .replacingOccurrences(of: "\"replications_done\":5", with: "\"replications_done\":4")
        try text.write(toFile: manifest, atomically: true, encoding: .utf8)
        #expect(throws: ReportError.self) { try OutputFolder.load(damaged) }
    }

    @Test func sobolAndMorrisAreDrawnAsTornadoes() throws {
        let page = HTMLReport(folder: try OutputFolder.load(try Self.write())).render().html
        let tornadoes = ChartMarkup.kind(ChartMarkup.all(in: page), "tornado")
        let sobol = try #require(tornadoes.first { $0.attributes["data-measure"] == "Sobol index" })
        #expect(sobol.attributes["data-outcome"] == "regime_collapsed")
        // The baseline policy's rows: two parameters, largest first, total order behind.
        #expect(sobol.elements("row").map { $0["data-parameter"] ?? "" } == Self.parameters)
        #expect(sobol.elements("bar-behind").count == 2 && sobol.elements("whisker").count == 2)
        #expect(sobol.elements("row").first?["data-value"] == "0.62")
        let morris = try #require(tornadoes.first { $0.attributes["data-measure"] == "Morris \u{03BC}*" })
        // mu* with a half-width: the interval is mu* +- conf.
        let first = try #require(morris.elements("row").first)
        #expect(first.number("data-low") == 0.8 && first.number("data-high") == 1.0)
        #expect(page.contains("id=\"design\""))
    }

    @Test func theManifestAloneMarksADesign() throws {
        let folder = try OutputFolder.load(try Self.write(withExperiments: false))
        #expect(folder.extras.isDesign && folder.extras.design == nil)
        let page = HTMLReport(folder: folder).render().html
        #expect(page.contains("no experiments.csv"))
        #expect(ChartMarkup.kind(ChartMarkup.all(in: page), "histogram").isEmpty)
    }

    @Test func sensitivityFilesAreReadInEitherSpelling() throws {
        let path = ReportFixtures.root + "/sobol-" + UUID().uuidString + ".csv"
        try "outcome,parameter,s1,st\nx,a,0.25,0.5\nx,b,,0.1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let table = try GlobalSensitivityTable.read(path: path, method: .sobol)
        #expect(table.rows.map(\.value).first == 0.25 && table.rows.map(\.total) == [0.5, 0.1])
        #expect(table.rows[1].value.isNaN && table.rows[0].low.isNaN && table.policies == ["baseline"])
        try "outcome,parameter,sigma\nx,a,1\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ReportError.self) { try GlobalSensitivityTable.read(path: path, method: .morris) }
    }
}
