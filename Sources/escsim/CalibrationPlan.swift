import Backtest
import Experiments
import Foundation

/// What a calibration folder holds beside its checkpoint, to resume it: each case's scenario,
/// observations and engine as text (not just their paths), the variant and `--set` values, and
/// the calibrator's settings. A resumed calibration rebuilds everything from it.
struct CalibrationPlan: Codable, Equatable {
    /// One scenario with its observations.
    struct Case: Codable, Equatable {
        var scenarioFile: String
        var scenarioText: String
        var observationsFile: String
        var observationsText: String
        /// The engine file the scenario includes, as read when the calibration began.
        var engineFile: String?
        var engineText: String?
    }

    var escsimVersion: String
    var cases: [Case]
    var variant: String?
    var settings: [String]
    var abc: ABCSettings

    static let file = "calibration-plan.json"
    static let stateFile = "calibration-state.json"

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    static func read(from path: String) throws -> CalibrationPlan {
        try JSONDecoder().decode(CalibrationPlan.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
