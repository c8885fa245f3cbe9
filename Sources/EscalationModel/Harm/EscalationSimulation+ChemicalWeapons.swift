import DiscreteEvent
import Stochastic

/// Chemical weapons: a small daily hazard once the regime is desperate and the war high on the
/// ladder; outside powers respond in force.
extension EscalationSimulation {
    /// The regime, desperate and high on the ladder, may use chemical weapons (once per run).
    mutating func considerChemicalWeapons(at time: Double, queue: inout EventQueue<ModelEvent>) {
        let rule = parameters.chemicalWeapons
        let regime = parameters.collapse.actor
        guard chemicalWeaponsDay == nil, collapseDay == nil, rule.dailyHazard > 0,
            actors[regime].morale < rule.desperationMorale,
            ladderLevel >= rule.minimumRung, chemicalStream.uniform() < rule.dailyHazard
        else { return }
        chemicalWeaponsDay = time
        // A count of people: a continuous distribution (the baseline's gamma) is rounded to whole deaths.
        let killed = rule.civiliansKilled.sample(chemicalStream).rounded()
        civiliansKilled += killed
        raiseLadder(.chemicalWeapons, at: time)
        if trace != nil {
            note(
                time, "chemical-weapons", [regime], region: nil,
                "\(parameters.actors[regime].name), desperate, uses chemical weapons: \(Int(killed)) civilians killed")
        }
        // Outside powers respond: full commitment, and a patron with a posture backs its client.
        for responder in rule.responders {
            actors[responder].commitment = 1
            if actors[responder].posture != nil {
                setPosture(of: responder, to: .back, at: time, because: "after the chemical attack", queue: &queue)
            }
            scheduleNextAirstrike(of: responder, after: time, queue: &queue)
            scheduleNextAssault(of: responder, after: time, queue: &queue)
        }
    }
}
