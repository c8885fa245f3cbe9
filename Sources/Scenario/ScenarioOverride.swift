import Yams

/// One "set this dotted path to that value" instruction, from a variant in the file or from
/// `--set path=value` on the command line.
struct ScenarioOverride {
    /// Dotted path, e.g. `actors.russia.sorties_per_day`; list items by index (`ladder.2.threshold`).
    let path: String
    /// Where the instruction was written: errors about the path point here.
    let pathNode: Node
    let value: Node

    /// Applies the override to `root`; reports a path that does not exist and returns `root` unchanged.
    func apply(to root: Node, decoder: inout NodeDecoder) -> Node {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !segments.contains(where: \.isEmpty) else {
            decoder.report("'\(path)' is not a dotted path (empty segment)", at: pathNode)
            return root
        }
        // The what-if sections describe runs, not the world: a setting there would be ignored.
        if let section = segments.first, ScenarioDocument.runSections.contains(section) {
            decoder.report(
                "'\(path)' cannot be set: '\(section)' describes runs (use --variant or --sweep, "
                    + "or edit the file)", at: pathNode)
            return root
        }
        return set(segments[...], in: root, walked: [], decoder: &decoder) ?? root
    }

    private func set(_ segments: ArraySlice<String>, in node: Node, walked: [String], decoder: inout NodeDecoder)
        -> Node?
    {
        guard let segment = segments.first else { return value }
        let here = walked.isEmpty ? "the scenario" : "'\(walked.joined(separator: "."))'"
        switch node {
        case .mapping(let mapping):
            var pairs = Array(mapping)
            if let index = pairs.firstIndex(where: { $0.key.string == segment }) {
                guard
                    let updated = set(
                        segments.dropFirst(), in: pairs[index].value, walked: walked + [segment],
                        decoder: &decoder)
                else { return nil }
                pairs[index].value = updated
            } else if segments.count == 1 {
                // A key the document leaves at its default; the scenario checks it is a known key.
                pairs.append((Node.scalar(.init(segment, .implicit, .plain, pathNode.mark)), value))
            } else if walked.isEmpty, ScenarioDecoder.topLevelKeys.contains(segment) {
                // A whole section the document leaves at its defaults (`patron_rule.threat_sensitivity`).
                let empty = Node.mapping(Node.Mapping([], .implicit, .block, pathNode.mark))
                guard let section = set(segments.dropFirst(), in: empty, walked: [segment], decoder: &decoder)
                else { return nil }
                pairs.append((Node.scalar(.init(segment, .implicit, .plain, pathNode.mark)), section))
            } else {
                let keys = pairs.compactMap { $0.key.string }
                decoder.report(
                    "path '\(path)' does not exist: \(here) has no '\(segment)'"
                        + Suggestion.hint(for: segment, among: keys), at: pathNode)
                return nil
            }
            return .mapping(Node.Mapping(pairs.map { ($0.key, $0.value) }, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            var items = Array(sequence)
            guard let index = Int(segment), items.indices.contains(index) else {
                decoder.report(
                    "path '\(path)' does not exist: \(here) is a list of \(items.count); "
                        + "'\(segment)' is not an index in it (0 to \(items.count - 1))", at: pathNode)
                return nil
            }
            guard
                let updated = set(segments.dropFirst(), in: items[index], walked: walked + [segment], decoder: &decoder)
            else { return nil }
            items[index] = updated
            return .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
        case .scalar:
            decoder.report("path '\(path)' does not exist: \(here) is a single value, not a section", at: pathNode)
            return nil
        }
    }
}
