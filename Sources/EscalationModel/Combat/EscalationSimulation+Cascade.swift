import DiscreteEvent
import Stochastic

/// What a region changing hands sets off: morale shocks, garrisons breaking, fronts collapsing.
extension EscalationSimulation {
    /// Hands `region` to `newController` with `garrison` fighters, then shakes the loser's camp:
    /// every actor and garrison of it loses `moraleShock x value share` (the region's share of
    /// what the camp held), the winners gain half that, the garrisons next door
    /// lose `localShock` more, and any garrison pushed below the withdrawal line starts to pull out.
    mutating func transfer(
        _ region: Int, to newController: Int, garrison: Double, at time: Double,
        queue: inout EventQueue<ModelEvent>
    ) {
        let loser = regions[region].controller
        let loserCamp = camp(of: loser)
        // The shock is the region's share of what the loser's camp held just before the loss.
        let heldBefore = value(heldBy: loserCamp)
        withdrawStationed(from: region)
        regions[region].controller = newController
        measureSupplyLines()
        let winnerCamp = camp(of: newController)
        if winnerCamp != loserCamp {
            let count = regions.count
            for slot in tables.neighbours(of: region) {
                let neighbour = tables.neighbourList[slot]
                neighboursHeld[loserCamp.index * count + neighbour] -= 1
                neighboursHeld[winnerCamp.index * count + neighbour] += 1
                refreshBordering(of: neighbour)
            }
        }
        regions[region].garrison = garrison
        regions[region].garrisonMorale = actors[newController].morale
        regions[region].underAssault = false
        regions[region].withdrawalPending = false
        if regions[region].firstFallDay == nil { regions[region].firstFallDay = time }
        lastTransferDay = time

        let valueShare = tables.regionValue[region] / max(heldBefore, 1e-9)
        let shock = tables.moraleShock * valueShare
        for index in actors.indices {
            if camp(of: index) == loserCamp {
                actors[index].morale = max(0, actors[index].morale - shock)
            } else if camp(of: index) == winnerCamp {
                actors[index].morale = min(1, actors[index].morale + shock / 2)
            }
        }
        let neighbours = tables.neighbours(of: region)
        for index in regions.indices where camp(of: regions[index].controller) == loserCamp {
            var hit = shock
            if neighbours.contains(where: { tables.neighbourList[$0] == index }) { hit += tables.localShock }
            regions[index].garrisonMorale = max(0, regions[index].garrisonMorale - hit)
            considerWithdrawal(of: index, at: time, queue: &queue)
        }
        checkCollapse(at: time, queue: &queue)
    }

    /// Schedules a withdrawal if the garrison's morale is below its line and it borders the enemy.
    mutating func considerWithdrawal(of region: Int, at time: Double, queue: inout EventQueue<ModelEvent>) {
        let state = regions[region]
        guard ceasefireDay == nil, state.garrisonMorale < state.breakingMorale, !state.withdrawalPending,
            !state.underAssault, !state.besieged, bordersHostile(region, of: camp(of: state.controller))
        else { return }
        regions[region].withdrawalPending = true
        let delay = cascadeStream.exponential(mean: tables.withdrawalDelayDays)
        queue.schedule(.garrisonWithdraws(region: region), at: time + delay)
    }

    /// The garrison breaks: `desertion_share` of it deserts, the rest falls back to the next line
    /// (or surrenders if cut off), and the strongest hostile neighbour walks in.
    mutating func withdrawGarrison(from region: Int, at time: Double, queue: inout EventQueue<ModelEvent>) {
        guard regions[region].withdrawalPending else { return }
        regions[region].withdrawalPending = false
        let state = regions[region]
        guard ceasefireDay == nil, !state.underAssault, state.garrisonMorale < state.breakingMorale else { return }
        let holder = camp(of: state.controller)
        var taker: Int?
        for slot in tables.neighbours(of: region) {
            let candidate = regions[tables.neighbourList[slot]].controller
            guard areHostile(camp(of: candidate), holder), isEngaged(candidate) else { continue }
            if taker == nil || actors[candidate].fieldStrength > actors[taker!].fieldStrength {
                taker = candidate
            }
        }
        guard let taker else { return }
        withdrawStationed(from: region)
        let garrison = regions[region].garrison
        let deserters = garrison * tables.desertionShare
        recordDeserted(deserters, of: state.controller)
        retreat(garrison - deserters, from: region, capturedShare: 0)
        // The walk-in garrison is what a typical assault force would leave behind after a victory.
        let walkIn = actors[taker].fieldStrength * tables.actorAssaultCommitment[taker] * tables.occupationShare
        actors[taker].fieldStrength -= walkIn
        if trace != nil {
            note(
                time, "withdrawal", [state.controller, taker], region: region,
                "the \(parameters.actors[state.controller].name) garrison of \(parameters.regions[region].name) "
                    + "withdrew after its morale broke; \(parameters.actors[taker].name) moves in without a fight")
        }
        transfer(region, to: taker, garrison: walkIn, at: time, queue: &queue)
        formationBroke(in: camp(of: state.controller), at: time, queue: &queue)
    }
}
