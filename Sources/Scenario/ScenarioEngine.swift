import Foundation

/// The shared engine file a scenario includes with `engine: FILE`: the constants of how war works
/// (combat, cascade, air campaign, patron rule, mediation, chemical weapons, collapse), which the
/// cases of a backtest share, while each case holds only its own facts. The scenario's own keys
/// extend and override the engine's, section by section and key by key; variants and `--set`
/// then apply on top, so anything can still be changed per case or per run.
public struct ScenarioEngine: Sendable {
    /// The path as the scenario wrote it, resolved against the scenario's folder.
    public let file: String
    public let text: String

    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    /// An engine from a plan's stored path and text; nil unless both are there.
    public init?(file: String?, text: String?) {
        guard let file, let text else { return nil }
        self.init(file: file, text: text)
    }

    /// The top-level keys an engine may not set: they say which scenario this is, or how it is run.
    static let refusedKeys = ["escsim", "name", "title", "description", "engine", "variants", "sweep"]

    /// `written` (the value of `engine:`) as a path: relative ones are taken from the folder of
    /// `scenarioFile`, as editors and `include`s in other tools do.
    static func path(_ written: String, besides scenarioFile: String) -> String {
        guard !written.hasPrefix("/") else { return written }
        let folder = (scenarioFile as NSString).deletingLastPathComponent
        return folder.isEmpty ? written : folder + "/" + written
    }
}
