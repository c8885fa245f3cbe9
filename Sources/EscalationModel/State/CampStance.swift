/// How two camps stand towards each other. Deals (`DealParameters`) turn a neutral pair allied.
public enum CampStance: String, Sendable, Hashable, CaseIterable {
    /// They fight: each assaults and strikes the other's ground.
    case hostile
    /// They do not fight each other, and neither's ground is the other's staging ground.
    case neutral
    /// They do not fight each other; each stages through the other's ground, and a patron in one
    /// acts for its client in the other.
    case allied
}
