import EscalationModel
import Stochastic

/// Small hand-built worlds for model tests: a chain of regions, rebels at one end, the
/// government (and its capital) at the other.
enum ModelFixtures {
    static func chain(
        regions count: Int = 3, rebelStrength: Double = 5000, governmentGarrison: Double = 500,
        rebelAssaultsPerDay: Double = 2, sortiesPerDay: Double = 0, horizon: Double = 30,
        patron: ActorSpec? = nil, moraleThreshold: Double = 0.05
    ) -> ModelParameters {
        var actors = [
            ActorSpec(
                id: "rebels", name: "Rebels", camp: .opposition, fieldStrength: rebelStrength,
                quality: 1, morale: 0.9, assaultsPerDay: rebelAssaultsPerDay, assaultCommitment: 0.5),
            ActorSpec(
                id: "government", name: "Government", camp: .loyalist, fieldStrength: 0,
                quality: 1, morale: 0.6, sortiesPerDay: sortiesPerDay),
        ]
        if let patron { actors.append(patron) }
        let regions = (0..<count).map { index in
            RegionSpec(
                id: "r\(index)", name: "Region \(index)", controller: index == 0 ? 0 : 1,
                population: 100_000, strategicValue: 1, garrison: index == 0 ? 1000 : governmentGarrison,
                neighbours: [index - 1, index + 1].filter { (0..<count).contains($0) },
                isKeyCity: index == 1)
        }
        return ModelParameters(
            horizonDays: horizon, maxEvents: 1_000_000, actors: actors, regions: regions,
            ladder: [
                LadderRung(id: "calm", trigger: .start), LadderRung(id: "assault", trigger: .groundAssault),
                LadderRung(id: "city", trigger: .urbanAssault),
                LadderRung(id: "air", trigger: .airstrikes, threshold: 10),
                LadderRung(id: "foreign", trigger: .foreignGroundForces),
                LadderRung(id: "collapse", trigger: .regimeCollapse),
            ],
            combat: CombatParameters(), airCampaign: AirCampaignParameters(), patronRule: PatronRule(),
            collapse: CollapseRule(actor: 1, capital: count - 1, moraleThreshold: moraleThreshold)
        )
    }

    static func run(_ parameters: ModelParameters, seed: UInt64 = 1, replication: Int = 0) -> ReplicationOutcome {
        Replication.run(parameters: parameters, seeds: StreamSeeds(masterSeed: seed), index: replication)
    }
}
