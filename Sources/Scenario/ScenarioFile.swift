import EscalationModel
import Foundation
import Yams

/// A scenario file composed and checked once: its baseline decoded, and every variant and the
/// sweep's probe decoded to find their problems before anyone runs them. The scenario of any
/// variant, with any `--set` settings, is then made from it (`scenario(variant:settings:)`)
/// without composing the YAML or checking the other variants again.
///
/// - Complexity: loading decodes the document 1 + V times for V variants (plus one for a sweep);
///   each scenario made from it decodes once more only when settings are applied on top.
struct ScenarioFile {
    let source: ScenarioSource
    let document: ScenarioDocument
    /// Problems of the file itself: its syntax, its `variants:` section, its baseline and every variant.
    private(set) var problems: [ScenarioError]
    private(set) var isTruncated: Bool
    private let baseline: ScenarioDecoder
    private let decodedBaseline: ScenarioDecoder.Decoded?
    private let baselineProblems: Set<ScenarioError>
    /// Values left to visit after the baseline and every variant (NodeDecoder.maximumVisits in all).
    private let remainingVisits: Int

    /// A variant as checked: what decoding it gave, kept so that running it needs no decode.
    private struct CheckedVariant {
        let decoded: ScenarioDecoder.Decoded?
        let uncertain: [UncertainParameter]
        let problems: [ScenarioError]
        let isFull: Bool
    }
    private var checkedVariants: [String: CheckedVariant] = [:]

    init(source: ScenarioSource, visitBudget: Int = NodeDecoder.maximumVisits) throws(ScenarioErrors) {
        Self.loadCounter?.countCompose()
        let document = try ScenarioDocument(source: source)
        var problems = document.problems
        var isTruncated = false

        // The baseline first; a variant's problems that the baseline shares are reported once.
        var baseline = ScenarioDecoder(file: source.file, included: document.included)
        baseline.decoder.visitBudget = visitBudget
        let decodedBaseline = baseline.decode(document.root)
        problems += baseline.decoder.problems
        isTruncated = isTruncated || baseline.decoder.isFull
        let baselineProblems = Set(baseline.decoder.problems)
        var remainingVisits = baseline.decoder.visitBudget
        var checked: [String: CheckedVariant] = [:]
        let probes = document.variants + document.sweepProbes
        for (index, variant) in probes.enumerated() where remainingVisits >= 0 {
            var decoder = ScenarioDecoder(file: source.file, included: document.included)
            decoder.decoder.visitBudget = remainingVisits
            let root = variant.apply(to: document.root, decoder: &decoder.decoder)
            let decoded = decoder.decode(root)
            isTruncated = isTruncated || decoder.decoder.isFull
            remainingVisits = decoder.decoder.visitBudget
            for problem in decoder.decoder.problems where !baselineProblems.contains(problem) {
                let labelled = ScenarioError("variant '\(variant.name)': \(problem.message)", at: problem.location)
                // The sweep's two probes share most problems: each is told once.
                if !problems.contains(labelled) { problems.append(labelled) }
            }
            // The sweep's probes (last) are not variants anyone can select.
            if index < document.variants.count {
                checked[variant.name] = CheckedVariant(
                    decoded: decoded, uncertain: decoder.uncertain,
                    problems: decoder.decoder.problems, isFull: decoder.decoder.isFull)
            }
        }
        self.source = source
        self.document = document
        self.problems = problems
        self.isTruncated = isTruncated
        self.baseline = baseline
        self.decodedBaseline = decodedBaseline
        self.baselineProblems = baselineProblems
        self.remainingVisits = remainingVisits
        self.checkedVariants = checked
    }

    /// The scenario of `selected` (nil = the baseline) with each `path=value` of `settings`
    /// applied, or every problem of the file and of this selection.
    mutating func scenario(variant selected: String?, settings: [String]) throws(ScenarioErrors) -> Scenario {
        var problems = self.problems
        var isTruncated = self.isTruncated
        let isBaseline = selected == nil || selected == Scenario.baselineName
        let decoded: ScenarioDecoder.Decoded?
        let uncertain: [UncertainParameter]
        if isBaseline, settings.isEmpty {
            decoded = decodedBaseline
            uncertain = baseline.uncertain
        } else if let selected, settings.isEmpty, let variant = checkedVariants[selected] {
            // Decoding the variant again would give what checking it gave (the same document, the
            // same overrides); its problems are also the file's, listed again without the prefix.
            decoded = variant.decoded
            uncertain = variant.uncertain
            problems += variant.problems.filter { !baselineProblems.contains($0) }
            isTruncated = isTruncated || variant.isFull
        } else {
            var root = document.root
            var decoder = ScenarioDecoder(file: source.file, included: document.included)
            decoder.decoder.visitBudget = remainingVisits
            if let selected, !isBaseline {
                if let variant = document.variants.first(where: { $0.name == selected }) {
                    root = variant.apply(to: root, decoder: &decoder.decoder)
                } else {
                    let names = document.variants.map(\.name)
                    let known =
                        names.isEmpty
                        ? "the scenario defines no variants"
                        : "known: \(([Scenario.baselineName] + names).joined(separator: ", "))"
                    problems.append(
                        ScenarioError(
                            "unknown variant '\(selected)'\(Suggestion.hint(for: selected, among: names)); \(known)",
                            at: SourceLocation(file: "--variant", line: 1, column: 1)))
                }
            }
            decoder.decoder.settingsLine = document.lineCount
            for (index, setting) in settings.enumerated() {
                guard
                    let override = ScenarioDocument.override(
                        fromSetting: setting, number: index + 1,
                        settingsLine: document.lineCount, problems: &problems)
                else { continue }
                root = override.apply(to: root, decoder: &decoder.decoder)
            }
            decoded = remainingVisits < 0 ? nil : decoder.decode(root)
            problems += decoder.decoder.problems.filter { !baselineProblems.contains($0) }
            isTruncated = isTruncated || decoder.decoder.isFull
            uncertain = decoder.uncertain
        }
        guard problems.isEmpty, let decoded else {
            // Variants decode the same broken document again: the cap holds for the whole file.
            throw ScenarioErrors(
                isTruncated ? Array(problems.prefix(NodeDecoder.maximumProblems)) : problems,
                isTruncated: isTruncated)
        }
        // A number the engine gave stays the engine's unless the variant or a setting changed it.
        let engineDistributions = Dictionary(
            baseline.uncertain.filter { baseline.enginePaths.contains($0.path) }.map { ($0.path, $0.distribution) },
            uniquingKeysWith: { first, _ in first })
        let enginePaths = Set(uncertain.filter { engineDistributions[$0.path] == $0.distribution }.map(\.path))
        return Scenario(
            source: source, variant: selected ?? Scenario.baselineName, settings: settings,
            decoded: decoded, uncertain: uncertain, document: document, enginePaths: enginePaths)
    }

    // MARK: - Counting the work of a load

    /// Counts YAML composes and document decodes, for tests that prove a batch's set-up is linear
    /// in its variants without timing it. Set it with `ScenarioFile.$loadCounter.withValue(...)`.
    @TaskLocal static var loadCounter: LoadCounter?

    final class LoadCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var composes = 0
        private var decodes = 0

        init() {}

        func countCompose() { lock.withLock { composes += 1 } }
        func countDecode() { lock.withLock { decodes += 1 } }
        var composeCount: Int { lock.withLock { composes } }
        var decodeCount: Int { lock.withLock { decodes } }
    }
}
