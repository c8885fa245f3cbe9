import EscalationModel
import Foundation
import Scenario
import Testing

/// The `camps` section: camps by name, stances both ways, and patrons across neutral camps.
@Suite struct CampSectionTests {
    static let threeCamps = minimalScenario.replacingOccurrences(
        of: "actors:\n",
        with: """
            camps:
              rebel_camp: {name: The rebels}
              government_camp: {neutral: [outsiders]}
              outsiders: {name: Outside power}
            actors:

            """
    )
    .replacingOccurrences(of: "side: opposition", with: "side: rebel_camp")
    .replacingOccurrences(of: "side: loyalist", with: "side: government_camp")

    @Test func campsAreReadWithTheirStances() throws {
        let text = Self.threeCamps.replacingOccurrences(
            of: "regions:\n",
            with: "  protector: {side: outsiders, patron_of: government, field_strength: 0, reinforce: garrisons}\n"
                + "regions:\n")
        let parameters = try Scenario.parse(text, file: "test.yaml").baseParameters
        #expect(parameters.camps.map(\.id) == ["rebel_camp", "government_camp", "outsiders"])
        #expect(parameters.camps[0].name == "The rebels" && parameters.camps[1].name == "government_camp")
        #expect(parameters.actors.map(\.camp) == [Camp(0), Camp(1), Camp(2)])
        #expect(parameters.actors[2].reinforcementTarget == .garrisons)
        let stances = parameters.initialStances
        #expect(stances[1 * 3 + 2] == .neutral && stances[2 * 3 + 1] == .neutral)
        #expect(stances[0 * 3 + 1] == .hostile && stances[0 * 3 + 2] == .hostile)
    }

    @Test func aPatronInAHostileCampIsRefused() {
        let text = Self.threeCamps.replacingOccurrences(
            of: "regions:\n", with: "  protector: {side: outsiders, patron_of: rebels, field_strength: 0}\nregions:\n")
        #expect(
            problems(in: text) == [
                "11:3: actor 'protector' backs 'rebels' but is on the other side (a patron must be in its client's "
                    + "camp, or in one neutral or allied to it)"
            ])
    }

    @Test func aPairBothNeutralAndAlliedIsRefused() {
        let text = Self.threeCamps.replacingOccurrences(
            of: "outsiders: {name: Outside power}", with: "outsiders: {name: Outside power, allied: [government_camp]}")
        #expect(
            problems(in: text) == [
                "5:3: camps 'government_camp' and 'outsiders' are listed both neutral and allied"
            ])
    }

    @Test func oneCampIsNotAWar() {
        let text = minimalScenario.replacingOccurrences(
            of: "actors:\n", with: "camps:\n  everyone: {}\nactors:\n")
        #expect(problems(in: text).first == "5:3: camps must name at least two camps")
    }
}
