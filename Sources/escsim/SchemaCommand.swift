import ArgumentParser
import Foundation
import Scenario

/// Writes the files generated from the model's catalogues (`make generate`): the JSON Schema, the
/// key tables of docs/scenario-format.md and the fuzz dictionary from the parameter catalogue,
/// and the outcome and daily series tables of docs/outputs.md from the outcome and daily series
/// catalogues. Hidden: it is for
/// the people who change the model, not for analysts.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Check or write the files generated from the parameter, outcome and daily series catalogues.",
        discussion: """
            Without --write, lists each generated file as up to date or stale and exits 1 when any \
            is stale. With --write, writes the stale ones.
            """,
        shouldDisplay: false
    )

    @Flag(help: "Write the generated files instead of only checking them.")
    var write = false

    @Option(help: "The repository's root folder.")
    var root = "."

    func run() throws {
        let files: [ScenarioFormatFiles.File]
        do {
            files = try ScenarioFormatFiles.files(root: URL(fileURLWithPath: root))
        } catch {
            printError("escsim: \(error)")
            throw ExitCode(1)
        }
        var stale = 0
        for file in files {
            guard file.isStale else {
                print("up to date: \(file.path)")
                continue
            }
            if write {
                do {
                    try file.generated.write(
                        to: URL(fileURLWithPath: root).appendingPathComponent(file.path),
                        atomically: true, encoding: .utf8)
                } catch {
                    printError("escsim: cannot write \(file.path): \(error.localizedDescription)")
                    throw ExitCode(1)
                }
                print("wrote: \(file.path)")
            } else {
                print("stale: \(file.path) (run `make generate`)")
                stale += 1
            }
        }
        if stale > 0 { throw ExitCode(1) }
    }
}
