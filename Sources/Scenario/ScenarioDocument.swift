import EscalationModel
import Foundation
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

    /// Top-level sections that describe runs rather than the world (not settable with --set).
    static let runSections = ["variants", "sweep"]
    /// Keys of one variant, of `sweep:`, and of one swept parameter's range.
    static let variantKeys = ParameterCatalogue.keys(in: .variant)
    static let sweepKeys = ParameterCatalogue.keys(in: .sweep)
    static let sweepRangeKeys = ParameterCatalogue.keys(in: .sweepRange)

    /// The catalogue's entry of a whole number of the sweep: its floor and its default.
    static func whole(_ section: ParameterSpec.Section, _ key: String) -> (minimum: Int, default: Int) {
        guard let spec = ParameterCatalogue.entry(section, key), case .number(let value) = spec.defaultValue,
            let floor = spec.constraint?.floor
        else { fatalError("the parameter catalogue has no whole number '\(key)' with a default in \(section)") }
        return (Int(floor.value), Int(value))
    }

    /// The document without its `variants:` and `sweep:` keys.
    let root: Node
    let variants: [Variant]
    let sweep: SweepSpecification?
    /// The sweep's paths set to their lowest values, to check the paths exist.
    /// The sweep's ranges at their low ends and at their high ends, checked like variants.
    let sweepProbes: [Variant]
    /// Problems in the `variants:` section itself.
    let problems: [ScenarioError]
    /// Lines in the file and its engine; `--set` values are composed below them.
    let lineCount: Int
    /// The engine the scenario includes, as read, and where its lines start in the tree.
    let engine: ScenarioEngine?
    let included: (file: String, afterLine: Int)?

    init(source: ScenarioSource) throws(ScenarioErrors) {
        var composed = try source.compose()
        let ownLines = source.text.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
        var decoder = NodeDecoder(file: source.file)
        var engine: ScenarioEngine?
        var engineLines = 0
        if case .mapping(let mapping) = composed, let entry = mapping.first(where: { $0.key.string == "engine" }) {
            decoder.included = nil
            if let included = try Self.include(entry.value, source: source, belowLine: ownLines, decoder: &decoder) {
                engine = included.engine
                engineLines = included.lines
                decoder.included = (included.engine.file, ownLines)
                composed = Self.merge(included.root, under: composed)
            }
        }
        self.engine = engine
        self.included = engine.map { ($0.file, ownLines) }
        lineCount = ownLines + engineLines
        var variants: [Variant] = []
        var root = composed
        var sweep: SweepSpecification?
        var sweepProbes: [Variant] = []
        if case .mapping(let mapping) = composed {
            root = .mapping(
                Node.Mapping(
                    mapping.filter { !["variants", "sweep", "engine"].contains($0.key.string) }.map {
                        ($0.key, $0.value)
                    },
                    mapping.tag, mapping.style, mapping.mark))
            if let entry = mapping.first(where: { $0.key.string == "sweep" }) {
                (sweep, sweepProbes) = Self.decodeSweep(entry.value, decoder: &decoder)
            }
        }
        if case .mapping(let mapping) = composed,
            let entry = mapping.first(where: { $0.key.string == "variants" })
        {
            for (name, key, node) in decoder.entries(of: entry.value, in: "variants") {
                if name == Scenario.baselineName {
                    decoder.report("a variant may not be called '\(Scenario.baselineName)'", at: key)
                    continue
                }
                let context = "variant '\(name)'"
                guard
                    let fields = decoder.fields(
                        of: node, in: context, known: Self.variantKeys,
                        required: ParameterCatalogue.requiredKeys(in: .variant))
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
        self.sweep = sweep
        self.sweepProbes = sweepProbes
        self.problems = decoder.problems
    }

    /// Reads and composes the engine `node` names (or the one `source` carries), below the
    /// scenario's `belowLine` lines; nil, with a problem reported, when the name is not usable.
    /// Problems inside the engine file are reported with its own name, line and column.
    static func include(_ node: Node, source: ScenarioSource, belowLine: Int, decoder: inout NodeDecoder)
        throws(ScenarioErrors) -> (engine: ScenarioEngine, root: Node, lines: Int)?
    {
        guard let written = decoder.string(node, "engine") else { return nil }
        let engine: ScenarioEngine
        if let given = source.engine {
            engine = given
        } else {
            let path = ScenarioEngine.path(written, besides: source.file)
            guard FileManager.default.fileExists(atPath: path) else {
                decoder.report(
                    "engine: no file '\(path)' (the path is relative to the scenario's folder)", at: node)
                return nil
            }
            engine = ScenarioEngine(file: path, text: try ScenarioSource(contentsOf: path).text)
        }
        let engineSource = try ScenarioSource(bytes: Array(engine.text.utf8), file: engine.file)
        guard case .mapping(let mapping) = try engineSource.compose() else {
            throw ScenarioErrors([
                ScenarioError(
                    "an engine file must be a mapping of scenario sections",
                    at: SourceLocation(file: engine.file, line: 1, column: 1))
            ])
        }
        var problems: [ScenarioError] = []
        for (key, _) in mapping where ScenarioEngine.refusedKeys.contains(key.string ?? "") {
            problems.append(
                ScenarioError(
                    "an engine holds how war works, not '\(key.string ?? "")': that belongs to each scenario",
                    at: SourceLocation(file: engine.file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1)))
        }
        if !problems.isEmpty { throw ScenarioErrors(problems) }
        let lines = engine.text.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
        return (engine, try engineSource.compose(below: belowLine), lines)
    }

    /// `top` over `base`: `top`'s keys win, mapping by mapping, and `base`'s other keys are kept
    /// after `top`'s. A distribution (a mapping with a `distribution` key) is one value: it is
    /// replaced whole, never mixed with another's parameters.
    static func merge(_ base: Node, under top: Node) -> Node {
        guard case .mapping(let below) = base, case .mapping(let above) = top,
            !below.contains(where: { $0.key.string == "distribution" }),
            !above.contains(where: { $0.key.string == "distribution" })
        else { return top }
        var pairs: [(Node, Node)] = []
        for (key, value) in above {
            if let match = below.first(where: { $0.key.string == key.string }) {
                pairs.append((key, merge(match.value, under: value)))
            } else {
                pairs.append((key, value))
            }
        }
        for (key, value) in below where !above.contains(where: { $0.key.string == key.string }) {
            pairs.append((key, value))
        }
        return .mapping(Node.Mapping(pairs, above.tag, above.style, above.mark))
    }

    /// `sweep: {method: grid|latin_hypercube, points: N, parameters: {path: {low, high, steps} | {values: [...]}}}`
    static func decodeSweep(_ node: Node, decoder: inout NodeDecoder) -> (SweepSpecification?, [Variant]) {
        guard
            let fields = decoder.fields(
                of: node, in: "sweep", known: Self.sweepKeys,
                required: ParameterCatalogue.requiredKeys(in: .sweep))
        else { return (nil, []) }
        var method = SweepSpecification.Method.grid
        if let node = fields["method"], let text = decoder.string(node, "sweep: method") {
            if let parsed = SweepSpecification.Method(rawValue: text) {
                method = parsed
            } else {
                decoder.report(
                    "sweep: method must be 'grid' or 'latin_hypercube', got '\(text)'"
                        + Suggestion.hint(for: text, among: ["grid", "latin_hypercube"]), at: node)
            }
        }
        let pointsRule = Self.whole(.sweep, "points")
        let points =
            fields["points"].flatMap { decoder.integer($0, "sweep: points", minimum: pointsRule.minimum) }
            ?? pointsRule.default
        // `run --sweep` allocates every point (and every step of a grid's axis) up front: a file
        // that asks for 10^11 of them must be refused here, not abort the run.
        let maximum = SweepSpecification.maximumPoints
        if points > maximum {
            decoder.report("sweep: points must be at most \(maximum), got \(points)", at: fields["points"])
        }
        if method == .latinHypercube, fields["points"] == nil {
            decoder.report("sweep: a latin_hypercube needs points", at: node)
        }
        var parameters: [SweepSpecification.Parameter] = []
        var probe: [ScenarioOverride] = []
        guard case .mapping(let pairs)? = fields["parameters"], !pairs.isEmpty else {
            decoder.report("sweep: parameters must map dotted paths to ranges", at: fields["parameters"] ?? node)
            return (nil, [])
        }
        var highProbe: [ScenarioOverride] = []
        for (key, value) in pairs {
            guard let path = decoder.string(key, "sweep: parameters") else { continue }
            let context = "sweep: \(path)"
            guard let range = decoder.fields(of: value, in: context, known: Self.sweepRangeKeys) else { continue }
            var parameter = SweepSpecification.Parameter(path: path, values: nil, low: 0, high: 0, steps: 2)
            if let list = range["values"] {
                let values = (decoder.list(list, "\(context): values") ?? []).compactMap {
                    decoder.number($0, "\(context): values")
                }
                guard !values.isEmpty else {
                    decoder.report("\(context): values must list at least one number", at: list)
                    continue
                }
                if method == .latinHypercube {
                    decoder.report("\(context): a latin_hypercube takes low and high, not values", at: list)
                }
                parameter.values = values
                parameter.low = values.min()!
                parameter.high = values.max()!
            } else {
                guard let low = decoder.number(range["low"], "\(context): low"),
                    let high = decoder.number(range["high"], "\(context): high")
                else {
                    if range["low"] == nil || range["high"] == nil {
                        decoder.report("\(context) needs low and high (or values)", at: value)
                    }
                    continue
                }
                if low >= high { decoder.report("\(context): low must be below high", at: value) }
                parameter.low = low
                parameter.high = high
                let stepsRule = Self.whole(.sweepRange, "steps")
                parameter.steps =
                    range["steps"].flatMap {
                        decoder.integer($0, "\(context): steps", minimum: stepsRule.minimum)
                    } ?? stepsRule.default
                if parameter.steps > maximum {
                    decoder.report(
                        "\(context): steps must be at most \(maximum), got \(parameter.steps)",
                        at: range["steps"])
                    continue
                }
            }
            parameters.append(parameter)
            probe.append(
                ScenarioOverride(
                    path: path, pathNode: key,
                    value: .scalar(
                        .init(
                            range["low"]?.scalar?.string ?? String(parameter.low),
                            .implicit, .plain, key.mark))))
            // Both ends: a limit of the model (ScenarioLimits) can be crossed at either.
            highProbe.append(
                ScenarioOverride(
                    path: path, pathNode: key,
                    value: .scalar(
                        .init(
                            range["high"]?.scalar?.string ?? String(parameter.high),
                            .implicit, .plain, key.mark))))
        }
        if method == .grid {
            // Each factor is capped so the product cannot overflow before it is compared.
            let total = parameters.reduce(1) { min($0, maximum + 1) * min($1.values?.count ?? $1.steps, maximum + 1) }
            if total > maximum {
                decoder.report(
                    "sweep: the grid has more than \(maximum) points; use fewer steps or values, "
                        + "or a latin_hypercube", at: node)
            }
        }
        let spec = SweepSpecification(method: method, points: points, parameters: parameters)
        return (
            spec,
            [
                Variant(name: "sweep", description: "", overrides: probe),
                Variant(name: "sweep", description: "", overrides: highProbe),
            ]
        )
    }

    /// Parses `path=value` from the command line. The value is YAML (a number, or a
    /// `{distribution: ...}` mapping), composed below the file's last line (see `NodeDecoder.settingsLine`).
    static func override(
        fromSetting setting: String, number: Int, settingsLine: Int,
        problems: inout [ScenarioError]
    ) -> ScenarioOverride? {
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
        if let alias = AliasExpansion.firstExcessiveAlias(in: value) {
            problems.append(ScenarioError(alias.message, at: here))
            return nil
        }
        let padding = String(repeating: "\n", count: settingsLine + number - 1)
        let text = padding + "\(path): \(value)\n"
        // The file's guard, for the same reason: Yams recurses once per level of the value.
        if ScenarioSource.firstTooDeep(in: Array(text.utf8)) != nil {
            let depth = ScenarioSource.maximumDepth
            problems.append(ScenarioError("the value of '\(path)' nests deeper than \(depth) levels", at: here))
            return nil
        }
        do {
            guard case .mapping(let mapping)? = try Yams.compose(yaml: text),
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
