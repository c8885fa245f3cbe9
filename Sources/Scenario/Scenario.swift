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
    /// The `--set path=value` overrides applied, as given.
    public let settings: [String]
    /// The file's `sweep:` section, if any.
    public let sweep: SweepSpecification?
    /// Parameters with every uncertain number at its mean.
    public let baseParameters: ModelParameters
    /// Numbers drawn once per replication, in file order.
    public let uncertainParameters: [UncertainParameter]

    public static let baselineName = "baseline"

    /// Loads and validates the scenario at `path`, applying `variant` (nil = the baseline) and
    /// then each `path=value` of `settings`. Every problem is reported at once; every variant in
    /// the file is checked too, so a broken what-if is found before anyone runs it.
    public static func load(path: String, variant: String? = nil, settings: [String] = []) throws(ScenarioErrors)
        -> Scenario {
        try Scenario(source: ScenarioSource(contentsOf: path), variant: variant, settings: settings)
    }

    /// Validates scenario text (tests use this).
    public static func parse(_ text: String, file: String = "<scenario>", variant: String? = nil,
                             settings: [String] = []) throws(ScenarioErrors) -> Scenario {
        try Scenario(source: ScenarioSource(bytes: Array(text.utf8), file: file), variant: variant, settings: settings)
    }

    init(source: ScenarioSource, variant selected: String?, settings: [String],
         visitBudget: Int = NodeDecoder.maximumVisits) throws(ScenarioErrors) {
        let document = try ScenarioDocument(source: source)
        var problems = document.problems
        var isTruncated = false

        // The baseline first; a variant's problems that the baseline shares are reported once.
        var baseline = ScenarioDecoder(file: source.file)
        baseline.decoder.visitBudget = visitBudget
        let decodedBaseline = baseline.decode(document.root)
        problems += baseline.decoder.problems
        isTruncated = isTruncated || baseline.decoder.isFull
        let baselineProblems = Set(baseline.decoder.problems)
        var remainingVisits = baseline.decoder.visitBudget
        for variant in document.variants + (document.sweepProbe.map { [$0] } ?? []) where remainingVisits >= 0 {
            var decoder = ScenarioDecoder(file: source.file)
            decoder.decoder.visitBudget = remainingVisits
            let root = variant.apply(to: document.root, decoder: &decoder.decoder)
            _ = decoder.decode(root)
            isTruncated = isTruncated || decoder.decoder.isFull
            remainingVisits = decoder.decoder.visitBudget
            for problem in decoder.decoder.problems where !baselineProblems.contains(problem) {
                problems.append(ScenarioError("variant '\(variant.name)': \(problem.message)", at: problem.location))
            }
        }

        var root = document.root
        var decoder = ScenarioDecoder(file: source.file)
        decoder.decoder.visitBudget = remainingVisits
        if let selected, selected != Self.baselineName {
            if let variant = document.variants.first(where: { $0.name == selected }) {
                root = variant.apply(to: root, decoder: &decoder.decoder)
            } else {
                let names = document.variants.map(\.name)
                let known = names.isEmpty ? "the scenario defines no variants"
                    : "known: \(([Self.baselineName] + names).joined(separator: ", "))"
                problems.append(ScenarioError("unknown variant '\(selected)'\(Suggestion.hint(for: selected, among: names)); \(known)",
                                              at: SourceLocation(file: "--variant", line: 1, column: 1)))
            }
        }
        decoder.decoder.settingsLine = document.lineCount
        for (index, setting) in settings.enumerated() {
            guard let override = ScenarioDocument.override(fromSetting: setting, number: index + 1,
                                                           settingsLine: document.lineCount, problems: &problems)
            else { continue }
            root = override.apply(to: root, decoder: &decoder.decoder)
        }
        let decoded = (selected == nil || selected == Self.baselineName) && settings.isEmpty
            ? decodedBaseline : remainingVisits < 0 ? nil : decoder.decode(root)
        problems += decoder.decoder.problems.filter { !baselineProblems.contains($0) }
        isTruncated = isTruncated || decoder.decoder.isFull
        guard problems.isEmpty, let decoded else {
            // Variants decode the same broken document again: the cap holds for the whole file.
            throw ScenarioErrors(isTruncated ? Array(problems.prefix(NodeDecoder.maximumProblems)) : problems,
                                 isTruncated: isTruncated)
        }
        let uncertain = (selected == nil || selected == Self.baselineName) && settings.isEmpty
            ? baseline.uncertain : decoder.uncertain
        self.name = decoded.name
        self.title = decoded.title
        self.source = source
        self.variant = selected ?? Self.baselineName
        self.variants = document.variants.map {
            ScenarioVariant(name: $0.name, description: $0.description, paths: $0.overrides.map(\.path))
        }
        self.settings = settings
        self.sweep = document.sweep
        self.baseParameters = decoded.parameters
        self.uncertainParameters = uncertain
    }

    /// The parameters of replication `replication`: each uncertain number drawn, in file order,
    /// from its owner's parameter stream (so a variant that changes one actor's numbers leaves
    /// every other actor's draws alone). Returns the draws too, for `replications.csv`.
    public func parameters(forReplication replication: Int, seeds: StreamSeeds,
                           cache: StreamCache? = nil) -> (ModelParameters, [Double]) {
        guard !uncertainParameters.isEmpty else { return (baseParameters, []) }
        var streams: [Int: RandomStream] = [:]
        var parameters = baseParameters
        var draws: [Double] = []
        draws.reserveCapacity(uncertainParameters.count)
        for uncertain in uncertainParameters {
            // One stream per owner, started once per replication and drawn in file order.
            let stream = streams[uncertain.stream]
                ?? cache?.stream(uncertain.stream, replication: replication, seeds: seeds)
                ?? RandomStream(seeds: seeds, replication: replication, stream: uncertain.stream)
            streams[uncertain.stream] = stream
            let value = uncertain.distribution.sample(stream)
            parameters[keyPath: uncertain.target] = value
            draws.append(value)
        }
        return (parameters, draws)
    }
}
