import Foundation
import Testing

/// `escsim trace` with hostile or awkward scenarios: what reaches the terminal and events.csv.
@Suite struct TraceCommandTests {
    /// The minimal valid scenario with a title, display names and max_events of our choosing.
    private func scenario(
        in dir: URL, title: String, rebels: String = "Rebels", government: String = "Government",
        maxEvents: Int? = nil
    ) throws -> String {
        let text = """
            escsim: 1
            name: hostile
            title: \(title)
            horizon_days: 10
            \(maxEvents.map { "max_events: \($0)" } ?? "")
            actors:
              rebels: {name: \(rebels), side: opposition, field_strength: 1000, assaults_per_day: 1}
              government: {name: \(government), side: loyalist, field_strength: 1000}
            regions:
              north: {controller: rebels, population: 1000, garrison: 100, neighbours: [south]}
              south: {controller: government, population: 1000, garrison: 100, neighbours: []}
            ladder:
              - {id: calm, trigger: start}
              - {id: war, trigger: ground_assault}
            collapse: {actor: government, capital: south, morale_threshold: 0.1}

            """
        let path = dir.appendingPathComponent("hostile.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Scalars a terminal would obey, other than the line ends between printed lines.
    private func controls(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    @Test func aTitleWithEscapeSequencesIsPrintedVisibly() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // YAML's "\e" is ESC: ESC [2J clears the screen; "\x9B" is the one-character CSI.
        let path = try scenario(in: dir, title: #""Clear\e[2J the \x9Bscreen""#, rebels: #""Rebels\e]0;owned\a""#)
        let result = try CLI.run(["trace", path, "--out", dir.appendingPathComponent("trace").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(controls(result.stdout).isEmpty, "\(controls(result.stdout))")
        #expect(controls(result.stderr).isEmpty)
        #expect(result.stdout.hasPrefix("Clear\\u{1B}[2J the \\u{9B}screen - baseline, replication 0"))
        #expect(result.stdout.contains("Rebels\\u{1B}]0;owned\\u{07}"))
    }

    @Test func displayNamesCannotBecomeSpreadsheetFormulas() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try scenario(
            in: dir, title: "Formulas", rebels: #"'=HYPERLINK("http://evil.example","x")'"#,
            government: "'@SUM(A1)'")
        let out = dir.appendingPathComponent("trace").path
        let result = try CLI.run(["trace", path, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let events = try String(contentsOfFile: out + "/events.csv", encoding: .utf8)
        let rows = events.split(separator: "\n").dropFirst().map(String.init)
        #expect(!rows.isEmpty)
        // Every text cell (after its opening quote, if quoted) starts with something inert.
        for row in rows {
            let cells = row.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).dropFirst()
            for cell in cells {
                let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
                #expect(!(text.first.map { "=+-@\t\r".contains($0) } ?? false), "\(row)")
            }
        }
        #expect(events.contains("'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")"))
        // Numbers stay numbers: the day column is untouched.
        #expect(rows.allSatisfy { Double($0.prefix { $0 != "," }) != nil })
    }

    @Test func aReplicationStoppedByTheGuardSaysSo() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try scenario(in: dir, title: "Guarded", maxEvents: 3)
        let out = dir.appendingPathComponent("trace").path
        let result = try CLI.run(["trace", path, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let notice =
            "stopped by the max-events guard after 3 events (max_events: 3): this replication is marked "
            + "'guard' in replications.csv"
        #expect(lines.contains { $0.contains(notice) }, "\(result.stdout)")
        #expect(lines.last?.contains(notice) == true, "\(result.stdout)")

        // A replication that ends by itself says nothing of the guard.
        let free = try CLI.run(["trace", try scenario(in: dir, title: "Free"), "--out", out])
        #expect(free.status == 0)
        #expect(!free.stdout.contains("guard"))
    }
}
