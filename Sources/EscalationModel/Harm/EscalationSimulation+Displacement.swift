import Stochastic

/// Displacement as a flow (`displacement`): people leave regions under attack, just taken or next
/// to the fighting, and regions that are struck; they go to safe regions (held by either camp,
/// bordering no region of the other camp, not under assault) in proportion to the residents there,
/// or out of the map when no region is safe; they go home once home has been calm for a while.
/// `civiliansDisplaced` is the stock away from home, `civilianHarm.fled` every departure so far.
extension EscalationSimulation {
    /// The day's end: notes changes of hands and fighting, then moves people out of regions in
    /// danger and home to regions that have been calm. Draws nothing when the daily rates are 0.
    mutating func moveCivilians(at time: Double) {
        let rules = civilianHarm.rules
        for region in regions.indices {
            let controller = regions[region].controller
            if controller != civilianHarm.controllerAtReview[region] {
                civilianHarm.controllerAtReview[region] = controller
                civilianHarm.lastCapture[region] = time
                civilianHarm.lastViolence[region] = time
            }
            if regions[region].underAssault { civilianHarm.lastViolence[region] = time }
        }
        guard civilianHarm.movesPeopleDaily else { return }

        let awayBefore = civiliansDisplaced
        var fleeing = 0.0
        var regionsFled = 0
        if rules.flightUnderAssault > 0 || rules.flightAfterCapture > 0 || rules.flightNearFighting > 0 {
            for region in regions.indices where regions[region].population >= 1 {
                var staying = 1.0
                if regions[region].underAssault { staying *= 1 - rules.flightUnderAssault }
                if wasTakenRecently(region, at: time) { staying *= 1 - rules.flightAfterCapture }
                if isNearFighting(region, at: time) { staying *= 1 - rules.flightNearFighting }
                guard staying < 1 else { continue }
                let leaving = CivilianHarmState.binomial(
                    regions[region].population, 1 - staying, civilianHarmStream)
                displace(leaving, from: region)
                if leaving > 0 {
                    fleeing += leaving
                    regionsFled += 1
                }
            }
        }
        if rules.returnRate > 0 { bringPeopleHome(at: time) }
        if trace != nil, fleeing > 0 || civiliansDisplaced < awayBefore + fleeing {
            let returning = awayBefore + fleeing - civiliansDisplaced
            note(
                time, "displacement", [], region: nil,
                "\(Int(fleeing)) people flee \(regionsFled) regions, \(Int(returning)) go home; "
                    + "\(Int(civiliansDisplaced)) are away from home")
        }
    }

    /// `displaced` people of `region` flee a strike at `time`: the air campaign's displacement
    /// feeds the same stock.
    mutating func fleeStrike(_ displaced: Double, from region: Int, at time: Double) {
        civilianHarm.lastViolence[region] = time
        displace(displaced, from: region)
    }

    /// Moves `count` residents of `home` (at most those there) away from home: to the safe
    /// regions, a multinomial draw weighted by their residents, or out of the map if none is safe.
    mutating func displace(_ count: Double, from home: Int) {
        let leaving = min(count, regions[home].population)
        guard leaving > 0 else { return }
        regions[home].population -= leaving
        civiliansDisplaced += leaving
        civilianHarm.fled += leaving
        civilianHarm.awayFrom[home] += leaving

        var total = 0.0
        var lastSafe = -1
        for region in regions.indices {
            // `isSafe(region)`, spelled out: this loop runs over every region on every departure.
            var weight = 0.0
            if region != home, !regions[region].underAssault {
                let holder = tables.actorCamp[regions[region].controller].index
                if campsBordering[region] & hostileCamps[holder] == 0 { weight = regions[region].population }
            }
            civilianHarm.destinationWeight[region] = weight
            if weight > 0 {
                total += weight
                lastSafe = region
            }
        }
        var remaining = leaving
        var weightLeft = total
        if lastSafe >= 0 {
            for region in 0...lastSafe where remaining > 0 {
                let weight = civilianHarm.destinationWeight[region]
                guard weight > 0 else { continue }
                let arriving =
                    region == lastSafe
                    ? remaining
                    : CivilianHarmState.binomial(remaining, min(1, weight / weightLeft), civilianHarmStream)
                settle(arriving, from: home, in: region)
                remaining -= arriving
                weightLeft -= weight
            }
        }
        if remaining > 0 { settle(remaining, from: home, in: civilianHarm.regionCount) }
    }

    /// Records `count` people of `home` staying in `host` (`regionCount`: out of the map).
    @inline(__always)
    mutating func settle(_ count: Double, from home: Int, in host: Int) {
        guard count > 0 else { return }
        civilianHarm.away[home &* (civilianHarm.regionCount &+ 1) &+ host] += count
        civilianHarm.hosted[host] += count
    }

    /// The displaced of each region calm for `return_after_days` go home, each at `return_rate`.
    mutating func bringPeopleHome(at time: Double) {
        let rules = civilianHarm.rules
        let width = civilianHarm.regionCount + 1
        for home in regions.indices where civilianHarm.awayFrom[home] >= 1 {
            guard !regions[home].underAssault, time - civilianHarm.lastViolence[home] >= rules.returnAfterDays
            else { continue }
            for host in 0..<width {
                let cell = home * width + host
                let back = CivilianHarmState.binomial(civilianHarm.away[cell], rules.returnRate, civilianHarmStream)
                guard back > 0 else { continue }
                civilianHarm.away[cell] -= back
                civilianHarm.hosted[host] -= back
                civilianHarm.awayFrom[home] -= back
                civiliansDisplaced -= back
                regions[home].population += back
            }
        }
    }

    /// A destination: bordering no region of the other camp than its holder's, and not under assault.
    @inline(__always)
    func isSafe(_ region: Int) -> Bool {
        !regions[region].underAssault && !bordersHostile(region, of: camp(of: regions[region].controller))
    }

    @inline(__always)
    func wasTakenRecently(_ region: Int, at time: Double) -> Bool {
        time - civilianHarm.lastCapture[region] < civilianHarm.rules.captureWindowDays
    }

    /// Whether a neighbour of `region` is under assault or was taken recently.
    func isNearFighting(_ region: Int, at time: Double) -> Bool {
        for position in tables.neighbours(of: region) {
            let neighbour = tables.neighbourList[position]
            if regions[neighbour].underAssault || wasTakenRecently(neighbour, at: time) { return true }
        }
        return false
    }
}
