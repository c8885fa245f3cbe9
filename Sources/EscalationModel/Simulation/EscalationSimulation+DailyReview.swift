import DiscreteEvent

/// The end of each day: the regime's desperate choices, the collapse check, and a snapshot for
/// the timeline.
extension EscalationSimulation {
    /// Reviews day `day` and schedules the next review while the horizon is not reached.
    mutating func review(day: Int, at time: Double, queue: inout EventQueue<ModelEvent>) {
        considerChemicalWeapons(at: time, queue: &queue)
        reviewCampaigns(at: time, queue: &queue)
        checkCollapse(at: time, queue: &queue)
        considerDeals(at: time, queue: &queue)
        reviewCeasefire(at: time, queue: &queue)
        moveCivilians(at: time)
        snapshots.append(snapshot(day: day))
        if Double(day + 1) <= parameters.horizonDays {
            queue.schedule(.dailyReview(day: day + 1), at: Double(day + 1), priority: 1)
        }
    }

    /// Territory, ladder, civilian harm, who holds each region, and each actor's losses and
    /// strikes now.
    func snapshot(day: Int) -> DailySnapshot {
        DailySnapshot(
            day: day, territoryShare: territoryShares(), ladderLevel: ladderLevel,
            civiliansKilled: civiliansKilled, civiliansInjured: civiliansInjured,
            civiliansDisplaced: civiliansDisplaced, civiliansFled: civilianHarm.fled,
            controllers: regions.map(\.controller),
            losses: actors.map(\.losses), killed: actors.map(\.killed), captured: actors.map(\.captured),
            deserted: actors.map(\.deserted), strikes: actors.map(\.strikesFlown),
            reinforcements: actors.map(\.reinforcementsSent), aircraftLost: actors.map(\.aircraftLost))
    }

    /// Share of total strategic value each actor holds; sums to 1.
    func territoryShares() -> [Double] {
        var shares = Array(repeating: 0.0, count: actors.count)
        var total = 0.0
        for index in regions.indices {
            shares[regions[index].controller] += tables.regionValue[index]
            total += tables.regionValue[index]
        }
        return shares.map { total > 0 ? $0 / total : 0 }
    }
}
