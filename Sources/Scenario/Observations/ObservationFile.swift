import Backtest
import EscalationModel
import Stochastic
import Yams

/// Reads an observation file: dated, sourced facts about what happened, checked against the
/// scenario they test. Every problem is reported at once with its line and column, as scenario
/// files are (the same decoder reads both).
///
/// ```yaml
/// escsim_observations: 1
/// scenario: aleppo-2024
/// start: 2024-11-27
/// observations:
///   - id: aleppo_city_fell
///     what: Rebels took most of Aleppo city
///     kind: event
///     outcome: aleppo_city_fall_day
///     date: 2024-11-30
///     source: {outlet: Reuters, published: 2024-11-30, counted: "..."}
/// ```
/// The format is described in docs/backtesting.md.
public enum ObservationFile {
    /// The version of the format this escsim reads.
    public static let version = 1
    /// How a scenario's observation file is named beside it: `x.yaml` -> `x.observations.yaml`.
    public static let suffix = ".observations.yaml"

    static let topKeys = ["escsim_observations", "scenario", "start", "observations"]
    static let observationKeys = [
        "id", "what", "kind", "outcome", "series", "date", "dates", "value", "range", "error", "counts", "since",
        "by", "happened", "above", "before", "given", "check", "source",
    ]
    static let sourceKeys = ["outlet", "published", "counted", "url"]

    /// Reads and checks the file at `path`.
    public static func load(path: String, vocabulary: ObservationVocabulary) throws(ScenarioErrors) -> ObservationSet {
        try parse(source: ScenarioSource(contentsOf: path), vocabulary: vocabulary)
    }

    /// Reads and checks observation text (tests use this).
    public static func parse(_ text: String, file: String = "<observations>", vocabulary: ObservationVocabulary)
        throws(ScenarioErrors) -> ObservationSet
    {
        try parse(source: ScenarioSource(bytes: Array(text.utf8), file: file), vocabulary: vocabulary)
    }

    static func parse(source: ScenarioSource, vocabulary: ObservationVocabulary) throws(ScenarioErrors)
        -> ObservationSet
    {
        let root = try source.compose()
        var reader = ObservationReader(decoder: NodeDecoder(file: source.file), vocabulary: vocabulary)
        let set = reader.read(root)
        let problems = reader.decoder.problems
        guard problems.isEmpty, let set else {
            throw ScenarioErrors(problems.sorted { $0.location < $1.location }, isTruncated: reader.decoder.isFull)
        }
        return set
    }
}

/// The walk over one observation file's tree.
struct ObservationReader {
    var decoder: NodeDecoder
    let vocabulary: ObservationVocabulary

    mutating func read(_ root: Node) -> ObservationSet? {
        guard
            let fields = decoder.fields(
                of: root, in: "the observation file", known: ObservationFile.topKeys,
                required: ObservationFile.topKeys)
        else { return nil }
        if let version = fields["escsim_observations"],
            let number = decoder.integer(version, "escsim_observations", minimum: 1),
            number != ObservationFile.version
        {
            decoder.report(
                "escsim_observations: this escsim reads version \(ObservationFile.version), not \(number)",
                at: version)
        }
        let scenario = decoder.string(fields["scenario"], "scenario")
        if let scenario, scenario != vocabulary.scenarioName {
            decoder.report(
                "these observations test scenario '\(scenario)', not '\(vocabulary.scenarioName)'",
                at: fields["scenario"])
        }
        let start = date(fields["start"], "start")
        var observations: [Observation] = []
        var ids: Set<String> = []
        for (index, node) in (decoder.list(fields["observations"], "observations") ?? []).enumerated() {
            guard let start, let observation = observation(node, index: index, start: start) else { continue }
            if !ids.insert(observation.id).inserted {
                decoder.report("duplicate observation id '\(observation.id)'", at: node)
            }
            observations.append(observation)
        }
        if let list = fields["observations"], case .sequence(let items) = list, items.isEmpty {
            decoder.report("observations: the list is empty", at: list)
        }
        guard let scenario, let start else { return nil }
        return ObservationSet(file: decoder.file, scenario: scenario, start: start, observations: observations)
    }

