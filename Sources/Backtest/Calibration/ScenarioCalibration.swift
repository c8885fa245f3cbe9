import EscalationModel
import Stochastic

/// Scenarios' uncertain numbers calibrated against their observations: the bridge between the
/// model and the model-free `ABCSMC`. Each uncertain number is a parameter with its scenario
/// distribution as prior; one simulation runs one replication of every case with the proposed
/// values and returns, per observation, how far what the model shows (through the observation's
/// measurement model) is from what happened (`Observation.discrepancy`).
///
/// With several cases (a joint calibration), an unknown the shared engine file gives is one
/// parameter for all of them, named by its path; each case's own unknowns stay its own, named
/// `<case>:<path>`. With one case every parameter is named by its path.
public struct ScenarioCalibration: Sendable {
    public let cases: [CalibrationCase]
    /// The calibrated parameters, in order: the shared ones, then each case's own.
    public let parameters: [ABCParameter]
    /// Per case, for each of its uncertain numbers (in its order), the index in `parameters`.
    let slots: [[Int]]

    /// - Throws: a message when two cases give a shared engine number different priors.
    public init(cases: [CalibrationCase]) throws(CalibrationError) {
        precondition(!cases.isEmpty, "a calibration needs a case")
        var parameters: [ABCParameter] = []
        var shared: [String: Int] = [:]
        let joint = cases.count > 1
        if joint {
            for calibrationCase in cases {
                for uncertain in calibrationCase.draw.uncertain
                where calibrationCase.enginePaths.contains(uncertain.path) {
                    if let index = shared[uncertain.path] {
                        guard parameters[index].prior == uncertain.distribution else {
                            throw CalibrationError(
                                "\(uncertain.path) has different priors in the cases (each case's engine differs); "
                                    + "calibrate them apart or give them one engine")
                        }
                        continue
                    }
                    shared[uncertain.path] = parameters.count
                    parameters.append(ABCParameter(name: uncertain.path, prior: uncertain.distribution))
                }
            }
        }
        var slots: [[Int]] = []
        for calibrationCase in cases {
            var own: [Int] = []
            for uncertain in calibrationCase.draw.uncertain {
                if let index = shared[uncertain.path], calibrationCase.enginePaths.contains(uncertain.path) {
                    own.append(index)
                    continue
                }
                own.append(parameters.count)
                let name =
                    joint ? CalibrationCase.column(case: calibrationCase.name, path: uncertain.path) : uncertain.path
                parameters.append(ABCParameter(name: name, prior: uncertain.distribution))
            }
            slots.append(own)
        }
        self.cases = cases
        self.parameters = parameters
        self.slots = slots
    }

    /// One scenario calibrated alone: every uncertain number its own parameter.
    public init(draw: ParameterDraw, observations: [Observation]) {
        // One case cannot disagree with itself about a prior.
        try! self.init(cases: [CalibrationCase(name: "", draw: draw, observations: observations)])
    }

    /// All cases' observations, in the order their discrepancies come.
    public var observations: [Observation] { cases.flatMap(\.observations) }

    /// Case `index`'s model parameters with `theta` (in `parameters` order) in place of the draws.
    public func modelParameters(_ theta: [Double], case index: Int = 0) -> ModelParameters {
        let draw = cases[index].draw
        var parameters = draw.base
        for (uncertain, slot) in zip(draw.uncertain, slots[index]) {
            parameters[keyPath: uncertain.target] = theta[slot]
        }
        return parameters
    }

