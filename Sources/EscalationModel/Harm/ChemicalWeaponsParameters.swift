import Stochastic

/// The small hazard of chemical weapons use by a desperate regime.
///
/// Each day, if the regime's morale is below `desperationMorale` and the ladder stands at or above
/// rung `minimumRung`, the regime uses chemical weapons with probability `dailyHazard`. Use raises
/// the ladder (trigger `chemical_weapons`), kills civilians, and brings the `responders` in:
/// their commitment rises to 1 and patrons among them back their client.
public struct ChemicalWeaponsParameters: Sendable, Hashable {
    public var dailyHazard: Double
    public var desperationMorale: Double
    public var minimumRung: Int
    public var civiliansKilled: Distribution
    public var responders: [Int]

    public init(
        dailyHazard: Double = 0, desperationMorale: Double = 0, minimumRung: Int = 0,
        civiliansKilled: Distribution = .fixed(0), responders: [Int] = []
    ) {
        self.dailyHazard = dailyHazard
        self.desperationMorale = desperationMorale
        self.minimumRung = minimumRung
        self.civiliansKilled = civiliansKilled
        self.responders = responders
    }
}
