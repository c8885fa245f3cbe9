import Yams

/// A composed scenario file split into the baseline document and its `variants:` section.
struct ScenarioDocument {
    struct Variant {
        let name: String
        let description: String
        let overrides: [ScenarioOverride]

        func apply(to root: Node, decoder: inout NodeDecoder) -> Node {
            overrides.reduce(root) { $1.apply(to: $0, decoder: &decoder) }
        }
    }

    /// The document without its `variants:` key.
    let root: Node
    let variants: [Variant]
    /// Problems in the `variants:` section itself.
    let problems: [ScenarioError]
    /// Lines in the file; `--set` values are composed below them.
    let lineCount: Int

    init(source: ScenarioSource) throws(ScenarioErrors) {
        let composed = try source.compose()
        lineCount = source.text.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
        var decoder = NodeDecoder(file: source.file)
        var variants: [Variant] = []
        var root = composed
        if case .mapping(let mapping) = composed,
           let entry = mapping.first(where: { $0.key.string == "variants" }) {
            root = .mapping(Node.Mapping(mapping.filter { $0.key.string != "variants" }.map { ($0.key, $0.value) },
                                         mapping.tag, mapping.style, mapping.mark))
            for (name, _, node) in decoder.entries(of: entry.value, in: "variants") {
                if name == Scenario.baselineName {
                    decoder.report("a variant may not be called '\(Scenario.baselineName)'", at: node)
                    continue
                }
                let context = "variant '\(name)'"
                guard let fields = decoder.fields(of: node, in: context, known: ["description", "set"], required: ["set"])
                else { continue }
                let description = fields["description"].flatMap { decoder.string($0, "\(context): description") } ?? ""
                var overrides: [ScenarioOverride] = []
                if let set = fields["set"] {
                    if case .mapping(let pairs) = set, !pairs.isEmpty {
                        for (key, value) in pairs {
                            guard let path = decoder.string(key, "\(context): set") else { continue }
                            overrides.append(ScenarioOverride(path: path, pathNode: key, value: value))
                        }
                    } else {
                        decoder.report("\(context): set must map dotted paths to values", at: set)
                    }
                }
                variants.append(Variant(name: name, description: description, overrides: overrides))
            }
        }
        self.root = root
        self.variants = variants
        self.problems = decoder.problems
    }

    /// Parses `path=value` from the command line. The value is YAML (a number, or a
    /// `{distribution: ...}` mapping), composed below the file's last line (see `NodeDecoder.settingsLine`).
    static func override(fromSetting setting: String, number: Int, settingsLine: Int,
                         problems: inout [ScenarioError]) -> ScenarioOverride? {
        let here = SourceLocation(file: "--set", line: number, column: 1)
        guard let equals = setting.firstIndex(of: "="), equals != setting.startIndex else {
            problems.append(ScenarioError("expected path=value, got '\(setting)'", at: here))
            return nil
        }
        let path = String(setting[..<equals])
        let value = String(setting[setting.index(after: equals)...])
        guard path.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
            problems.append(ScenarioError("'\(path)' is not a dotted path of identifiers", at: here))
            return nil
        }
        let padding = String(repeating: "\n", count: settingsLine + number - 1)
        do {
            guard case .mapping(let mapping)? = try Yams.compose(yaml: padding + "\(path): \(value)\n"),
                  let pair = mapping.first
            else {
                problems.append(ScenarioError("no value after '\(path)='", at: here))
                return nil
            }
            return ScenarioOverride(path: path, pathNode: pair.key, value: pair.value)
        } catch {
            problems.append(ScenarioError("the value of '\(path)' is not valid YAML: \(value)", at: here))
            return nil
        }
    }
}