    /// The simulator for `ABCSMC`. For attempt `a` of generation `g`, case c's streams come from
    /// the master seed `seed` mixed with `g`, c and the replicate (replication `a`), the measurement models' draws
    /// from another stream of the same attempt, so a calibration depends only on its seed.
    public func simulator(seed: UInt64) -> ABCSimulator {
        let lookups = cases.map(\.lookup)
        let calibration = self
        let workspaces = WorkspacePool()
        return { theta, index in
            workspaces.withWorkspace { workspace in
                var discrepancies: [Double] = []
                for (number, calibrationCase) in calibration.cases.enumerated() {
                    let seeds = Self.modelSeeds(
                        seed: Self.replicateSeed(seed, replicate: index.replicate), generation: index.generation,
                        case: number)
                    let outcome = Replication.run(
                        parameters: calibration.modelParameters(theta, case: number), seeds: seeds,
                        index: index.attempt,
                        workspace: workspace)
                    let lookup = lookups[number]
                    let run = SimulatedRun(
                        outcome: outcome, schema: lookup.schema, columns: lookup.columns, series: lookup.series)
                    // The same sequence as a new RandomStream of that number, without the allocation.
                    let stream = workspace.streams.stream(
                        Self.measurementStream, replication: index.attempt, seeds: seeds)
                    for observation in calibrationCase.observations {
                        // A fact that does not apply to this run (its `given:` did not happen) says nothing.
                        guard let applies = observation.applies(to: run) else {
                            discrepancies.append(.infinity)
                            continue
                        }
                        guard applies else {
                            discrepancies.append(0)
                            continue
                        }
                        let value = observation.modelValue(in: run, horizon: outcome.endDay, stream: stream)
                        discrepancies.append(value.map(observation.discrepancy) ?? .infinity)
                    }
                }
                return discrepancies
            }
        }
    }

    /// For simulation-based calibration: the observations as the model would have produced them
    /// with the unknowns at `truth` (one replication of each case, seeded from `stream`), each
    /// observation's value replaced by the run's, and a simulator comparing calibration runs with
    /// that synthetic history. The shape of `SimulationBasedCalibration.SimulatorFactory`.
    public func syntheticSimulator(truth: [Double], trial: Int, stream: RandomStream) -> ABCSimulator {
        let seed =
            UInt64(stream.uniformInt(below: Int(UInt32.max))) << 32 | UInt64(stream.uniformInt(below: Int(UInt32.max)))
        var synthetic: [CalibrationCase] = []
        for (number, calibrationCase) in cases.enumerated() {
            let seeds = StreamSeeds(masterSeed: seed ^ UInt64(number))
            let outcome = Replication.run(parameters: modelParameters(truth, case: number), seeds: seeds, index: trial)
            let lookup = calibrationCase.lookup
            let run = SimulatedRun(
                outcome: outcome, schema: lookup.schema, columns: lookup.columns, series: lookup.series)
            // A conditional fact whose condition did not hold in the truth's run is left out of its history.
            let observed = calibrationCase.observations.compactMap { observation -> Observation? in
                guard observation.applies(to: run) == true else { return nil }
                return observation.modelValue(in: run, horizon: outcome.endDay, stream: stream).map(
                    observation.observing)
            }
            synthetic.append(
                CalibrationCase(
                    name: calibrationCase.name, draw: calibrationCase.draw, observations: observed,
                    enginePaths: calibrationCase.enginePaths))
        }
        // The same cases (and so the same parameters) with the synthetic history.
        let copy = try! ScenarioCalibration(cases: synthetic)
        return copy.simulator(seed: seed ^ 0x5BC0_5BC0)
    }

    /// Streams above every model stream (`StreamLayout`'s blocks end below 16 + 2 x 64 + 112).
    static let measurementStream = 255

    /// The master seed of replicate `replicate` of a particle: `seed` itself for the first, so a
    /// calibration with one replication per particle draws what it always drew.
    static func replicateSeed(_ seed: UInt64, replicate: Int) -> UInt64 {
        replicate == 0 ? seed : seed ^ (0xA24B_AED4_963E_E407 &* UInt64(replicate))
    }

    static func modelSeeds(seed: UInt64, generation: Int, case number: Int = 0) -> StreamSeeds {
        StreamSeeds(
            masterSeed: seed ^ (0xD1B5_4A32_D192_ED03 &* UInt64(generation + 1))
                ^ (0x94D0_49BB_1331_11EB &* UInt64(number)))
    }
}

/// Cases that cannot be calibrated together.
public struct CalibrationError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
