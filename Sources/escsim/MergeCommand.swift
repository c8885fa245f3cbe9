import ArgumentParser
import Experiments
import Scenario

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the output folders of the shards of one batch into the files of a single run.",
        discussion: """
            Checks that the folders are the shards of one batch (same scenario text and SHA-256, seed, \
            replications, variants and settings; shard indices 0..N-1 each once, each complete), then \
            writes files byte-identical to those of the same batch run on one machine.

            Example (four shards, e.g. the tasks of a Slurm job array; see docs/cluster.md):
              escsim run Scenarios/aleppo-2024.yaml -r 20000 --shard 0/4 -o out/shard-0   (and 1/4, 2/4, 3/4)
              escsim merge out/shard-0 out/shard-1 out/shard-2 out/shard-3 -o out/all
            """
    )

    @Argument(help: "Shard output folders (from escsim run --shard).")
    var directories: [String]

    @Option(name: .shortAndLong, help: "Folder for the merged files.")
    var out: String

    @Flag(
        help: ArgumentHelp(
            "Write into a folder escsim did not make, or over files it did not write: same-named "
                + "files are replaced, nothing else is removed."))
    var force = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out is empty; give a folder.") }
        if directories.isEmpty { throw ValidationError("Give the shard folders to merge.") }
    }

    func run() throws {
        do {
            let manifest = try BatchMerge.merge(
                directories: directories, into: out, commandLine: CommandLine.arguments,
                force: force, compile: PlanCompiler.compile)
            if !quiet {
                print(
                    "merged \(directories.count) shard(s): \(manifest.replicationsDone) replications x "
                        + "\(manifest.variants.count) variant(s) into \(out)/ "
                        + "(\(manifest.files.joined(separator: ", ")), manifest.json)")
            }
        } catch let error as FileWriteError {
            printError("escsim: \(error)")
            throw ExitCode(1)
        } catch let error as BatchFolderError {
            for problem in error.problems { printError("escsim: \(problem)") }
            throw ExitCode(1)
        } catch let error as ScenarioErrors {
            printError(error.description)
            printError("escsim: \(error.countDescription) in a shard's scenario; nothing was merged")
            throw ExitCode(2)
        } catch {
            printError("escsim: \(error)")
            throw ExitCode(2)
        }
    }
}
