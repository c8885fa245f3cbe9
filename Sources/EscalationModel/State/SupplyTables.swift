/// What the loss-of-strength gradient reads while the simulation runs (see `SupplyParameters`),
/// built once per replication. Inactive (no supply base on the map, or no decay) it costs one
/// branch per assault and target weighed.
struct SupplyTables: Sendable {
    /// Whether any region is a supply base and power decays with distance from one.
    private(set) var isActive: Bool = false
    /// `projection_decay ^ hops` for hops 0 ... region count (the last: cut off from every base).
    private(set) var factorByHops: [Double] = []

    init(_ parameters: ModelParameters) {
        refill(parameters)
    }

    /// The tables of `parameters` in the array already here (`projection_decay` may be drawn per
    /// replication; a worker's refilled tables then allocate nothing).
    mutating func refill(_ parameters: ModelParameters) {
        let decay = parameters.supply.projectionDecay
        isActive = decay != 1 && parameters.regions.contains(where: \.isSupplyBase)
        factorByHops.removeAll(keepingCapacity: true)
        if isActive {
            factorByHops.reserveCapacity(parameters.regions.count + 1)
            var factor = 1.0
            for _ in 0...parameters.regions.count {
                factorByHops.append(factor)
                factor *= decay
            }
        }
    }
}
