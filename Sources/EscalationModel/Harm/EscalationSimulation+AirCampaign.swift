import DiscreteEvent
import Stochastic

/// The air campaign: each engaged air-capable actor strikes as a Poisson process at
/// `sorties per day x commitment`; each strike costs a front-line garrison fighters and the
/// region's civilians lives, injuries and homes.
extension EscalationSimulation {
    /// Strikes per day `actor` flies now.
    func sortieRate(of actor: Int) -> Double {
        fliesOwnStrikes(actor) ? tables.actorSorties[actor] * actors[actor].commitment : 0
    }

    /// Strikes per day a whole camp flies now (its air support in battle).
    func sortieRate(ofCamp camp: Camp) -> Double {
        var total = 0.0
        for actor in actors.indices where self.camp(of: actor) == camp {
            total += sortieRate(of: actor)
        }
        return total
    }

    /// Schedules the actor's next strike at its current rate, replacing any pending one: called
    /// at the start, after each strike, and whenever `sortieRate(of:)` may have changed.
    mutating func scheduleNextAirstrike(of actor: Int, after time: Double, queue: inout EventQueue<ModelEvent>) {
        let rate = sortieRate(of: actor)
        actors[actor].strikes.reschedule(
            .airStrike(actor: actor), rate: rate, after: time,
            stream: actorStreams[actor], queue: &queue)
    }

    mutating func flyStrike(by actor: Int, at time: Double, queue: inout EventQueue<ModelEvent>) {
        scheduleNextAirstrike(of: actor, after: time, queue: &queue)
        guard let target = chooseStrikeTarget(for: actor) else { return }

        let owner = regions[target].controller
        let hit = min(regions[target].garrison, strikeEffects.fightersHitPerStrike.sample(effectsStream))
        regions[target].garrison -= hit
        recordGarrisonCasualties(
            hit, of: owner, stationed: regions[target].stationedActor, share: regions[target].stationedShare)

        let killed = min(regions[target].population, strikeEffects.civiliansKilledPerStrike.sample(effectsStream))
        let injured = strikeEffects.civiliansInjuredPerStrike.sample(effectsStream)
        let displaced = min(
            regions[target].population - killed, strikeEffects.civiliansDisplacedPerStrike.sample(effectsStream))
        regions[target].population -= killed
        civiliansKilled += killed
        civiliansInjured += injured
        fleeStrike(displaced, from: target, at: time)
        airstrikes += 1
        actors[actor].strikesFlown += 1
        mayLoseAircraft(of: actor, over: target, at: time)
        raiseLadder(.airstrikes, at: time)
        if trace != nil {
            note(
                time, "airstrike", [actor, owner], region: target,
                "\(parameters.actors[actor].name) strikes \(parameters.regions[target].name): "
                    + "\(Int(hit)) fighters hit, \(Int(killed)) civilians killed, \(Int(injured)) injured, "
                    + "\(Int(displaced)) displaced")
        }
        troopsMayBeHit(in: target, by: actor, at: time, queue: &queue)
    }

    /// A hostile region on the front, weighted by its garrison plus `base_target_weight` (strikes
    /// go where the fighters are).
    @inline(__always)
    func chooseStrikeTarget(for actor: Int) -> Int? {
        let myCamp = camp(of: actor)
        return weightedChoice(stream: actorStreams[actor]) { region in
            let state = regions[region]
            guard areHostile(camp(of: state.controller), myCamp), bordersFriendly(region, of: myCamp) else { return 0 }
            return state.garrison + strikeEffects.baseTargetWeight
        }
    }
}
