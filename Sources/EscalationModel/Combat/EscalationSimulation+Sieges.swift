import DiscreteEvent
import Stochastic

/// Sieges: ground cut off from every supply base of its camp wears down day by day, and its
/// garrison may accept a deal to leave, handing the region over without a storm.
extension EscalationSimulation {
    /// The daily review of campaigns: objectives' phases, then sieges and deals.
    mutating func reviewCampaigns(at time: Double, queue: inout EventQueue<ModelEvent>) {
        guard tables.campaign.isActive else { return }
        advanceObjectives(at: time)
        markSieges()
        wearDownSieges(at: time, queue: &queue)
    }

    /// Marks the ground besieged at the start, before the first review.
    mutating func startCampaigns() {
        guard tables.campaign.isActive else { return }
        markSieges()
    }

    /// Marks every region besieged whose camp has supply bases but which no path through the
    /// camp's own regions joins to a base the camp still holds.
    mutating func markSieges() {
        let campaign = tables.campaign
        var supplied = Array(repeating: false, count: regions.count)
        var frontier: [Int] = []
        for region in regions.indices where campaign.regionIsSupplyBase[region] {
            supplied[region] = true
            frontier.append(region)
        }
        // Every base reaches out through its own camp's ground (a base is supplied by its holder).
        var head = 0
        while head < frontier.count {
            let region = frontier[head]
            head += 1
            let camp = camp(of: regions[region].controller)
            for slot in tables.neighbours(of: region) {
                let other = tables.neighbourList[slot]
                guard !supplied[other], self.camp(of: regions[other].controller) == camp else { continue }
                supplied[other] = true
                frontier.append(other)
            }
        }
        for region in regions.indices {
            let camp = camp(of: regions[region].controller)
            regions[region].besieged = campaign.campHasSupplyBase[camp.index] && !supplied[region]
        }
        // An actor all of whose ground is besieged is trapped in it.
        var holds = Array(repeating: false, count: actors.count)
        var holdsSupplied = Array(repeating: false, count: actors.count)
        for region in regions.indices {
            let holder = regions[region].controller
            holds[holder] = true
            if !regions[region].besieged { holdsSupplied[holder] = true }
        }
        for actor in actors.indices {
            actors[actor].cutOff = holds[actor] && !holdsSupplied[actor]
        }
    }

    /// Hunger, desertion and despair in every besieged garrison, then the deals some accept.
    mutating func wearDownSieges(at time: Double, queue: inout EventQueue<ModelEvent>) {
        let siege = tables.campaign.siege
        for region in regions.indices where regions[region].besieged && !regions[region].underAssault {
            let holder = regions[region].controller
            let lost = regions[region].garrison * siege.strengthLossPerDay
            regions[region].garrison -= lost
            let patron = regions[region].stationedActor
            let patronPart = patron >= 0 ? lost * regions[region].stationedShare : 0
            if patron >= 0 { recordDeserted(patronPart, of: patron) }
            recordDeserted(lost - patronPart, of: holder)
            regions[region].garrisonMorale = max(0, regions[region].garrisonMorale - siege.moraleLossPerDay)
        }
        for region in regions.indices {
            let state = regions[region]
            guard state.besieged, !state.underAssault, state.garrisonMorale < siege.dealMorale,
                let besieger = besieger(of: region)
            else { continue }
            guard siegeStream.uniform() < siege.dealProbabilityPerDay else { continue }
            evacuate(region, to: besieger, at: time, queue: &queue)
        }
    }

    /// The hostile actor with the strongest field force among the region's neighbours.
    func besieger(of region: Int) -> Int? {
        let holder = camp(of: regions[region].controller)
        var besieger: Int?
        for slot in tables.neighbours(of: region) {
            let candidate = regions[tables.neighbourList[slot]].controller
            guard areHostile(camp(of: candidate), holder), isEngaged(candidate) else { continue }
            if besieger == nil || actors[candidate].fieldStrength > actors[besieger!].fieldStrength {
                besieger = candidate
            }
        }
        return besieger
    }

    /// Where the garrison of `region` goes on a deal: its `evacuate_to` if its camp holds it, else
    /// the nearest region its camp holds, preferring ground that is not besieged itself.
    func evacuationDestination(of region: Int) -> Int? {
        let campaign = tables.campaign
        let camp = camp(of: regions[region].controller)
        if let named = campaign.regionEvacuateTo[region], named != region,
            self.camp(of: regions[named].controller) == camp
        {
            return named
        }
        var best: (region: Int, besieged: Bool, hops: Int)?
        for other in regions.indices where other != region && self.camp(of: regions[other].controller) == camp {
            let candidate = (other, regions[other].besieged, campaign.distances.hops(from: region, to: other))
            if let current = best,
                (candidate.1 ? 1 : 0, candidate.2) >= (current.besieged ? 1 : 0, current.hops)
            {
                continue
            }
            best = candidate
        }
        return best?.region
    }

    /// The garrison of `region` leaves under a deal for its destination (or its field force when its
    /// camp holds nothing else), and the besieger walks in with the garrison a typical assault leaves.
    mutating func evacuate(_ region: Int, to besieger: Int, at time: Double, queue: inout EventQueue<ModelEvent>) {
        let holder = regions[region].controller
        withdrawStationed(from: region)
        let fighters = regions[region].garrison
        let destination = evacuationDestination(of: region)
        if let destination, !regions[destination].underAssault {
            regions[destination].garrison += fighters
        } else {
            actors[holder].fieldStrength += fighters
        }
        regions[region].besieged = false
        let garrison =
            actors[besieger].fieldStrength * tables.actorAssaultCommitment[besieger] * tables.occupationShare
        actors[besieger].fieldStrength -= garrison
        if trace != nil {
            let whereTo = destination.map { " to \(parameters.regions[$0].name)" } ?? ""
            note(
                time, "evacuation", [holder, besieger], region: region,
                "the besieged \(parameters.actors[holder].name) garrison of \(parameters.regions[region].name) "
                    + "accepts a deal: \(Int(fighters)) fighters leave\(whereTo), and "
                    + "\(parameters.actors[besieger].name) takes the ground without a storm")
        }
        transfer(region, to: besieger, garrison: garrison, at: time, queue: &queue)
    }
}
