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
///   P(back)     = commitment x max(opportunity, audienceCost while its or its client's declared
///                 objectives are not all held)
///   P(restrain) = restraintPerRung x (ladder level / top level)   (outside pressure as the war escalates)
/// and otherwise it tolerates. Before that review, a patron whose client's camp has lost more than
/// `protectionThreshold` of its starting value steps in to protect it (backs it) with probability
///   P(protect) = commitment x min(1, threatSensitivity x (camp's share lost - protectionThreshold))
/// and a patron still retaliating (see below) keeps its air arm in unless the review says back.
///
/// Enemy fire hitting a patron's stationed troops raises its commitment by `commitmentWhenHit` and
/// is answered in grades: retaliatory strikes (posture `retaliate`, for at least `retaliationDays`)
/// until `incidentsForGroundOperation` incidents, or `lossesForGroundOperation` fighters lost to
/// them, make it a ground operation (`back`).
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
    /// Commitment a patron gains each time its stationed troops are hit (capped at 1).
    public var commitmentWhenHit: Double = 0.3
    /// Incidents (hits on its troops) after which a patron with a posture answers with a ground
    /// operation (`back`); before that it retaliates from the air. 1 = at the first hit.
    public var incidentsForGroundOperation: Double = 1
    /// Fighters lost to such hits after which it answers with a ground operation whatever the
    /// count of incidents; 0 = only the count of incidents decides.
    public var lossesForGroundOperation: Double = 0
    /// Days a retaliation lasts at least: until then the patron's reviews keep its air arm in.
    public var retaliationDays: Double = 7
    /// Share of its camp's starting strategic value a client must have lost before its patron,
    /// at a decision epoch, may step in to protect it; 1 = never.
    public var protectionThreshold: Double = 1
    /// While the patron's own or its client's declared objectives (`objectives`) are not all held,
    /// the opportunity its posture review sees is at least this: aims declared in public cost a
    /// leader to abandon (audience costs). 0 = only the ground taken counts.
    public var audienceCost: Double = 0

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
