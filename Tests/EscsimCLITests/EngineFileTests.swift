import Foundation
import Testing

/// A batch keeps the engine file it began with: shards run against a changed engine are another
/// batch, and the manifest names the engine with its SHA-256.
@Suite(.serialized) struct EngineFileTests {
    @Test func shardsOfAChangedEngineDoNotMerge() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenarios = CLI.packageRoot.appendingPathComponent("Scenarios")
        for name in ["aleppo-2024.yaml", "engine.yaml"] {
            try FileManager.default.copyItem(
                at: scenarios.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let scenario = dir.appendingPathComponent("aleppo-2024.yaml").path
        let engine = dir.appendingPathComponent("engine.yaml").path
        let a = dir.appendingPathComponent("a").path
        let b = dir.appendingPathComponent("b").path
        #expect(try CLI.run(["run", scenario, "-r", "10", "-q", "--shard", "0/2", "-o", a]).status == 0)
        let manifest = try String(contentsOfFile: a + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"engine\"") && manifest.contains(engine))
        let text = try String(contentsOfFile: engine, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "round_days: 0.25", with: "round_days: 0.5")
        #expect(changed != text)
        try changed.write(toFile: engine, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["run", scenario, "-r", "10", "-q", "--shard", "1/2", "-o", b]).status == 0)
        let merged = try CLI.run(["merge", a, b, "-o", dir.appendingPathComponent("m").path, "-q"])
        #expect(merged.status != 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m/manifest.json").path))
    }
}
