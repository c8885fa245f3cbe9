/// The escalation ladder and the end of the regime.
extension EscalationSimulation {
    /// Climbs to every rung `trigger` reaches (never down), noting the day each is first reached.
    mutating func raiseLadder(_ trigger: LadderTrigger, at time: Double) {
        for (index, rung) in parameters.ladder.enumerated() where rung.trigger == trigger {
            if trigger == .airstrikes, Double(airstrikes) < rung.threshold { continue }
            if rungFirstDay[index] == nil { rungFirstDay[index] = time }
            ladderLevel = max(ladderLevel, index)
        }
    }

    /// The regime collapses when it loses its capital or its morale falls below the threshold.
    mutating func checkCollapse(at time: Double) {
        guard collapseDay == nil else { return }
        let rule = parameters.collapse
        let capitalLost = side(of: regions[rule.capital].controller) != side(of: rule.actor)
        if capitalLost || actors[rule.actor].morale < rule.moraleThreshold {
            collapseDay = time
            raiseLadder(.regimeCollapse, at: time)
        }
    }
}
