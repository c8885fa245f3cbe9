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
        var snapshot = snapshotSpares.popLast() ?? DailySnapshot.empty
        record(&snapshot, day: day)
        snapshots.append(snapshot)
        if Double(day + 1) <= parameters.horizonDays {
            queue.schedule(.dailyReview(day: day + 1), at: Double(day + 1), priority: 1)
        }
    }

    /// Territory, ladder, civilian harm, who holds each region, and each actor's losses and
    /// strikes now.
    func snapshot(day: Int) -> DailySnapshot {
        var snapshot = DailySnapshot.empty
        record(&snapshot, day: day)
        return snapshot
    }

    /// Writes the state now into `snapshot`, refilling the arrays it has (no allocation once
    /// they have held a snapshot of this scenario).
    func record(_ snapshot: inout DailySnapshot, day: Int) {
        snapshot.day = day
        fillTerritoryShares(&snapshot.territoryShare)
        snapshot.ladderLevel = ladderLevel
        snapshot.civiliansKilled = civiliansKilled
        snapshot.civiliansInjured = civiliansInjured
        snapshot.civiliansDisplaced = civiliansDisplaced
        snapshot.civiliansFled = civilianHarm.fled
        Self.refill(&snapshot.controllers, from: regions) { $0.controller }
        Self.refill(&snapshot.losses, from: actors) { $0.losses }
        Self.refill(&snapshot.killed, from: actors) { $0.killed }
        Self.refill(&snapshot.captured, from: actors) { $0.captured }
        Self.refill(&snapshot.deserted, from: actors) { $0.deserted }
        Self.refill(&snapshot.strikes, from: actors) { $0.strikesFlown }
        Self.refill(&snapshot.reinforcements, from: actors) { $0.reinforcementsSent }
        Self.refill(&snapshot.aircraftLost, from: actors) { $0.aircraftLost }
    }

    /// Share of total strategic value each actor holds; sums to 1.
    func territoryShares() -> [Double] {
        var shares: [Double] = []
        fillTerritoryShares(&shares)
        return shares
    }

    /// The same, written over `shares`.
    func fillTerritoryShares(_ shares: inout [Double]) {
        shares.removeAll(keepingCapacity: true)
        shares.append(contentsOf: repeatElement(0.0, count: actors.count))
        var total = 0.0
        for index in regions.indices {
            shares[regions[index].controller] += tables.regionValue[index]
            total += tables.regionValue[index]
        }
        for index in shares.indices { shares[index] = total > 0 ? shares[index] / total : 0 }
    }

    /// Replaces the contents of `array` with `value` of each of `source`, keeping its storage.
    @inline(__always)
    static func refill<Source, Value>(_ array: inout [Value], from source: [Source], _ value: (Source) -> Value) {
        array.removeAll(keepingCapacity: true)
        array.reserveCapacity(source.count)
        for element in source { array.append(value(element)) }
    }
}
