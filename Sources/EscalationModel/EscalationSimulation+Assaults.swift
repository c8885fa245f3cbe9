import DiscreteEvent
import Stochastic

/// Ground assaults: target choice, stochastic Lanchester rounds, and what a region's fall sets off.
extension EscalationSimulation {
    /// Fewer fighters than this in the field cannot mount an assault.
    static let minimumAssaultForce = 50.0

    mutating func launchAssault(by actor: Int, at time: Double, queue: inout EventQueue<ModelEvent>) {
        let spec = parameters.actors[actor]
        let stream = actorStreams[actor]
        queue.schedule(.assaultLaunch(actor: actor), at: time + stream.exponential(mean: 1 / spec.assaultsPerDay))

        let committed = actors[actor].fieldStrength * spec.assaultCommitment
        guard committed >= Self.minimumAssaultForce,
              let target = chooseTarget(for: actor, force: committed, stream: stream)
        else { return }

        let defender = regions[target].controller
        let breakpoint = parameters.combat.breakpoint
        let engagement = Engagement(
            attacker: actor, defender: defender, region: target,
            attackers: committed, defenders: regions[target].garrison,
            initialAttackers: committed, initialDefenders: regions[target].garrison,
            attackerBreakShare: breakpoint.sample(combatStream) * actors[actor].morale,
            defenderBreakShare: breakpoint.sample(combatStream) * actors[defender].morale
        )
        actors[actor].fieldStrength -= committed
        regions[target].underAssault = true
        regions[target].garrison = 0  // the garrison is in the engagement now

        let slot = allocateEngagement(engagement)
        raiseLadder(.groundAssault, at: time)
        if parameters.regions[target].isKeyCity { raiseLadder(.urbanAssault, at: time) }
        queue.schedule(.combatRound(engagement: slot), at: time + parameters.combat.roundDays)
    }

    /// Picks a hostile region on the front, weighted by strategic value times the odds the
    /// committed force gives itself against the garrison. Two passes, no allocation.
    func chooseTarget(for actor: Int, force: Double, stream: RandomStream) -> Int? {
        let mySide = side(of: actor)
        let attackPower = force * parameters.actors[actor].quality
        func weight(_ region: Int) -> Double {
            let state = regions[region]
            guard !state.underAssault, side(of: state.controller) != mySide, borders(region, side: mySide)
            else { return 0 }
            let spec = parameters.regions[region]
            let defencePower = state.garrison * parameters.actors[state.controller].quality * spec.fortification
            return spec.strategicValue * attackPower / (attackPower + defencePower)
        }
        var total = 0.0
        for region in regions.indices { total += weight(region) }
        guard total > 0 else { return nil }
        var pick = stream.uniform() * total
        var last: Int?
        for region in regions.indices {
            let w = weight(region)
            guard w > 0 else { continue }
            last = region
            pick -= w
            if pick <= 0 { return region }
        }
        return last
    }

    /// One round of stochastic square-law attrition: each side's losses are binomial in its own
    /// numbers, with mean `lethality x opposing effective strength x round length`.
    mutating func fightRound(of slot: Int, at time: Double, queue: inout EventQueue<ModelEvent>) {
        guard var fight = engagements[slot] else { return }
        let combat = parameters.combat
        let attackerSpec = parameters.actors[fight.attacker]
        let defenderSpec = parameters.actors[fight.defender]
        let attackPower = fight.attackers * attackerSpec.quality
        let defencePower = fight.defenders * defenderSpec.quality * parameters.regions[fight.region].fortification

        let attackerLosses = attrition(of: fight.attackers, by: defencePower, combat: combat)
        let defenderLosses = attrition(of: fight.defenders, by: attackPower, combat: combat)
        fight.attackers -= attackerLosses
        fight.defenders -= defenderLosses
        actors[fight.attacker].losses += attackerLosses
        actors[fight.defender].losses += defenderLosses
        fight.rounds += 1

        // A side breaks when its losses reach its breakpoint; if both do in the same round, the
        // one further past its breakpoint breaks.
        let attackerStrain = fight.attackerLossShare / max(fight.attackerBreakShare, .leastNonzeroMagnitude)
        let defenderStrain = fight.defenderLossShare / max(fight.defenderBreakShare, .leastNonzeroMagnitude)
        if defenderStrain >= 1, defenderStrain >= attackerStrain {
            releaseEngagement(slot)
            capture(fight, at: time)
        } else if attackerStrain >= 1 || fight.rounds >= combat.maxRounds {
            releaseEngagement(slot)
            repel(fight)
        } else {
            engagements[slot] = fight
            queue.schedule(.combatRound(engagement: slot), at: time + combat.roundDays)
        }
    }

    /// Fighters lost in one round by a force of `size` facing `opposingPower`.
    func attrition(of size: Double, by opposingPower: Double, combat: CombatParameters) -> Double {
        let fighters = Int(size.rounded(.down))
        guard fighters > 0 else { return size }
        let expected = combat.lethalityPerDay * opposingPower * combat.roundDays
        let p = min(1, expected / Double(fighters))
        return Distribution.binomial(trials: fighters, p: p).sample(combatStream)
    }

    /// The defenders broke: the region changes hands and the loser's camp loses heart.
    mutating func capture(_ fight: Engagement, at time: Double) {
        let region = fight.region
        let share = parameters.combat.occupationShare
        regions[region].underAssault = false
        regions[region].controller = fight.attacker
        regions[region].garrison = fight.attackers * share
        if regions[region].firstFallDay == nil { regions[region].firstFallDay = time }
        actors[fight.attacker].fieldStrength += fight.attackers * (1 - share)
        actors[fight.defender].fieldStrength += fight.defenders  // survivors withdraw

        let loserSide = side(of: fight.defender)
        let valueShare = parameters.regions[region].strategicValue / max(initialSideValue[loserSide] ?? 1, 1e-9)
        let shock = parameters.combat.moraleShock * valueShare
        for index in actors.indices where side(of: index) == loserSide {
            actors[index].morale = max(0, actors[index].morale - shock)
        }
        for index in actors.indices where side(of: index) != loserSide {
            actors[index].morale = min(1, actors[index].morale + shock / 2)
        }
        checkCollapse(at: time)
    }

    /// The attackers broke or the assault stalled: survivors return, the garrison stays.
    mutating func repel(_ fight: Engagement) {
        regions[fight.region].underAssault = false
        regions[fight.region].garrison = fight.defenders
        actors[fight.attacker].fieldStrength += fight.attackers
    }

    mutating func allocateEngagement(_ engagement: Engagement) -> Int {
        if let slot = freeEngagementSlots.popLast() {
            engagements[slot] = engagement
            return slot
        }
        engagements.append(engagement)
        return engagements.count - 1
    }

    mutating func releaseEngagement(_ slot: Int) {
        engagements[slot] = nil
        freeEngagementSlots.append(slot)
    }
}
