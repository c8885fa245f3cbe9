import DiscreteEvent
import Stochastic

/// Patron decisions: reinforce, hold or draw down (Russia, Iran, Hezbollah), and restrain,
/// tolerate or back a client (Turkey toward the SNA), by the rule documented on `PatronRule`.
extension EscalationSimulation {
    /// The share of a camp's starting strategic value it has lost, in [0, 1].
    func loss(of camp: Camp) -> Double {
        let initial = initialValue(of: camp)
        guard initial > 0 else { return 0 }
        return max(0, min(1, (initial - value(heldBy: camp)) / initial))
    }

    /// The share of their starting strategic value the camps now hostile to `camp` have lost
    /// together, in [0, 1]: the opening a patron sees for its client.
    func enemyLoss(of camp: Camp) -> Double {
        var initial = 0.0
        var held = 0.0
        for other in 0..<tables.campCount where areHostile(camp, Camp(other)) {
            initial += initialValue(of: Camp(other))
            held += value(heldBy: Camp(other))
        }
        guard initial > 0 else { return 0 }
        return max(0, min(1, (initial - held) / initial))
    }

    /// Schedules a patron's next decision epoch, `decision_interval_days` away on average (none
    /// for an actor that is no patron, or whose interval is 0).
    mutating func scheduleNextDecision(of actor: Int, after time: Double, queue: inout EventQueue<ModelEvent>) {
        let spec = parameters.actors[actor]
        let meanInterval = spec.isPatron ? spec.decisionIntervalDays : 0
        actors[actor].decisions.reschedule(
            .patronDecision(actor: actor), meanInterval: meanInterval, after: time,
            stream: actorStreams[actor], queue: &queue)
    }

    mutating func decide(as patron: Int, at time: Double, queue: inout EventQueue<ModelEvent>) {
        scheduleNextDecision(of: patron, after: time, queue: &queue)
        let spec = parameters.actors[patron]
        let stream = actorStreams[patron]
        let rule = parameters.patronRule
        let clientCamp = campOfClient(of: patron)
        // A patron in another camp acts for its client only while the two camps are allies.
        guard areFriendly(spec.camp, clientCamp) else { return }

        if spec.reinforcementSize > 0 || spec.distraction > 0 {
            let pressure = min(1, rule.threatSensitivity * loss(of: clientCamp))
            let reinforce = actors[patron].commitment * (1 - spec.distraction) * pressure
            let drawDown = spec.distraction * (1 - pressure) * rule.drawdownPropensity
            let u = stream.uniform()
            if u < reinforce, spec.reinforcementSize > 0 {
                let lost = loss(of: clientCamp)
                sendReinforcement(
                    from: patron, at: time, stream: stream, queue: &queue,
                    because: "its client's camp has lost \(Int(lost * 100))% of its ground")
            } else if u < reinforce + drawDown {
                actors[patron].commitment *= rule.drawdownFactor
                scheduleNextAirstrike(of: patron, after: time, queue: &queue)
                if trace != nil {
                    note(
                        time, "draw-down", [patron], region: nil,
                        "\(spec.name) draws down: commitment now \(Int(actors[patron].commitment * 100))%")
                }
            }
        }

        guard actors[patron].posture != nil else { return }
        var opportunity = min(1, rule.threatSensitivity * enemyLoss(of: clientCamp))
        if rule.audienceCost > 0, aimsPending(of: patron) {
            opportunity = max(opportunity, rule.audienceCost)
        }
        let topLevel = max(1, parameters.ladder.count - 1)
        let back = actors[patron].commitment * opportunity
        let restrain = rule.restraintPerRung * Double(ladderLevel) / Double(topLevel)
        let u = stream.uniform()
        let posture: Posture = u < back ? .back : (u < back + restrain ? .restrain : .tolerate)
        if considerProtecting(clientOf: patron, at: time, queue: &queue) { return }
        setPosture(
            of: patron, to: keepingRetaliation(of: patron, posture, at: time), at: time,
            because: "reviewing the war", queue: &queue)
    }

    /// The patron sends `reinforcement_size` fighters, arriving after an exponential delay drawn
    /// from `stream`.
    mutating func sendReinforcement(
        from patron: Int, at time: Double, stream: RandomStream, queue: inout EventQueue<ModelEvent>,
        because reason: @autoclosure () -> String
    ) {
        let spec = parameters.actors[patron]
        actors[patron].reinforcementsSent += spec.reinforcementSize
        let arrival = time + stream.exponential(mean: spec.reinforcementDelayDays)
        queue.schedule(.reinforcementArrives(actor: patron, fighters: spec.reinforcementSize), at: arrival)
        if trace != nil {
            note(
                time, "reinforce", [patron], region: nil,
                "\(spec.name) decides to send \(Int(spec.reinforcementSize)) fighters (\(reason()))")
        }
    }

