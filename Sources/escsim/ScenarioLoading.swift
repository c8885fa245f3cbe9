import ArgumentParser
import Experiments
import Scenario

/// The options every command that reads one scenario shares.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @OptionGroup var whatIf: WhatIfOptions

    /// Loads the scenario or prints every problem, one per line, and exits with status 2.
    func load() throws -> Scenario {
        do {
            return try whatIf.load(scenario)
        } catch {
            printError(error.description)
            printError("escsim: \(error.countDescription) in \(scenario); nothing was run")
            throw ExitCode(2)
        }
    }
}

/// A variant and value overrides applied on top of a scenario file.
struct WhatIfOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Apply the named what-if from the scenario's variants: section.", valueName: "name"),
        completion: .custom(Completions.variantNames))
    var variant: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Override one value: a dotted path and a YAML value, e.g. actors.russia.sorties_per_day=30 or "
                + "'actors.russia.commitment={distribution: beta, mean: 0.8, sd: 0.1}'. Repeatable; applied after --variant.",
            valueName: "path=value"))
    var settings: [String] = []

    func load(_ path: String) throws(ScenarioErrors) -> Scenario {
        try Scenario.load(path: path, variant: variant, settings: settings)
    }
}

/// The master seed, shared by the commands that run replications.
struct SeedOption: ParsableArguments {
    // `.unconditional`: `-s -1` is a bad seed, not a missing value followed by an option.
    @Option(
        name: .shortAndLong, parsing: .unconditional,
        help: "Master seed; every random stream derives from it. Default \(ExperimentPlan.defaultSeed).")
    var seed: UInt64?

    var value: UInt64 { seed ?? ExperimentPlan.defaultSeed }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    var standardError = StandardError()
    print(text, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.standardError(string)
    }
}
