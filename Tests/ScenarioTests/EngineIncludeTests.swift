import EscalationModel
import Foundation
import Scenario
import Stochastic
import Testing

/// `engine: FILE`: a case includes the shared constants of how war works and overrides them.
@Suite struct EngineIncludeTests {
    static let engine = """
        combat:
          lethality_per_day: 0.05
          breakpoint: {distribution: beta, mean: 0.3, sd: 0.1}
        cascade:
          local_shock: 0.07
          withdrawal_morale: {distribution: uniform, low: 0.05, high: 0.25}
        collapse:
          morale_threshold: 0.15

        """

    /// A folder with `case.yaml` (the minimal scenario including `engine.yaml`, with `extra`
    /// appended) and the engine; returns the case's path.
    static func write(case extra: String = "", engine: String = engine) throws -> (dir: URL, path: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("escsim-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try engine.write(to: dir.appendingPathComponent("engine.yaml"), atomically: true, encoding: .utf8)
        let text =
            minimalScenario.replacing(
                "collapse: {actor: government, capital: south, morale_threshold: 0.1}",
                with: "collapse: {actor: government, capital: south}") + "\nengine: engine.yaml\n" + extra
        let path = dir.appendingPathComponent("case.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    static func problems(_ path: String, settings: [String] = []) -> [String] {
        do {
            _ = try Scenario.load(path: path, settings: settings)
            return []
        } catch {
            return error.errors.map {
                "\(URL(fileURLWithPath: $0.location.file).lastPathComponent):\($0.location.line):\($0.location.column): \($0.message)"
            }
        }
    }

    @Test func theEngineSuppliesWhatTheCaseLeavesOut() throws {
        let (dir, path) = try Self.write(case: "cascade:\n  local_shock: 0.2\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = try Scenario.load(path: path)
        let parameters = scenario.baseParameters
        #expect(parameters.combat.lethalityPerDay == 0.05)
        #expect(parameters.cascade.localShock == 0.2)  // the case's key wins
        #expect(parameters.collapse.moraleThreshold == 0.15)
        #expect(scenario.uncertainParameters.map(\.path) == ["cascade.withdrawal_morale"])
        #expect(scenario.engine?.file == dir.appendingPathComponent("engine.yaml").path)
        // --set reaches the engine's numbers too.
        let set = try Scenario.load(path: path, settings: ["combat.lethality_per_day=0.09"])
        #expect(set.baseParameters.combat.lethalityPerDay == 0.09)
    }

    /// A case's distribution replaces the engine's whole, never mixing their parameters.
    @Test func aDistributionIsReplacedWhole() throws {
        let (dir, path) = try Self.write(
            case: "cascade:\n  withdrawal_morale: {distribution: beta, mean: 0.2, sd: 0.05}\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = try Scenario.load(path: path)
        #expect(abs(scenario.uncertainParameters[0].distribution.mean - 0.2) < 1e-12)
    }

    @Test func problemsInTheEngineNameTheEngineFile() throws {
        let broken = Self.engine.replacing("local_shock: 0.07", with: "local_shock: -3")
            .replacing("morale_threshold: 0.15", with: "morale_threshhold: 0.15")
        let (dir, path) = try Self.write(case: "cascade:\n  withdrawal_delay_days: -1\n", engine: broken)
        defer { try? FileManager.default.removeItem(at: dir) }
        let found = Self.problems(path)
        #expect(found.contains("engine.yaml:5:16: cascade: local_shock must be between 0 and 1, got -3"), "\(found)")
        #expect(
            found.contains { $0.hasPrefix("engine.yaml:8:3: unknown key 'morale_threshhold' in collapse") }, "\(found)")
        #expect(found.contains("case.yaml:16:26: cascade: withdrawal_delay_days must be positive, got -1"), "\(found)")
    }

    @Test func aMissingOrWrongEngineIsNamed() throws {
        let (dir, path) = try Self.write(engine: "name: other\ncombat:\n  round_days: 0.5\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(
            Self.problems(path) == [
                "engine.yaml:1:1: an engine holds how war works, not 'name': that belongs to each scenario"
            ])
        try FileManager.default.removeItem(at: dir.appendingPathComponent("engine.yaml"))
        let missing = Self.problems(path)
        #expect(missing.contains { $0.hasPrefix("case.yaml:14:9: engine: no file '") }, "\(missing)")
        // Without the engine, what only it gave is missing, and said so.
        #expect(missing.contains("case.yaml:13:11: collapse is missing the required key 'morale_threshold'"))
    }

    /// A scenario given its engine's text (a batch plan's copy) never reads the file on disk.
    @Test func aGivenEngineIsUsedInsteadOfTheFile() throws {
        let (dir, path) = try Self.write()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try "combat: {lethality_per_day: 0.01}\n".write(
            to: dir.appendingPathComponent("engine.yaml"), atomically: true, encoding: .utf8)
        let scenario = try Scenario.parse(
            text, file: path,
            engine: ScenarioEngine(file: dir.appendingPathComponent("engine.yaml").path, text: Self.engine))
        #expect(scenario.baseParameters.combat.lethalityPerDay == 0.05)
    }
}
