import EscalationModel
import Stochastic

extension SweepDesign {
    /// The points of a `--design`: a CSV file's rows, or a Sobol (Saltelli) or Morris design
    /// over the ranges of the scenario's `sweep:` parameters, in the order `DesignSensitivity`
    /// reads the outputs back (see `SaltelliDesign` and `MorrisDesign`).
    ///
    /// The sweep's `method` and `points` play no part in a Sobol or Morris design, only its
    /// parameters: each needs `low` and `high` (a grid's `values:` list has no range to sample),
    /// with `high > low`. A Sobol design takes no seed (the Sobol sequence is fixed); a Morris
    /// design draws its trajectories from a stream of its own derived from `seed`, so the same
    /// seed gives the same trajectories.
    public static func points(of method: DesignMethod, sweep: SweepSpecification?, seed: UInt64) throws
        -> [[SweptValue]]
    {
        let units: [[Double]]
        let option = "--design \(method.argument)"
        switch method {
        case .file(let path):
            return try points(fromCSV: path)
        case .sobol(let baseSamples):
            let parameters = try rangedParameters(sweep, option: option)
            guard parameters.count <= SaltelliDesign.maximumParameters else {
                throw ExperimentError(
                    "\(option): the sweep has \(parameters.count) parameters; a Sobol design takes at most "
                        + "\(SaltelliDesign.maximumParameters) (the Sobol sequence has at most "
                        + "\(SobolSequence.maximumDimensions) dimensions)")
            }
            let count = SaltelliDesign.pointCount(baseSamples: baseSamples, parameters: parameters.count)
            guard baseSamples <= maximumPoints / (parameters.count + 2) else {
                throw ExperimentError(
                    "\(option): \(baseSamples) x (\(parameters.count) parameters + 2) = \(count) points; at most "
                        + "\(maximumPoints), so sobol:\(maximumPoints / (parameters.count + 2)) at most")
            }
            units = SaltelliDesign.unitPoints(baseSamples: baseSamples, parameters: parameters.count)
            return scaled(units, parameters)
        case .morris(let trajectories, let levels):
            let parameters = try rangedParameters(sweep, option: option)
            let count = MorrisDesign.pointCount(trajectories: trajectories, parameters: parameters.count)
            guard trajectories <= maximumPoints / (parameters.count + 1) else {
                throw ExperimentError(
                    "\(option): \(trajectories) x (\(parameters.count) parameters + 1) = \(count) points; at most "
                        + "\(maximumPoints), so morris:\(maximumPoints / (parameters.count + 1)) at most")
            }
            // Like the Latin hypercube, the design's own stream: the last stream of replication 0
            // of a seed mixed from the master seed (with another constant), so it never shares a
            // seed with the replications' streams or the Latin hypercube's.
            let stream = RandomStream(
                seeds: StreamSeeds(masterSeed: seed ^ 0x4D4F_5252_4953_5452), replication: 0,
                stream: StreamSeeds.maxStreams - 1)
            units = MorrisDesign.unitPoints(
                trajectories: trajectories, parameters: parameters.count, levels: levels, stream: stream)
            return scaled(units, parameters)
        }
    }

    /// The sweep's parameters, each with a range.
    private static func rangedParameters(_ sweep: SweepSpecification?, option: String) throws
        -> [SweepSpecification.Parameter]
    {
        guard let sweep, !sweep.parameters.isEmpty else {
            throw ExperimentError(
                "\(option): the scenario has no sweep: section to take the parameters and their ranges from")
        }
        for parameter in sweep.parameters {
            if parameter.values != nil {
                throw ExperimentError(
                    "\(option): sweep parameter '\(parameter.path)' lists values; a \(optionName(option)) "
                        + "design samples a range, so give it low and high")
            }
            guard parameter.low.isFinite, parameter.high.isFinite, parameter.high > parameter.low else {
                throw ExperimentError(
                    "\(option): sweep parameter '\(parameter.path)' needs high > low, got low \(parameter.low) "
                        + "and high \(parameter.high)")
            }
        }
        return sweep.parameters
    }

    private static func optionName(_ option: String) -> String {
        option.contains("morris") ? "Morris" : "Sobol"
    }

    private static func scaled(_ units: [[Double]], _ parameters: [SweepSpecification.Parameter]) -> [[SweptValue]] {
        units.map { unit in
            zip(unit, parameters).map { u, parameter in
                SweptValue(path: parameter.path, value: parameter.low + (parameter.high - parameter.low) * u)
            }
        }
    }
}
