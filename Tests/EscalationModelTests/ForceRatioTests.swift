import EscalationModel
import Testing

/// An actor does not assault a region where its odds are below its minimum force ratio.
@Suite struct ForceRatioTests {
    /// Rebels commit 2,500 of 5,000 fighters (quality 1) against a garrison of 500 (quality 1,
    /// fortification 1): odds of 5. The first region they can reach is the government's key city.
    func firstCityFalls(minimumRatio: Double, seed: UInt64) -> Bool {
        var parameters = ModelFixtures.chain(regions: 3, rebelStrength: 5000, governmentGarrison: 500)
        parameters.actors[0].minimumForceRatio = minimumRatio
        return ModelFixtures.run(parameters, seed: seed).cityFallDay[0] != nil
    }

    @Test func oddsBelowTheThresholdMeanNoAssault() {
        // At a threshold of 6 the odds of 5 never suffice: no replication sees the city fall.
        for seed in UInt64(1)...20 {
            #expect(!firstCityFalls(minimumRatio: 6, seed: seed), "seed \(seed)")
        }
    }

    @Test func oddsAboveTheThresholdStillAttack() {
        // At a threshold of 4 the first assault goes in at odds of 5, and the city falls in every
        // replication, as it does with no threshold.
        for seed in UInt64(1)...20 {
            #expect(firstCityFalls(minimumRatio: 0, seed: seed), "seed \(seed): falls with no threshold")
            #expect(firstCityFalls(minimumRatio: 4, seed: seed), "seed \(seed): falls at a threshold of 4")
        }
    }
}
