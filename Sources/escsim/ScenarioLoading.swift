import ArgumentParser
import Scenario

/// Loads a scenario or prints every problem, one per line, and exits with status 2.
func loadScenarioOrExit(_ path: String) throws -> Scenario {
    do {
        return try Scenario.load(path: path)
    } catch {
        printError(error.description)
        let count = error.errors.count
        printError("escsim: \(count) problem\(count == 1 ? "" : "s") in \(path); nothing was run")
        throw ExitCode(2)
    }
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
