import Foundation
import Scenario
import Testing

@testable import EscalationModel
@testable import Report

/// The region graph across runs: who held each region on a chosen day, from daily.csv.
@Suite struct RegionSharesTests {
    @Test func sharesCountTheRunsOfTheVariantOnTheDay() throws {
        let parameters = try Scenario.load(path: ReportFixtures.scenarioPath).draw.base
        let regions = parameters.regions.map(\.id)
        let aleppo = try #require(regions.firstIndex(of: "aleppo_city"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shares-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Day 3 of four baseline runs: HTS holds Aleppo in three, the regime in one; day 2 and
        // another variant's rows must not count.
        var text = "variant,replication,day," + regions.map { "controller_" + $0 }.joined(separator: ",") + "\n"
        func row(_ variant: String, _ replication: Int, _ day: Int, aleppoHolder: String) {
            let holders = parameters.regions.indices.map { index in
                index == aleppo ? aleppoHolder : parameters.actors[parameters.regions[index].controller].id
            }
            text += "\(variant),\(replication),\(day)," + holders.joined(separator: ",") + "\n"
        }
        for (replication, holder) in ["hts", "hts", "regime", "hts"].enumerated() {
            row("baseline", replication, 2, aleppoHolder: "regime")
            row("baseline", replication, 3, aleppoHolder: holder)
            row("surge", replication, 3, aleppoHolder: "regime")
        }
        try text.write(to: dir.appendingPathComponent("daily.csv"), atomically: true, encoding: .utf8)

        let shares = try #require(
            try RegionShares.read(folder: dir.path, variant: "baseline", day: 3, parameters: parameters))
        #expect(shares.runs == 4)
        let hts = try #require(parameters.actors.first { $0.id == "hts" }).camp.index
        #expect(shares.leader(of: aleppo)?.camp == hts)
        #expect(shares.leader(of: aleppo)?.share == 0.75)
        #expect(try RegionShares.read(folder: dir.path, variant: "baseline", day: 9, parameters: parameters) == nil)

        let chart = RegionGraphChart(
            id: "g", title: "t", parameters: parameters, endControllers: [], shares: shares)
        #expect(
            chart.svg().contains(
                "data-region=\"aleppo_city\" data-start-camp=\"\(parameters.actors[parameters.regions[aleppo].controller].camp.index)\" data-end-camp=\"\(hts)\" data-share=\"0.750\""
            ))
        #expect(chart.caption.contains("on day 3 in most of the 4 runs"))
    }
}