    /// A `YYYY-MM-DD` date. YAML reads an unquoted date as a timestamp; the scalar's text is what was written.
    mutating func date(_ node: Node?, _ what: String) -> CalendarDate? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let date = CalendarDate(scalar.string) else {
            decoder.report("\(what) must be a date written YYYY-MM-DD", at: node)
            return nil
        }
        return date
    }

    /// The model day (1-based) a date is, checked to lie within the scenario's days.
    mutating func day(_ node: Node?, _ what: String, start: CalendarDate) -> Int? {
        guard let date = date(node, what) else { return nil }
        let day = date.days(since: start) + 1
        let horizon = Int(vocabulary.horizonDays.rounded(.down))
        guard day >= 1 else {
            decoder.report("\(what) \(date) is before the scenario's start (\(start))", at: node)
            return nil
        }
        guard day <= horizon else {
            decoder.report(
                "\(what) \(date) is day \(day), after the scenario's horizon (day \(horizon))", at: node)
            return nil
        }
        return day
    }

    mutating func observation(_ node: Node, index: Int, start: CalendarDate) -> Observation? {
        let context = "observation \(index + 1)"
        guard
            let fields = decoder.fields(
                of: node, in: context, known: ObservationFile.observationKeys,
                required: ["id", "what", "kind", "source"])
        else { return nil }
        let before = decoder.problems.count
        let id = decoder.string(fields["id"], "\(context): id")
        if let id, !NodeDecoder.isIdentifier(id) || id.lowercased() != id {
            decoder.report("\(context): id '\(id)' must be lower_snake_case", at: fields["id"])
        }
        let name = id.map { "observation '\($0)'" } ?? context
        let what = decoder.string(fields["what"], "\(name): what")
        let source = self.source(fields["source"], name)
        let kindText = decoder.string(fields["kind"], "\(name): kind")
        let kind = kindText.flatMap(Observation.Kind.init(rawValue:))
        if let kindText, kind == nil {
            let kinds = Observation.Kind.allCases.map(\.rawValue)
            decoder.report(
                "\(name): unknown kind '\(kindText)'\(Suggestion.hint(for: kindText, among: kinds)); "
                    + "known: \(kinds.joined(separator: ", "))", at: fields["kind"])
        }
        var fact: Observation.Fact?
        var condition: Observation.Condition?
        var isCheck = false
        switch kind {
        case .event:
            refuse(["before", "given", "check"], in: fields, name, kind: "event")
            fact = event(fields, name, start: start)
        case .quantity:
            refuse(["before", "given", "check"], in: fields, name, kind: "quantity")
            fact = quantity(fields, name, start: start)
        case .fact:
            fact = binary(fields, name, start: start)
            condition = self.condition(fields, name, start: start)
            isCheck = fields["check"].flatMap { decoder.bool($0, "\(name): check") } ?? false
        case nil: break
        }
        guard decoder.problems.count == before, let id, let what, let source, let fact else { return nil }
        return Observation(
            id: id, what: what, fact: fact, source: source, location: decoder.location(of: node).description,
            condition: condition, isCheck: isCheck)
    }

    /// Keys of `fields` that `kind` does not take are reported, so a `value:` on an event is not ignored.
    mutating func refuse(_ keys: [String], in fields: Fields, _ name: String, kind: String) {
        for key in keys where fields[key] != nil {
            decoder.report("\(name): a\(kind == "event" ? "n" : "") \(kind) takes no '\(key)'", at: fields[key])
        }
    }

    mutating func event(_ fields: Fields, _ name: String, start: CalendarDate) -> Observation.Fact? {
        refuse(
            ["series", "value", "range", "error", "counts", "since", "by", "happened", "above"], in: fields, name,
            kind: "event")
        let outcome = dayOutcome(fields["outcome"], name, required: fields.node)
        guard let window = window(fields, name, start: start) else { return nil }
        return outcome.map { .event(outcome: $0, window: window) }
    }

    /// `date:` (one day) or `dates: [first, last]`: the model times they cover.
    mutating func window(_ fields: Fields, _ name: String, start: CalendarDate) -> ObservedValue? {
        switch (fields["date"], fields["dates"]) {
        case (let node?, nil):
            return day(node, "\(name): date", start: start).map { .range(low: Double($0 - 1), high: Double($0)) }
        case (nil, let node?):
            guard let items = decoder.list(node, "\(name): dates") else { return nil }
            guard items.count == 2 else {
                decoder.report("\(name): dates must be [first, last]", at: node)
                return nil
            }
            guard let first = day(items[0], "\(name): dates", start: start),
                let last = day(items[1], "\(name): dates", start: start)
            else { return nil }
            guard first <= last else {
                decoder.report("\(name): dates must be in order, first then last", at: node)
                return nil
            }
            return .range(low: Double(first - 1), high: Double(last))
        case (.some, .some):
            decoder.report("\(name): give 'date' or 'dates', not both", at: fields["dates"])
        case (nil, nil):
            decoder.report("\(name): an event needs 'date' or 'dates'", at: fields.node)
        }
        return nil
    }

    mutating func quantity(_ fields: Fields, _ name: String, start: CalendarDate) -> Observation.Fact? {
        refuse(["dates", "by", "happened", "above"], in: fields, name, kind: "quantity")
        let probe: ModelProbe?
        switch (fields["outcome"], fields["series"]) {
        case (let node?, nil):
            probe = outcome(node, name, allowing: [.quantity, .share, .level, .indicator]).map(ModelProbe.outcome)
            if let date = fields["date"] {
                decoder.report(
                    "\(name): an outcome is the value at the end of the run; use 'series' for a value on a date",
                    at: date)
            }
            if let since = fields["since"] { decoder.report("\(name): 'since' needs a series", at: since) }
        case (nil, let node?):
            let series = self.series(node, name)
            let day = fields["date"] == nil ? nil : self.day(fields["date"], "\(name): date", start: start)
            if fields["date"] == nil { decoder.report("\(name): a series needs the 'date' it is read on", at: node) }
            var since: Int?
            if let sinceNode = fields["since"], let date = date(sinceNode, "\(name): since") {
                since = date.days(since: start)
                if let day, let since, since < 0 || since >= day {
                    decoder.report("\(name): since must lie between the start and the date", at: sinceNode)
                }
            }
            probe = series.flatMap { series in day.map { ModelProbe.series(series, day: $0, sinceDay: since) } }
        default:
            decoder.report("\(name): a quantity needs exactly one of 'outcome' or 'series'", at: fields.node)
            probe = nil
        }
        let value = observedValue(fields, name)
        let measurement = self.measurement(fields, name)
        guard let probe, let value, let measurement else { return nil }
        return .quantity(probe, value: value, measurement: measurement)
    }

    /// `value: x` or `range: [low, high]`.
    mutating func observedValue(_ fields: Fields, _ name: String) -> ObservedValue? {
        switch (fields["value"], fields["range"]) {
        case (let node?, nil):
            return decoder.number(node, "\(name): value").map(ObservedValue.point)
        case (nil, let node?):
            guard let items = decoder.list(node, "\(name): range") else { return nil }
            guard items.count == 2 else {
                decoder.report("\(name): range must be [low, high]", at: node)
                return nil
            }
            guard let low = decoder.number(items[0], "\(name): range"),
                let high = decoder.number(items[1], "\(name): range")
            else { return nil }
            guard low < high else {
                decoder.report("\(name): range must be [low, high] with low below high", at: node)
                return nil
            }
            return .range(low: low, high: high)
        case (.some, .some):
            decoder.report("\(name): give 'value' or 'range', not both", at: fields["range"])
        case (nil, nil):
            decoder.report("\(name): a quantity needs its 'value' or 'range'", at: fields.node)
        }
        return nil
    }

    /// `error: {relative: s}` or `{absolute: s}`, and `counts: {factor: distribution}`.
    mutating func measurement(_ fields: Fields, _ name: String) -> MeasurementModel? {
        var model = MeasurementModel()
        let before = decoder.problems.count
        if let node = fields["error"],
            let error = decoder.fields(of: node, in: "\(name): error", known: ["relative", "absolute"])
        {
            switch (error["relative"], error["absolute"]) {
            case (let share?, nil):
                decoder.number(share, "\(name): error: relative", .positive).map { model.error = .relative($0) }
            case (nil, let sd?):
                decoder.number(sd, "\(name): error: absolute", .positive).map { model.error = .absolute($0) }
            default:
                decoder.report("\(name): error needs exactly one of 'relative' or 'absolute'", at: node)
            }
        }
        if let node = fields["counts"],
            let counts = decoder.fields(of: node, in: "\(name): counts", known: ["factor"], required: ["factor"])
        {
            if let factor = decoder.distribution(counts["factor"], "\(name): counts: factor") {
                if NodeDecoder.support(of: factor).low < 0 {
                    decoder.report("\(name): counts: factor cannot be negative", at: counts["factor"])
                }
                model.factor = factor
            }
        }
        return decoder.problems.count == before ? model : nil
    }

    mutating func binary(_ fields: Fields, _ name: String, start: CalendarDate) -> Observation.Fact? {
        refuse(["date", "dates", "value", "range", "error", "counts", "since"], in: fields, name, kind: "fact")
        let happened = fields["happened"] == nil ? nil : decoder.bool(fields["happened"], "\(name): happened")
        if fields["happened"] == nil {
            decoder.report("\(name): a fact says whether it 'happened' (true or false)", at: fields.node)
        }
        let day = fields["by"] == nil ? nil : self.day(fields["by"], "\(name): by", start: start)
        // An order ("Aleppo fell before Hama") may be judged over the whole run.
        if fields["by"] == nil, fields["before"] == nil {
            decoder.report("\(name): a fact needs the date 'by' which it did or did not happen", at: fields.node)
        }
        var probe: Observation.BinaryProbe?
        switch (fields["outcome"], fields["series"]) {
        case (let node?, nil):
            if let above = fields["above"] { decoder.report("\(name): 'above' goes with a series", at: above) }
            let column = dayOutcome(node, name, required: nil)
            if let beforeNode = fields["before"] {
                let then = dayOutcome(beforeNode, name, required: nil)
                probe = column.flatMap { first in then.map { .order(first, before: $0, byTime: day.map(Double.init)) } }
            } else {
                probe = column.flatMap { column in day.map { .dayOutcome(column, byTime: Double($0)) } }
            }
        case (nil, let node?):
            if let before = fields["before"] {
                decoder.report("\(name): 'before' goes with a day 'outcome'", at: before)
            }
            let series = self.series(node, name)
            let above = fields["above"].flatMap { decoder.number($0, "\(name): above") }
            if fields["above"] == nil {
                decoder.report("\(name): a fact on a series needs the threshold it went 'above'", at: node)
            }
            probe = series.flatMap { series in
                day.flatMap { day in above.map { .series(series, day: day, above: $0) } }
            }
        default:
            decoder.report("\(name): a fact needs exactly one of 'outcome' (a day column) or 'series'", at: fields.node)
        }
        guard let probe, let happened else { return nil }
        return .binary(probe, happened: happened)
    }

    /// `given: COLUMN`: the day column a fact is conditioned on, by the fact's `by` date if it has one.
    mutating func condition(_ fields: Fields, _ name: String, start: CalendarDate) -> Observation.Condition? {
        guard let node = fields["given"], let column = dayOutcome(node, name, required: nil) else { return nil }
        let byTime = fields["by"] == nil ? nil : day(fields["by"], "\(name): by", start: start).map(Double.init)
        return Observation.Condition(outcome: column, byTime: byTime)
    }

    /// An outcome column of kind `day`.
    mutating func dayOutcome(_ node: Node?, _ name: String, required: Node?) -> String? {
        guard let node else {
            if let required {
                decoder.report("\(name): an event needs the day 'outcome' it is compared with", at: required)
            }
            return nil
        }
        return outcome(node, name, allowing: [.day])
    }

    /// An outcome column of one of `kinds`, named with a suggestion when unknown.
    mutating func outcome(_ node: Node, _ name: String, allowing kinds: [OutcomeKind]) -> String? {
        guard let column = decoder.string(node, "\(name): outcome") else { return nil }
        guard let kind = vocabulary.outcomes[column] else {
            let fitting = vocabulary.outcomeOrder.filter { kinds.contains(vocabulary.outcomes[$0]!) }
            decoder.report(
                "\(name): unknown outcome '\(column)'\(Suggestion.hint(for: column, among: fitting))", at: node)
            return nil
        }
        guard kinds.contains(kind) else {
            let wanted = kinds == [.day] ? "a day column (such as aleppo_city_fall_day)" : "a number, not a day"
            decoder.report("\(name): outcome '\(column)' is a \(kind.rawValue); this needs \(wanted)", at: node)
            return nil
        }
        return column
    }

    mutating func series(_ node: Node, _ name: String) -> String? {
        guard let series = decoder.string(node, "\(name): series") else { return nil }
        guard let known = vocabulary.series else { return series }
        guard known.contains(series) else {
            decoder.report(
                "\(name): unknown daily series '\(series)'\(Suggestion.hint(for: series, among: known))", at: node)
            return nil
        }
        return series
    }

    mutating func source(_ node: Node?, _ name: String) -> ObservationSource? {
        guard let node,
            let fields = decoder.fields(
                of: node, in: "\(name): source", known: ObservationFile.sourceKeys,
                required: ["outlet", "published", "counted"])
        else { return nil }
        guard let outlet = decoder.string(fields["outlet"], "\(name): source: outlet"),
            let published = decoder.string(fields["published"], "\(name): source: published"),
            let counted = decoder.string(fields["counted"], "\(name): source: counted")
        else { return nil }
        let url = fields["url"].flatMap { decoder.string($0, "\(name): source: url") }
        return ObservationSource(outlet: outlet, published: published, counted: counted, url: url)
    }
}
