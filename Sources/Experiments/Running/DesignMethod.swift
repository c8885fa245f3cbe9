import Stochastic

/// What `escsim run --design ARGUMENT` asks for: the points of a CSV file, a Saltelli design
/// for Sobol indices over the scenario's `sweep:` ranges, or Morris trajectories over them.
///
///     --design points.csv      .file("points.csv")
///     --design sobol:512       .sobol(baseSamples: 512)      512 (k + 2) points
///     --design morris:20       .morris(trajectories: 20, levels: 4)   20 (k + 1) points
///     --design morris:20:6     .morris(trajectories: 20, levels: 6)
///
/// An argument that starts with `sobol:` or `morris:` is always a method (a file of that name
/// can be given as `./sobol:...`); anything else is a file.
public enum DesignMethod: Sendable, Hashable {
    case file(String)
    case sobol(baseSamples: Int)
    case morris(trajectories: Int, levels: Int)

    /// Parses a `--design` argument; a malformed method is one `ExperimentError` that shows
    /// the accepted forms.
    public init(argument: String) throws {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func whole(_ text: String, _ what: String, example: String) throws -> Int {
            guard let value = Int(text), value >= 1 else {
                throw ExperimentError(
                    "--design: '\(argument)': \(what) must be a whole number of at least 1, got '\(text)'; "
                        + "e.g. \(example)")
            }
            return value
        }
        switch parts.count > 1 ? parts[0] : "" {
        case "sobol":
            guard parts.count == 2 else {
                throw ExperimentError("--design: '\(argument)': write sobol:N, N base samples, e.g. sobol:512")
            }
            self = .sobol(baseSamples: try whole(parts[1], "the number of base samples", example: "sobol:512"))
        case "morris":
            guard parts.count == 2 || parts.count == 3 else {
                throw ExperimentError(
                    "--design: '\(argument)': write morris:R (R trajectories) or morris:R:L (L grid levels), "
                        + "e.g. morris:20 or morris:20:4")
            }
            let trajectories = try whole(parts[1], "the number of trajectories", example: "morris:20")
            var levels = MorrisDesign.defaultLevels
            if parts.count == 3 {
                guard let value = Int(parts[2]), value >= 2, value % 2 == 0 else {
                    throw ExperimentError(
                        "--design: '\(argument)': the number of levels must be even and at least 2, "
                            + "got '\(parts[2])'; e.g. morris:\(trajectories):4")
                }
                levels = value
            }
            self = .morris(trajectories: trajectories, levels: levels)
        default:
            guard !argument.isEmpty else {
                throw ExperimentError("--design: give a CSV file, sobol:N or morris:R[:L]")
            }
            self = .file(argument)
        }
    }

    /// The method's name in `manifest.json`'s `design.method`.
    public var name: String {
        switch self {
        case .file: "file"
        case .sobol: "sobol"
        case .morris: "morris"
        }
    }

    /// The method as written on the command line.
    public var argument: String {
        switch self {
        case .file(let path): path
        case .sobol(let baseSamples): "sobol:\(baseSamples)"
        case .morris(let trajectories, let levels):
            levels == MorrisDesign.defaultLevels ? "morris:\(trajectories)" : "morris:\(trajectories):\(levels)"
        }
    }
}
