import DiscreteEvent
import Stochastic

/// Mediation, the daily review (snapshots and the regime's chemical weapons hazard).
extension EscalationSimulation {
    /// Schedules the next mediation attempt, at `attempts_per_day` (none while it is 0).
    mutating func scheduleNextMediationAttempt(after time: Double, queue: inout EventQueue<ModelEvent>) {
        mediationAttempts.reschedule(.mediationAttempt, rate: parameters.mediation.attemptsPerDay, after: time,
                                     stream: mediationStream, queue: &queue)
    }

    mutating func attemptMediation(at time: Double, queue: inout EventQueue<ModelEvent>) {
        scheduleNextMediationAttempt(after: time, queue: &queue)
        let mediation = parameters.mediation
        let losses = actors.reduce(0) { $0 + $1.losses }
        let lossShare = initialFighters > 0 ? min(1, losses / initialFighters) : 0
        let success = min(1, mediation.baseSuccess + mediation.exhaustionWeight * time / parameters.horizonDays
                          + mediation.lossWeight * lossShare)
        guard mediationStream.uniform() < success else {
            if trace != nil { note(time, "mediation", [], region: nil, "mediation fails (chance was \(Int(success * 100))%)") }
            return
        }
        ceasefireDay = time
        ladderLevel = 0
        if trace != nil {
            note(time, "ceasefire", [], region: nil,
                 "mediators secure a ceasefire (chance was \(Int(success * 100))%); the front freezes")
        }
    }

    mutating func review(day: Int, at time: Double, queue: inout EventQueue<ModelEvent>) {
        considerChemicalWeapons(at: time, queue: &queue)
        checkCollapse(at: time)
        snapshots.append(snapshot(day: day))
        if Double(day + 1) <= parameters.horizonDays {
            queue.schedule(.dailyReview(day: day + 1), at: Double(day + 1), priority: 1)
        }
    }

    /// The regime, desperate and high on the ladder, may use chemical weapons (once per run).
    mutating func considerChemicalWeapons(at time: Double, queue: inout EventQueue<ModelEvent>) {
        let rule = parameters.chemicalWeapons
        let regime = parameters.collapse.actor
        guard chemicalWeaponsDay == nil, rule.dailyHazard > 0, actors[regime].morale < rule.desperationMorale,
              ladderLevel >= rule.minimumRung, chemicalStream.uniform() < rule.dailyHazard
        else { return }
        chemicalWeaponsDay = time
        // A count of people: a continuous distribution (the baseline's gamma) is rounded to whole deaths.
        let killed = rule.civiliansKilled.sample(chemicalStream).rounded()
        civiliansKilled += killed
        raiseLadder(.chemicalWeapons, at: time)
        if trace != nil {
            note(time, "chemical-weapons", [regime], region: nil,
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

    /// Territory, ladder and civilian harm now.
    func snapshot(day: Int) -> DailySnapshot {
        DailySnapshot(day: day, territoryShare: territoryShares(), ladderLevel: ladderLevel,
                      civiliansKilled: civiliansKilled, civiliansInjured: civiliansInjured,
                      civiliansDisplaced: civiliansDisplaced)
    }

    /// Share of total strategic value each actor holds; sums to 1.
    func territoryShares() -> [Double] {
        var shares = Array(repeating: 0.0, count: actors.count)
        var total = 0.0
        for index in regions.indices {
            shares[regions[index].controller] += tables.regionValue[index]
            total += tables.regionValue[index]
        }
        return shares.map { total > 0 ? $0 / total : 0 }
    }
}
