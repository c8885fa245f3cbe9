import DiscreteEvent
import Stochastic

/// Mediation: outside mediators try for a ceasefire, and succeed more often as the war wears
/// both camps down.
extension EscalationSimulation {
    /// Schedules the next mediation attempt, at `attempts_per_day` (none while it is 0).
    mutating func scheduleNextMediationAttempt(after time: Double, queue: inout EventQueue<ModelEvent>) {
        mediationAttempts.reschedule(
            .mediationAttempt, rate: parameters.mediation.attemptsPerDay, after: time,
            stream: mediationStream, queue: &queue)
    }

    /// The unit of war weariness (`exhaustion_weight` is per month of war).
    static let daysPerMonth = 30.0

    mutating func attemptMediation(at time: Double, queue: inout EventQueue<ModelEvent>) {
        // A ceasefire holds to the horizon: mediators have nothing left to broker.
        guard ceasefireDay == nil else { return }
        scheduleNextMediationAttempt(after: time, queue: &queue)
        let mediation = parameters.mediation
        let losses = actors.reduce(0) { $0 + $1.losses }
        let lossShare = initialFighters > 0 ? min(1, losses / initialFighters) : 0
        let success = min(
            1,
            mediation.baseSuccess + mediation.exhaustionWeight * time / Self.daysPerMonth
                + mediation.lossWeight * lossShare + escalationPressure())
        guard mediationStream.uniform() < success else {
            if trace != nil {
                note(time, "mediation", [], region: nil, "mediation fails (chance was \(Int(success * 100))%)")
            }
            return
        }
        ceasefireDay = time
        ceasefires += 1
        ladderLevel = 0
        freezeFront(at: time, queue: &queue)
        if trace != nil {
            note(
                time, "ceasefire", [], region: nil,
                "mediators secure a ceasefire (chance was \(Int(success * 100))%); the front freezes")
        }
    }

    /// At a daily review, a ceasefire in force breaks down with probability `breakdown_per_day`:
    /// the front thaws (assaults, strikes and withdrawals resume at their rates) and mediators try
    /// again. Most Syrian truces broke within days or weeks (the Idlib truce of 12 January 2020,
    /// the cessations of February and September 2016); some held for years (5 March 2020).
    mutating func reviewCeasefire(at time: Double, queue: inout EventQueue<ModelEvent>) {
        let hazard = parameters.mediation.breakdownPerDay
        guard ceasefireDay != nil, hazard > 0, mediationStream.uniform() < hazard else { return }
        ceasefireDay = nil
        freezeFront(at: time, queue: &queue)
        scheduleNextMediationAttempt(after: time, queue: &queue)
        if trace != nil {
            note(time, "ceasefire-breaks", [], region: nil, "the ceasefire breaks down; the war resumes")
        }
    }
}
