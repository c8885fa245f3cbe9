/// How patrons weigh a decision. Every patron decides with the same rule and its own numbers.
///
/// At each decision epoch a patron sees the threat to its client: the share of the client camp's
/// starting strategic value that is lost, and `pressure = min(1, threatSensitivity x threat)`.
/// Its willingness is `commitment x (1 - distraction)`. Then, with one uniform draw:
///   P(reinforce) = willingness x pressure
///   P(draw down) = distraction x (1 - pressure) x drawdownPropensity
/// and otherwise it holds. A draw-down cuts its commitment (and so its sorties) by `drawdownFactor`.
///
/// A patron with a posture (Turkey toward the SNA) also reviews it at each epoch, with a second draw:
///   opportunity = min(1, threatSensitivity x share of the enemy camp's starting value taken)
///   P(back)     = commitment x opportunity
///   P(restrain) = restraintPerRung x (ladder level / top level)   (outside pressure as the war escalates)
/// and otherwise it tolerates. Its troops being hit makes it back its client at once.
/// `restrainedAssaultFactor` and `backedAssaultFactor` multiply the client's assault rate.
/// Reinforcements arriving lift the client camp's morale by `moraleBoostPerThousand` per 1,000 fighters.
public struct PatronRule: Sendable, Hashable {
    public var threatSensitivity: Double
    public var drawdownPropensity: Double
    public var drawdownFactor: Double
    public var restraintPerRung: Double
    public var restrainedAssaultFactor: Double
    public var backedAssaultFactor: Double
    public var moraleBoostPerThousand: Double

    public init(
        threatSensitivity: Double = 3, drawdownPropensity: Double = 0.2, drawdownFactor: Double = 0.8,
        restraintPerRung: Double = 0.3, restrainedAssaultFactor: Double = 0.25, backedAssaultFactor: Double = 1.5,
        moraleBoostPerThousand: Double = 0
    ) {
        self.threatSensitivity = threatSensitivity
        self.drawdownPropensity = drawdownPropensity
        self.drawdownFactor = drawdownFactor
        self.restraintPerRung = restraintPerRung
        self.restrainedAssaultFactor = restrainedAssaultFactor
        self.backedAssaultFactor = backedAssaultFactor
        self.moraleBoostPerThousand = moraleBoostPerThousand
    }
}
