import ArgumentParser
import EscalationModel
import Scenario

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and report every problem with its line and column.",
        discussion: "Exits 0 when the scenario is valid, 2 when it is not. Writes nothing."
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    func run() throws {
        let loaded = try loadScenarioOrExit(scenario)
        let parameters = loaded.baseParameters
        print("\(scenario): ok - '\(loaded.name)': \(parameters.actors.count) actors, "
              + "\(parameters.regions.count) regions, \(parameters.ladder.count) ladder rungs, "
              + "\(loaded.uncertainParameters.count) uncertain parameter(s), horizon \(parameters.horizonDays) days")
    }
}
