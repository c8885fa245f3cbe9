import EscalationModel
import Stochastic
import Yams

/// A validated, immutable scenario: the model's parameters and the distributions of its uncertain
/// numbers, for the baseline or one of its variants, with any `--set` overrides applied.
public struct Scenario: Sendable {
    /// Identifier from the file (`name:`), used for the default output folder.
    public let name: String
    public let title: String
    /// The file as read, for its SHA-256 in the manifest.
    public let source: ScenarioSource
    /// "baseline", or the name of the variant applied.
    public let variant: String
    /// Every variant the file defines, in file order.
    public let variants: [ScenarioVariant]
    /// The engine file it includes (`engine:`), as read; nil when it includes none.
    public let engine: ScenarioEngine?
    /// The uncertain numbers (paths) whose distributions the engine gave: shared by every case
    /// that includes it, so a joint calibration learns them once from all cases.
    public let enginePaths: Set<String>
    /// The `--set path=value` overrides applied, as given.
    public let settings: [String]
    /// The file's `sweep:` section, if any.
    public let sweep: SweepSpecification?
    /// The model's parameters and the uncertain numbers drawn once per replication, in file order.
    public let draw: ParameterDraw
    /// Parameters with every uncertain number at its mean.
    public var baseParameters: ModelParameters { draw.base }
    /// Numbers drawn once per replication, in file order.
    public var uncertainParameters: [UncertainParameter] { draw.uncertain }

    public static let baselineName = "baseline"

    /// Loads and validates the scenario at `path`, applying `variant` (nil = the baseline) and
    /// then each `path=value` of `settings`. Every problem is reported at once; every variant in
    /// the file is checked too, so a broken what-if is found before anyone runs it.
    public static func load(path: String, variant: String? = nil, settings: [String] = []) throws(ScenarioErrors)
        -> Scenario
    {
        try Scenario(source: ScenarioSource(contentsOf: path), variant: variant, settings: settings)
    }

    /// Validates scenario text (tests use this).
    ///
    /// - Parameter engine: the engine file the text includes, already read (a plan's copy); nil
    ///   reads it from beside `file` when the text names one.
    public static func parse(
        _ text: String, file: String = "<scenario>", variant: String? = nil,
        settings: [String] = [], engine: ScenarioEngine? = nil
    ) throws(ScenarioErrors) -> Scenario {
        var source = try ScenarioSource(bytes: Array(text.utf8), file: file)
        source.engine = engine
        return try Scenario(source: source, variant: variant, settings: settings)
    }

    /// Validates scenario text once and returns the scenario of each of `variants` (nil = the
    /// baseline), with `settings[i]` applied to the i-th: the same scenarios, in order, as calling
    /// `parse` for each, at the cost of one load. `parse` composes the YAML and decodes every
    /// variant of the file to check it, so a batch that parsed each of V variants did V^2 decodes;
    /// this composes once, decodes each variant once, and reuses a variant's decode when no
    /// setting is applied on top of it.
    ///
    /// - Precondition: `settings` is empty (no settings for any) or has one list per variant.
    public static func parseAll(
        _ text: String, file: String = "<scenario>", variants: [String?],
        settings: [[String]] = [], engine: ScenarioEngine? = nil
    ) throws(ScenarioErrors) -> [Scenario] {
        precondition(
            settings.isEmpty || settings.count == variants.count,
            "parseAll: \(settings.count) lists of settings for \(variants.count) variants")
        var source = try ScenarioSource(bytes: Array(text.utf8), file: file)
        source.engine = engine
        var checked = try ScenarioFile(source: source)
        var scenarios: [Scenario] = []
        scenarios.reserveCapacity(variants.count)
        for (index, variant) in variants.enumerated() {
            scenarios.append(try checked.scenario(variant: variant, settings: settings.isEmpty ? [] : settings[index]))
        }
        return scenarios
    }

    init(
        source: ScenarioSource, variant selected: String?, settings: [String],
        visitBudget: Int = NodeDecoder.maximumVisits
    ) throws(ScenarioErrors) {
        var checked = try ScenarioFile(source: source, visitBudget: visitBudget)
        self = try checked.scenario(variant: selected, settings: settings)
    }

    init(
        source: ScenarioSource, variant: String, settings: [String], decoded: ScenarioDecoder.Decoded,
        uncertain: [UncertainParameter], document: ScenarioDocument, enginePaths: Set<String>
    ) {
        self.enginePaths = enginePaths
        self.name = decoded.name
        self.title = decoded.title
        self.source = source
        self.variant = variant
        self.variants = document.variants.map {
            ScenarioVariant(name: $0.name, description: $0.description, paths: $0.overrides.map(\.path))
        }
        self.settings = settings
        self.engine = document.engine
        self.sweep = document.sweep
        self.draw = ParameterDraw(base: decoded.parameters, uncertain: uncertain)
    }
}
