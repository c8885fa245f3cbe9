#if canImport(Glibc)
    // A release build (whole module) may find `struct stat` through Foundation's CoreFoundation
    // headers first and then, with MemberImportVisibility, require that module for `st_mode`.
    import CoreFoundation
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder `escsim calibrate` writes, read for the report's Calibration section:
/// `particles.csv` (every generation of the sequential Monte Carlo, one particle a row; its
/// generation 0 the equally weighted draws from the prior, its last the weighted posterior) and
/// `parameters.csv` (prior and posterior summaries per parameter). Only the first and the last
/// generation are kept, so memory does not grow with the number of generations.
struct CalibrationFolder: Sendable {
    let path: String
    /// The dotted scenario paths of the calibrated parameters, in the order of `particles.csv`.
    let parameters: [String]
    /// Generation 0, one array of values per parameter.
    let prior: [[Double]]
    /// The last generation, one array of values per parameter, and the particles' weights.
    let posterior: [[Double]]
    let weights: [Double]
    /// The number of the last generation.
    let lastGeneration: Int
    /// `parameters.csv` in file order.
    let summaries: [CalibrationParameter]

    static let particlesFile = "particles.csv"
    static let parametersFile = "parameters.csv"
    static let fixedColumns = ["generation", "particle", "weight", "distance"]
    static let parameterColumns = [
        "parameter", "prior_mean", "prior_sd", "prior_p05", "prior_p50", "prior_p95", "posterior_mean",
        "posterior_sd", "posterior_p05", "posterior_p50", "posterior_p95", "sd_ratio",
    ]

    /// Reads and checks the calibration folder at `given`.
    static func load(_ given: String) throws(ReportError) -> CalibrationFolder {
        var path = given
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw ReportError.folderMissing(path) }
            throw ReportError.unreadable(path: path, reason: CSVReader.systemReason(errno))
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw ReportError.notAFolder(path) }
        let particlesPath = path + "/" + particlesFile
        let parametersPath = path + "/" + parametersFile
        for file in [particlesPath, parametersPath] where access(file, F_OK) != 0 {
            throw ReportError.fileMissing(file)
        }

        var names: [String] = []
        var positions: [Int] = []
        var prior: [[Double]] = []
        var posterior: [[Double]] = []
        var weights: [Double] = []
        var last = -1
        try CSVReader(path: particlesPath).forEachRow(requiring: fixedColumns) { row, c throws(ReportError) in
            if positions.isEmpty {
                names = c.names.filter { !fixedColumns.contains($0) }
                positions = names.compactMap { c.position($0) }
                prior = Array(repeating: [], count: names.count)
                posterior = prior
                guard !names.isEmpty else {
                    throw ReportError.badCSV(path: particlesPath, line: 1, reason: "the header names no parameter")
                }
            }
            func bad(_ reason: String) -> ReportError { .badCSV(path: particlesPath, line: row.line, reason: reason) }
            guard let generation = row.number(c["generation"]).flatMap(Int.init(exactly:)), generation >= 0 else {
                throw bad("generation is '\(row.text(c["generation"]))', not a whole number")
            }
            guard let weight = row.number(c["weight"]), weight.isFinite, weight >= 0 else {
                throw bad("weight is '\(row.text(c["weight"]))', not a number of zero or more")
            }
            var values: [Double] = []
            for (name, position) in zip(names, positions) {
                guard let value = row.number(position), value.isFinite else {
                    throw bad("\(name) is '\(row.text(position))', not a finite number")
                }
                values.append(value)
            }
            if generation == 0 {
                for index in values.indices { prior[index].append(values[index]) }
            }
            if generation > last {
                last = generation
                posterior = Array(repeating: [], count: names.count)
                weights = []
            }
            if generation == last {
                for index in values.indices { posterior[index].append(values[index]) }
                weights.append(weight)
            }
        }
        guard prior.first.map({ !$0.isEmpty }) == true else {
            throw ReportError.inconsistent("\(particlesPath) has no particles of generation 0 (the prior's draws)")
        }
        guard weights.reduce(0, +) > 0 else {
            throw ReportError.inconsistent(
                "\(particlesPath): the weights of generation \(last) (the posterior) are all zero")
        }

        var summaries: [CalibrationParameter] = []
        try CSVReader(path: parametersPath).forEachRow(requiring: parameterColumns) { row, c throws(ReportError) in
            var numbers: [Double] = []
            for name in parameterColumns.dropFirst() {
                if row.isEmpty(c[name]) {
                    numbers.append(.nan)
                    continue
                }
                guard let value = row.number(c[name]) else {
                    throw ReportError.badCSV(
                        path: parametersPath, line: row.line, reason: "\(name) is '\(row.text(c[name]))', not a number")
                }
                numbers.append(value)
            }
            summaries.append(
                CalibrationParameter(
                    parameter: row.text(c["parameter"]),
                    prior: .init(mean: numbers[0], sd: numbers[1], p05: numbers[2], p50: numbers[3], p95: numbers[4]),
                    posterior: .init(
                        mean: numbers[5], sd: numbers[6], p05: numbers[7], p50: numbers[8], p95: numbers[9]),
                    sdRatio: numbers[10]))
        }
        return CalibrationFolder(
            path: path, parameters: names, prior: prior, posterior: posterior, weights: weights, lastGeneration: last,
            summaries: summaries)
    }
}

/// One row of `parameters.csv`: a calibrated parameter's prior and posterior in numbers.
struct CalibrationParameter: Sendable, Equatable {
    struct Summary: Sendable, Equatable {
        var mean, sd, p05, p50, p95: Double
    }

    var parameter: String
    var prior: Summary
    var posterior: Summary
    /// Posterior sd over prior sd: well below 1 when the observations taught the model something.
    var sdRatio: Double
}
