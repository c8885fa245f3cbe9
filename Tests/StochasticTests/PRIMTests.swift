import Foundation
import Stochastic
import Testing

@Suite struct PRIMTests {
    /// Uniform points in the unit cube and y = 1 iff x1 > 0.7 and x2 < 0.4: the box is
    /// x1 in (0.7, 1], x2 in [0, 0.4), x3 free, of mass 0.12.
    static func knownBox(n: Int, seed: UInt32) -> (inputs: [[Double]], outcomes: [Bool]) {
        let stream = RandomStream(seed: seed)
        let inputs = (0..<n).map { _ in (0..<3).map { _ in stream.uniform() } }
        return (inputs, inputs.map { $0[0] > 0.7 && $0[1] < 0.4 })
    }

    @Test(arguments: [(2000, UInt32(1)), (5000, UInt32(2)), (20000, UInt32(3))])
    func theKnownBoxIsFound(n: Int, seed: UInt32) {
        let data = Self.knownBox(n: n, seed: seed)
        let prim = PRIM.discover(inputs: data.inputs, outcomes: data.outcomes)
        let box = prim.box
        // A peel removes alpha of the box's points, so an edge can overshoot by up to alpha of
        // the box's width (at most the unit range); 3/sqrt(n) more for where the sample's points fall.
        let tolerance = 0.05 + 3 / Double(n).squareRoot()
        #expect(abs(box.lower[0] - 0.7) < tolerance, "x1 low \(box.lower[0])")
        #expect(abs(box.upper[1] - 0.4) < tolerance, "x2 high \(box.upper[1])")
        #expect(prim.isRestricted(0) && prim.isRestricted(1))
        #expect(box.upper[0] == prim.dataUpper[0] && box.lower[1] == prim.dataLower[1])
        // x3 does nothing: any restriction peeling put on it fails the quasi-p-value test.
        #expect(!prim.isRestricted(2))
        #expect(box.lower[2] == prim.dataLower[2] && box.upper[2] == prim.dataUpper[2])
        #expect(box.density > 0.9 && box.coverage > 0.8)
        #expect(abs(box.mass - 0.12) < tolerance)
        // The trajectory starts from everything and only shrinks.
        #expect(prim.trajectory[0].mass == 1 && prim.trajectory[0].coverage == 1)
        for (previous, next) in zip(prim.trajectory, prim.trajectory.dropFirst()) {
            #expect(next.count < previous.count)
        }
    }

    @Test func peelingStopsAtTheMinimumMass() {
        // y independent of x: no box is better, peeling goes on until the mass floor.
        let stream = RandomStream(seed: 8)
        let inputs = (0..<1000).map { _ in [stream.uniform(), stream.uniform()] }
        let outcomes = (0..<1000).map { _ in stream.uniform() < 0.3 }
        let prim = PRIM.discover(inputs: inputs, outcomes: outcomes, minimumMass: 0.2)
        #expect(prim.trajectory.allSatisfy { $0.mass >= 0.2 })
        #expect(prim.trajectory.last.map { $0.mass < 0.2 / 0.95 + 0.01 } == true)
        #expect(prim.box.coverage >= 0.5)
    }

    @Test func tiedValuesArePeeledWhole() {
        // A two-valued input: the peel takes a whole level or nothing.
        let inputs = (0..<400).map { [Double($0 % 2), Double($0) / 400] }
        let outcomes = (0..<400).map { $0 % 2 == 1 }
        let prim = PRIM.discover(inputs: inputs, outcomes: outcomes)
        #expect(prim.box.lower[0] == 1 && prim.box.density == 1 && prim.box.coverage == 1)
        #expect(!prim.isRestricted(1))
    }

    @Test func restrictionsThatOnlyFitNoiseAreDropped() {
        // y = 1 iff x1 > 0.5, plus six inputs that do nothing: peeling at a 5% mass floor
        // restricts some of them by chance, the reported box none of them.
        let stream = RandomStream(seed: 31)
        let inputs = (0..<3000).map { _ in (0..<7).map { _ in stream.uniform() } }
        let outcomes = inputs.map { $0[0] > 0.5 && stream.uniform() < 0.8 }
        let prim = PRIM.discover(inputs: inputs, outcomes: outcomes, minimumCoverage: 0.3)
        let chosen = prim.trajectory[prim.selected]
        let peeled = (1..<7).filter { chosen.lower[$0] > prim.dataLower[$0] || chosen.upper[$0] < prim.dataUpper[$0] }
        #expect(!peeled.isEmpty, "the test needs a box that peeling over-restricted")
        #expect(prim.isRestricted(0))
        #expect((1..<7).allSatisfy { !prim.isRestricted($0) })
        // Dropping restrictions only adds points.
        #expect(prim.box.count >= chosen.count)
        #expect(abs(prim.box.lower[0] - 0.5) < 0.05 + 3 / sqrt(3000.0))
        // The binomial tail itself: P(X >= 8) for X ~ Binomial(10, 0.5) is 56/1024.
        #expect(abs(PRIM.quasiPValue(hits: 8, count: 10, density: 0.5) - 56.0 / 1024) < 1e-12)
    }
}
