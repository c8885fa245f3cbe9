import Foundation
import Testing

/// One broken scenario of `Tests/Fixtures/invalid/` and what escsim must say about it.
struct InvalidScenarioCase: Sendable, CustomTestStringConvertible {
    var fixture: String
    var arguments: [String] = []
    var status: Int32 = -1
    var stderr: [String] = []

    /// The path as the test passes it, relative to the package root, and as every message names it.
    var path: String { "\(InvalidScenarioCase.folder)/\(fixture)" }
    var testDescription: String { fixture }

    static let folder = "Tests/Fixtures/invalid"
    /// The valid scenario each fixture breaks one thing of.
    static let base = "\(folder)/base/minimal.yaml"

    struct FormatError: Error {
        let line: String
    }

    /// The blocks of `expected.txt` (its header says the format).
    static func load() throws -> [InvalidScenarioCase] {
        let url = CLI.packageRoot.appendingPathComponent("\(folder)/expected.txt")
        var cases: [InvalidScenarioCase] = []
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        {
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                cases.append(InvalidScenarioCase(fixture: String(line.dropFirst().dropLast())))
            } else if line.hasPrefix("! ") {
                cases[cases.count - 1].stderr.append(String(line.dropFirst(2)))
            } else if line.hasPrefix("status "), let status = Int32(line.dropFirst(7)) {
                cases[cases.count - 1].status = status
            } else if line.hasPrefix("args\t") {
                cases[cases.count - 1].arguments = line.split(separator: "\t").dropFirst().map(String.init)
            } else {
                throw FormatError(line: String(line))
            }
        }
        return cases
    }

    static let all: [InvalidScenarioCase] = (try? load()) ?? []
}

/// The hostile-input corpus: every broken scenario gets its exact lines (file:line:column and a
/// sentence), exit status 2 (64 for bad arguments), nothing on standard output and nothing written.
@Suite(.serialized) struct InvalidScenarioCorpusTests {
    /// A scratch folder to run escsim in, holding only a link to the package's `Tests` folder, so
    /// that fixture paths stay relative (`Tests/Fixtures/invalid/...`) and anything escsim wrote
    /// would show up beside the link.
    static func workspace() throws -> URL {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.createSymbolicLink(
            at: directory.appendingPathComponent("Tests"),
            withDestinationURL: CLI.packageRoot.appendingPathComponent("Tests"))
        return directory
    }

