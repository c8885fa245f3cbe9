/// How patrons weigh a decision. Every patron decides with the same rule and its own numbers.
///
/// At each decision epoch a patron sees the threat to its client: the share of the client camp's
/// starting strategic value that is lost. Its willingness is `commitment x (1 - distraction)`.
///   P(reinforce) = willingness x min(1, threatSensitivity x threat)
///   P(draw down) = distraction x (1 - min(1, threatSensitivity x threat)) x drawdownPropensity
/// and otherwise it holds. A draw-down cuts its sorties and commitment by `drawdownFactor`.
public struct PatronRule: Sendable, Hashable {
    public var threatSensitivity: Double
    public var drawdownPropensity: Double
    public var drawdownFactor: Double

    public init(threatSensitivity: Double = 3, drawdownPropensity: Double = 0.2, drawdownFactor: Double = 0.8) {
        self.threatSensitivity = threatSensitivity
        self.drawdownPropensity = drawdownPropensity
        self.drawdownFactor = drawdownFactor
    }
}
