import Foundation
import Scenario
import Testing

/// `patron_of` chains must end at an actor that is no one's patron.
@Suite struct PatronChainTests {
    static func withActors(_ lines: String) -> String {
        minimalScenario.replacingOccurrences(
            of: "  government: {side: loyalist, field_strength: 1000}\n",
            with: "  government: {side: loyalist, field_strength: 1000}\n" + lines)
    }

    @Test func twoActorsThatBackEachOtherAreRefusedOnce() {
        let text = Self.withActors(
            """
              russia: {side: loyalist, patron_of: iran, field_strength: 0}
              iran: {side: loyalist, patron_of: russia, field_strength: 0}

            """)
        #expect(
            problems(in: text) == [
                "7:3: actors 'russia' and 'iran' are patrons of each other in a cycle, russia -> iran -> russia "
                    + "(patron_of): a chain of patrons must end at an actor that is no one's patron"
            ])
    }

    /// The cycle is spelt from its first actor in the file, whichever actor the walk reached it from.
    @Test func aLongerCycleIsSpeltFromItsFirstActorInTheFile() {
        let text = Self.withActors(
            """
              turkey: {side: loyalist, patron_of: russia, field_strength: 0}
              iran: {side: loyalist, patron_of: hezbollah, field_strength: 0}
              russia: {side: loyalist, patron_of: iran, field_strength: 0}
              hezbollah: {side: loyalist, patron_of: russia, field_strength: 0}

            """)
        #expect(
            problems(in: text) == [
                "8:3: actors 'iran', 'hezbollah' and 'russia' are patrons of each other in a cycle, "
                    + "iran -> hezbollah -> russia -> iran (patron_of): a chain of patrons must end at an actor "
                    + "that is no one's patron"
            ])
    }

    /// A patron of a patron whose chain ends at a fighting actor is not a cycle.
    @Test func aChainThatEndsIsAccepted() {
        let text = Self.withActors(
            """
              russia: {side: loyalist, patron_of: government, field_strength: 0}
              belarus: {side: loyalist, patron_of: russia, field_strength: 0}

            """)
        #expect(problems(in: text) == [])
    }

    @Test func anActorItsOwnPatronIsStillRefusedWhereItIsRead() {
        let text = Self.withActors("  russia: {side: loyalist, patron_of: russia, field_strength: 0}\n")
        #expect(problems(in: text) == ["7:39: actor 'russia' cannot be its own patron"])
    }
}
