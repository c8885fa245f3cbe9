import EscalationModel
import Stochastic
import Testing

@testable import Experiments
@testable import escsim

/// Scenario text printed on a terminal shows its control characters instead of obeying them.
@Suite struct TerminalTextTests {
    @Test func controlCharactersAreShownNotObeyed() {
        #expect(TerminalText.escaped("Aleppo\u{1B}[2J falls") == "Aleppo\\u{1B}[2J falls")
        #expect(
            TerminalText.escaped("a\u{0}b\u{7}c\td\ne\rf\u{7F}g") == "a\\u{00}b\\u{07}c\\u{09}d\\u{0A}e\\u{0D}f\\u{7F}g"
        )
        // C1: CSI in one character, and the window-title sequence's OSC.
        #expect(TerminalText.escaped("\u{9B}2J\u{9D}0;x\u{9C}") == "\\u{9B}2J\\u{9D}0;x\\u{9C}")
        // Bidirectional overrides and isolates, and the Unicode line separators.
        #expect(TerminalText.escaped("abc\u{202E}fed\u{2066}\u{2028}") == "abc\\u{202E}fed\\u{2066}\\u{2028}")
    }

    @Test func ordinaryTextIsUnchanged() {
        for text in [
            "Aleppo 2024: the offensive", "Hay\u{2019}at Tahrir al-Sham", "حلب", "Škoda \u{1F600}", "", "a\\u{1B}b",
        ] {
            #expect(TerminalText.escaped(text) == text)
        }
    }

    @Test func everyEscapedTextIsFreeOfControls() {
        let all = String(String.UnicodeScalarView((0...0x2100).compactMap(Unicode.Scalar.init)))
        let escaped = TerminalText.escaped(all)
        #expect(!escaped.unicodeScalars.contains { TerminalText.isControl($0) })
    }

    @Test func summaryTablesEscapeTheNamesTheyPrint() {
        let evil = OutcomeStatistic(
            column: OutcomeColumn(name: "x\u{1B}[2J_fell", kind: .indicator, description: ""),
            values: [1, 0])
        let count = OutcomeStatistic(
            column: OutcomeColumn(name: "y\u{9B}2J", kind: .quantity, description: ""),
            values: [1, 2])
        let table = SummaryTable.render([evil, count], replications: 2, colour: false)
        #expect(!table.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" })
        #expect(table.contains("x\\u{1B}[2J_fell") && table.contains("y\\u{9B}2J"))
        let row = ComparisonRow(
            variant: "v\u{1B}]0;owned\u{7}", baseline: "baseline", outcome: "ceasefire",
            commonRandomNumbers: true, difference: PairedDifference([1, 0, 1], [0, 0, 1]))
        let comparison = SummaryTable.renderComparisons([row])
        #expect(!comparison.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" })
        #expect(comparison.contains("v\\u{1B}]0;owned\\u{07}"))
    }
}
