import Foundation
import Testing

@testable import escsim

/// Shell completion offers what only the scenario knows: its variants and outcome columns.
@Suite struct CompletionTests {
    private let words = ["escsim", "run", CLI.baseline, "--variants"]

    @Test func variantsCompleteFromTheScenarioOnTheCommandLine() {
        #expect(Completions.variantNames(words, 3, "russia") == ["russia_air_surge"])
        let lists = Completions.variantLists(words, 3, "")
        #expect(lists.first == "all")
        #expect(lists.contains("ceasefire_push"))
        // After a comma: the names not yet listed, appended to the list typed so far.
        let more = Completions.variantLists(words, 3, "ceasefire_push,")
        #expect(more.contains("ceasefire_push,russia_air_surge"))
        #expect(!more.contains { $0.hasSuffix(",ceasefire_push") } && !more.contains("all"))
        #expect(Completions.variantLists(words, 3, "all,").isEmpty)
    }

    @Test func targetsCompleteFromTheOutcomeColumns() {
        #expect(Completions.outcomeNames(words, 3, "regime_coll") == ["regime_collapsed", "regime_collapse_day"])
    }

    @Test func withoutAScenarioThatLoadsNothingIsOffered() {
        #expect(Completions.variantNames(["escsim", "run", "--variant"], 2, "").isEmpty)
        #expect(Completions.outcomeNames(["escsim", "run", "/nonexistent.yaml"], 2, "").isEmpty)
    }
}
