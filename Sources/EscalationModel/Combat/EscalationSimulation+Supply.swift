/// Force projection: an assault is weaker the farther its staging region lies from its camp's
/// supply bases, through its camp's own ground (`SupplyParameters`).
extension EscalationSimulation {
    /// The camp of `actor`, by index: the one place this mechanism asks which camp an actor is in.
    @inline(__always)
    func supplyCamp(of actor: Int) -> Int {
        camp(of: actor).index
    }

    /// Whether the camp of `actor` held a supply base at the start: one without projects its
    /// strength undiminished.
    @inline(__always)
    func supplyCampHasBase(_ actor: Int) -> Bool {
        tables.campaign.campHasSupplyBase[supplyCamp(of: actor)]
    }

    /// Sets every region's `supplyHops`: hops from the nearest supply base its holder's camp
    /// holds, through regions that camp holds (`Int.max` when cut off). Called at the start and
    /// whenever a region changes hands. A breadth-first search by levels over the region states
    /// themselves: no queue, no allocation.
    mutating func measureSupplyLines() {
        guard tables.supply.isActive else { return }
        let bases = tables.campaign.regionIsSupplyBase
        for region in regions.indices {
            regions[region].supplyHops = bases[region] ? 0 : Int.max
        }
        var level = 0
        var grew = true
        while grew {
            grew = false
            for region in regions.indices where regions[region].supplyHops == level {
                let camp = supplyCamp(of: regions[region].controller)
                for slot in tables.neighbours(of: region) {
                    let other = tables.neighbourList[slot]
                    guard regions[other].supplyHops == Int.max, supplyCamp(of: regions[other].controller) == camp
                    else { continue }
                    regions[other].supplyHops = level + 1
                    grew = true
                }
            }
            level += 1
        }
    }

    /// The factor on the power of an assault by `actor` on `target`: `projection_decay ^ hops` of
    /// the staging region, the region of the actor's camp next to the target nearest a base
    /// (cut-off ground counts as the region count of hops). 1 without decay, and for a camp that
    /// held no base at the start.
    @inline(__always)
    func supplyFactor(of actor: Int, against target: Int) -> Double {
        let supply = tables.supply
        guard supply.isActive, supplyCampHasBase(actor) else { return 1 }
        let camp = supplyCamp(of: actor)
        var hops = regions.count
        for slot in tables.neighbours(of: target) {
            let staging = regions[tables.neighbourList[slot]]
            guard supplyCamp(of: staging.controller) == camp else { continue }
            hops = min(hops, staging.supplyHops)
        }
        return supply.factorByHops[hops]
    }
}
