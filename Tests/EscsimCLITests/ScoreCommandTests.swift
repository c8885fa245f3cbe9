import Foundation
import Testing

@Suite(.serialized) struct ScoreCommandTests {
    static let observations = """
        escsim_observations: 1
        scenario: aleppo-2024
        start: 2024-11-27
        observations:
          - id: aleppo_city_fell
            what: Aleppo city fell
            kind: event
            outcome: aleppo_city_fall_day
            dates: [2024-11-29, 2024-11-30]
            source: {outlet: Test wire, published: 2024-11-30, counted: "a test"}
          - id: displaced_dec_3
            what: People displaced by 3 December
            kind: quantity
            series: civilians_displaced
            date: 2024-12-03
            value: 50000
            error: {relative: 0.2}
            source: {outlet: Test agency, published: 2024-12-04, counted: "a test"}
          - id: no_chemical_weapons
            what: No chemical weapons by 8 December
            kind: fact
            outcome: chemical_weapons_day
            by: 2024-12-08
            happened: false
            source: {outlet: Test agency, published: 2024-12-09, counted: "a test"}

        """

    /// A daily run of the baseline in a fresh folder, and the observation file beside it.
    static func prepare(daily: Bool = true) throws -> (dir: URL, out: String, observations: String) {
        let dir = try CLI.temporaryDirectory()
        let out = dir.appendingPathComponent("run").path
        let run = try CLI.run(
            ["run", CLI.baseline, "-r", "60", "-s", "4", "-q", "-o", out] + (daily ? ["--daily"] : []))
        #expect(run.status == 0, "\(run.stderr)")
        let file = dir.appendingPathComponent("obs.yaml").path
        try observations.write(toFile: file, atomically: true, encoding: .utf8)
        return (dir, out, file)
    }

    @Test func scoresEveryObservationAndWritesScoresCSV() throws {
        let (dir, out, file) = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["score", out, "--observations", file])
        #expect(result.status == 0, "\(result.stderr)")
        for id in ["aleppo_city_fell", "displaced_dec_3", "no_chemical_weapons"] { #expect(result.stdout.contains(id)) }
        #expect(result.stdout.contains("events (1): mean CRPS"))
        #expect(result.stdout.contains("facts (1): mean Brier"))
        let csv = try String(contentsOfFile: out + "/scores.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n")
        #expect(rows.count == 4)
        #expect(rows[0].hasPrefix("variant,id,kind,what,compared_with,observed_low,observed_high,runs,"))
        #expect(rows[1].hasPrefix("baseline,aleppo_city_fell,event,Aleppo city fell,aleppo_city_fall_day,2,4,60,"))
        // Scoring again gives the same bytes (the measurement draws come from the seed) and may
        // replace escsim's own scores.csv.
        let again = try CLI.run(["score", out, "--observations", file, "-q"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOfFile: out + "/scores.csv", encoding: .utf8) == csv)
        let ledger = try String(contentsOfFile: out + "/.escsim/files.json", encoding: .utf8)
        #expect(ledger.contains("scores.csv"))
    }

    @Test func jsonHoldsEveryScoreAndTheTotals() throws {
        let (dir, out, file) = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["score", out, "--observations", file, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let scores = document?["scores"] as? [[String: Any]]
        #expect(scores?.count == 3)
        #expect(scores?.first?["id"] as? String == "aleppo_city_fell")
        #expect((scores?.last?["brier"] as? Double).map { (0...1).contains($0) } == true)
        #expect((document?["totals"] as? [[String: Any]])?.count == 3)
        #expect(document?["runs"] as? Int == 60)
    }

    @Test func aUsersScoresFileIsNeverReplaced() throws {
        let (dir, out, file) = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "mine\n".write(toFile: out + "/scores.csv", atomically: true, encoding: .utf8)
        let result = try CLI.run(["score", out, "--observations", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("scores.csv is not a file escsim wrote there"))
        #expect(try String(contentsOfFile: out + "/scores.csv", encoding: .utf8) == "mine\n")
    }

    @Test func dailySeriesNeedADailyRun() throws {
        let (dir, out, file) = try Self.prepare(daily: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["score", out, "--observations", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("(civilians_displaced) need daily.csv; run again with --daily"))
        #expect(!FileManager.default.fileExists(atPath: out + "/scores.csv"))
    }

    @Test func aBadObservationFileIsNamedLineByLine() throws {
        let (dir, out, file) = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = Self.observations.replacing("outcome: aleppo_city_fall_day", with: "outcome: aleppo_fall_day")
        try broken.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["score", out, "--observations", file])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "obs.yaml:8:14: observation 'aleppo_city_fell': unknown outcome 'aleppo_fall_day' "
                    + "(did you mean 'aleppo_city_fall_day'?)"))
        #expect(!FileManager.default.fileExists(atPath: out + "/scores.csv"))
    }

    /// Without --observations, the run's scenario file names them: the shipped baseline's
    /// sourced observations all read and score.
    @Test func theShippedObservationsScoreTheBaseline() throws {
        let (dir, out, _) = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["score", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("damascus_fell"))
    }
}
