import DiscreteEvent
import Stochastic

/// Deals between camps: a camp losing ground to an enemy allies with a neutral camp hostile to
/// that enemy, by the rule documented on `DealParameters`.
extension EscalationSimulation {
    /// At a daily review, each camp past `loss_threshold` may strike a deal with each neutral camp
    /// that is hostile to one of its enemies. Camps are visited in index order, one draw per
    /// candidate pair, so the draws depend only on the state of the war.
    mutating func considerDeals(at time: Double, queue: inout EventQueue<ModelEvent>) {
        let rule = parameters.deals
        let count = tables.campCount
        guard rule.sensitivity > 0, count > 2, ceasefireDay == nil else { return }
        for loser in 0..<count {
            let lost = loss(of: Camp(loser))
            guard lost > rule.lossThreshold else { continue }
            let probability = min(1, rule.sensitivity * (lost - rule.lossThreshold))
            for protector in 0..<count where stances[loser &* count &+ protector] == .neutral {
                guard sharesAnEnemy(Camp(loser), Camp(protector)) else { continue }
                guard dealStream.uniform() < probability else { continue }
                ally(Camp(loser), with: Camp(protector), at: time, queue: &queue, lost: lost)
            }
        }
    }

    /// Whether some camp is hostile to both `first` and `second`.
    func sharesAnEnemy(_ first: Camp, _ second: Camp) -> Bool {
        for other in 0..<tables.campCount where areHostile(first, Camp(other)) && areHostile(second, Camp(other)) {
            return true
        }
        return false
    }

    /// The two camps become allies. The deployment is the deal's term: each of the protector's
    /// patrons of the loser's actors sends a reinforcement at once with probability its
    /// willingness, commitment x (1 - distraction), and then decides as patrons do.
    mutating func ally(
        _ loser: Camp, with protector: Camp, at time: Double, queue: inout EventQueue<ModelEvent>,
        lost: Double
    ) {
        let count = tables.campCount
        stances[loser.index &* count &+ protector.index] = .allied
        stances[protector.index &* count &+ loser.index] = .allied
        refreshStanceMasks()
        if dealDay == nil { dealDay = time }
        if trace != nil {
            note(
                time, "deal", [], region: nil,
                "\(parameters.camps[loser.index].name) strikes a deal with \(parameters.camps[protector.index].name) "
                    + "after losing \(Int(lost * 100))% of its ground: they are allies now")
        }
        for patron in actors.indices where camp(of: patron) == protector {
            let spec = parameters.actors[patron]
            guard let client = spec.patronOf, camp(of: client) == loser else { continue }
            let willingness = actors[patron].commitment * (1 - spec.distraction)
            if spec.reinforcementSize > 0, dealStream.uniform() < willingness {
                sendReinforcement(from: patron, at: time, stream: dealStream, queue: &queue, because: "the deal's term")
            }
            scheduleNextDecision(of: patron, after: time, queue: &queue)
        }
    }
}
