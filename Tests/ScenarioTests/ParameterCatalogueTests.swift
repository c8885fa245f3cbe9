import EscalationModel
import Foundation
import Stochastic
import Testing

@testable import Scenario

/// The parameter catalogue is the one description of the scenario format: the decoder reads every
/// key through it, and the files written from it are up to date.
@Suite struct ParameterCatalogueTests {
    /// Where the schema tests' probe scenario has an entry of each section to set keys on.
    static func prefix(_ section: ParameterSpec.Section) -> String {
        switch section {
        case .top: return ""
        case .actor: return "actors.backer."
        case .region: return "regions.north."
        case .rung: return "ladder.1."
        default: return section.rawValue + "."
        }
    }

    /// A value inside the key's range that is not its default.
    static func otherValue(_ spec: ParameterSpec) -> Double {
        var current = 0.0
        if case .number(let value) = spec.defaultValue { current = value }
        if case .distribution(let distribution) = spec.defaultValue { current = distribution.mean }
        let top = [spec.constraint?.top, spec.ceiling].compactMap { $0 }.min() ?? .infinity
        let candidate = current + 1 <= top ? current + 1 : current / 2
        return candidate == current ? 0.5 : candidate
    }

    /// Each key with a target, set to another value, arrives where its target says, and nowhere else
    /// is changed: a catalogue entry is all the decoder needs to read a number.
    @Test func everyTargetedKeyReachesItsTarget() throws {
        let base = try Scenario.parse(SchemaTests.probe, file: "probe.yaml").baseParameters
        var checked = 0
        for spec in ParameterCatalogue.all {
            guard let target = spec.target else { continue }
            let value = Self.otherValue(spec)
            let setting = "\(Self.prefix(spec.section))\(spec.key)=\(ParameterSpec.format(value))"
            var expected = base
            switch target.kind {
            case .actor: expected.actors[2][keyPath: try #require(target.actor)] = value
            case .region: expected.regions[0][keyPath: try #require(target.region)] = value
            case .model: expected[keyPath: try #require(target.model)] = value
            case .wholeNumber: expected[keyPath: try #require(target.wholeNumber)] = Int(value)
            case .perEvent: expected[keyPath: try #require(target.perEvent)] = .fixed(value)
            }
            let decoded = try Scenario.parse(SchemaTests.probe, file: "probe.yaml", settings: [setting]).baseParameters
            #expect(decoded == expected, "\(setting) did not arrive at its target")
            checked += 1
        }
        #expect(checked >= 45, "only \(checked) keys checked")
    }

    /// Every key of every section is in the catalogue once.
    @Test func noKeyIsDeclaredTwice() {
        var seen: Set<String> = []
        for spec in ParameterCatalogue.all {
            #expect(seen.insert(spec.path).inserted, "\(spec.path) is declared twice")
        }
    }

    /// `Scenarios/schema.json`, the key tables of docs/scenario-format.md and `Fuzz/scenario.dict`
    /// are what the catalogue writes.
    @Test(arguments: ScenarioFormatFiles.paths)
    func theGeneratedFileIsUpToDate(_ path: String) throws {
        let files = try ScenarioFormatFiles.files(root: SchemaTests.packageRoot)
        let file = try #require(files.first { $0.path == path })
        let current = file.current.split(separator: "\n", omittingEmptySubsequences: false)
        let generated = file.generated.split(separator: "\n", omittingEmptySubsequences: false)
        let common = min(current.count, generated.count)
        let line = (0..<common).first { current[$0] != generated[$0] } ?? common
        let isUpToDate = current == generated
        #expect(
            isUpToDate,
            """
            \(path) is stale: run `make generate`. First difference at line \(line + 1):
              committed: \(line < current.count ? current[line] : "(end of file)")
              generated: \(line < generated.count ? generated[line] : "(end of file)")
            """)
    }
}
