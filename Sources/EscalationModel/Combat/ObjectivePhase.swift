/// One phase of an actor's campaign plan: the regions it sets out to take, and how long it pauses
/// once its camp holds all of them before it moves on to the next phase.
public struct ObjectivePhase: Sendable, Hashable {
    /// Indices of the regions the phase aims at.
    public var regions: [Int]
    /// Days without assaults after the phase is complete (an operational pause to regroup).
    public var pauseDays: Double

    public init(regions: [Int], pauseDays: Double = 0) {
        self.regions = regions
        self.pauseDays = pauseDays
    }
}
