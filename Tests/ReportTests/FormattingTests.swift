import EscalationModel
import Testing

@testable import Report

/// Numbers, scales and escaping: the small pieces every chart is made of.
@Suite struct FormattingTests {
    @Test func fixedDecimalsRoundHalfAwayFromZeroWithoutLocale() {
        #expect(NumberText.fixed(4.9426, digits: 1) == "4.9")
        #expect(NumberText.fixed(2.25, digits: 1) == "2.3")
        #expect(NumberText.fixed(-0.04, digits: 1) == "0.0")
        #expect(NumberText.fixed(-12.706, digits: 1) == "-12.7")
        #expect(NumberText.fixed(41301.32, digits: 0, grouped: true) == "41,301")
        #expect(NumberText.fixed(1_234_567.891, digits: 2, grouped: true) == "1,234,567.89")
        #expect(NumberText.fixed(.nan, digits: 2) == "\u{2013}")
        #expect(
            NumberText.count(1000) == "1,000" && NumberText.count(999) == "999" && NumberText.count(-1500) == "-1,500")
    }

    @Test func automaticKeepsThreeSignificantFiguresBelowAHundred() {
        #expect(NumberText.automatic(37) == "37")
        #expect(NumberText.automatic(37.06) == "37.1")
        #expect(NumberText.automatic(5.303) == "5.30")
        #expect(NumberText.automatic(0.0425) == "0.0425")
        #expect(NumberText.automatic(66669.25) == "66,669")
        #expect(NumberText.percent(0.967) == "96.7%")
    }

    @Test func coordinatesHaveNoTrailingZeros() {
        #expect(NumberText.coordinate(12.5) == "12.5")
        #expect(NumberText.coordinate(3.0) == "3")
        #expect(NumberText.coordinate(-0.001) == "0")
        #expect(NumberText.coordinate(100.456) == "100.46")
    }

    @Test func niceStepsAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        #expect(LinearScale.niceStep(span: 134, count: 5) == 50)
        #expect(LinearScale.niceStep(span: 30, count: 8) == 5)
        #expect(LinearScale.niceStep(span: 1, count: 5) == 0.2)
        #expect(LinearScale.niceStep(span: 100_000, count: 6) == 20_000)
        #expect(LinearScale.niceStep(span: 11, count: 5) == 2.5)
        let scale = LinearScale(domain: (0, 134), range: (0, 100)).nice(count: 5)
        #expect(scale.domain.low == 0 && scale.domain.high == 150)
        #expect(scale.ticks(count: 5).values == [0, 50, 100, 150])
        #expect(LinearScale(domain: (1, 30), range: (0, 1)).ticks(count: 6).values == [5, 10, 15, 20, 25, 30])
        #expect(
            LinearScale.decimals(forStep: 2.5) == 1 && LinearScale.decimals(forStep: 0.25) == 2
                && LinearScale.decimals(forStep: 50) == 0)
    }

    @Test func aScaleMapsItsDomainOntoItsRange() {
        let y = LinearScale(domain: (0, 40), range: (250, 50))
        #expect(y(0) == 250 && y(40) == 50 && y(10) == 200)
        // A single value gets a unit of width around it.
        let flat = LinearScale(domain: (3, 3), range: (0, 10))
        #expect(flat.domain.low == 2.5 && flat.domain.high == 3.5)
    }

    @Test func markupEscapesEverythingThatCouldOpenATagOrAttribute() {
        #expect(Markup.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(Markup.escape("bell\u{07}tab\t") == "belltab\t")
        #expect(
            Markup.commandLine(["escsim", "run", "my file.yaml", "--set", "x='1'"])
                == "escsim run 'my file.yaml' --set 'x='\\''1'\\'''")
    }

    @Test func outcomeNamesBecomeTitlesAndUnits() {
        #expect(OutcomeLabels.title("aleppo_city_fall_day") == "Day Aleppo city fell")
        #expect(OutcomeLabels.title("regime_collapse_day") == "Day of regime collapse")
        #expect(OutcomeLabels.title("aleppo_city_fell") == "Aleppo city fell")
        #expect(OutcomeLabels.unit("civilians_killed", kind: .quantity) == "civilians")
        #expect(OutcomeLabels.unit("ladder_peak", kind: .level) == "ladder rung")
        #expect(OutcomeLabels.actorName("hts") == "HTS" && OutcomeLabels.actorName("hezbollah") == "Hezbollah")
        #expect(OutcomeLabels.title("territory_hts") == "Territory of HTS")
        #expect(OutcomeLabels.title("losses_regime") == "Fighters Regime lost")
        #expect(OutcomeLabels.title("end_day") == "Day the run ended")
        #expect(OutcomeLabels.title("some_new_outcome") == "Some new outcome")
        #expect(OutcomeLabels.unit("end_day", kind: .quantity) == "day")
        #expect(
            OutcomeLabels.rungs(among: ["ladder_peak", "rung_ground_offensive_day", "rung_x_day"])
                == ["ground_offensive", "x"])
    }

    /// The key outcomes are those the catalogue marks, in the folder's order; of a family
    /// compared by its first member (the first key city), only that one.
    @Test func theCatalogueChoosesTheChartedAndComparedOutcomes() {
        let outcomes = [
            "aleppo_city_fell", "aleppo_city_fall_day", "hama_fell", "hama_fall_day", "regime_collapsed",
            "regime_collapse_day", "ceasefire", "chemical_weapons_used", "ladder_peak", "ladder_final",
            "civilians_killed", "civilians_injured", "civilians_displaced", "end_day",
        ]
        #expect(
            OutcomeLabels.histogramOutcomes(among: outcomes)
                == [
                    "aleppo_city_fall_day", "hama_fall_day", "regime_collapse_day", "ladder_peak", "civilians_killed",
                    "civilians_displaced",
                ])
        #expect(
            OutcomeLabels.comparedOutcomes(among: outcomes)
                == [
                    "aleppo_city_fell", "regime_collapsed", "ceasefire", "chemical_weapons_used", "ladder_peak",
                    "civilians_killed", "civilians_displaced",
                ])
    }
}

/// The signs of forest-plot differences.
@Suite struct DifferenceTextTests {
    private func plot(_ kind: OutcomeKind) -> ForestPlot {
        ForestPlot(id: "f", outcome: "x", title: "X", kind: kind, rows: [])
    }

    @Test func aDifferenceThatRoundsToZeroHasNoSign() {
        #expect(plot(.indicator).signed(0.0004) == "0.0")
        #expect(plot(.indicator).signed(0.047) == "+4.7")
        #expect(plot(.indicator).signed(-0.536) == "-53.6")
        #expect(plot(.quantity).signed(35.83) == "+35.8")
        #expect(plot(.day).signed(.nan) == "\u{2013}")
    }
}
