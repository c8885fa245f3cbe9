import Backtest
import EscalationModel
import Scenario
import Stochastic
import Testing

@Suite struct ObservationFileTests {
    static let vocabulary = ObservationVocabulary(
        scenarioName: "minimal",
        outcomes: [
            OutcomeColumn(name: "south_fall_day", kind: .day, description: ""),
            OutcomeColumn(name: "south_fell", kind: .indicator, description: ""),
            OutcomeColumn(name: "civilians_killed", kind: .quantity, description: ""),
        ],
        series: ["civilians_displaced", "losses_rebels"], horizonDays: 10)

    static let header = """
        escsim_observations: 1
        scenario: minimal
        start: 2024-11-27
        observations:

        """
    static let source = "    source: {outlet: Test, published: 2024-12-01, counted: a test}\n"

    static func problems(_ observations: String) -> [String] {
        do {
            _ = try ObservationFile.parse(header + observations, file: "obs.yaml", vocabulary: vocabulary)
            return []
        } catch {
            return error.errors.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    @Test func aFileOfEveryKindReads() throws {
        let text =
            Self.header + """
                  - id: south_fell
                    what: The south fell
                    kind: event
                    outcome: south_fall_day
                    dates: [2024-11-29, 2024-11-30]
                """ + "\n" + Self.source + """
                  - id: displaced
                    what: People displaced
                    kind: quantity
                    series: civilians_displaced
                    date: 2024-12-03
                    since: 2024-11-28
                    range: [1000, 2000]
                    error: {relative: 0.2}
                    counts: {factor: {distribution: uniform, low: 1, high: 2}}
                """ + "\n" + Self.source + """
                  - id: rebels_lost_none
                    what: The rebels lost no one by the 1st
                    kind: fact
                    series: losses_rebels
                    above: 0
                    by: 2024-12-01
                    happened: false
                """ + "\n" + Self.source
        let set = try ObservationFile.parse(text, file: "obs.yaml", vocabulary: Self.vocabulary)
        #expect(set.scenario == "minimal" && set.observations.count == 3)
        // 29 Nov is day 3 (times 2-3); 30 Nov ends at time 4.
        #expect(set.observations[0].fact == .event(outcome: "south_fall_day", window: .range(low: 2, high: 4)))
        #expect(
            set.observations[1].fact
                == .quantity(
                    .series("civilians_displaced", day: 7, sinceDay: 1), value: .range(low: 1000, high: 2000),
                    measurement: MeasurementModel(factor: .uniform(low: 1, high: 2), error: .relative(0.2))))
        #expect(set.observations[2].fact == .binary(.series("losses_rebels", day: 5, above: 0), happened: false))
        #expect(set.observations[2].location == "obs.yaml:21:5")
        #expect(set.observations[0].source.outlet == "Test")
    }

    @Test func everyProblemIsReportedWithItsLocation() {
        let found = Self.problems(
            """
              - id: Bad-Id
                what: x
                kind: evnt
            """ + "\n" + Self.source + """
                  - id: late
                    what: x
                    kind: event
                    outcome: south_fal_day
                    date: 2024-12-20
                """ + "\n" + Self.source + """
                      - id: wrong_kind
                        what: x
                        kind: event
                        outcome: civilians_killed
                        date: 2024-11-28
                        value: 3
                        source: {outlet: Test, published: 2024-12-01}
                    """)
        #expect(
            found == [
                "5:9: observation 1: id 'Bad-Id' must be lower_snake_case",
                "7:11: observation 'Bad-Id': unknown kind 'evnt' (did you mean 'event'?); known: event, quantity, fact",
                "12:14: observation 'late': unknown outcome 'south_fal_day' (did you mean 'south_fall_day'?)",
                "13:11: observation 'late': date 2024-12-20 is day 24, after the scenario's horizon (day 10)",
                "18:14: observation 'wrong_kind': outcome 'civilians_killed' is a quantity; "
                    + "this needs a day column (such as aleppo_city_fall_day)",
                "20:12: observation 'wrong_kind': an event takes no 'value'",
                "21:13: observation 'wrong_kind': source is missing the required key 'counted'",
            ])
    }

    @Test func theFileMustTestThisScenario() {
        let text = Self.header.replacing("scenario: minimal", with: "scenario: other") + "  []\n"
        #expect(throws: ScenarioErrors.self) {
            try ObservationFile.parse(text, file: "obs.yaml", vocabulary: Self.vocabulary)
        }
        do {
            _ = try ObservationFile.parse(text, file: "obs.yaml", vocabulary: Self.vocabulary)
        } catch {
            #expect(error.errors.map(\.message).contains("these observations test scenario 'other', not 'minimal'"))
        }
    }

    @Test func quantitiesAndFactsCheckTheirKeys() {
        let found = Self.problems(
            """
              - id: a
                what: x
                kind: quantity
                series: civilians_displaced
                value: 3
                error: {relative: -1}
            """ + "\n" + Self.source + """
                  - id: b
                    what: x
                    kind: fact
                    outcome: south_fall_day
                    happened: maybe
                """ + "\n" + Self.source)
        #expect(
            found == [
                "8:13: observation 'a': a series needs the 'date' it is read on",
                "10:23: observation 'a': error: relative must be positive, got -1",
                "12:5: observation 'b': a fact needs the date 'by' which it did or did not happen",
                "16:15: observation 'b': happened must be true or false, got the text 'maybe'",
            ])
    }

    @Test func checksOrdersAndConditionsRead() throws {
        let text =
            Self.header + """
                  - id: order
                    what: The south fell before the rebels lost anyone
                    kind: fact
                    outcome: south_fall_day
                    before: south_fall_day
                    happened: true
                    check: true
                """ + "\n" + Self.source + """
                  - id: given
                    what: Where the south fell, it fell by the 1st
                    kind: fact
                    outcome: south_fall_day
                    given: south_fall_day
                    by: 2024-12-01
                    happened: true
                """ + "\n" + Self.source
        let set = try ObservationFile.parse(text, file: "obs.yaml", vocabulary: Self.vocabulary)
        #expect(
            set.observations[0].fact
                == .binary(.order("south_fall_day", before: "south_fall_day", byTime: nil), happened: true))
        #expect(set.observations[0].isCheck && !set.observations[1].isCheck)
        #expect(set.observations[1].condition == Observation.Condition(outcome: "south_fall_day", byTime: 5))
        #expect(
            Self.problems(
                """
                  - id: e
                    what: x
                    kind: event
                    outcome: south_fall_day
                    date: 2024-11-28
                    check: true
                """ + "\n" + Self.source) == ["10:12: observation 'e': an event takes no 'check'"])
    }
}
