import Dispatch
import Foundation
import Stochastic

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One simulation for the calibrator: given the parameter values `theta` (in `ABCSMC.parameters`
/// order) and the simulation's index, run the model and return one non-negative discrepancy per
/// observation (for example the absolute difference between simulated and observed counts).
///
/// It is called from several threads at once and must derive all its randomness from `index`
/// (and seeds of its own), never from shared state, for the calibration to be reproducible.
public typealias ABCSimulator = @Sendable (_ theta: [Double], _ index: SimulationIndex) -> [Double]

/// Approximate Bayesian computation by sequential Monte Carlo: a model-free calibrator that
/// needs only a prior per parameter and a simulator of discrepancies.
///
/// The scheme is ABC-SMC of Toni, Welch, Strelkowa, Ipsen & Stumpf 2009 (J. R. Soc. Interface
/// 6:187, Algorithm in §2.3) with the adaptive kernel and importance weights of Beaumont,
/// Cornuet, Marin & Robert 2009 (Biometrika 96:983):
/// - Generation 0 draws N particles from the prior and accepts every simulation (those with a
///   non-finite discrepancy are discarded, so the scales below exist).
/// - **Distance.** Observations come in different units (deaths, displaced people, days), so each
///   discrepancy component is divided by its scale, the median of that component over the
///   generation-0 simulations (1 where that median is 0): each observation then counts about as
///   much as every other under the prior predictive, the idea of Prangle 2017 ("Adapting the ABC
///   distance function", Bayesian Analysis 12:289). The scales stay fixed after generation 0 so
///   that distances, and therefore tolerances, are comparable across generations. The distance is
///   the Euclidean norm of the scaled vector: it treats the scaled components symmetrically and is
///   zero only when every observation is matched.
/// - **Tolerance.** Generation g >= 1 accepts a simulation whose distance is at most the
///   `quantile` (default 0.5) weighted quantile of generation g-1's distances.
/// - **Proposal.** Pick a particle of generation g-1 with probability its weight and move it with
///   `PerturbationKernel` (normal, covariance twice the population's weighted covariance);
///   proposals where the prior density is 0 are drawn again (up to 1000 times, after which the
///   attempt counts as rejected without a simulation).
/// - **Weights.** `w_i ∝ prior(θ_i) / sum_j W_j K(θ_i | θ_j)` over the previous population's
///   particles θ_j and weights W_j, computed in logarithms.
/// - **Replications.** With `particleReplications` R > 1, an attempt runs the simulator R times
///   (`SimulationIndex.replicate` 0 ..< R) and uses the component-wise mean discrepancy.
/// - **Screening.** With a `screeningLevel`, generation 0's draws rank the parameters by their
///   rank correlation with the distance (`ParameterScreening`); from generation 1 the kernel,
///   the prior check and the weights involve only the parameters kept, and every other one is
///   drawn afresh from its prior in each proposal (its prior and proposal densities cancel).
///   Without it, a kernel over many parameters (the backtest's ~140) almost never proposes a
///   point inside every prior's support, and generation 1 cannot fill.
/// - **Stopping.** After `maxGenerations` generations, after a generation whose tolerance is at
///   most `targetTolerance`, or when a generation cannot fill its population within
///   `populationSize / minimumAcceptanceRate` attempts (that generation is dropped).
///
/// **Determinism.** The attempts of generation g are numbered 0, 1, 2, ...; attempt a draws every
/// random number from the stream `StreamSeeds(masterSeed: seed).seed(replication: a, stream: g)`
/// and hands `SimulationIndex(generation: g, attempt: a)` to the simulator. Attempts run in
/// parallel batches, but the population is always the first N accepted attempts in attempt order,
/// and the acceptance rate N / (attempts up to the N-th acceptance). So the result depends on the
/// seed, the settings and the simulator only, never on the number of threads or the batch sizes.
public struct ABCSMC: Sendable {
    /// The calibrated parameters, in particle order.
    public let parameters: [ABCParameter]
    /// The settings, seed included.
    public let settings: ABCSettings
    /// The discrepancy simulator.
    public let simulator: ABCSimulator

    /// Proposals drawn at most per attempt before it is given up (zero prior density each time).
    static let maxProposals = 1000

    /// A calibrator; throws `ABCError` for invalid settings, no parameters, or a prior that is
    /// invalid or discrete (other than `fixed`).
    public init(parameters: [ABCParameter], settings: ABCSettings, simulator: @escaping ABCSimulator) throws {
        let problems = settings.problems()
        guard problems.isEmpty else { throw ABCError.invalidSettings(problems.joined(separator: "; ")) }
        guard !parameters.isEmpty else { throw ABCError.invalidSettings("there is no parameter to calibrate") }
        for parameter in parameters {
            let issues = parameter.prior.validate()
            guard issues.isEmpty else {
                throw ABCError.unsupportedPrior(
                    "prior of \(parameter.name): " + issues.map(\.message).joined(separator: "; "))
            }
            guard !parameter.prior.isDiscrete || parameter.prior.fixedValue != nil else {
                throw ABCError.unsupportedPrior(
                    "prior of \(parameter.name) is \(parameter.prior.familyName): ABC-SMC needs continuous or fixed priors"
                )
            }
        }
        self.parameters = parameters
        self.settings = settings
        self.simulator = simulator
    }

    /// The number of threads `run` uses unless told otherwise: the active processors.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Runs the calibration, or continues it, and returns its final state.
    ///
    /// - Parameters:
    ///   - state: a state returned (or checkpointed) by an earlier run with the same settings and
    ///     parameters, to continue from; nil to start afresh. A state that already ended for any
    ///     reason other than `stopRequested` is returned unchanged. Continuing gives exactly the
    ///     state an uninterrupted run would have given.
    ///   - threads: how many simulations run at once (at least 1); does not change the result.
    ///   - batchSize: the most simulations started between two polls of `shouldStop`; nil for
    ///     `max(16, 8 * threads)`. Smaller batches stop sooner and waste fewer simulations past the
    ///     N-th acceptance, larger ones keep the threads busier; the result is the same.
    ///   - shouldStop: polled between batches of simulations; when it returns true, the run returns
    ///     the state of the last complete generation with `stopReason == .stopRequested`.
    ///   - checkpoint: called with the state after every complete generation (including the final
    ///     one), for example to save it; an error it throws ends the run.
    ///   - progress: called after every batch with the particles accepted so far in the current
    ///     generation, the population size and the generation's index.
    /// - Throws: `ABCError.stateMismatch` if `state` belongs to other settings or parameters, and
    ///   whatever `checkpoint` throws.
    public func run(
        resumingFrom state: ABCState? = nil,
        threads: Int = ABCSMC.defaultThreads,
        batchSize: Int? = nil,
        shouldStop: @Sendable () -> Bool = { false },
        checkpoint: (ABCState) throws -> Void = { _ in },
        progress: (_ accepted: Int, _ populationSize: Int, _ generation: Int) -> Void = { _, _, _ in }
    ) throws -> ABCState {
        precondition(threads >= 1, "run needs at least one thread, got \(threads)")
        let maxBatch = batchSize ?? max(16, 8 * threads)
        precondition(maxBatch >= 1, "run needs a positive batch size, got \(maxBatch)")
        var current = try startingState(state)
        if let reason = current.stopReason, reason != .stopRequested { return current }
        current = current.stopped(nil)
        if let reason = finishedReason(current) { return current.stopped(reason) }
        while true {
            let outcome = nextGeneration(
                of: current, threads: threads, maxBatch: maxBatch, shouldStop: shouldStop, progress: progress)
            switch outcome {
            case .stopped(let reason):
                let final = current.stopped(reason)
                if reason != .stopRequested { try checkpoint(final) }
                return final
            case .completed(let next):
                current = next
                let reason = finishedReason(current)
                let reported = current.stopped(reason)
                try checkpoint(reported)
                if reason != nil { return reported }
            }
        }
    }

    // MARK: - Run structure

    /// The state to continue from, checked against these settings and parameters.
    private func startingState(_ state: ABCState?) throws -> ABCState {
        let names = parameters.map(\.name)
        let priors = parameters.map(\.prior.description)
        guard let state else {
            return ABCState(
                settings: settings, parameterNames: names, priors: priors, scales: [], generations: [],
                stopReason: nil)
        }
        guard state.settings == settings else {
            throw ABCError.stateMismatch("the saved state was made with other settings: \(state.settings)")
        }
        guard state.parameterNames == names, state.priors == priors else {
            throw ABCError.stateMismatch(
                "the saved state calibrates \(state.parameterNames) with priors \(state.priors)")
        }
        return state
    }

    /// Why the run ends after `state`'s last generation, or nil to go on.
    private func finishedReason(_ state: ABCState) -> ABCStopReason? {
        if state.generations.count >= settings.maxGenerations { return .maxGenerations }
        if let tolerance = state.generations.last?.tolerance, tolerance <= settings.targetTolerance {
            return .targetToleranceReached
        }
        return nil
    }

    /// The result of trying to add a generation.
    private enum GenerationOutcome {
        case completed(ABCState)
        case stopped(ABCStopReason)
    }

    /// One simulated attempt: the proposal and its discrepancies, or nil for both when no
    /// proposal with positive prior density was found.
    private struct Attempt: Sendable {
        let theta: [Double]?
        let discrepancies: [Double]?
    }

    /// What a generation proposes from: the previous population and its kernel.
    private struct Proposer: Sendable {
        /// The previous particles, restricted to the calibrated parameters.
        let particles: [[Double]]
        let cumulativeWeights: [Double]
        let kernel: PerturbationKernel
        /// The calibrated parameters' indices (every parameter without screening).
        let calibrated: [Int]

        init(_ generation: ABCGeneration, calibrated: [Int]) {
            self.calibrated = calibrated
            let all = calibrated.count == generation.particles[0].count
            particles = all ? generation.particles : generation.particles.map { p in calibrated.map { p[$0] } }
            var total = 0.0
            cumulativeWeights = generation.weights.map { weight in
                total += weight
                return total
            }
            kernel = PerturbationKernel(particles: particles, weights: generation.weights)
        }

        /// The particle whose cumulative-weight interval holds `u * total` (binary search).
        func pick(_ u: Double) -> [Double] {
            let target = u * (cumulativeWeights.last ?? 1)
            var low = 0
            var high = cumulativeWeights.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulativeWeights[middle] > target { high = middle } else { low = middle + 1 }
            }
            return particles[low]
        }
    }

    /// Fills generation `state.generations.count`, unless stopped.
    private func nextGeneration(
        of state: ABCState, threads: Int, maxBatch: Int, shouldStop: @Sendable () -> Bool,
        progress: (Int, Int, Int) -> Void
    ) -> GenerationOutcome {
        let g = state.generations.count
        let n = settings.populationSize
        let previous = state.generations.last
        let proposer = previous.map { Proposer($0, calibrated: state.calibrated) }
        let tolerance = previous.map {
            WeightedSample(values: $0.distances, weights: $0.weights).quantile(settings.quantile)
        }
        let limit = settings.maxAttemptsPerGeneration
        let seeds = StreamSeeds(masterSeed: settings.seed)
        var accepted: [(theta: [Double], discrepancies: [Double], distance: Double)] = []
        var attempts = 0
        var nextAttempt = 0
        let rateGuess = previous.map { max($0.acceptanceRate * settings.quantile, 0.01) } ?? 1
        while accepted.count < n {
            if shouldStop() { return .stopped(.stopRequested) }
            guard nextAttempt < limit else { return .stopped(.acceptanceRateBelowMinimum) }
            // The batch size only trades parallelism against wasted attempts after the N-th
            // acceptance; it never changes which attempts are accepted.
            let wanted = Int((Double(n - accepted.count) / rateGuess * 1.2).rounded(.up))
            let size = min(limit - nextAttempt, max(wanted, threads), maxBatch)
            let batch = evaluate(
                attempts: nextAttempt..<(nextAttempt + size), generation: g, proposer: proposer, seeds: seeds,
                threads: threads)
            for (offset, attempt) in batch.enumerated() {
                guard let theta = attempt.theta, let discrepancies = attempt.discrepancies,
                    discrepancies.allSatisfy({ $0.isFinite })
                else { continue }
                let distance: Double
                if let tolerance {
                    precondition(
                        discrepancies.count == state.scales.count,
                        "the simulator returned \(discrepancies.count) discrepancies, not \(state.scales.count)")
                    distance = Self.distance(discrepancies, scales: state.scales)
                    guard distance <= tolerance else { continue }
                } else {
                    distance = 0  // computed below, once the scales are known
                }
                accepted.append((theta, discrepancies, distance))
                if accepted.count == n {
                    attempts = nextAttempt + offset + 1
                    break
                }
            }
            nextAttempt += size
            progress(accepted.count, n, g)
        }

        var scales = state.scales
        var distances = accepted.map(\.distance)
        if g == 0 {
            let components = accepted[0].discrepancies.count
            for (index, item) in accepted.enumerated() {
                precondition(
                    item.discrepancies.count == components,
                    "the simulator returned \(item.discrepancies.count) discrepancies for attempt \(index), not \(components)"
                )
            }
            scales = (0..<components).map { k in
                let median = Self.median(accepted.map { $0.discrepancies[k] })
                return median > 0 ? median : 1
            }
            distances = accepted.map { Self.distance($0.discrepancies, scales: scales) }
        }
        let particles = accepted.map(\.theta)
        let weights =
            previous.map { previous in
                importanceWeights(particles, previous: previous, proposer: proposer, threads: threads)
            } ?? [Double](repeating: 1 / Double(n), count: n)
        let ess = 1 / weights.reduce(0) { $0 + $1 * $1 }
        let generation = ABCGeneration(
            index: g, particles: particles, weights: weights, distances: distances, tolerance: tolerance,
            acceptanceRate: Double(n) / Double(attempts), attempts: attempts, effectiveSampleSize: ess)
        var screening = state.screening
        if g == 0, let level = settings.screeningLevel {
            screening = ParameterScreening.screen(
                particles: particles, distances: distances, level: level, maxCalibrated: settings.maxCalibrated)
        }
        let base = ABCState(
            settings: state.settings, parameterNames: state.parameterNames, priors: state.priors, scales: scales,
            generations: state.generations, stopReason: nil, screening: screening)
        return .completed(base.appending(generation))
    }

    // MARK: - Simulation

    /// Runs the attempts `range` of generation `generation` on `threads` threads; the results in
    /// attempt order. Each worker reseeds one stream per attempt, so an attempt's draws depend only
    /// on its number.
    private func evaluate(
        attempts range: Range<Int>, generation: Int, proposer: Proposer?, seeds: StreamSeeds, threads: Int
    ) -> [Attempt] {
        let slots = AttemptSlots<Attempt>(count: range.count)
        let workers = min(threads, range.count)
        let work: @Sendable (Int) -> Void = { worker in
            var stream: RandomStream?
            for offset in stride(from: worker, to: range.count, by: workers) {
                let attempt = range.lowerBound + offset
                let seed = seeds.seed(replication: attempt, stream: generation)
                if let stream { stream.reseed(seed) } else { stream = RandomStream(seed: seed) }
                guard let stream else { continue }
                slots.set(offset, self.attempt(attempt, generation: generation, proposer: proposer, stream: stream))
            }
        }
        if workers == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        }
        return slots.values().map { $0 ?? Attempt(theta: nil, discrepancies: nil) }
    }

    /// One attempt: propose (from the prior in generation 0), then simulate.
    private func attempt(_ attempt: Int, generation: Int, proposer: Proposer?, stream: RandomStream) -> Attempt {
        var theta: [Double]?
        if let proposer {
            for _ in 0..<Self.maxProposals {
                let candidate = proposer.kernel.perturb(proposer.pick(stream.uniform()), stream: stream)
                if logPrior(candidate, of: proposer.calibrated) > -.infinity {
                    theta = candidate
                    break
                }
            }
            // Screened-out parameters come afresh from their priors (see `ParameterScreening`).
            if let moved = theta, moved.count < parameters.count {
                var full = parameters.map { $0.prior.sample(stream) }
                for (value, k) in zip(moved, proposer.calibrated) { full[k] = value }
                theta = full
            }
        } else {
            theta = parameters.map { $0.prior.sample(stream) }
        }
        guard let theta else { return Attempt(theta: nil, discrepancies: nil) }
        return Attempt(theta: theta, discrepancies: simulate(theta, generation: generation, attempt: attempt))
    }

    /// The attempt's discrepancies: with several replications per particle, the component-wise
    /// means over the replications whose discrepancies are all finite (the last replication's
    /// when none is).
    private func simulate(_ theta: [Double], generation: Int, attempt: Int) -> [Double] {
        let replications = settings.particleReplications
        guard replications > 1 else {
            return simulator(theta, SimulationIndex(generation: generation, attempt: attempt))
        }
        var sum: [Double] = []
        var finite = 0
        var last: [Double] = []
        for replicate in 0..<replications {
            last = simulator(theta, SimulationIndex(generation: generation, attempt: attempt, replicate: replicate))
            guard last.allSatisfy({ $0.isFinite }) else { continue }
            if sum.isEmpty { sum = [Double](repeating: 0, count: last.count) }
            precondition(last.count == sum.count, "the simulator returned discrepancies of varying length")
            for k in last.indices { sum[k] += last[k] }
            finite += 1
        }
        guard finite > 0 else { return last }
        return sum.map { $0 / Double(finite) }
    }

    /// The log joint prior density of independent priors.
    func logPrior(_ theta: [Double]) -> Double {
        logPrior(theta, of: Array(parameters.indices))
    }

    /// The log joint prior density of the parameters `indices`, their values `values` (in the
    /// order of `indices`), or of all parameters when `values` has one value per parameter.
    func logPrior(_ values: [Double], of indices: [Int]) -> Double {
        var total = 0.0
        let restricted = values.count == indices.count
        for (position, k) in indices.enumerated() {
            let term = parameters[k].prior.logDensity(values[restricted ? position : k])
            guard term > -.infinity else { return -.infinity }
            total += term
        }
        return total
    }

    // MARK: - Weights and distances

    /// Normalised importance weights `prior(θ_i) / sum_j W_j K(θ_i | θ_j)` (Beaumont et al. 2009),
    /// by log-sum-exp; computed in parallel over i, each term the same whatever the thread count.
    private func importanceWeights(
        _ particles: [[Double]], previous: ABCGeneration, proposer: Proposer?, threads: Int
    ) -> [Double] {
        guard let proposer else { return [] }
        let logPreviousWeights = previous.weights.map { log($0) }
        let calibrated = proposer.calibrated
        let all = calibrated.count == parameters.count
        let slots = AttemptSlots<Double>(count: particles.count)
        let workers = min(threads, particles.count)
        let work: @Sendable (Int) -> Void = { worker in
            for i in stride(from: worker, to: particles.count, by: workers) {
                // Screened-out parameters' prior and proposal densities are equal and cancel.
                let x = all ? particles[i] : calibrated.map { particles[i][$0] }
                var terms = [Double](repeating: 0, count: proposer.particles.count)
                for (j, center) in proposer.particles.enumerated() {
                    terms[j] = logPreviousWeights[j] + proposer.kernel.logDensity(of: x, around: center)
                }
                slots.set(i, self.logPrior(x, of: calibrated) - Self.logSumExp(terms))
            }
        }
        if workers == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        }
        let logWeights = slots.values().map { $0 ?? -.infinity }
        let logTotal = Self.logSumExp(logWeights)
        return logWeights.map { exp($0 - logTotal) }
    }

    /// `log sum exp(x_i)`, shifted by the largest term so nothing overflows.
    static func logSumExp(_ values: [Double]) -> Double {
        guard let largest = values.max(), largest > -.infinity else { return -.infinity }
        var sum = 0.0
        for value in values { sum += exp(value - largest) }
        return largest + log(sum)
    }

    /// The Euclidean norm of the discrepancies divided by their scales.
    public static func distance(_ discrepancies: [Double], scales: [Double]) -> Double {
        var squared = 0.0
        for (value, scale) in zip(discrepancies, scales) {
            let scaled = value / scale
            squared += scaled * scaled
        }
        return squared.squareRoot()
    }

    /// The sample median (the mean of the two middle values for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle])
    }
}
