/// How a camp's striking power weakens with distance from its supply bases: Boulding's
/// loss-of-strength gradient (Conflict and Defense, 1962, ch. 12), counted in regions.
///
/// The distance of a region is the number of hops from the nearest `supply_base` its camp holds,
/// through regions the camp holds (0 for a base itself). An assault is staged from the region of
/// the attacker's camp next to the target that is closest to a base, and its fighting power (in
/// target choice and in every round of the fight) is multiplied by `projectionDecay ^ hops` of
/// that region: each region of the camp's own ground crossed on the way from the base costs the
/// same share of what arrives (a constant share lost per unit of distance is an exponential
/// decline; Boulding drew the gradient as a straight line, which the exponential follows closely
/// over the few hops of a scenario's map, and which it keeps above zero). Ground cut
/// off from every base counts as farther than any supplied ground (hops = the number of regions).
/// A camp that held no base at the start projects its strength undiminished, and so does every
/// camp at the default `projectionDecay` of 1. Garrisons defend at full strength: they fight
/// from the stocks of their own region.
public struct SupplyParameters: Sendable, Hashable {
    /// Share of an assault's power that survives each hop of the staging region from its base.
    public var projectionDecay: Double

    public init(projectionDecay: Double = 1) {
        self.projectionDecay = projectionDecay
    }
}
