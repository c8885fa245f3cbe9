import EscalationModel
import Stochastic
import Testing

@Suite struct CombatTests {
    /// Square law: effective strength grows with the square of numbers, so a two-to-one attacker
    /// takes a two-region chain's city far more often than a one-to-two attacker. The difference
    /// must exceed 4 standard errors of a difference of two proportions at n = 300.
    @Test func largerForcesWinMoreOften() {
        func captureRate(rebels: Double, garrison: Double) -> Double {
            var parameters = ModelFixtures.chain(
                regions: 2, rebelStrength: rebels, governmentGarrison: garrison,
                rebelAssaultsPerDay: 1, horizon: 5, moraleThreshold: 0)
            parameters.actors[0].assaultCommitment = 1
            let n = 300
            var captured = 0
            for replication in 0..<n where ModelFixtures.run(parameters, replication: replication).collapseDay != nil {
                captured += 1
            }
            return Double(captured) / Double(n)
        }
        let strong = captureRate(rebels: 2000, garrison: 1000)
        let weak = captureRate(rebels: 1000, garrison: 2000)
        let standardError = ((strong * (1 - strong) + weak * (1 - weak)) / 300).squareRoot()
        #expect(strong - weak > max(4 * standardError, 0.2), "strong \(strong), weak \(weak)")
    }
}
