import DiscreteEvent
import EscalationModel
import Foundation
import Scenario
import Stochastic

/// The points of a parameter sweep, as `path=value` settings per point: from the scenario's
/// `sweep:` section (a full grid, or a Latin hypercube drawn from the master seed) or from a
/// design made elsewhere (a CSV file, one row per point, one column per dotted path).
public enum SweepDesign {
    /// The most points a sweep may have.
    public static let maximumPoints = 10_000

    public static func points(of scenario: Scenario, seed: UInt64) throws -> [[String]] {
        guard let sweep = scenario.sweep else {
            throw ExperimentError("--sweep: the scenario has no sweep: section")
        }
        var columns: [[Double]] = []
        switch sweep.method {
        case .grid:
            let axes = sweep.parameters.map { parameter -> [Double] in
                parameter.values ?? (0..<parameter.steps).map {
                    parameter.low + (parameter.high - parameter.low) * Double($0) / Double(parameter.steps - 1)
                }
            }
            let total = axes.reduce(1) { $0 * $1.count }
            guard total <= maximumPoints else { throw ExperimentError("--sweep: the grid has \(total) points; at most \(maximumPoints)") }
            columns = axes.map { _ in [] }
            for point in 0..<total {
                var rest = point
                for (axis, values) in axes.enumerated().reversed() {
                    columns[axis].append(values[rest % values.count])
                    rest /= values.count
                }
            }
        case .latinHypercube:
            // The design's own stream: replication 0, the last stream, of a seed mixed from the master seed,
            // so it never shares a seed with the replications' streams.
            let stream = RandomStream(seeds: StreamSeeds(masterSeed: seed ^ 0x5357_4545_5044_4553), replication: 0,
                                      stream: StreamSeeds.maxStreams - 1)
            let unit = LatinHypercube.sample(points: sweep.points, dimensions: sweep.parameters.count, stream: stream)
            columns = sweep.parameters.enumerated().map { dimension, parameter in
                unit.map { parameter.low + (parameter.high - parameter.low) * $0[dimension] }
            }
        }
        let count = columns.first?.count ?? 0
        return (0..<count).map { point in
            sweep.parameters.enumerated().map { "\($1.path)=\(NumberFormat.csv(columns[$0][point]))" }
        }
    }

    /// Reads a design CSV: a header of dotted paths, then one row of numbers per point.
    public static func points(fromCSV path: String) throws -> [[String]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExperimentError("--design: cannot read \(path)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).filter { !$0.isEmpty }
        guard let header = lines.first else { throw ExperimentError("\(path):1:1: the design is empty") }
        let paths = header.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        }
        var points: [[String]] = []
        for (number, line) in lines.dropFirst().enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == paths.count else {
                throw ExperimentError("\(path):\(number + 2):1: \(cells.count) values for \(paths.count) columns")
            }
            var settings: [String] = []
            for (column, cell) in cells.enumerated() {
                let text = cell.trimmingCharacters(in: .whitespaces)
                guard Double(text)?.isFinite == true else {
                    throw ExperimentError("\(path):\(number + 2):\(column + 1): '\(text)' is not a finite number")
                }
                settings.append("\(paths[column])=\(text)")
            }
            points.append(settings)
        }
        guard !points.isEmpty else { throw ExperimentError("\(path):2:1: the design has no points") }
        guard points.count <= maximumPoints else { throw ExperimentError("--design: at most \(maximumPoints) points") }
        return points
    }
}
