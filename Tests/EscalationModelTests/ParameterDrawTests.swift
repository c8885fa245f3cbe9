import EscalationModel
import Stochastic
import Testing

/// The per-replication draw: unknowns land where they point, in order, from their owners'
/// streams; a replication's draw depends only on (seeds, replication).
@Suite struct ParameterDrawTests {
    static let base = ModelFixtures.chain()

    @Test func withoutUnknownsTheBaseIsUsedAsIs() {
        let draw = ParameterDraw(base: Self.base, uncertain: [])
        let (parameters, draws) = draw.parameters(forReplication: 3, seeds: StreamSeeds(masterSeed: 1))
        #expect(parameters == Self.base)
        #expect(draws.isEmpty)
    }

    @Test func eachDrawLandsOnItsTargetInOrder() {
        let draw = ParameterDraw(
            base: Self.base,
            uncertain: [
                UncertainParameter(
                    path: "actors.rebels.morale", distribution: .uniform(low: 0.2, high: 0.4),
                    stream: StreamLayout.actorParameters(0), target: \.actors[0].morale),
                UncertainParameter(
                    path: "horizon_days", distribution: .fixed(12),
                    stream: StreamLayout.sharedParameters, target: \.horizonDays),
            ])
        let (parameters, draws) = draw.parameters(forReplication: 0, seeds: StreamSeeds(masterSeed: 1))
        #expect(draws.count == 2)
        #expect(draws[0] >= 0.2 && draws[0] <= 0.4)
        #expect(parameters.actors[0].morale == draws[0])
        #expect(draws[1] == 12 && parameters.horizonDays == 12)
        // Everything else is the base.
        var rest = parameters
        rest.actors[0].morale = Self.base.actors[0].morale
        rest.horizonDays = Self.base.horizonDays
        #expect(rest == Self.base)
    }

    /// Two unknowns of one owner share its stream, drawn in order: a uniform on [0, 1] is the
    /// stream's raw uniform, so they are its first and second. An unknown of another owner is
    /// untouched by adding or removing them.
    @Test func ownersDrawFromTheirOwnStreams() {
        let seeds = StreamSeeds(masterSeed: 7)
        let rebels = UncertainParameter(
            path: "actors.rebels.morale", distribution: .uniform(low: 0, high: 1),
            stream: StreamLayout.actorParameters(0), target: \.actors[0].morale)
        let rebelsToo = UncertainParameter(
            path: "actors.rebels.quality", distribution: .uniform(low: 0, high: 1),
            stream: StreamLayout.actorParameters(0), target: \.actors[0].quality)
        let government = UncertainParameter(
            path: "actors.government.morale", distribution: .uniform(low: 0, high: 1),
            stream: StreamLayout.actorParameters(1), target: \.actors[1].morale)
        let all = ParameterDraw(base: Self.base, uncertain: [rebels, government, rebelsToo])
            .parameters(forReplication: 5, seeds: seeds).1
        let alone = ParameterDraw(base: Self.base, uncertain: [government])
            .parameters(forReplication: 5, seeds: seeds).1
        #expect(all[1] == alone[0])
        let stream = RandomStream(seeds: seeds, replication: 5, stream: StreamLayout.actorParameters(0))
        let first = stream.uniform()
        let second = stream.uniform()
        #expect(all[0] == first && all[2] == second)
        // Another replication draws afresh.
        #expect(
            ParameterDraw(base: Self.base, uncertain: [rebels]).parameters(forReplication: 6, seeds: seeds).1[0]
                != all[0])
    }
}
