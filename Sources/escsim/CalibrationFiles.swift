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
    /// The engine with its calibrated numbers' posteriors, when the cases include one.
    static let posteriorEngine = "engine.posterior.yaml"
    static let all = [posterior, particles, generations, parameters, manifest]

    /// `engine` (an engine file's text) with each calibrated number of `summaries` (shared engine
    /// parameters, named by their dotted paths `section.key`) replaced by a normal with the
    /// posterior's mean and sd, truncated to the range the posterior's particles span: a file the
    /// cases can include instead. Nil when no such number is written in block style in it.
    static func posteriorEngineText(
        _ engine: String, summaries: [ParameterSummary], ranges: [String: (Double, Double)], cases: String
    ) -> String? {
        var lines = engine.components(separatedBy: "\n")
        var replaced = 0
        for summary in summaries {
            let parts = summary.name.split(separator: ".").map(String.init)
            guard parts.count == 2, let range = ranges[summary.name], range.0 < range.1, summary.posteriorSD > 0,
                let section = lines.firstIndex(where: { $0.hasPrefix(parts[0] + ":") })
            else { continue }
            var index = section + 1
            while index < lines.count,
                lines[index].isEmpty || lines[index].hasPrefix(" ") || lines[index].hasPrefix("#")
            {
                let trimmed = lines[index].drop { $0 == " " }
                if trimmed.hasPrefix(parts[1] + ":") {
                    let indent = String(lines[index].prefix { $0 == " " })
                    lines[index] =
                        indent + parts[1] + ": {distribution: normal, mean: \(summary.posteriorMean), "
                        + "sd: \(summary.posteriorSD), low: \(range.0), high: \(range.1)}"
                        + "  # posterior of escsim calibrate on \(cases)"
                    replaced += 1
                    break
                }
                index += 1
            }
        }
        guard replaced > 0 else { return nil }
        return "# Written by escsim calibrate: the engine with its calibrated numbers' posteriors (normals with the\n"
            + "# posterior's mean and sd, truncated to the range of its particles), for cases to include.\n"
            + lines.joined(separator: "\n")
    }

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

    static func parametersCSV(_ summaries: [ParameterSummary]) -> String {
        var table = CSVTable(header: [
            "parameter", "prior_mean", "prior_sd", "prior_p05", "prior_p50", "prior_p95", "posterior_mean",
            "posterior_sd", "posterior_p05", "posterior_p50", "posterior_p95", "sd_ratio",
        ])
        for s in summaries {
            table.append(
                [.text(s.name), .number(s.priorMean), .number(s.priorSD)] + s.priorQuantiles.map(CSVField.number)
                    + [.number(s.posteriorMean), .number(s.posteriorSD)] + s.posteriorQuantiles.map(CSVField.number)
                    + [.number(s.contraction)])
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
