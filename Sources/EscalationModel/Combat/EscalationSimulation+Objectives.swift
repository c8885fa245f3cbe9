import DiscreteEvent

/// Campaign objectives: an actor with a plan attacks toward the regions of its current phase,
/// pauses once its camp holds them all, then moves to the next phase; after the last it
/// consolidates, attacking only to retake objectives it lost.
extension EscalationSimulation {
    /// The factor the actor's campaign puts on attacking `region` (a hostile region on the front):
    /// its objectives times its supply (a front held only by besieged garrisons is no base for
    /// an assault, and an actor whose every region is besieged does not attack at all). 1 for an
    /// actor without objectives in a scenario without supply bases.
    @inline(__always)
    func campaignWeight(of actor: Int, for region: Int) -> Double {
        let campaign = tables.campaign
        guard campaign.isActive else { return 1 }
        guard !actors[actor].cutOff, attackableFromSuppliedGround(region, by: actor) else { return 0 }
        return objectiveWeight(of: actor, for: region)
    }

    /// Whether `region` borders ground of the actor's camp that is not besieged.
    func attackableFromSuppliedGround(_ region: Int, by actor: Int) -> Bool {
        let myCamp = camp(of: actor)
        for slot in tables.neighbours(of: region) {
            let neighbour = regions[tables.neighbourList[slot]]
            if camp(of: neighbour.controller) == myCamp, !neighbour.besieged { return true }
        }
        return false
    }

    /// 1 for an objective of the current or an earlier phase that the camp does not hold;
    /// `objective_hop_factor ^ hops` for a region on the way to the nearest of them (one the
    /// camp's ground next to it is farther from); `off_objective_weight` for any other region;
    /// 0 while pausing, or, once consolidating, for anything but a lost objective.
    func objectiveWeight(of actor: Int, for region: Int) -> Double {
        let campaign = tables.campaign
        let phases = campaign.phaseRegions[actor]
        guard !phases.isEmpty else { return 1 }
        let state = actors[actor]
        if state.objectivePaused { return 0 }
        let myCamp = camp(of: actor)
        let lastPhase = min(state.objectivePhase, phases.count - 1)
        let consolidating = state.objectivePhase >= phases.count

        // Hops from `from` to the nearest objective (this phase or earlier) the camp does not hold.
        func hopsToObjective(from: Int) -> Int {
            var best = Int.max
            for phase in 0...lastPhase {
                for target in phases[phase] where camp(of: regions[target].controller) != myCamp {
                    best = min(best, campaign.distances.hops(from: from, to: target))
                }
            }
            return best
        }
        let hops = hopsToObjective(from: region)
        if hops == 0 { return 1 }
        // Every objective is held (the review will start the pause), or only retaking remains.
        if hops == Int.max || consolidating { return 0 }
        for slot in tables.neighbours(of: region) {
            let neighbour = tables.neighbourList[slot]
            guard camp(of: regions[neighbour].controller) == myCamp else { continue }
            if hopsToObjective(from: neighbour) > hops {
                var weight = 1.0
                for _ in 0..<hops { weight *= campaign.objectiveHopFactor }
                return max(campaign.offObjectiveWeight, weight)
            }
        }
        return campaign.offObjectiveWeight
    }

    /// Ends pauses that are over and starts the next phase of every actor whose camp holds all of
    /// the current one, pausing for its `pause_days`.
    mutating func advanceObjectives(at time: Double) {
        let campaign = tables.campaign
        for actor in actors.indices where !campaign.phaseRegions[actor].isEmpty {
            let phases = campaign.phaseRegions[actor]
            if actors[actor].objectivePaused, time >= actors[actor].objectivePauseEnds {
                actors[actor].objectivePaused = false
            }
            let myCamp = camp(of: actor)
            while !actors[actor].objectivePaused, actors[actor].objectivePhase < phases.count {
                let phase = actors[actor].objectivePhase
                guard phases[phase].allSatisfy({ camp(of: regions[$0].controller) == myCamp }) else { break }
                let pause = campaign.phasePauseDays[actor][phase]
                actors[actor].objectivePhase += 1
                actors[actor].objectivePaused = pause > 0
                actors[actor].objectivePauseEnds = time + pause
                if trace != nil {
                    let next =
                        phase + 1 < phases.count
                        ? "phase \(phase + 2) next" : "it consolidates what it holds"
                    note(
                        time, "objectives", [actor], region: nil,
                        "\(parameters.actors[actor].name) holds the objectives of phase \(phase + 1); "
                            + (pause > 0 ? "it pauses \(Int(pause.rounded())) days, then " : "") + next)
                }
            }
        }
    }
}
