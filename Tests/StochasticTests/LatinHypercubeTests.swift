import Stochastic
import Testing

@Suite struct LatinHypercubeTests {
    @Test(arguments: [1, 2, 7, 50, 1000])
    func everyStratumIsHitExactlyOncePerDimension(n: Int) {
        let points = LatinHypercube.sample(points: n, dimensions: 4, stream: RandomStream(seed: 3))
        #expect(points.count == n)
        #expect(points.allSatisfy { $0.count == 4 })
        for d in 0..<4 {
            // Stratum s is [s / n, (s + 1) / n).
            let strata = points.map { Int(($0[d] * Double(n)).rounded(.down)) }
            #expect(strata.sorted() == Array(0..<n))
        }
    }

    @Test func valuesLieInTheHalfOpenUnitInterval() {
        let points = LatinHypercube.sample(points: 500, dimensions: 6, stream: RandomStream(seed: 17))
        #expect(points.allSatisfy { point in point.allSatisfy { $0 >= 0 && $0 < 1 } })
    }

    @Test func deterministicForASeed() {
        let first = LatinHypercube.sample(points: 20, dimensions: 3, stream: RandomStream(seed: 123))
        let second = LatinHypercube.sample(points: 20, dimensions: 3, stream: RandomStream(seed: 123))
        let other = LatinHypercube.sample(points: 20, dimensions: 3, stream: RandomStream(seed: 124))
        #expect(first == second)
        #expect(first != other)
    }

    @Test func dimensionsArePermutedIndependently() {
        // With 30 strata the chance that two independent permutations coincide is 1 / 30!.
        let points = LatinHypercube.sample(points: 30, dimensions: 2, stream: RandomStream(seed: 8))
        let first = points.map { Int($0[0] * 30) }
        let second = points.map { Int($0[1] * 30) }
        #expect(first != second)
        // And the permutation is not the identity.
        #expect(first != Array(0..<30))
    }

    @Test func emptyShapes() {
        #expect(LatinHypercube.sample(points: 0, dimensions: 3, stream: RandomStream(seed: 1)).isEmpty)
        let noDimensions = LatinHypercube.sample(points: 4, dimensions: 0, stream: RandomStream(seed: 1))
        #expect(noDimensions == [[], [], [], []])
    }
}
