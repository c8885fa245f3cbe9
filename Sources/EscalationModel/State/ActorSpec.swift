import Stochastic

/// What the scenario says about one actor. The engine knows roles and numbers, never names.
public struct ActorSpec: Sendable, Hashable {
    /// Short identifier used in scenario references and output columns ("hts", "russia").
    public var id: String
    /// Human-readable name for traces and reports.
    public var name: String
    /// The camp it fights in (scenario key `side`).
    public var camp: Camp
    /// Index of the actor this one backs, for patrons (Russia and Iran back the regime).
    public var patronOf: Int?

    /// Mobile field force in fighters, available for assaults (garrisons are counted per region).
    public var fieldStrength: Double
    /// Combat effectiveness multiplier per fighter (1 = reference infantry).
    public var quality: Double
    /// Morale in (0, 1]: scales effectiveness and the losses a force accepts before it breaks.
    public var morale: Double

    /// Assaults launched per day across the front, a Poisson process (0 = never attacks).
    public var assaultsPerDay: Double
    /// Fraction of the field force committed to one assault.
    public var assaultCommitment: Double

    /// Air sorties per day at full commitment, a Poisson process (0 = no air arm).
    public var sortiesPerDay: Double
    /// Share of the actor's means it is willing to put into this war, in [0, 1].
    public var commitment: Double
    /// Pull of other wars on the same means, in [0, 1] (Russia: Ukraine; Iran and Hezbollah: Israel).
    public var distraction: Double

    /// Mean days between a patron's decisions; 0 = never decides.
    public var decisionIntervalDays: Double
    /// Fighters sent per reinforcement (0 = never reinforces).
    public var reinforcementSize: Double
    /// Mean days for a reinforcement to arrive (exponential).
    public var reinforcementDelayDays: Double
    /// Where reinforcements go: the client's field force, the patron's own, or the client's garrisons.
    public var reinforcementTarget: ReinforcementTarget

    /// For a patron that manages its client's offensive (Turkey): its stance at the start.
    /// While not `.back`, the patron's own aircraft and troops stay out of the fight.
    public var initialPosture: Posture?
    /// Chance that an assault or strike on a region where this patron has troops hits them,
    /// which makes it back its client at once.
    public var troopsHitProbability: Double
    /// The odds (effective attackers over effective defenders, quality and fortification
    /// included) below which this actor does not assault a region. Military planning's rule of
    /// thumb asks for about 3:1 at the point of attack (Mearsheimer, "Assessing the Conventional
    /// Balance: The 3:1 Rule and Its Critics", International Security 13(4), 1989); the default 0
    /// attacks at any odds.
    public var minimumForceRatio: Double = 0
    /// Mean fighters this patron has put out of action (killed or wounded, split by the combat
    /// section's `killedShare`) each time enemy fire hits its stationed troops (the count is drawn
    /// per hit, geometric with this mean); 0 = hits cost it nothing.
    public var troopsKilledWhenHit: Double = 0
    /// Chance that one of this actor's sorties costs it an aircraft to the enemy camp's air
    /// defences; 0 = it never loses one.
    public var aircraftLossPerSortie: Double = 0
    /// Strategic value the actor holds off the map (other provinces, other fronts), in the units
    /// of regions' `strategicValue`: part of its camp's stake, so a region lost costs the camp its
    /// share of everything it holds, not of the corner drawn on the map.
    public var offMapValue: Double = 0
    /// The actor's campaign plan, phase by phase (empty: it attacks wherever the odds are best).
    public var objectives: [ObjectivePhase] = []

    public init(
        id: String, name: String, camp: Camp, patronOf: Int? = nil,
        fieldStrength: Double, quality: Double = 1, morale: Double = 0.7,
        assaultsPerDay: Double = 0, assaultCommitment: Double = 0.3,
        sortiesPerDay: Double = 0, commitment: Double = 1, distraction: Double = 0,
        decisionIntervalDays: Double = 0, reinforcementSize: Double = 0, reinforcementDelayDays: Double = 1,
        reinforcementTarget: ReinforcementTarget = .client, initialPosture: Posture? = nil,
        troopsHitProbability: Double = 0
    ) {
        self.id = id
        self.name = name
        self.camp = camp
        self.patronOf = patronOf
        self.fieldStrength = fieldStrength
        self.quality = quality
        self.morale = morale
        self.assaultsPerDay = assaultsPerDay
        self.assaultCommitment = assaultCommitment
        self.sortiesPerDay = sortiesPerDay
        self.commitment = commitment
        self.distraction = distraction
        self.decisionIntervalDays = decisionIntervalDays
        self.reinforcementSize = reinforcementSize
        self.reinforcementDelayDays = reinforcementDelayDays
        self.reinforcementTarget = reinforcementTarget
        self.initialPosture = initialPosture
        self.troopsHitProbability = troopsHitProbability
    }

    /// Whether this actor decides as a patron (reinforce / hold / draw down, and its posture).
    public var isPatron: Bool { patronOf != nil }
}
