import EscalationModel
import Experiments
import Foundation
import Scenario
import Stochastic
import Testing

@testable import escsim

/// The outcome catalogue is the one description of the outcome columns: the files, the kinds and
/// the docs follow from it.
@Suite struct OutcomeCatalogueTests {
    static let outputsDoc = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/outputs.md").standardized.path

    /// `make generate` (`escsim schema --write`) writes the table.
    @Test func theOutcomeTableOfTheDocsIsTheOneTheCatalogueGenerates() throws {
        let committed = try String(contentsOfFile: Self.outputsDoc, encoding: .utf8)
        let generated = try #require(
            OutcomeCatalogue.updating(committed),
            "docs/outputs.md lacks the markers \(OutcomeCatalogue.tableMarkers)")
        #expect(generated == committed, "docs/outputs.md's outcome table is stale: run `make generate`")
    }

    /// Every column of a real scenario belongs to exactly the entry that made it, so the report's
    /// lookup by name finds the right title, unit and role.
    @Test func everyColumnOfTheBaselineLeadsBackToItsEntry() throws {
        let schema = try Fixtures.plan(replications: 1).experiment().schema
        let names = schema.columns.map(\.name)
        #expect(Set(names).count == names.count)
        for column in schema.columns {
            let found = try #require(OutcomeCatalogue.entry(ofColumn: column.name), "\(column.name)")
            #expect(found.entry.kind == column.kind, "\(column.name)")
            #expect(found.entry.column(of: found.member) == column.name)
        }
        #expect(OutcomeCatalogue.entry(ofColumn: "end_day")?.entry.kind == .quantity)
        #expect(OutcomeCatalogue.entry(ofColumn: "end_nothing_of_the_sort") == nil)
        #expect(OutcomeCatalogue.entry(ofColumn: "aleppo_city_fall_day")?.member == "aleppo_city")
    }

    /// Values come from the same entries as the columns: one per column, missing only for days.
    @Test func theValuesOfAReplicationFillEveryColumn() throws {
        let experiment = try Fixtures.plan(replications: 1).experiment()
        let schema = experiment.schema
        let parameters = experiment.scenarios[0].baseParameters
        let outcome = Replication.run(parameters: parameters, seeds: StreamSeeds(masterSeed: 7), index: 0)
        let values = schema.values(of: outcome)
        #expect(values.count == schema.columns.count)
        for (column, value) in zip(schema.columns, values) where column.kind != .day {
            #expect(value.isFinite, "\(column.name)")
        }
        let ends = zip(schema.columns, values).filter { $0.0.name.hasPrefix("end_") && $0.0.kind == .indicator }
        #expect(ends.map(\.1).reduce(0, +) == 1)
    }

    /// The integer-bin rule: unit bins for days and whole-number data, never for shares.
    @Test func wholeNumbersGetUnitBinsExceptShares() {
        let whole: [Double] = [0, 1, 1, 0, 2, 5]
        let fractional: [Double] = [0.5, 1, 2.25]
        #expect(OutcomeKind.quantity.histogram(of: whole) == HistogramBins.make(whole, integer: true))
        #expect(OutcomeKind.level.histogram(of: whole) == HistogramBins.make(whole, integer: true))
        #expect(OutcomeKind.share.histogram(of: whole) == HistogramBins.make(whole, integer: false))
        #expect(OutcomeKind.quantity.histogram(of: fractional) == HistogramBins.make(fractional, integer: false))
        #expect(OutcomeKind.day.histogram(of: fractional) == HistogramBins.make(fractional, integer: true))
    }
}
