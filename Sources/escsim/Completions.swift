import EscalationModel
import Foundation
import Scenario

/// Shell completion of the words only a scenario knows: its variant names (`--variant`,
/// `--variants`) and its outcome columns (`--target`, `--outcome`). The shell hands over the
/// command line so far; the scenario is its first word naming a readable YAML file. A scenario
/// that does not load completes nothing (the run will say what is wrong).
enum Completions {
    /// The scenario a partial command line names, loaded; nil when there is none that loads.
    private static func scenario(in words: [String]) -> Scenario? {
        for word in words where word.hasSuffix(".yaml") || word.hasSuffix(".yml") {
            guard FileManager.default.isReadableFile(atPath: word) else { continue }
            return try? Scenario.load(path: word)
        }
        return nil
    }

    static func variantNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        (scenario(in: words)?.variants.map(\.name) ?? []).filter { $0.hasPrefix(prefix) }
    }

    /// For `--variants`: `all`, or the names not yet listed after the last comma.
    static func variantLists(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let listed = prefix.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let typed = listed.last ?? ""
        let head = listed.dropLast().joined(separator: ",")
        // `all` already says everything.
        guard !listed.dropLast().contains("all") else { return [] }
        let names = (scenario(in: words)?.variants.map(\.name) ?? []).filter {
            $0.hasPrefix(typed) && !listed.dropLast().contains($0)
        }
        let completed = names.map { head.isEmpty ? $0 : head + "," + $0 }
        return head.isEmpty && "all".hasPrefix(typed) ? ["all"] + completed : completed
    }

    static func outcomeNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let scenario = scenario(in: words) else { return [] }
        return OutcomeSchema(parameters: scenario.draw.base).columns.map(\.name).filter { $0.hasPrefix(prefix) }
    }
}
