import DiscreteEvent
import Stochastic

/// Patron decisions (Russia and Iran for the regime): reinforce, hold or draw down, by the rule
/// documented on `PatronRule`.
extension EscalationSimulation {
    /// The share of the client camp's starting strategic value it has lost, in [0, 1].
    func threat(to client: Int) -> Double {
        let clientSide = side(of: client)
        let initial = initialSideValue[clientSide] ?? 0
        guard initial > 0 else { return 0 }
        return max(0, min(1, (initial - value(heldBy: clientSide)) / initial))
    }

    mutating func decide(as patron: Int, at time: Double, queue: inout EventQueue<ModelEvent>) {
        let spec = parameters.actors[patron]
        let stream = actorStreams[patron]
        queue.schedule(.patronDecision(actor: patron), at: time + stream.exponential(mean: spec.decisionIntervalDays))
        guard let client = spec.patronOf else { return }

        let rule = parameters.patronRule
        let pressure = min(1, rule.threatSensitivity * threat(to: client))
        let willingness = actors[patron].commitment * (1 - spec.distraction)
        let reinforce = willingness * pressure
        let drawDown = spec.distraction * (1 - pressure) * rule.drawdownPropensity
        let u = stream.uniform()
        if u < reinforce, spec.reinforcementSize > 0 {
            actors[patron].reinforcementsSent += spec.reinforcementSize
            let arrival = time + stream.exponential(mean: spec.reinforcementDelayDays)
            queue.schedule(.reinforcementArrives(actor: patron, fighters: spec.reinforcementSize), at: arrival)
        } else if u < reinforce + drawDown {
            actors[patron].commitment *= rule.drawdownFactor
            scheduleNextAirstrike(of: patron, after: time, queue: &queue)
        }
    }

    /// Patron fighters join the client's field force (they fight under the client's command).
    mutating func receiveReinforcement(from patron: Int, fighters: Double, at time: Double) {
        guard let client = parameters.actors[patron].patronOf else { return }
        actors[client].fieldStrength += fighters
        raiseLadder(.foreignGroundForces, at: time)
    }
}