    /// The camp a patron acts for: its client's (its own when it has none).
    func campOfClient(of patron: Int) -> Camp {
        parameters.actors[patron].patronOf.map { camp(of: $0) } ?? camp(of: patron)
    }

    /// Whether the patron's or its client's declared objectives are not all held yet.
    func aimsPending(of patron: Int) -> Bool {
        let phases = tables.campaign.phaseRegions
        if actors[patron].objectivePhase < phases[patron].count { return true }
        guard let client = parameters.actors[patron].patronOf else { return false }
        return actors[client].objectivePhase < phases[client].count
    }

    /// Changes a patron's posture, and with it the rates of its own and its client's operations.
    mutating func setPosture(
        of patron: Int, to posture: Posture, at time: Double, because reason: @autoclosure () -> String,
        queue: inout EventQueue<ModelEvent>
    ) {
        guard let current = actors[patron].posture, current != posture else { return }
        actors[patron].posture = posture
        actors[patron].postureChanges += 1
        scheduleNextAirstrike(of: patron, after: time, queue: &queue)
        scheduleNextAssault(of: patron, after: time, queue: &queue)
        if let client = parameters.actors[patron].patronOf {
            scheduleNextAssault(of: client, after: time, queue: &queue)
            if trace != nil {
                note(
                    time, "posture", [patron, client], region: nil,
                    "\(parameters.actors[patron].name) moves from \(current.rawValue) to \(posture.rawValue) "
                        + "toward \(parameters.actors[client].name), \(reason())")
            }
        }
    }

    /// An assault or strike on a region where a patron has troops may hit them: that patron then
    /// takes casualties and answers in grades (`respondToTroopsHit`): retaliatory strikes first,
    /// a ground operation (backing its client) once the incidents or its losses pile up.
    mutating func troopsMayBeHit(in region: Int, by attacker: Int, at time: Double, queue: inout EventQueue<ModelEvent>)
    {
        guard let patron = stationedPatron(in: region), areHostile(camp(of: patron), camp(of: attacker)) else {
            return
        }
        let probability = parameters.actors[patron].troopsHitProbability
        guard probability > 0, effectsStream.uniform() < probability else { return }
        if trace != nil {
            note(
                time, "troops-hit", [attacker, patron], region: region,
                "\(parameters.actors[attacker].name) fire hits \(parameters.actors[patron].name) troops "
                    + "in \(parameters.regions[region].name)")
        }
        respondToTroopsHit(of: patron, in: region, at: time, queue: &queue)
    }

    /// Reinforcements join the patron's own field force (it fights itself) or its client's.
    mutating func receiveReinforcement(
        from patron: Int, fighters: Double, at time: Double,
        queue: inout EventQueue<ModelEvent>
    ) {
        let spec = parameters.actors[patron]
        guard let client = spec.patronOf else { return }
        let recipient = spec.reinforcementTarget == .client ? client : patron
        switch spec.reinforcementTarget {
        case .client, .ownForces: actors[recipient].fieldStrength += fighters
        case .garrisons: station(fighters, of: patron, for: client)
        }
        // Help arriving steadies the client's whole camp: its actors and garrisons.
        let clientCamp = camp(of: client)
        let boost = parameters.patronRule.moraleBoostPerThousand * fighters / 1000
        for index in actors.indices where camp(of: index) == clientCamp {
            actors[index].morale = min(1, actors[index].morale + boost)
        }
        for index in regions.indices where camp(of: regions[index].controller) == clientCamp {
            regions[index].garrisonMorale = min(1, regions[index].garrisonMorale + boost)
        }
        raiseLadder(.foreignGroundForces, at: time)
        if trace != nil {
            note(
                time, "arrival", [patron, recipient], region: nil,
                "\(Int(fighters)) \(spec.name) fighters arrive and join "
                    + (spec.reinforcementTarget == .garrisons
                        ? "\(parameters.actors[client].name)'s garrisons on the front"
                        : recipient == patron ? "its own forces" : "\(parameters.actors[client].name)'s field force"))
        }
    }
}