    static func contents(of directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    @Test func theCorpusHasAnExpectationForEveryFixtureAndAtLeastForty() throws {
        let cases = try InvalidScenarioCase.load()
        let files = try FileManager.default.contentsOfDirectory(
            atPath: CLI.packageRoot.appendingPathComponent(InvalidScenarioCase.folder).path
        ).filter { $0.hasSuffix(".yaml") }
        #expect(Set(cases.map(\.fixture)) == Set(files))
        #expect(cases.count == Set(cases.map(\.fixture)).count, "a fixture is listed twice")
        #expect(files.count >= 40)
        for entry in cases {
            #expect(entry.status == 2, "\(entry.fixture): status \(entry.status)")
            #expect(entry.stderr.count >= 2, "\(entry.fixture): no expected lines")
        }
    }

    @Test(arguments: InvalidScenarioCase.all)
    func validateSaysExactlyWhatIsWrong(_ entry: InvalidScenarioCase) throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["validate", entry.path] + entry.arguments, in: directory)
        #expect(result.status == entry.status)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(Self.lines(result.stderr) == entry.stderr)
        #expect(try Self.contents(of: directory) == ["Tests"])
    }

    /// `run` refuses the same files before it creates its output folder.
    @Test(arguments: [
        "01-unclosed-flow-list.yaml", "25-absurd-fighters.yaml", "34-horizon-absurd.yaml",
        "52-disconnected-region.yaml", "62-unknown-variant-on-command-line.yaml",
        "69-utf16-little-endian.yaml",
    ])
    func runWritesNothingForABrokenScenario(_ fixture: String) throws {
        let entry = try #require(InvalidScenarioCase.all.first { $0.fixture == fixture })
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        let result = try CLI.run(["run", entry.path, "-r", "5", "-o", out.path] + entry.arguments, in: directory)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        let lines = Self.lines(result.stderr)
        #expect(Array(lines.dropLast()) == Array(entry.stderr.dropLast()))
        #expect(lines.last?.hasSuffix("; nothing was run") == true, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try Self.contents(of: directory) == ["Tests"])
    }

    // MARK: - Cases that cannot be files in the repository

    /// Runs `escsim validate FILE` in `directory` and checks the whole of standard error.
    func expectRefusal(
        _ file: String, in directory: URL, arguments: [String] = [], _ problems: [String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let before = try Self.contents(of: directory)
        let result = try CLI.run(["validate", file] + arguments, in: directory)
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        #expect(result.status == 2, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(Self.lines(result.stderr) == problems + ["escsim: \(count) in \(file)"], sourceLocation: sourceLocation)
        #expect(try Self.contents(of: directory) == before, sourceLocation: sourceLocation)
    }

    @Test func aMissingFileAndAFolderAreNamedAsSuch() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = "\(InvalidScenarioCase.folder)/no-such-scenario.yaml"
        try expectRefusal(missing, in: directory, ["\(missing):1:1: no such scenario file"])
        try expectRefusal(
            InvalidScenarioCase.folder, in: directory,
            ["\(InvalidScenarioCase.folder):1:1: is a directory, not a scenario file"])
    }

    /// 9 MiB: a valid scenario padded with comments past ScenarioSource's 8 MiB limit.
    @Test func aFileOfSeveralMegabytesIsRefusedByItsSize() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let valid = try String(
            contentsOfFile: CLI.packageRoot.appendingPathComponent(
                InvalidScenarioCase.base
            ).path, encoding: .utf8)
        let padding = String(repeating: "# " + String(repeating: "x", count: 1021) + "\n", count: 9 * 1024)
        let text = valid + padding
        try text.write(to: directory.appendingPathComponent("big.yaml"), atomically: true, encoding: .utf8)
        let size = text.utf8.count
        try expectRefusal(
            "big.yaml", in: directory,
            [
                "big.yaml:1:1: file is too large for a scenario: \(size) bytes, and a scenario may have at most 8388608 (8 MiB)"
            ])
    }

    @Test func deepNestingIsRefusedBeforeTheParserRecursesIntoIt() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let flow = "escsim: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        try flow.write(to: directory.appendingPathComponent("flow.yaml"), atomically: true, encoding: .utf8)
        // The document's mapping is level 1, so the 128th '[' (after "escsim: ") opens level 129.
        try expectRefusal(
            "flow.yaml", in: directory,
            [
                "flow.yaml:1:136: YAML nested deeper than 128 levels; a scenario needs at most a handful"
            ])
        // Block mappings indented one space per level: line 129's mapping is level 129.
        let block = (0..<1_100).map { String(repeating: " ", count: $0) + "a:\n" }.joined()
        try block.write(to: directory.appendingPathComponent("block.yaml"), atomically: true, encoding: .utf8)
        try expectRefusal(
            "block.yaml", in: directory,
            [
                "block.yaml:129:129: YAML nested deeper than 128 levels; a scenario needs at most a handful"
            ])
    }

    /// Ten anchors, each a list of ten aliases of the one before: 10^10 values if expanded. Refused
    /// at the alias that takes the expansion past 100,000 (the eighth '*lol3' of line 8, column 63),
    /// before anything is composed or walked; AliasExpansionTests checks the count it stops at.
    @Test func anAliasBombIsRefusedAtTheAliasNotExpanded() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines = [
            "escsim: 1", "name: laughs", "horizon_days: 10",
            "lol0: &lol0 [" + Array(repeating: "lol", count: 10).joined(separator: ", ") + "]",
        ]
        for level in 1..<10 {
            lines.append(
                "lol\(level): &lol\(level) ["
                    + Array(repeating: "*lol\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        try (lines.joined(separator: "\n") + "\n").write(
            to: directory.appendingPathComponent("laughs.yaml"),
            atomically: true, encoding: .utf8)
        try expectRefusal(
            "laughs.yaml", in: directory,
            [
                "laughs.yaml:8:63: alias '*lol3' brings the values repeated through aliases past 100000 (anchors whose "
                    + "content uses aliases grow exponentially); write the values out, or use fewer aliases"
            ])

        // The same through --set, whose value is YAML too.
        let minimal = InvalidScenarioCase.base
        let tens = (0..<4).map { level -> String in
            let item = level == 0 ? "1" : "*l\(level - 1)"
            return "&l\(level) [" + Array(repeating: item, count: 10).joined(separator: ", ") + "]"
        }
        let bomb =
            "description=[" + tens.joined(separator: ", ") + ", ["
            + Array(repeating: "*l3", count: 10).joined(separator: ", ") + "]]"
        let result = try CLI.run(["validate", minimal, "--set", bomb], in: directory)
        #expect(result.status == 2)
        #expect(
            Self.lines(result.stderr) == [
                "--set:1:1: alias '*l3' brings the values repeated through aliases past 100000 (anchors whose "
                    + "content uses aliases grow exponentially); write the values out, or use fewer aliases",
                "escsim: 1 problem in \(minimal)",
            ])
    }

    /// A pasted paragraph as a key is quoted in part, so the problem stays one readable line.
    @Test func aHugeUnknownKeyIsQuotedShort() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let valid = try String(
            contentsOfFile: CLI.packageRoot.appendingPathComponent(
                InvalidScenarioCase.base
            ).path, encoding: .utf8)
        let key = String(repeating: "horizon", count: 140)  // 980 characters; libyaml takes keys up to 1024
        try (valid + "\(key): 1\n").write(
            to: directory.appendingPathComponent("long.yaml"), atomically: true,
            encoding: .utf8)
        try expectRefusal(
            "long.yaml", in: directory,
            [
                "long.yaml:14:1: unknown key '\(key.prefix(57))...' in the scenario"
            ])
    }

    /// More actors than the model has streams for: refused by their count, not checked one by one.
    @Test func tooManyActorsAreRefusedByTheirCount() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let valid = try String(
            contentsOfFile: CLI.packageRoot.appendingPathComponent(
                InvalidScenarioCase.base
            ).path, encoding: .utf8)
        let extra = (0..<70).map { "  militia\($0): {side: opposition, field_strength: 10}\n" }.joined()
        let text = valid.replacingOccurrences(of: "actors:\n", with: "actors:\n" + extra)
        try text.write(to: directory.appendingPathComponent("crowd.yaml"), atomically: true, encoding: .utf8)
        try expectRefusal("crowd.yaml", in: directory, ["crowd.yaml:5:3: at most 64 actors are supported, got 72"])
    }

    /// -r 0 and -r 10^10 are usage errors (64), found before the scenario is read.
    @Test(arguments: ["0", "10000000000"])
    func anAbsurdReplicationCountIsAUsageError(_ count: String) throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let minimal = InvalidScenarioCase.base
        let result = try CLI.run(["run", minimal, "-r", count, "-o", "out"], in: directory)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(Self.lines(result.stderr).first == "Error: --replications must be between 1 and 16777215.")
        #expect(try Self.contents(of: directory) == ["Tests"])
    }

    /// A UTF-8 byte-order mark (what some Windows editors write) carries no information: the file
    /// loads, and runs, as if it were not there. UTF-16 and UTF-32 are refused (fixtures 69-72).
    @Test func aUTF8ByteOrderMarkBeforeAValidScenarioIsAccepted() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let valid = try Data(
            contentsOf: CLI.packageRoot.appendingPathComponent(
                InvalidScenarioCase.base))
        try (Data([0xEF, 0xBB, 0xBF]) + valid).write(to: directory.appendingPathComponent("bom.yaml"))
        let result = try CLI.run(["validate", "bom.yaml"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("bom.yaml: ok - 'minimal' (baseline): 2 actors, 2 regions"))
        let run = try CLI.run(["run", "bom.yaml", "-r", "3", "--quiet", "-o", "out"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/manifest.json").path))
    }
}
