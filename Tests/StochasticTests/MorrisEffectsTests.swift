import Stochastic
import Testing

@Suite struct MorrisEffectsTests {
    @Test(arguments: [2, 4, 6])
    func trajectoriesMoveEachParameterOnceByDelta(levels: Int) {
        let k = 5
        let points = MorrisDesign.unitPoints(
            trajectories: 20, parameters: k, levels: levels, stream: RandomStream(seed: 4))
        #expect(points.count == MorrisDesign.pointCount(trajectories: 20, parameters: k))
        let delta = MorrisDesign.step(levels: levels)
        let spacing = 1.0 / Double(levels - 1)
        for t in 0..<20 {
            var moved: [Int] = []
            for s in 1...k {
                let before = points[t * (k + 1) + s - 1]
                let after = points[t * (k + 1) + s]
                let changed = (0..<k).filter { before[$0] != after[$0] }
                #expect(changed.count == 1)
                if let i = changed.first {
                    moved.append(i)
                    #expect(abs(abs(after[i] - before[i]) - delta) < 1e-12)
                }
            }
            #expect(moved.sorted() == Array(0..<k))
        }
        // Every coordinate is on the grid and inside [0, 1].
        for point in points {
            for value in point {
                #expect(value >= 0 && value <= 1)
                #expect(abs((value / spacing).rounded() * spacing - value) < 1e-12)
            }
        }
    }

    @Test func designIsDeterministicForASeed() {
        let one = MorrisDesign.unitPoints(trajectories: 10, parameters: 3, stream: RandomStream(seed: 1))
        #expect(one == MorrisDesign.unitPoints(trajectories: 10, parameters: 3, stream: RandomStream(seed: 1)))
        #expect(one != MorrisDesign.unitPoints(trajectories: 10, parameters: 3, stream: RandomStream(seed: 2)))
    }

    @Test func aLinearModelHasItsCoefficientsPerRangeAndNoSpread() {
        // y = 5 x1 + 1 x2 + 0 x3, with x1 on [0, 2]: per full range the effects are 10, 1, 0.
        let bounds = [(low: 0.0, high: 2.0), (0.0, 1.0), (-3.0, 3.0)]
        let points = MorrisDesign.points(trajectories: 30, bounds: bounds, stream: RandomStream(seed: 11))
        let outputs = points.map { 5 * $0[0] + 1 * $0[1] + 0 * $0[2] }
        let result = MorrisEffects.estimate(points: points, outputs: outputs, bounds: bounds, bootstrap: 100)
        #expect(result.trajectories == 30)
        for (effect, expected) in zip(result.parameters, [10.0, 1, 0]) {
            #expect(abs(effect.mu - expected) < 1e-9)
            #expect(abs(effect.muStar - expected) < 1e-9)
            #expect(effect.sigma < 1e-9)
            #expect(effect.count == 30)
            #expect(
                abs(effect.muStarInterval.low - expected) < 1e-9 && abs(effect.muStarInterval.high - expected) < 1e-9)
        }
    }

    @Test func oppositeSignsCancelInMuButNotInMuStar() {
        // y = (x1 - 0.5)^2 on the 4-level grid {0, 1/3, 2/3, 1}: a step of 2/3 between 0 and 2/3
        // lowers y by 2/9, one between 1/3 and 1 raises it by 2/9, so every effect is +-(2/9)/(2/3)
        // = +-1/3: mu is near 0 while mu* is 1/3 and sigma is not small.
        let bounds = [(low: 0.0, high: 1.0), (0.0, 1.0)]
        let points = MorrisDesign.points(trajectories: 200, bounds: bounds, stream: RandomStream(seed: 3))
        let outputs = points.map { ($0[0] - 0.5) * ($0[0] - 0.5) }
        let result = MorrisEffects.estimate(points: points, outputs: outputs, bounds: bounds, bootstrap: 200)
        let x1 = result.parameters[0]
        // mu's standard error over 200 effects of +-1/3 is (1/3)/sqrt(200) = 0.024; allow 4 of them.
        #expect(abs(x1.muStar - 1.0 / 3) < 1e-9)
        #expect(abs(x1.mu) < 0.1)
        #expect(x1.sigma > 0.3)
        #expect(result.parameters[1].muStar == 0)
        #expect(x1.muStarInterval.low <= x1.muStar && x1.muStar <= x1.muStarInterval.high)
    }

    @Test func muStarRanksIshigami() {
        let points = MorrisDesign.points(trajectories: 100, bounds: Ishigami.bounds, stream: RandomStream(seed: 21))
        let result = MorrisEffects.estimate(
            points: points, outputs: points.map(Ishigami.value), bounds: Ishigami.bounds, bootstrap: 0)
        // x3 acts only through its interaction with x1: a large sigma relative to mu.
        let x3 = result.parameters[2]
        #expect(x3.sigma > abs(x3.mu))
        #expect(result.parameters.allSatisfy { $0.muStar > 0 })
    }
}
