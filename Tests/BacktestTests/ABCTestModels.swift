import Backtest
import Foundation
import Stochastic

/// Small models and helpers shared by the calibration tests.
enum ABCTestModels {
    /// θ1 ~ N(0, 1) seen through the mean of 4 draws from N(θ1, 1) (observed mean 1); θ2 ~ U(0, 10)
    /// does not enter the simulation at all, so nothing can be learned about it.
    static let identifiedAndNot = [
        ABCParameter(name: "identified", prior: .normal(mean: 0, sd: 1)),
        ABCParameter(name: "ignored", prior: .uniform(low: 0, high: 10)),
    ]

    /// The simulator of `identifiedAndNot`: the conjugate normal model on θ1, θ2 unused.
    static func identifiedAndNotSimulator(seed: UInt64) -> ABCSimulator {
        let inner = ConjugateNormalCheck.simulator(observed: 1, seed: seed)
        return { theta, index in inner([theta[0]], index) }
    }
}

/// A flag that one closure sets and another reads, from any thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    func raise() { lock.withLock { raised = true } }
    var isRaised: Bool { lock.withLock { raised } }
}
