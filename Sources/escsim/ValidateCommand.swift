import ArgumentParser
import EscalationModel
import Scenario

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files (and every variant in them) without running them.",
        discussion: """
            Every problem is listed as file:line:column with a message, for every file given. \
            Exits 0 when all files are valid, 2 when any is not. Writes nothing.

            Examples:
              escsim validate Scenarios/aleppo-2024.yaml
              escsim validate Scenarios/*.yaml
              escsim validate my-scenario.yaml --variant russia_air_surge --set actors.russia.sorties_per_day=60
            """
    )

    @Argument(help: "The scenario files (YAML).")
    var scenarios: [String]

    @OptionGroup var whatIf: WhatIfOptions

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario file") }
    }

    func run() throws {
        var failed = 0
        for scenario in scenarios {
            do {
                let loaded = try whatIf.load(scenario)
                report(loaded, file: scenario)
            } catch {
                printError(error.description)
                printError("escsim: \(error.countDescription) in \(scenario)")
                failed += 1
            }
        }
        if failed > 0 {
            if scenarios.count > 1 { printError("escsim: \(failed) of \(scenarios.count) files invalid") }
            throw ExitCode(2)
        }
    }

    private func report(_ loaded: Scenario, file: String) {
        let parameters = loaded.baseParameters
        print(
            "\(file): ok - '\(loaded.name)' (\(loaded.variant)): \(parameters.actors.count) actors, "
                + "\(parameters.regions.count) regions, \(parameters.ladder.count) ladder rungs, "
                + "\(loaded.uncertainParameters.count) uncertain parameter(s), horizon \(parameters.horizonDays) days")
        for variant in loaded.variants {
            print("  variant \(variant.name): \(variant.description) [sets \(variant.paths.joined(separator: ", "))]")
        }
    }
}
