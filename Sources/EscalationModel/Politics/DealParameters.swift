/// When a camp losing ground strikes a deal with a neutral camp that is hostile to its enemy
/// ("the enemy of my enemy"), and the two become allies.
///
/// At each daily review, for each camp that has lost more than `lossThreshold` of its starting
/// strategic value (on and off the map), and each camp neutral to it and hostile to one of the
/// camps it is fighting, a deal is struck with probability
/// `min(1, sensitivity x (share lost - lossThreshold))` that day. Allies do not fight, each stages
/// assaults from the other's ground, and a patron in one camp now acts for its client in the other
/// (its decisions, reinforcements and garrisons). This is the SDF's 13 October 2019 deal with
/// Damascus and Moscow, struck four days into Turkey's offensive after the US stepped aside; the
/// rule is Walt's balancing against the most pressing threat (S. Walt, The Origins of Alliances,
/// 1987), with the timing driven by the losing camp's losses.
public struct DealParameters: Sendable, Hashable {
    public var lossThreshold: Double
    public var sensitivity: Double

    public init(lossThreshold: Double = 0.1, sensitivity: Double = 0) {
        self.lossThreshold = lossThreshold
        self.sensitivity = sensitivity
    }
}
