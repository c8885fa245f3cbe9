import Foundation
import Scenario
import Testing

/// A key written twice is a duplicate whatever else is wrong with it.
@Suite struct DuplicateKeyTests {
    /// The first `moral` is unknown (a misspelt `morale`); the second is that key again. Reporting
    /// the second as unknown too hid the duplication, which is the other half of the mistake.
    @Test func aDuplicatedUnknownKeyIsReportedAsADuplicate() {
        let text = minimalScenario.replacingOccurrences(
            of: "field_strength: 1000, assaults_per_day: 1}",
            with: "field_strength: 1000, assaults_per_day: 1, moral: 0.5, moral: 0.6}")
        #expect(
            problems(in: text) == [
                "5:73: unknown key 'moral' in actor 'rebels' (did you mean 'morale'?)",
                "5:85: duplicate key 'moral' in actor 'rebels'",
            ])
    }

    /// Three times at the top level: one unknown, then a duplicate at each repetition.
    @Test func aKeyWrittenThreeTimesIsUnknownOnceAndDuplicatedTwice() {
        let text = minimalScenario + "\nhorizon: 1\nhorizon: 2\nhorizon: 3\n"
        #expect(
            problems(in: text) == [
                "14:1: unknown key 'horizon' in the scenario (did you mean 'horizon_days'?)",
                "15:1: duplicate key 'horizon' in the scenario",
                "16:1: duplicate key 'horizon' in the scenario",
            ])
    }
}
