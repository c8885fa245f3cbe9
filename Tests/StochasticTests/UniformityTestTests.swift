import Stochastic
import Testing

/// The uniformity checks of simulation-based calibration on values whose answers are known.
@Suite struct UniformityTestTests {
    @Test func uniformityChecks() {
        let even = (0..<100).map { (Double($0) + 0.5) / 100 }
        let test = UniformityTest.chiSquare(even, bins: 10)
        #expect(test.counts == [Int](repeating: 10, count: 10))
        #expect(test.statistic == 0 && test.pValue == 1 && test.degreesOfFreedom == 9)
        #expect(abs(UniformityTest.ksDistance(even) - 0.005) < 1e-12)
        let piled = [Double](repeating: 0.01, count: 50) + [Double](repeating: 0.99, count: 50)
        #expect(UniformityTest.chiSquare(piled, bins: 10).pValue < 1e-20)
        #expect(abs(UniformityTest.ksDistance(piled) - 0.49) < 1e-12)
    }
}
