import DiscreteEvent
import Stochastic

/// Ground assaults: target choice and stochastic Lanchester rounds until a side breaks.
extension EscalationSimulation {
    /// Assaults per day of `actor` now: its own rate, scaled by its patron's posture, and zero while
    /// a patron with a posture keeps its own troops out.
    func assaultRate(of actor: Int) -> Double {
        guard isEngaged(actor) else { return 0 }
        var rate = tables.actorAssaultsPerDay[actor]
        if let patron = posturePatron[actor], let posture = actors[patron].posture {
            switch posture {
            case .restrain: rate *= parameters.patronRule.restrainedAssaultFactor
            case .tolerate, .retaliate: break
            case .back: rate *= parameters.patronRule.backedAssaultFactor
            }
        }
        return rate
    }

    /// Schedules the actor's next assault at its current rate, replacing any pending one: called
    /// at the start, after each assault, and whenever `assaultRate(of:)` may have changed.
    mutating func scheduleNextAssault(of actor: Int, after time: Double, queue: inout EventQueue<ModelEvent>) {
        let rate = assaultRate(of: actor)
        actors[actor].assaults.reschedule(
            .assaultLaunch(actor: actor), rate: rate, after: time,
            stream: actorStreams[actor], queue: &queue)
    }

    mutating func launchAssault(by actor: Int, at time: Double, queue: inout EventQueue<ModelEvent>) {
        scheduleNextAssault(of: actor, after: time, queue: &queue)

        let committed = actors[actor].fieldStrength * tables.actorAssaultCommitment[actor]
        guard committed >= tables.minimumAssaultForce,
            let target = chooseTarget(for: actor, force: committed)
        else { return }

        let defender = regions[target].controller
        let breakpoint = tables.breakpoint
        var engagement = Engagement(
            attacker: actor, defender: defender, region: target,
            attackers: committed, defenders: regions[target].garrison,
            initialAttackers: committed, initialDefenders: regions[target].garrison,
            attackerMorale: actors[actor].morale, defenderMorale: regions[target].garrisonMorale,
            attackerBreakShare: breakpoint.sample(combatStream) * actors[actor].morale,
            defenderBreakShare: breakpoint.sample(combatStream) * regions[target].garrisonMorale,
            attackerSupply: supplyFactor(of: actor, against: target)
        )
        engagement.stationedActor = regions[target].stationedActor
        engagement.stationedShare = regions[target].stationedShare
        actors[actor].fieldStrength -= committed
        regions[target].underAssault = true
        regions[target].garrison = 0  // the garrison is in the engagement now
        let slot = allocateEngagement(engagement)

        if trace != nil {
            note(
                time, "assault", [actor, defender], region: target,
                "\(parameters.actors[actor].name) attacks \(parameters.regions[target].name) with \(Int(committed)) fighters "
                    + "against \(Int(engagement.initialDefenders)) of \(parameters.actors[defender].name)")
        }
        raiseLadder(.groundAssault, at: time)
        if tables.regionIsKeyCity[target] { raiseLadder(.urbanAssault, at: time) }
        // A patron's army entering by decision (Turkey backing the SNA) is foreign intervention;
        // militias already on the ground (Iran's, Hezbollah's) fighting on are not.
        if posturePatron.contains(where: { $0 == actor }) { raiseLadder(.foreignGroundForces, at: time) }
        troopsMayBeHit(in: target, by: actor, at: time, queue: &queue)
        queue.schedule(.combatRound(engagement: slot), at: time + tables.roundDays)
    }

    /// Picks a hostile region on the front, weighted by strategic value times the odds the
    /// committed force gives itself against the garrison: under the square law fighting strength
    /// goes with the square of effective numbers, so the odds are a^2 / (a^2 + d^2). Regions where
    /// the effective ratio a / d is below the actor's `minimumForceRatio` are not attacked.
    /// Two passes, no allocation.
    @inline(__always)
    func chooseTarget(for actor: Int, force: Double) -> Int? {
        let myCamp = camp(of: actor)
        let attackPower = force * tables.actorQuality[actor]
        let minimumRatio = parameters.actors[actor].minimumForceRatio
        func weight(_ region: Int) -> Double {
            let state = regions[region]
            guard !state.underAssault, areHostile(camp(of: state.controller), myCamp),
                bordersFriendly(region, of: myCamp)
            else { return 0 }
            let defencePower =
                state.garrison * tables.actorQuality[state.controller] * tables.regionFortification[region]
            // Odds below the actor's threshold: it does not attack here.
            let supplied = attackPower * supplyFactor(of: actor, against: region)
            guard supplied >= minimumRatio * defencePower else { return 0 }
            let a2 = supplied * supplied
            let d2 = defencePower * defencePower
            return tables.regionValue[region] * a2 / (a2 + d2) * campaignWeight(of: actor, for: region)
        }
        return weightedChoice(stream: actorStreams[actor], weight: weight)
    }

