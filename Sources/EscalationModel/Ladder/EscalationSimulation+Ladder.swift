import DiscreteEvent

/// The escalation ladder and the end of the regime.
extension EscalationSimulation {
    /// Climbs to every rung `trigger` reaches, noting the day each is first reached.
    mutating func raiseLadder(_ trigger: LadderTrigger, at time: Double) {
        for slot in tables.rungs(of: trigger) {
            let index = tables.rungList[slot]
            if trigger == .airstrikes, Double(airstrikes) < tables.rungThreshold[index] { continue }
            if rungFirstDay[index] == nil {
                rungFirstDay[index] = time
                if trace != nil, index > ladderLevel {
                    note(
                        time, "escalation", [], region: nil,
                        "the war climbs to the rung '\(parameters.ladder[index].id)'")
                }
            }
            ladderLevel = max(ladderLevel, index)
            peakLadderLevel = max(peakLadderLevel, ladderLevel)
        }
    }

    /// The regime collapses when it loses its capital, its morale falls below the threshold or
    /// `dissolved_share` of its fighters have deserted or surrendered. The war goes on: the
    /// collapse shakes each of its garrisons by `garrison_shock`, and those that break pull out.
    mutating func checkCollapse(at time: Double, queue: inout EventQueue<ModelEvent>) {
        guard collapseDay == nil, ceasefireDay == nil else { return }
        let rule = parameters.collapse
        let capitalLost = camp(of: regions[rule.capital].controller) != camp(of: rule.actor)
        let dissolved = dissolvedSoFar >= rule.dissolvedShare
        guard capitalLost || dissolved || actors[rule.actor].morale < rule.moraleThreshold else { return }
        collapseDay = time
        if trace != nil {
            let why =
                capitalLost
                ? "the capital has fallen"
                : dissolved ? "its army has dissolved" : "its forces' morale has dissolved"
            note(
                time, "collapse", [rule.actor], region: capitalLost ? rule.capital : nil,
                "\(parameters.actors[rule.actor].name) collapses: \(why)")
        }
        raiseLadder(.regimeCollapse, at: time)
        guard rule.garrisonShock > 0 else { return }
        for index in regions.indices where regions[index].controller == rule.actor {
            regions[index].garrisonMorale = max(0, regions[index].garrisonMorale - rule.garrisonShock)
            considerWithdrawal(of: index, at: time, queue: &queue)
        }
    }
}
