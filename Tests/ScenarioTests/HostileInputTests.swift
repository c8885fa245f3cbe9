import Foundation
import Testing

@testable import Scenario

/// The guards that keep hostile scenarios cheap to refuse: the alias count, the visit budget, the
/// problem cap, and a stable order of problems. The CLI corpus (InvalidScenarioCorpusTests) checks
/// their messages end to end.
@Suite struct HostileInputTests {
    /// Ten anchors, each a list of ten aliases of the one before ("billion laughs").
    static let laughs: String = {
        var lines = ["lol0: &lol0 [" + Array(repeating: "lol", count: 10).joined(separator: ", ") + "]"]
        for level in 1..<10 {
            lines.append(
                "lol\(level): &lol\(level) ["
                    + Array(repeating: "*lol\(level - 1)", count: 10)
                    .joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func aliasesCountAsTheSizeOfTheirAnchor() {
        // Each alias of the three-node list (the list and two numbers) adds three nodes.
        let counted = AliasExpansion.countAddedNodes(in: "a: &x [1, 2]\nb: *x\nc: [*x, *x]\n")
        #expect(counted.added == 9)
        #expect(counted.excess == nil)
        // An alias of an anchor that itself holds aliases counts them expanded: [*x, *x] is 7 nodes.
        #expect(AliasExpansion.countAddedNodes(in: "a: &x [1, 2]\nb: &y [*x, *x]\nc: *y\n").added == 6 + 7)
    }

    /// The count stops at the first alias past the limit. The anchors hold 11, 111, 1,111 and 11,111
    /// nodes; lines lol1 to lol3 add 12,330, and the eighth '*lol3' of line lol4 takes the total from
    /// 90,107 to 101,218. Nothing near the 10^10 of the full expansion is ever counted.
    @Test func theBillionLaughsStopsAtTheAliasThatCrossesTheLimit() throws {
        let counted = AliasExpansion.countAddedNodes(in: Self.laughs)
        let excess = try #require(counted.excess)
        #expect(excess.alias == "lol3")
        #expect(excess.line == 5 && excess.column == 63)  // "lol4: &lol4 [" then seven "*lol3, "
        #expect(counted.added == 110 + 1_110 + 11_110 + 8 * 11_111)
        #expect(counted.added <= AliasExpansion.maximumAddedNodes + 11_111)
    }

    @Test func aSyntaxErrorIsLeftToTheComposer() {
        #expect(AliasExpansion.countAddedNodes(in: "a: [1, 2\nb: *x\n").excess == nil)
    }

    /// Every variant decodes the document again; together they share one budget of visits.
    @Test func variantsShareOneBudgetOfVisits() throws {
        let variants = (1...5).map { "  v\($0):\n    set:\n      actors.rebels.morale: 0.5\n" }.joined()
        let text = minimalScenario + "\nvariants:\n" + variants
        let source = try ScenarioSource(bytes: Array(text.utf8), file: "budget.yaml")
        // The minimal scenario visits a few dozen values per decode: 60 is spent by the second variant.
        #expect(throws: Never.self) { try Scenario(source: source, variant: nil, settings: [], visitBudget: 400) }
        do {
            _ = try Scenario(source: source, variant: nil, settings: [], visitBudget: 60)
            Issue.record("the budget was not enforced")
        } catch {
            #expect(error.errors.count == 1)
            #expect(
                error.errors.first?.message.contains("the scenario is too large to check") == true,
                "\(error)")
        }
    }

    /// Problems at one place keep the order they were found in (required keys as the format lists
    /// them), whatever the order of a Set; before, it changed from run to run.
    @Test func problemsAtOnePlaceComeInTheOrderFound() {
        let found = problems(in: "title: nothing else\n")
        #expect(
            found
                == ["escsim", "name", "horizon_days", "actors", "regions", "ladder", "collapse"].map {
                    "1:1: the scenario is missing the required key '\($0)'"
                })
    }

    /// A pasted list of unknown names gets the first 100 problems, not 100,000.
    @Test func problemsStopAtTheCap() {
        let unknown = (0..<5_000).map { "nowhere\($0)" }.joined(separator: ", ")
        let text = minimalScenario.replacingOccurrences(
            of: "neighbours: [south]", with: "neighbours: [south, \(unknown)]")
        do {
            _ = try Scenario.parse(text, file: "paste.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.errors.count == NodeDecoder.maximumProblems)
            #expect(error.isTruncated)
            #expect(error.countDescription == "the first 100 problems")
        }
    }
}
