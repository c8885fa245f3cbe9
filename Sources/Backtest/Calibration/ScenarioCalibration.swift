import EscalationModel
import Stochastic

/// A scenario's uncertain numbers calibrated against observations: the bridge between the model
/// and the model-free `ABCSMC`. Each uncertain number is a parameter with its scenario
/// distribution as prior; one simulation runs one replication with the proposed values and
/// returns, per observation, how far what the model shows (through the observation's measurement
/// model) is from what happened (`Observation.discrepancy`).
public struct ScenarioCalibration: Sendable {
    public let draw: ParameterDraw
    public let observations: [Observation]

    public init(draw: ParameterDraw, observations: [Observation]) {
        self.draw = draw
        self.observations = observations
    }

    /// The calibrated parameters: every uncertain number of the scenario, named by its path.
    public var parameters: [ABCParameter] {
        draw.uncertain.map { ABCParameter(name: $0.path, prior: $0.distribution) }
    }

    /// The model's parameters with `theta` (in `parameters` order) in place of the draws.
    public func modelParameters(_ theta: [Double]) -> ModelParameters {
        var parameters = draw.base
        for (uncertain, value) in zip(draw.uncertain, theta) { parameters[keyPath: uncertain.target] = value }
        return parameters
    }

    /// The simulator for `ABCSMC`. The model's streams for attempt `a` of generation `g` come from
    /// the master seed `seed` mixed with `g` (replication `a`), the measurement models' draws from
    /// another stream of the same attempt, so a calibration depends only on its seed.
    public func simulator(seed: UInt64) -> ABCSimulator {
        let schema = OutcomeSchema(parameters: draw.base)
        let columns = Dictionary(
            schema.columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let series = Dictionary(
            DailySeriesCatalogue.columns(for: draw.base).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let observations = self.observations
        let calibration = self
        return { theta, index in
            let seeds = Self.modelSeeds(seed: seed, generation: index.generation)
            let outcome = Replication.run(
                parameters: calibration.modelParameters(theta), seeds: seeds, index: index.attempt)
            let run = SimulatedRun(outcome: outcome, schema: schema, columns: columns, series: series)
            let stream = RandomStream(seeds: seeds, replication: index.attempt, stream: Self.measurementStream)
            return observations.map { observation in
                // A fact that does not apply to this run (its `given:` did not happen) says nothing.
                guard let applies = observation.applies(to: run) else { return .infinity }
                guard applies else { return 0 }
                guard let value = observation.modelValue(in: run, horizon: outcome.endDay, stream: stream) else {
                    return .infinity
                }
                return observation.discrepancy(of: value)
            }
        }
    }

    /// For simulation-based calibration: the observations as the model would have produced them
    /// with the unknowns at `truth` (one replication, seeded from `stream`), each observation's
    /// value replaced by the run's, and a simulator comparing calibration runs with that synthetic
    /// history. The shape of `SimulationBasedCalibration.SimulatorFactory`.
    public func syntheticSimulator(truth: [Double], trial: Int, stream: RandomStream) -> ABCSimulator {
        let seed =
            UInt64(stream.uniformInt(below: Int(UInt32.max))) << 32 | UInt64(stream.uniformInt(below: Int(UInt32.max)))
        let seeds = StreamSeeds(masterSeed: seed)
        let outcome = Replication.run(parameters: modelParameters(truth), seeds: seeds, index: trial)
        let schema = OutcomeSchema(parameters: draw.base)
        let columns = Dictionary(
            schema.columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let series = Dictionary(
            DailySeriesCatalogue.columns(for: draw.base).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let run = SimulatedRun(outcome: outcome, schema: schema, columns: columns, series: series)
        // A conditional fact whose condition did not hold in the truth's run is left out of its history.
        let synthetic = observations.compactMap { observation -> Observation? in
            guard observation.applies(to: run) == true else { return nil }
            return observation.modelValue(in: run, horizon: outcome.endDay, stream: stream).map(observation.observing)
        }
        return ScenarioCalibration(draw: draw, observations: synthetic).simulator(seed: seed ^ 0x5BC0_5BC0)
    }

    /// Streams above every model stream (`StreamLayout`'s blocks end below 16 + 2 x 64 + 112).
    static let measurementStream = 255

    static func modelSeeds(seed: UInt64, generation: Int) -> StreamSeeds {
        StreamSeeds(masterSeed: seed ^ (0xD1B5_4A32_D192_ED03 &* UInt64(generation + 1)))
    }
}
