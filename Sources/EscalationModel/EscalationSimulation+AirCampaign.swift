import DiscreteEvent
import Stochastic

/// The air campaign: each air-capable actor strikes as a Poisson process at
/// `sorties per day x commitment`; each strike costs a front-line garrison fighters and the
/// region's civilians lives, injuries and homes.
extension EscalationSimulation {
    /// Schedules the actor's next strike at its current rate, replacing any pending one. By the
    /// memorylessness of the exponential, redrawing on a rate change keeps the process exact.
    mutating func scheduleNextAirstrike(of actor: Int, after time: Double, queue: inout EventQueue<ModelEvent>) {
        if let pending = pendingAirstrike[actor] {
            queue.cancel(pending)
            pendingAirstrike[actor] = nil
        }
        let rate = actors[actor].sortiesPerDay * actors[actor].commitment
        guard rate > 0 else { return }
        let next = time + actorStreams[actor].exponential(mean: 1 / rate)
        pendingAirstrike[actor] = queue.schedule(.airStrike(actor: actor), at: next)
    }

    mutating func flyStrike(by actor: Int, at time: Double, queue: inout EventQueue<ModelEvent>) {
        pendingAirstrike[actor] = nil
        scheduleNextAirstrike(of: actor, after: time, queue: &queue)
        guard let target = chooseStrikeTarget(for: actor) else { return }

        let air = parameters.airCampaign
        let hit = min(regions[target].garrison, air.fightersHitPerStrike.sample(effectsStream))
        regions[target].garrison -= hit
        actors[regions[target].controller].losses += hit

        let killed = min(regions[target].population, air.civiliansKilledPerStrike.sample(effectsStream))
        let injured = air.civiliansInjuredPerStrike.sample(effectsStream)
        let displaced = min(regions[target].population - killed,
                            air.civiliansDisplacedPerStrike.sample(effectsStream))
        regions[target].population -= killed + displaced
        civiliansKilled += killed
        civiliansInjured += injured
        civiliansDisplaced += displaced
        airstrikes += 1
        raiseLadder(.airstrikes, at: time)
    }

    /// A hostile region on the front, weighted by its garrison (strikes go where the fighters are).
    func chooseStrikeTarget(for actor: Int) -> Int? {
        let mySide = side(of: actor)
        func weight(_ region: Int) -> Double {
            let state = regions[region]
            guard side(of: state.controller) != mySide, borders(region, side: mySide) else { return 0 }
            return state.garrison + 1
        }
        var total = 0.0
        for region in regions.indices { total += weight(region) }
        guard total > 0 else { return nil }
        var pick = actorStreams[actor].uniform() * total
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
