import Stochastic

/// Prior against posterior for one parameter: what calibration learned about it.
///
/// The prior's figures are exact (`Distribution.mean`, `standardDeviation`, `quantile`). The
/// posterior figures are the weighted ones of the last generation.
public struct ParameterSummary: Sendable, Hashable, Codable {
    /// The parameter's name.
    public let name: String
    public let priorMean: Double
    public let priorSD: Double
    /// The prior's 5%, 50% and 95% quantiles.
    public let priorQuantiles: [Double]
    public let posteriorMean: Double
    public let posteriorSD: Double
    /// The posterior's weighted 5%, 50% and 95% quantiles.
    public let posteriorQuantiles: [Double]

    /// `posteriorSD / priorSD`: near 1, the observations say little about the parameter; near 0,
    /// they pin it down. NaN for a fixed parameter.
    public var contraction: Double { posteriorSD / priorSD }

    /// The levels of `priorQuantiles` and `posteriorQuantiles`.
    public static let quantileLevels: [Double] = [0.05, 0.5, 0.95]

    public init(
        name: String, priorMean: Double, priorSD: Double, priorQuantiles: [Double], posteriorMean: Double,
        posteriorSD: Double, posteriorQuantiles: [Double]
    ) {
        self.name = name
        self.priorMean = priorMean
        self.priorSD = priorSD
        self.priorQuantiles = priorQuantiles
        self.posteriorMean = posteriorMean
        self.posteriorSD = posteriorSD
        self.posteriorQuantiles = posteriorQuantiles
    }

    /// One summary per parameter of `state`, in parameter order; empty before generation 0.
    public static func summaries(of state: ABCState, parameters: [ABCParameter]) -> [ParameterSummary] {
        guard let posterior = state.generations.last else { return [] }
        precondition(parameters.count == state.parameterNames.count, "one ABCParameter per calibrated parameter")
        return parameters.indices.map { k in
            let prior = parameters[k].prior
            let posteriorSample = posterior.marginal(k)
            return ParameterSummary(
                name: parameters[k].name, priorMean: prior.mean, priorSD: prior.standardDeviation,
                // ABCSMC admits only continuous or fixed priors, which all have quantiles.
                priorQuantiles: quantileLevels.map { prior.quantile($0) ?? .nan },
                posteriorMean: posteriorSample.mean, posteriorSD: posteriorSample.standardDeviation,
                posteriorQuantiles: quantileLevels.map(posteriorSample.quantile))
        }
    }
}
