import ArgumentParser
import EscalationModel
import Scenario

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file (and every variant in it) and report every problem with its line and column.",
        discussion: "Exits 0 when the scenario is valid, 2 when it is not. Writes nothing."
    )

    @OptionGroup var options: ScenarioOptions

    func run() throws {
        let loaded = try options.load()
        let parameters = loaded.baseParameters
        print("\(options.scenario): ok - '\(loaded.name)' (\(loaded.variant)): \(parameters.actors.count) actors, "
              + "\(parameters.regions.count) regions, \(parameters.ladder.count) ladder rungs, "
              + "\(loaded.uncertainParameters.count) uncertain parameter(s), horizon \(parameters.horizonDays) days")
        for variant in loaded.variants {
            print("  variant \(variant.name): \(variant.description) [sets \(variant.paths.joined(separator: ", "))]")
        }
    }
}
