import EscalationModel
import Experiments
import Foundation
import Stochastic
import Testing

@Suite(.serialized) struct ComparisonTests {
    /// Common random numbers pair each variant replication with the baseline replication that
    /// saw the same random numbers, so paired differences vary less than between independent runs.
    @Test func commonRandomNumbersNarrowThePairedIntervals() throws {
        var halfWidths: [Bool: [String: Double]] = [:]
        for crn in [true, false] {
            let directory = Fixtures.scratch("crn\(crn)")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let completion = try Fixtures.run(
                Fixtures.plan(
                    replications: 150, variants: ["iran_reinforces", "hezbollah_intact"],
                    commonRandomNumbers: crn), into: directory)
            var widths: [String: Double] = [:]
            for row in completion.result.comparisons
            where ["regime_collapsed", "civilians_killed", "airstrikes"].contains(row.outcome) {
                widths[row.variant + "/" + row.outcome] = row.difference.interval.halfWidth
            }
            halfWidths[crn] = widths
        }
        let paired = halfWidths[true]!
        let independent = halfWidths[false]!
        #expect(paired.count == 6)
        for (key, width) in paired {
            #expect(width < independent[key]!, "\(key): CRN half-width \(width) vs independent \(independent[key]!)")
        }
    }

    @Test func theComparisonFileHasOneRowPerVariantAndOutcome() throws {
        let directory = Fixtures.scratch("comparison")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let completion = try Fixtures.run(
            Fixtures.plan(replications: 20, variants: ["russia_air_surge", "ceasefire_push"]),
            into: directory)
        let text = try String(contentsOfFile: directory + "/comparison.csv", encoding: .utf8)
        let lines = text.split(separator: "\n")
        let outcomes = completion.result.statistics[0].count
        #expect(lines.count == 1 + 2 * outcomes)
        #expect(
            lines[0]
                == "variant,baseline,outcome,n_pairs,mean_variant,mean_baseline,difference,ci95_low,ci95_high,pairing")
        #expect(lines[1].hasPrefix("russia_air_surge,baseline,aleppo_city_fell,20,"))
        #expect(lines[1].hasSuffix(",common-random-numbers"))
    }

    @Test func precisionModeStopsWhenTheTargetIsPreciseEnough() throws {
        let directory = Fixtures.scratch("precision")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let completion = try Fixtures.run(
            Fixtures.plan(replications: 2000, precision: 0.08, target: "regime_collapsed"),
            into: directory)
        #expect(completion.manifest.complete)
        #expect(completion.manifest.stopReason.hasPrefix("precision reached"))
        #expect(completion.manifest.replicationsDone % 50 == 0 && completion.manifest.replicationsDone < 2000)
        let interval = completion.result.statistics[0].first { $0.column.name == "regime_collapsed" }!
        #expect(completion.manifest.replicationsDone > 0)
        #expect(interval.sample.n == completion.manifest.replicationsDone)
    }
}
