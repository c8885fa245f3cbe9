import Backtest
import Experiments
import Foundation

/// The files of a calibration: `posterior.csv` (the last generation's weighted particles, what
/// `run --posterior` reads), `particles.csv` (every generation's, for plots of prior against
/// posterior), `generations.csv` (tolerance, acceptance, effective sample size per generation),
/// `parameters.csv` (prior against posterior per parameter) and `calibration.json`.
enum CalibrationFiles {
    static let posterior = "posterior.csv"
    static let particles = "particles.csv"
    static let generations = "generations.csv"
    static let parameters = "parameters.csv"
    static let manifest = "calibration.json"
    /// The engine with its calibrated numbers' posteriors, when the cases include one
    /// (`CalibratedEngineFile`).
    static let posteriorEngine = "engine.posterior.yaml"
    static let all = [posterior, particles, generations, parameters, manifest]

    static func posteriorCSV(_ state: ABCState) -> String {
        var table = CSVTable(header: ["particle", "weight", "distance"] + state.parameterNames)
        guard let last = state.posterior else { return table.text }
        for (index, particle) in last.particles.enumerated() {
            table.append(
                [.integer(index), .number(last.weights[index]), .number(last.distances[index])]
                    + particle.map(CSVField.number))
        }
        return table.text
    }

    static func particlesCSV(_ state: ABCState) -> String {
        var table = CSVTable(header: ["generation", "particle", "weight", "distance"] + state.parameterNames)
        for generation in state.generations {
            for (index, particle) in generation.particles.enumerated() {
                table.append(
                    [
                        .integer(generation.index), .integer(index), .number(generation.weights[index]),
                        .number(generation.distances[index]),
                    ] + particle.map(CSVField.number))
            }
        }
        return table.text
    }

    static func generationsCSV(_ state: ABCState) -> String {
        var table = CSVTable(
            header: [
                "generation", "tolerance", "acceptance_rate", "attempts", "effective_sample_size", "median_distance",
            ])
        for generation in state.generations {
            let sorted = generation.distances.sorted()
            table.append([
                .integer(generation.index), .number(generation.tolerance ?? .nan), .number(generation.acceptanceRate),
                .integer(generation.attempts), .number(generation.effectiveSampleSize),
                .number(sorted.isEmpty ? .nan : sorted[sorted.count / 2]),
            ])
        }
        return table.text
    }

    /// One row per parameter; the last three columns are the screening's (`ParameterScreening`):
    /// the rank correlation with the distance over generation 0, its p-value, and whether the
    /// parameter was calibrated (1) or kept drawing from its prior (0); empty without screening.
    static func parametersCSV(_ summaries: [ParameterSummary], screening: ParameterScreening? = nil) -> String {
        var table = CSVTable(header: [
            "parameter", "prior_mean", "prior_sd", "prior_p05", "prior_p50", "prior_p95", "posterior_mean",
            "posterior_sd", "posterior_p05", "posterior_p50", "posterior_p95", "sd_ratio", "rank_correlation",
            "screening_p", "calibrated",
        ])
        let calibrated = Set(screening?.calibrated ?? [])
        for (k, s) in summaries.enumerated() {
            let screened: [CSVField] =
                screening.map {
                    [.number($0.rankCorrelations[k]), .number($0.pValues[k]), .integer(calibrated.contains(k) ? 1 : 0)]
                }
                ?? [.text(""), .text(""), .text("")]
            table.append(
                [.text(s.name), .number(s.priorMean), .number(s.priorSD)] + s.priorQuantiles.map(CSVField.number)
                    + [.number(s.posteriorMean), .number(s.posteriorSD)] + s.posteriorQuantiles.map(CSVField.number)
                    + [.number(s.contraction)] + screened)
        }
        return table.text
    }

    /// What `calibration.json` records.
    struct Manifest: Encodable {
        /// One calibrated scenario and the files it read.
        struct Case: Encodable {
            var scenario: String
            var scenarioSHA256: String
            var observations: String
            var observationsSHA256: String
            var engine: String?
            var engineSHA256: String?
        }
        var escsimVersion: String
        var cases: [Case]
        var observationCount: Int
        var variant: String?
        var settings: [String]
        var seed: UInt64
        var populationSize: Int
        var maxGenerations: Int
        var quantile: Double
        var minimumAcceptanceRate: Double
        var particleReplications: Int
        var screeningLevel: Double?
        var maxCalibrated: Int
        /// The parameters generations 1, 2, ... calibrated (all of them without screening).
        var calibratedParameters: [String]
        var generations: Int
        var simulations: Int
        var stopReason: String
        var wallTimeSeconds: Double
        var threads: Int
        var commandLine: [String]
        var files: [String]
    }

    static func manifestJSON(_ manifest: Manifest) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(manifest), as: UTF8.self) + "\n"
    }
}
