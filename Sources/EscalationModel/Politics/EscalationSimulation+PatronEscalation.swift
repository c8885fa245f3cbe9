import DiscreteEvent
import Stochastic

/// Patrons that answer escalation: their stationed troops and aircraft can be lost, they answer
/// hits on their troops in grades (retaliatory strikes, then a ground operation), they step in
/// when their client is losing, and clashes between them and the ladder's height press mediators'
/// chances up. Every draw comes from the `patronEscalation` stream.
extension EscalationSimulation {
    /// Whether the actor's own aircraft fly: engaged actors, and a patron retaliating from the air
    /// (neither after a ceasefire).
    @inline(__always)
    func fliesOwnStrikes(_ actor: Int) -> Bool {
        isEngaged(actor) || (ceasefireDay == nil && actors[actor].posture == .retaliate)
    }

    /// Enemy fire has hit `patron`'s stationed troops (in `region`, when known): they take
    /// casualties, its commitment rises, and it answers by the grade its incidents and losses have
    /// reached. Troops it stationed in a client's garrison lose men from that garrison (none while
    /// the garrison is in a fight, whose losses the fight counts); others from its field force.
    mutating func respondToTroopsHit(
        of patron: Int, in region: Int? = nil, at time: Double, queue: inout EventQueue<ModelEvent>
    ) {
        let rule = parameters.patronRule
        actors[patron].troopIncidents += 1
        var casualties = troopCasualties(of: patron)
        if let region, regions[region].stationedActor == patron {
            let part = regions[region].garrison * regions[region].stationedShare
            casualties = min(casualties, part)
            regions[region].garrison -= casualties
            regions[region].stationedShare =
                regions[region].garrison > 0 ? (part - casualties) / regions[region].garrison : 0
        } else {
            actors[patron].fieldStrength = max(0, actors[patron].fieldStrength - casualties)
        }
        if casualties > 0 {
            recordCasualties(casualties, of: patron)
            actors[patron].troopsLostToHits += casualties
        }
        let before = actors[patron].commitment
        actors[patron].commitment = max(before, min(1, before + rule.commitmentWhenHit))
        let incidents = actors[patron].troopIncidents
        if trace != nil {
            note(
                time, "troop-losses", [patron], region: nil,
                "\(parameters.actors[patron].name) loses \(Int(casualties)) fighters in incident \(incidents)")
        }
        guard let posture = actors[patron].posture else {
            if actors[patron].commitment != before { scheduleNextAirstrike(of: patron, after: time, queue: &queue) }
            return
        }
        let groundOperation =
            Double(incidents) >= rule.incidentsForGroundOperation
            || (rule.lossesForGroundOperation > 0 && actors[patron].troopsLostToHits >= rule.lossesForGroundOperation)
        let answer: Posture = groundOperation ? .back : (posture == .back ? .back : .retaliate)
        if answer == .retaliate {
            actors[patron].retaliationUntil = max(actors[patron].retaliationUntil, time + rule.retaliationDays)
        }
        if answer == posture {
            // The posture stays, but its commitment (and so its sortie rate) may have risen.
            if actors[patron].commitment != before { scheduleNextAirstrike(of: patron, after: time, queue: &queue) }
        } else {
            setPosture(
                of: patron, to: answer, at: time,
                because: answer == .back
                    ? "a ground operation after \(incidents) hits on its troops"
                    : "retaliating for a hit on its troops",
                queue: &queue)
        }
    }

    /// Fighters one hit costs the patron: geometric with mean `troops_killed_when_hit` (most hits
    /// cost a few, some a great many, as at Balyun), none when that mean is 0.
    mutating func troopCasualties(of patron: Int) -> Double {
        let mean = parameters.actors[patron].troopsKilledWhenHit
        guard mean > 0 else { return 0 }
        return Distribution.negativeBinomial(successes: 1, p: 1 / (1 + mean)).sample(patronStream)
    }

    /// One sortie over `target` may cost the actor an aircraft to the enemy camp's air defences.
    mutating func mayLoseAircraft(of actor: Int, over target: Int, at time: Double) {
        let probability = parameters.actors[actor].aircraftLossPerSortie
        guard probability > 0, patronStream.uniform() < probability else { return }
        actors[actor].aircraftLost += 1
        if trace != nil {
            note(
                time, "aircraft-lost", [actor], region: target,
                "\(parameters.actors[actor].name) loses an aircraft over \(parameters.regions[target].name)")
        }
    }

    /// At a decision epoch, a patron with a posture whose client's camp has lost more than
    /// `protection_threshold` of its starting value may step in and back it, with probability
    /// commitment x min(1, threat_sensitivity x (share lost - threshold)). Returns whether it did.
    mutating func considerProtecting(clientOf patron: Int, at time: Double, queue: inout EventQueue<ModelEvent>)
        -> Bool
    {
        let rule = parameters.patronRule
        let lost = loss(of: campOfClient(of: patron))
        guard actors[patron].posture != nil, lost > rule.protectionThreshold else { return false }
        let probability = actors[patron].commitment * min(1, rule.threatSensitivity * (lost - rule.protectionThreshold))
        guard patronStream.uniform() < probability else { return false }
        setPosture(
            of: patron, to: .back, at: time,
            because: "to protect a client camp that has lost \(Int(lost * 100))% of its ground", queue: &queue)
        return true
    }

    /// The posture a review settles on: a patron still within its retaliation keeps its air arm in
    /// (`retaliate`) unless the review backs the client outright.
    func keepingRetaliation(of patron: Int, _ reviewed: Posture, at time: Double) -> Posture {
        guard reviewed != .back, time < actors[patron].retaliationUntil else { return reviewed }
        return .retaliate
    }

    /// Clashes between the camps' patrons so far: hits on any patron's stationed troops.
    var patronClashes: Int {
        actors.reduce(0) { $0 + $1.troopIncidents }
    }

    /// What escalation adds to a mediation attempt's chance: `clash_weight` per clash between
    /// patrons and `ladder_weight` x the current rung's share of the top rung.
    func escalationPressure() -> Double {
        let mediation = parameters.mediation
        let topLevel = max(1, parameters.ladder.count - 1)
        return mediation.clashWeight * Double(patronClashes)
            + mediation.ladderWeight * Double(ladderLevel) / Double(topLevel)
    }
}
