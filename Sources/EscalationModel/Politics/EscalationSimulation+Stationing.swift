import DiscreteEvent

/// A patron's troops garrisoning its client's regions (`reinforce: garrisons`): they stand in the
/// region's garrison, so they defend it and suffer its strikes and sieges, but they are counted as
/// the patron's (its losses, its troops hit), and they go back to the patron's field force, not
/// into captivity or the client's lines, when the region is lost.
extension EscalationSimulation {
    /// Spreads `fighters` of `patron` evenly over `client`'s regions on the front (bordering a camp
    /// hostile to the client) where no other actor's troops stand, or over all its regions when
    /// none is on the front; into the patron's field force when the client holds none.
    mutating func station(_ fighters: Double, of patron: Int, for client: Int) {
        let clientCamp = camp(of: client)
        func open(_ region: Int) -> Bool {
            regions[region].controller == client && !regions[region].underAssault
                && (regions[region].stationedActor < 0 || regions[region].stationedActor == patron)
        }
        var front = 0
        var all = 0
        for region in regions.indices where open(region) {
            all += 1
            if bordersHostile(region, of: clientCamp) { front += 1 }
        }
        guard all > 0 else {
            actors[patron].fieldStrength += fighters
            return
        }
        let onFront = front > 0
        let share = fighters / Double(onFront ? front : all)
        for region in regions.indices where open(region) && (!onFront || bordersHostile(region, of: clientCamp)) {
            let patronPart = regions[region].garrison * regions[region].stationedShare + share
            regions[region].garrison += share
            regions[region].stationedActor = patron
            regions[region].stationedShare = patronPart / regions[region].garrison
        }
    }

    /// The patron's part of `region`'s garrison leaves it for the patron's field force (the region
    /// is being lost or given up).
    mutating func withdrawStationed(from region: Int) {
        let patron = regions[region].stationedActor
        guard patron >= 0 else { return }
        let leaving = regions[region].garrison * regions[region].stationedShare
        regions[region].garrison -= leaving
        actors[patron].fieldStrength += leaving
        regions[region].stationedActor = -1
        regions[region].stationedShare = 0
    }

    /// `fighters` of a garrison of `defender` put out of action, the stationed patron's part
    /// (`stationedShare` of them) counted as its losses.
    mutating func recordGarrisonCasualties(
        _ fighters: Double, of defender: Int, stationed patron: Int, share: Double
    ) {
        guard patron >= 0, share > 0 else {
            recordCasualties(fighters, of: defender)
            return
        }
        recordCasualties(fighters * share, of: patron)
        recordCasualties(fighters * (1 - share), of: defender)
    }

    /// The actor whose troops stand in `region` besides its holder: one stationed by a
    /// reinforcement, else the scenario's `patron_troops`.
    func stationedPatron(in region: Int) -> Int? {
        let stationed = regions[region].stationedActor
        return stationed >= 0 ? stationed : parameters.regions[region].stationedPatron
    }
}