    /// One round of stochastic Lanchester attrition (see `LanchesterCombat.roundLosses`), both
    /// sides firing on the strengths they had at the start of the round.
    mutating func fightRound(of slot: Int, at time: Double, queue: inout EventQueue<ModelEvent>) {
        guard var fight = engagements[slot] else { return }
        guard ceasefireDay == nil else {
            endAtCeasefire(fight, slot: slot)
            return
        }
        let attackPower =
            fight.attackers * effectiveness(of: fight.attacker, morale: fight.attackerMorale) * fight.attackerSupply
        let defencePower =
            fight.defenders * effectiveness(of: fight.defender, morale: fight.defenderMorale)
            * tables.regionFortification[fight.region]

        // One yardstick for both sides, so the linear law keeps its own winner condition.
        let yardstick = max(1, (fight.initialAttackers + fight.initialDefenders) / 2)
        let attackerLosses = LanchesterCombat.roundLosses(
            size: fight.attackers, initialSize: yardstick, opposingPower: defencePower,
            lethalityPerDay: tables.lethalityPerDay, days: tables.roundDays, law: tables.law, stream: combatStream)
        let defenderLosses = LanchesterCombat.roundLosses(
            size: fight.defenders, initialSize: yardstick, opposingPower: attackPower,
            lethalityPerDay: tables.lethalityPerDay, days: tables.roundDays, law: tables.law, stream: combatStream)
        fight.attackers -= attackerLosses
        fight.defenders -= defenderLosses
        recordCasualties(attackerLosses, of: fight.attacker)
        recordGarrisonCasualties(
            defenderLosses, of: fight.defender, stationed: fight.stationedActor, share: fight.stationedShare)
        fight.rounds += 1
        harmCivilians(inCombatIn: fight.region, fightersLost: attackerLosses + defenderLosses, at: time)

        // A side breaks when its losses reach its breakpoint; if both do in the same round, the
        // one further past its breakpoint breaks.
        let attackerStrain = fight.attackerLossShare / max(fight.attackerBreakShare, .leastNonzeroMagnitude)
        let defenderStrain = fight.defenderLossShare / max(fight.defenderBreakShare, .leastNonzeroMagnitude)
        if defenderStrain >= 1, defenderStrain >= attackerStrain {
            releaseEngagement(slot)
            // Survivors fall back to the next line, or are taken prisoner if cut off; a patron's
            // troops among them pull back to its own field force.
            var survivors = fight.defenders
            if fight.stationedActor >= 0 {
                actors[fight.stationedActor].fieldStrength += survivors * fight.stationedShare
                survivors *= 1 - fight.stationedShare
                regions[fight.region].stationedActor = -1
                regions[fight.region].stationedShare = 0
            }
            retreat(survivors, from: fight.region, capturedShare: tables.capturedShare)
            if trace != nil {
                note(
                    time, "capture", [fight.attacker, fight.defender], region: fight.region,
                    "\(parameters.actors[fight.attacker].name) takes \(parameters.regions[fight.region].name); "
                        + "the \(parameters.actors[fight.defender].name) garrison broke after \(fight.rounds) rounds, "
                        + "losing \(Int(fight.initialDefenders - fight.defenders)) fighters")
            }
            let garrison = fight.attackers * tables.occupationShare
            actors[fight.attacker].fieldStrength += fight.attackers - garrison
            transfer(fight.region, to: fight.attacker, garrison: garrison, at: time, queue: &queue)
            formationBroke(in: camp(of: fight.defender), at: time, queue: &queue)
        } else if attackerStrain >= 1 || fight.rounds >= tables.maxRounds {
            releaseEngagement(slot)
            regions[fight.region].underAssault = false
            regions[fight.region].garrison = fight.defenders
            actors[fight.attacker].fieldStrength += fight.attackers
            if trace != nil {
                let why = attackerStrain >= 1 ? "the attackers broke" : "the assault stalled"
                note(
                    time, "repelled", [fight.defender, fight.attacker], region: fight.region,
                    "\(parameters.actors[fight.defender].name) holds \(parameters.regions[fight.region].name); "
                        + "\(why) after \(fight.rounds) rounds")
            }
        } else {
            engagements[slot] = fight
            queue.schedule(.combatRound(engagement: slot), at: time + tables.roundDays)
        }
    }

    /// A fight under way when a ceasefire comes ends where it stands: the garrison keeps the
    /// region and the attackers go back to their field force.
    mutating func endAtCeasefire(_ fight: Engagement, slot: Int) {
        releaseEngagement(slot)
        regions[fight.region].underAssault = false
        regions[fight.region].garrison = fight.defenders
        actors[fight.attacker].fieldStrength += fight.attackers
    }

    /// Effectiveness per fighter of `actor` at `morale`: quality x morale factor x air support.
    func effectiveness(of actor: Int, morale: Double) -> Double {
        let moraleFactor = 1 - tables.moraleWeight + tables.moraleWeight * morale
        return tables.actorQuality[actor] * moraleFactor
            * (1 + tables.airSupportPerSortie * sortieRate(ofCamp: camp(of: actor)))
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

    /// A region drawn with probability proportional to `weight` (zero = never). Two passes over
    /// the regions, no allocation.
    @inline(__always)
    func weightedChoice(stream: RandomStream, weight: (Int) -> Double) -> Int? {
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
}
