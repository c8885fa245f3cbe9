/// What the loss-of-strength gradient reads while the simulation runs (see `SupplyParameters`),
/// built once per replication. Inactive (no supply base on the map, or no decay) it costs one
/// branch per assault and target weighed.
struct SupplyTables: Sendable {
    /// Whether any region is a supply base and power decays with distance from one.
    let isActive: Bool
    /// `projection_decay ^ hops` for hops 0 ... region count (the last: cut off from every base).
    let factorByHops: [Double]

    init(_ parameters: ModelParameters) {
        let decay = parameters.supply.projectionDecay
        isActive = decay != 1 && parameters.regions.contains(where: \.isSupplyBase)
        var factors: [Double] = []
        if isActive {
            factors.reserveCapacity(parameters.regions.count + 1)
            var factor = 1.0
            for _ in 0...parameters.regions.count {
                factors.append(factor)
                factor *= decay
            }
        }
        factorByHops = factors
    }
}
