import Experiments
import Foundation

/// An output folder read for `escsim sensitivity`: `manifest.json`'s `design` object,
/// `experiments.csv` (designs only), `replications.csv` and `draws.csv`, as described in
/// docs/outputs.md and docs/sensitivity.md, turned into a `DesignSensitivity`.
///
/// Tolerated: a folder from before `draws.csv` existed, whose drawn values are the dotted
/// columns at the end of `replications.csv`; a plain run (no `design`), analysed per variant.
enum SensitivityFolder {
    static func load(_ directory: String) throws -> DesignSensitivity {
        let manifestPath = directory + "/manifest.json"
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw CSVFileError("\(directory) is not an escsim output folder: it has no readable manifest.json")
        }
        // The design as the run recorded it (the same Codable type), the rest of the manifest unread.
        struct Recorded: Decodable {
            var design: DesignDescription?
        }
        let design: DesignDescription?
        do {
            design = try JSONDecoder().decode(Recorded.self, from: data).design
        } catch {
            throw CSVFileError("\(manifestPath): not a manifest with a readable \"design\" (\(Self.reason(error)))")
        }
        var method = DesignSensitivity.Method.other
        var parameters: [DesignSensitivity.Parameter] = []
        if let design {
            method = DesignSensitivity.Method(design)
            if ["sobol", "morris"].contains(design.method), method == .other {
                throw CSVFileError(
                    "\(manifestPath): a \(design.method) design needs "
                        + (design.method == "sobol" ? "base_samples" : "trajectories"))
            }
            parameters = design.parameters.map(DesignSensitivity.Parameter.init)
            for (index, parameter) in parameters.enumerated()
            where method != .other
                && !(parameter.low.isFinite && parameter.high.isFinite && parameter.high > parameter.low)
            {
                throw CSVFileError(
                    "\(manifestPath): design.parameters[\(index)] ('\(parameter.path)') needs low < high")
            }
        }

        var experiments: [DesignSensitivity.Experiment] = []
        if design != nil {
            let table = try CSVFile.read(directory + "/experiments.csv")
            let variant = try table.column("variant")
            let point = try table.column("point")
            let policy = try table.column("policy")
            if parameters.isEmpty {
                // A design file's manifest may list paths only through experiments.csv.
                parameters = table.header.dropFirst(3).map { .init(path: $0, low: .nan, high: .nan) }
            }
            let columns = try parameters.map { try table.column($0.path) }
            for row in table.rows.indices {
                let number = try table.number(row: row, column: point)
                guard number.isFinite, number >= 1, number == number.rounded() else {
                    throw CSVFileError("\(table.path):\(table.lines[row]): point must be a whole number from 1")
                }
                experiments.append(
                    .init(
                        variant: table.rows[row][variant], point: Int(number), policy: table.rows[row][policy],
                        sweptValues: try columns.map { try table.number(row: row, column: $0) }))
            }
        }

        let runs = try CSVFile.read(directory + "/replications.csv")
        let fixed = ["variant", "replication", "status", "error", "end_state"]
        guard Array(runs.header.prefix(fixed.count)) == fixed else {
            throw CSVFileError("\(runs.path):1: the header must start with \(fixed.joined(separator: ","))")
        }
        let outcomeColumns = runs.header.indices.dropFirst(fixed.count).filter { !runs.header[$0].contains(".") }
        let oldDrawColumns = runs.header.indices.dropFirst(fixed.count).filter { runs.header[$0].contains(".") }

        // Draws by (variant, replication): draws.csv, or the old trailing dotted columns.
        var drawNames: [String] = []
        var draws: [String: [Double]] = [:]
        let drawsPath = directory + "/draws.csv"
        let hasDrawsFile = FileManager.default.fileExists(atPath: drawsPath)
        if hasDrawsFile {
            let table = try CSVFile.read(drawsPath)
            let variant = try table.column("variant")
            let replication = try table.column("replication")
            let columns = table.header.indices.filter { $0 != variant && $0 != replication }
            drawNames = columns.map { table.header[$0] }
            for row in table.rows.indices {
                draws[table.rows[row][variant] + "\u{0}" + table.rows[row][replication]] = try columns.map {
                    try table.number(row: row, column: $0)
                }
            }
        } else {
            drawNames = oldDrawColumns.map { runs.header[$0] }
        }

        var replications: [DesignSensitivity.Replication] = []
        for row in runs.rows.indices where runs.rows[row][2] == "ok" {
            let key = runs.rows[row][0] + "\u{0}" + runs.rows[row][1]
            let drawn =
                hasDrawsFile
                ? draws[key] ?? [] : try oldDrawColumns.map { try runs.number(row: row, column: $0) }
            guard drawn.count == drawNames.count else {
                throw CSVFileError(
                    "\(runs.path):\(runs.lines[row]): variant \(runs.rows[row][0]), replication "
                        + "\(runs.rows[row][1]) has no row in draws.csv")
            }
            guard let index = Int(runs.rows[row][1]), index >= 0 else {
                throw CSVFileError(
                    "\(runs.path):\(runs.lines[row]): replication must be a whole number from 0, got "
                        + "'\(runs.rows[row][1])'")
            }
            replications.append(
                .init(
                    variant: runs.rows[row][0], replication: index,
                    outcomes: try outcomeColumns.map { try runs.number(row: row, column: $0) }, draws: drawn))
        }
        return DesignSensitivity(
            method: method, parameters: parameters, experiments: experiments,
            outcomeNames: outcomeColumns.map { runs.header[$0] }, drawNames: drawNames, replications: replications)
    }

    /// A decoding error in a few words: which key, and what was wrong.
    private static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?:
            return "missing '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        case .dataCorrupted(let context)?:
            return context.debugDescription
        default:
            return "\(error)"
        }
    }
}
