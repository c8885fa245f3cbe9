import EscalationModel
import Foundation
import Stochastic
import Yams

/// Turns a composed scenario document into model parameters, reporting every problem with its
/// location. The keys, their ranges, ceilings and defaults are the parameter catalogue's
/// (`ParameterCatalogue`); this file reads them, and by hand the shapes that are not simple values.
struct ScenarioDecoder {
    var decoder: NodeDecoder
    var uncertain: [UncertainParameter] = []
    /// The paths of `uncertain` whose distribution the included engine file gave (not the case).
    var enginePaths: Set<String> = []

    init(file: String, included: (file: String, afterLine: Int)? = nil) {
        decoder = NodeDecoder(file: file)
        decoder.included = included
    }

    /// The keys of one part of a scenario, from the catalogue (in its order, which suggestions keep).
    static func keys(_ section: ParameterSpec.Section) -> [String] {
        ParameterCatalogue.keys(in: section)
    }

    static let topLevelKeys = keys(.top)

    typealias Decoded = (name: String, title: String, parameters: ModelParameters)

    /// The scenario's name, title and parameters, or nil when there were problems (in `decoder.problems`).
    mutating func decode(_ root: Node) -> Decoded? {
        ScenarioFile.loadCounter?.countDecode()
        guard let top = fields(of: root, in: "the scenario", .top) else { return nil }
        // Every section's numbers start at the model's defaults and are set where the scenario says.
        var shared = ParameterCatalogue.defaultModel
        if let version = decoder.integer(top["escsim"], "escsim (format version)", minimum: 1), version != 1 {
            decoder.report("this escsim reads scenario format 1, the file says \(version)", at: top["escsim"])
        }
        let name = decoder.string(top["name"], "name")
        if let name, !NodeDecoder.isIdentifier(name.replacingOccurrences(of: "-", with: "_")) {
            decoder.report("name must be letters, digits, '-' and '_' (it names the output folder)", at: top["name"])
        }
        let title = top["title"].flatMap { decoder.string($0, "title") } ?? name ?? ""
        _ = top["description"].flatMap { decoder.string($0, "description") }
        let horizonSpec = Self.spec(.top, "horizon_days")
        var horizon = decoder.number(top["horizon_days"], "horizon_days", horizonSpec.constraint ?? .any)
        if let days = horizon, let ceiling = horizonSpec.ceiling, days > ceiling {
            decoder.report(
                "horizon_days must be at most \(Int(ceiling)) (about 27 years), got "
                    + (top["horizon_days"]?.scalar?.string ?? "\(days)"), at: top["horizon_days"])
            horizon = nil
        }
        let maxEvents =
            top["max_events"].map {
                wholeNumber($0, "max_events", Self.spec(.top, "max_events"))
            } ?? shared.maxEvents
        let stalemateDays =
            top["stalemate_days"].map {
                decoder.number($0, "stalemate_days", Self.spec(.top, "stalemate_days").constraint ?? .any)
                    .flatMap { atMost($0, "", "stalemate_days", node: top["stalemate_days"]) }
            } ?? shared.stalemateDays

        var actorEntries = top["actors"].map { decoder.entries(of: $0, in: "actors") } ?? []
        var regionEntries = top["regions"].map { decoder.entries(of: $0, in: "regions") } ?? []
        if let node = top["actors"] {
            if case .mapping = node, actorEntries.isEmpty {
                decoder.report("actors must name at least one actor", at: node)
            }
            if actorEntries.count > StreamLayout.maximumActors {
                decoder.report(
                    "at most \(StreamLayout.maximumActors) actors are supported, got \(actorEntries.count)",
                    at: node)
                actorEntries = []  // checking each of thousands against all the others would take hours
            }
            if case .mapping = node {} else { decoder.unresolvableKinds.insert("actor") }
        }
        if let node = top["regions"] {
            if case .mapping = node, regionEntries.count < 2 {
                decoder.report("regions must name at least two regions", at: node)
            }
            if regionEntries.count > StreamLayout.maximumRegions {
                decoder.report(
                    "at most \(StreamLayout.maximumRegions) regions are supported, got \(regionEntries.count)",
                    at: node)
                regionEntries = []
            }
            if case .mapping = node {} else { decoder.unresolvableKinds.insert("region") }
        }
        if actorEntries.isEmpty { decoder.unresolvableKinds.insert("actor") }
        if regionEntries.isEmpty { decoder.unresolvableKinds.insert("region") }
        let actorIDs = actorEntries.map(\.id)
        let regionIDs = regionEntries.map(\.id)
        let camps = top["camps"].map { decodeCamps($0) } ?? CampSpec.defaults
        let campIDs = camps.map(\.id)

        let actors = actorEntries.enumerated().map { index, entry in
            actor(
                entry.id, index: index, node: entry.value, actorIDs: actorIDs, regionIDs: regionIDs, campIDs: campIDs)
        }
        let regions = regionEntries.enumerated().map { index, entry in
            region(entry.id, index: index, node: entry.value, actorIDs: actorIDs, regionIDs: regionIDs)
        }
        let ladder = top["ladder"].flatMap { decodeLadder($0) }
        if let node = top["combat"] { decodeCombat(node, into: &shared) }
        if let node = top["cascade"], let f = fields(of: node, in: "cascade", .cascade) {
            sectionNumbers(f, .cascade, into: &shared)
        }
        if let node = top["air_campaign"], let f = fields(of: node, in: "air_campaign", .airCampaign) {
            perEventDistributions(f, .airCampaign, into: &shared)
            sectionNumbers(f, .airCampaign, into: &shared)
        }
        if let node = top["patron_rule"], let f = fields(of: node, in: "patron_rule", .patronRule) {
            sectionNumbers(f, .patronRule, into: &shared)
        }
        if let node = top["mediation"], let f = fields(of: node, in: "mediation", .mediation) {
            sectionNumbers(f, .mediation, into: &shared)
        }
        if let node = top["siege"], let f = fields(of: node, in: "siege", .siege) {
            sectionNumbers(f, .siege, into: &shared)
        }
        if let node = top["chemical_weapons"] {
            decodeChemicalWeapons(node, into: &shared, actorIDs: actorIDs, rungIDs: ladder?.map(\.id) ?? [])
        }
        let collapse = top["collapse"].flatMap {
            decodeCollapse($0, actorIDs: actorIDs, regionIDs: regionIDs, into: &shared)
        }
        if let node = top["ground_harm"], let f = fields(of: node, in: "ground_harm", .groundHarm) {
            sectionNumbers(f, .groundHarm, into: &shared)
        }
        if let node = top["displacement"], let f = fields(of: node, in: "displacement", .displacement) {
            sectionNumbers(f, .displacement, into: &shared)
        }
        if let node = top["deals"], let f = fields(of: node, in: "deals", .deals) {
            sectionNumbers(f, .deals, into: &shared)
        }
        if let node = top["supply"], let f = fields(of: node, in: "supply", .supply) {
            sectionNumbers(f, .supply, into: &shared)
        }

        let resolvedActors = actors.compactMap { $0 }
        var resolvedRegions = regions.compactMap { $0 }
        guard decoder.problems.isEmpty, let name, let horizon, let maxEvents, let stalemateDays, let ladder,
            let collapse, resolvedActors.count == actors.count, resolvedRegions.count == regions.count
        else { return nil }

        symmetrise(&resolvedRegions)
        checkGraph(resolvedRegions, entries: regionEntries)
        checkRoles(
            resolvedActors, camps: camps, collapse: collapse, entries: actorEntries, collapseNode: top["collapse"])
        guard decoder.problems.isEmpty else { return nil }
        var parameters = ModelParameters(
            horizonDays: horizon, maxEvents: maxEvents, stalemateDays: stalemateDays, actors: resolvedActors,
            regions: resolvedRegions, ladder: ladder, combat: shared.combat, cascade: shared.cascade,
            airCampaign: shared.airCampaign, patronRule: shared.patronRule, mediation: shared.mediation,
            chemicalWeapons: shared.chemicalWeapons, collapse: collapse)
        parameters.groundHarm = shared.groundHarm
        parameters.displacement = shared.displacement
        parameters.siege = shared.siege
        parameters.camps = camps
        parameters.deals = shared.deals
        parameters.supply = shared.supply
        checkWorkload(parameters, top: top, actorEntries: actorEntries)
        guard decoder.problems.isEmpty else { return nil }
        return (name, title, parameters)
    }

    // MARK: - Sections

    private mutating func actor(
        _ id: String, index: Int, node: Node, actorIDs: [String], regionIDs: [String], campIDs: [String]
    ) -> ActorSpec? {
        let context = "actor '\(id)'"
        guard let f = fields(of: node, in: context, .actor) else { return nil }
        let path = "actors.\(id)"
        let camp = f["side"].flatMap { decoder.reference($0, "\(context): side", to: campIDs, kind: "camp") }
        let patron = f["patron_of"].flatMap {
            decoder.reference($0, "\(context): patron_of", to: actorIDs, kind: "actor")
        }
        if let patron, patron == index { decoder.report("\(context) cannot be its own patron", at: f["patron_of"]) }

        var actor = ActorSpec(id: id, name: id, camp: Camp(camp ?? 0), patronOf: patron, fieldStrength: 0)
        actor.name = f["name"].flatMap { decoder.string($0, "\(context): name") } ?? id
        let base: WritableKeyPath<ModelParameters, ActorSpec> = \.actors[index]
        for spec in ParameterCatalogue.bySection[.actor] ?? [] {
            guard let target = spec.target?.actor, let node = f[spec.key] else { continue }
            if let value = parameter(
                node, "\(context): \(spec.key)", "\(path).\(spec.key)", spec,
                stream: StreamLayout.actorParameters(index), target: base.appending(path: target))
            {
                actor[keyPath: target] = value
            }
        }
        if let target = f["reinforce"].flatMap({ choice($0, "\(context): reinforce", ReinforcementTarget.self) }) {
            actor.reinforcementTarget = target
        }
        actor.initialPosture = f["posture"].flatMap { choice($0, "\(context): posture", Posture.self) }
        actor.objectives = f["objectives"].map { objectives($0, context: context, regionIDs: regionIDs) } ?? []
        if patron == nil {
            for spec in ParameterCatalogue.bySection[.actor] ?? [] where spec.patronsOnly && f[spec.key] != nil {
                decoder.report("\(context): \(spec.key) applies to patrons only (set patron_of)", at: f[spec.key])
            }
        }
        return camp == nil ? nil : actor
    }

    private mutating func region(
        _ id: String, index: Int, node: Node, actorIDs: [String],
        regionIDs: [String]
    ) -> RegionSpec? {
        let context = "region '\(id)'"
        guard let f = fields(of: node, in: context, .region) else { return nil }
        let path = "regions.\(id)"
        let controller = decoder.reference(f["controller"], "\(context): controller", to: actorIDs, kind: "actor")
        var neighbours: [Int] = []
        if let list = decoder.list(f["neighbours"], "\(context): neighbours") {
            for item in list {
                guard let other = decoder.reference(item, "\(context): neighbours", to: regionIDs, kind: "region")
                else { continue }
                if other == index {
                    decoder.report("\(context) cannot neighbour itself", at: item)
                } else if !neighbours.contains(other) {
                    neighbours.append(other)
                }
            }
        }
        var region = RegionSpec(
            id: id, name: id, controller: controller ?? 0, population: 0, garrison: 0,
            neighbours: neighbours)
        region.name = f["name"].flatMap { decoder.string($0, "\(context): name") } ?? id
        let base: WritableKeyPath<ModelParameters, RegionSpec> = \.regions[index]
        for spec in ParameterCatalogue.bySection[.region] ?? [] {
            guard let target = spec.target?.region, let node = f[spec.key] else { continue }
            if let value = parameter(
                node, "\(context): \(spec.key)", "\(path).\(spec.key)", spec,
                stream: StreamLayout.regionParameters(index), target: base.appending(path: target))
            {
                region[keyPath: target] = value
            }
        }
        region.isKeyCity = f["key_city"].flatMap { decoder.bool($0, "\(context): key_city") } ?? region.isKeyCity
        region.stationedPatron = f["patron_troops"].flatMap {
            decoder.reference($0, "\(context): patron_troops", to: actorIDs, kind: "actor")
        }
        region.isSupplyBase =
            f["supply_base"].flatMap { decoder.bool($0, "\(context): supply_base") } ?? region.isSupplyBase
        region.evacuateTo = f["evacuate_to"].flatMap {
            decoder.reference($0, "\(context): evacuate_to", to: regionIDs, kind: "region")
        }
        return controller == nil ? nil : region
    }

    /// One of an enum's raw values, with a suggestion when misspelt.
    private mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, _: T.Type) -> T?
    where T.RawValue == String {
        guard let text = decoder.string(node, what) else { return nil }
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue)
            decoder.report(
                "\(what) must be one of \(names.map { "'\($0)'" }.joined(separator: ", ")), got '\(text)'"
                    + Suggestion.hint(for: text, among: names), at: node)
            return nil
        }
        return value
    }

    /// The `camps` mapping: each camp's name and the camps it starts neutral or allied to.
    private mutating func decodeCamps(_ node: Node) -> [CampSpec] {
        let entries = decoder.entries(of: node, in: "camps")
        if case .mapping = node, entries.count < 2 {
            decoder.report("camps must name at least two camps", at: node)
        }
        if entries.count > StreamLayout.maximumActors {
            decoder.report("at most \(StreamLayout.maximumActors) camps are supported, got \(entries.count)", at: node)
            return CampSpec.defaults
        }
        let ids = entries.map(\.id)
        var camps: [CampSpec] = []
        for (index, entry) in entries.enumerated() {
            let context = "camp '\(entry.id)'"
            var camp = CampSpec(id: entry.id, name: entry.id)
            guard let f = fields(of: entry.value, in: context, .camp) else {
                camps.append(camp)
                continue
            }
            camp.name = f["name"].flatMap { decoder.string($0, "\(context): name") } ?? entry.id
            for key in ["neutral", "allied"] {
                guard let items = decoder.list(f[key], "\(context): \(key)") else { continue }
                let others = items.compactMap { decoder.reference($0, "\(context): \(key)", to: ids, kind: "camp") }
                if others.contains(index) {
                    decoder.report("\(context) cannot be \(key) to itself", at: f[key])
                }
                if key == "neutral" {
                    camp.neutral = others.filter { $0 != index }
                } else {
                    camp.allied = others.filter { $0 != index }
                }
            }
            camps.append(camp)
        }
        for (index, camp) in camps.enumerated() {
            for other in camp.neutral where camps[other].allied.contains(index) || camp.allied.contains(other) {
                decoder.report(
                    "camps '\(camp.id)' and '\(camps[other].id)' are listed both neutral and allied", at: node)
            }
        }
        return camps.isEmpty ? CampSpec.defaults : camps
    }

    private mutating func decodeLadder(_ node: Node) -> [LadderRung]? {
        guard let items = decoder.list(node, "ladder") else { return nil }
        var rungs: [LadderRung] = []
        var ids: Set<String> = []
        for (index, item) in items.enumerated() {
            let context = "ladder rung \(index + 1)"
            guard let f = fields(of: item, in: context, .rung) else { continue }
            guard let id = decoder.string(f["id"], "\(context): id"),
                let trigger = f["trigger"].flatMap({ choice($0, "\(context): trigger", LadderTrigger.self) })
            else { continue }
            if !ids.insert(id).inserted { decoder.report("\(context): duplicate rung id '\(id)'", at: f["id"]) }
            var threshold = 0.0
            if trigger == .airstrikes {
                threshold =
                    decoder.number(
                        f["threshold"], "\(context): threshold",
                        Self.spec(.rung, "threshold").constraint ?? .any
                    )
                    .flatMap { atMost($0, "ladder", "threshold", what: "\(context): threshold", node: f["threshold"]) }
                    ?? 0
                if f["threshold"] == nil {
                    decoder.report("\(context): an airstrikes rung needs a threshold", at: item)
                }
                if let previous = rungs.last(where: { $0.trigger == .airstrikes }), previous.threshold >= threshold {
                    decoder.report("\(context): airstrike thresholds must rise up the ladder", at: f["threshold"])
                }
            } else if f["threshold"] != nil {
                decoder.report("\(context): only airstrikes rungs take a threshold", at: f["threshold"])
            }
            if index == 0, trigger != .start {
                decoder.report("\(context): the first rung must have trigger 'start'", at: f["trigger"])
            } else if index > 0, trigger == .start {
                decoder.report("\(context): only the first rung may have trigger 'start'", at: f["trigger"])
            }
            rungs.append(LadderRung(id: id, trigger: trigger, threshold: threshold))
        }
        if items.isEmpty { decoder.report("ladder must have at least one rung", at: node) }
        return rungs
    }

    /// The fields of a mapping that holds the keys of `section`, with its required keys.
    private mutating func fields(of node: Node, in context: String, _ section: ParameterSpec.Section) -> Fields? {
        decoder.fields(
            of: node, in: context, known: Self.keys(section),
            required: ParameterCatalogue.requiredKeys(in: section))
    }

    /// The catalogue's entry of a key the decoder reads by name.
    static func spec(_ section: ParameterSpec.Section, _ key: String) -> ParameterSpec {
        guard let spec = ParameterCatalogue.entry(section, key) else {
            fatalError("the parameter catalogue has no key '\(key)' in \(section)")
        }
        return spec
    }

    /// The numbers of a shared section, any of which may be uncertain (drawn from the shared stream).
    private mutating func sectionNumbers(
        _ f: Fields, _ section: ParameterSpec.Section,
        into shared: inout ModelParameters
    ) {
        for spec in ParameterCatalogue.bySection[section] ?? [] {
            guard let target = spec.target?.model, let node = f[spec.key] else { continue }
            if let number = parameter(
                node, "\(section.rawValue): \(spec.key)", "\(section.rawValue).\(spec.key)", spec,
                stream: StreamLayout.sharedParameters, target: target)
            {
                shared[keyPath: target] = number
            }
        }
    }

    /// The distributions of a section that are drawn anew at every event.
    private mutating func perEventDistributions(
        _ f: Fields, _ section: ParameterSpec.Section,
        into shared: inout ModelParameters
    ) {
        for spec in ParameterCatalogue.bySection[section] ?? [] {
            guard let target = spec.target?.perEvent, let node = f[spec.key] else { continue }
            if let distribution = boundedDistribution(node, "\(section.rawValue): \(spec.key)", spec) {
                shared[keyPath: target] = distribution
            }
        }
    }

    /// A whole number within its entry's floor and ceiling.
    private mutating func wholeNumber(_ node: Node, _ what: String, _ spec: ParameterSpec) -> Int? {
        let minimum = spec.constraint?.floor.map { Int($0.value) } ?? Int.min
        return decoder.integer(node, what, minimum: minimum)
            .flatMap { atMost($0, spec.section.rawValue, spec.key, node: node) }
    }

    private mutating func decodeCombat(_ node: Node, into shared: inout ModelParameters) {
        guard let f = fields(of: node, in: "combat", .combat) else { return }
        sectionNumbers(f, .combat, into: &shared)
        if let node = f["law"], let law = choice(node, "combat: law", AttritionLaw.self) { shared.combat.law = law }
        if let node = f["max_rounds"],
            let rounds = wholeNumber(node, "combat: max_rounds", Self.spec(.combat, "max_rounds"))
        {
            shared.combat.maxRounds = rounds
        }
        if let node = f["breakpoint"],
            let breakpoint = boundedDistribution(node, "combat: breakpoint", Self.spec(.combat, "breakpoint"))
        {
            shared.combat.breakpoint = breakpoint
        }
    }

    private mutating func decodeChemicalWeapons(
        _ node: Node, into shared: inout ModelParameters,
        actorIDs: [String], rungIDs: [String]
    ) {
        guard let f = fields(of: node, in: "chemical_weapons", .chemicalWeapons) else { return }
        sectionNumbers(f, .chemicalWeapons, into: &shared)
        if let node = f["minimum_rung"],
            let rung = decoder.reference(
                node, "chemical_weapons: minimum_rung",
                to: rungIDs, kind: "ladder rung")
        {
            shared.chemicalWeapons.minimumRung = rung
        }
        perEventDistributions(f, .chemicalWeapons, into: &shared)
        if let list = decoder.list(f["responders"], "chemical_weapons: responders") {
            shared.chemicalWeapons.responders = list.compactMap {
                decoder.reference($0, "chemical_weapons: responders", to: actorIDs, kind: "actor")
            }
        }
    }

    private mutating func decodeCollapse(
        _ node: Node, actorIDs: [String], regionIDs: [String], into shared: inout ModelParameters
    ) -> CollapseRule? {
        guard let f = fields(of: node, in: "collapse", .collapse) else { return nil }
        let actor = decoder.reference(f["actor"], "collapse: actor", to: actorIDs, kind: "actor")
        let capital = decoder.reference(f["capital"], "collapse: capital", to: regionIDs, kind: "region")
        let threshold = f["morale_threshold"].flatMap {
            parameter(
                $0, "collapse: morale_threshold", "collapse.morale_threshold", Self.spec(.collapse, "morale_threshold"),
                stream: StreamLayout.sharedParameters, target: \.collapse.moraleThreshold)
        }
        // The rule's other numbers (dissolved_share, garrison_shock) go through their targets.
        for spec in ParameterCatalogue.bySection[.collapse] ?? [] where spec.key != "morale_threshold" {
            guard let target = spec.target?.model, let node = f[spec.key] else { continue }
            if let number = parameter(
                node, "collapse: \(spec.key)", "collapse.\(spec.key)", spec, stream: StreamLayout.sharedParameters,
                target: target)
            {
                shared[keyPath: target] = number
            }
        }
        guard let actor, let capital, let threshold else { return nil }
        var rule = shared.collapse
        (rule.actor, rule.capital, rule.moraleThreshold) = (actor, capital, threshold)
        return rule
    }

    // MARK: - Numbers that may be uncertain

    /// A number, or a distribution drawn once per replication from `stream` (recorded in
    /// `uncertain`). Returns the value to use when nothing is drawn: the number, or the mean.
    private mutating func parameter(
        _ node: Node, _ what: String, _ path: String, _ spec: ParameterSpec,
        stream: Int, target: WritableKeyPath<ModelParameters, Double>
    ) -> Double? {
        let constraint = spec.constraint ?? .any
        let ceiling = spec.ceiling
        if case .scalar = node {
            guard let value = decoder.number(node, what, constraint) else { return nil }
            guard let ceiling, value > ceiling else { return value }
            decoder.report(
                "\(what) must be at most \(ScenarioLimits.format(ceiling)), got \(node.scalar?.string ?? "\(value)")",
                at: node)
            return nil
        }
        guard let distribution = boundedDistribution(node, what, spec) else { return nil }
        if let fixed = distribution.fixedValue { return fixed }
        uncertain.append(UncertainParameter(path: path, distribution: distribution, stream: stream, target: target))
        if let included = decoder.included, decoder.location(of: node).file == included.file {
            enginePaths.insert(path)
        }
        return distribution.mean
    }

    /// A distribution whose every possible value satisfies the entry's constraint and ceiling.
    private mutating func boundedDistribution(_ node: Node, _ what: String, _ spec: ParameterSpec) -> Distribution? {
        let constraint = spec.constraint ?? .any
        let ceiling = spec.ceiling
        guard let distribution = decoder.distribution(node, what) else { return nil }
        if let ceiling, let excess = ScenarioLimits.excess(of: distribution, over: ceiling) {
            // A plain number is a fixed distribution; say it as the author wrote it.
            let got = node.scalar.map { "got \($0.string)" } ?? "but \(excess)"
            decoder.report("\(what) must be at most \(ScenarioLimits.format(ceiling)), \(got)", at: node)
            return nil
        }
        let support = NodeDecoder.support(of: distribution)
        // No draw of gamma, lognormal or Poisson has a ceiling, so a ceiling holds their mean instead.
        var high = support.high
        if case .upTo = constraint, high == .infinity { high = distribution.mean }
        guard constraint.admits(low: support.low, high: high) else {
            decoder.report(
                "\(what) must be \(constraint.phrase), but \(distribution) can take values outside that "
                    + "(truncate it with low/high, or pick a family with the right support)", at: node)
            return nil
        }
        return distribution
    }

    /// `value` if it is within the ceiling of `key` in `section` (ScenarioLimits), else nil and a problem.
    private mutating func atMost<Number: BinaryInteger>(
        _ value: Number, _ section: String, _ key: String,
        node: Node?
    ) -> Number? {
        atMost(Double(value), section, key, what: section.isEmpty ? key : "\(section): \(key)", node: node)
            .map { _ in value }
    }

    private mutating func atMost(
        _ value: Double, _ section: String, _ key: String, what: String? = nil,
        node: Node?
    ) -> Double? {
        guard let ceiling = ScenarioLimits.ceiling(section, key), value > ceiling else { return value }
        let text = node?.scalar?.string ?? ScenarioLimits.format(value)
        decoder.report(
            "\(what ?? (section.isEmpty ? key : "\(section): \(key)")) must be at most "
                + "\(ScenarioLimits.format(ceiling)), got \(text)", at: node)
        return nil
    }

    // MARK: - Whole-scenario checks

    /// Below this many events a replication takes well under a second, whatever stops it: a
    /// `max_events` set lower than the estimate is then a deliberate cut (tests of the guard do
    /// it), not a scenario that cannot run.
    static let cheapEvents = 1_000_000.0

    /// What a replication may cost, from the parameters (uncertain ones at their means): events
    /// against `max_events`, fighters against the binomial sampler's limit. Each key's ceiling
    /// keeps its own number sane; this is about what the model multiplies and sums.
    ///
    /// Events a day, as an upper estimate: the daily review; per actor its sorties (commitment can
    /// rise to 1), its assaults (times the largest posture factor) each followed by up to
    /// `max_rounds` combat rounds, and for a patron a decision and an arrival per decision interval;
    /// mediation attempts. Over the horizon this must fit in `max_events`: a scenario that needs
    /// more stops at the guard in every replication (and 10^12 sorties a day ran each one for
    /// seconds to get there).
    private mutating func checkWorkload(
        _ parameters: ModelParameters, top: Fields,
        actorEntries: [(id: String, key: Node, value: Node)]
    ) {
        func node(_ entry: Node, _ key: String) -> Node? {
            guard case .mapping(let mapping) = entry else { return nil }
            return mapping.first { $0.key.string == key }?.value
        }
        var perDay: [(label: String, rate: Double, node: Node?)] = []
        let rule = parameters.patronRule
        let assaultFactor = max(1, rule.backedAssaultFactor, rule.restrainedAssaultFactor)
        let roundsPerAssault = 1 + Double(parameters.combat.maxRounds)
        for (index, actor) in parameters.actors.enumerated() {
            let entry = actorEntries[index].value
            let context = "actor '\(actor.id)'"
            perDay.append(("\(context): sorties_per_day", actor.sortiesPerDay, node(entry, "sorties_per_day")))
            perDay.append(
                (
                    "\(context): assaults_per_day", actor.assaultsPerDay * assaultFactor * roundsPerAssault,
                    node(entry, "assaults_per_day")
                ))
            if actor.isPatron, actor.decisionIntervalDays > 0 {
                perDay.append(
                    (
                        "\(context): decision_interval_days", 2 / actor.decisionIntervalDays,
                        node(entry, "decision_interval_days")
                    ))
            }
        }
        perDay.append(
            (
                "mediation: attempts_per_day", parameters.mediation.attemptsPerDay,
                top["mediation"].flatMap { node($0, "attempts_per_day") }
            ))
        let horizon = parameters.horizonDays
        let daily = 1 + perDay.reduce(0) { $0 + $1.rate }
        let events = horizon * daily
        if events > Double(parameters.maxEvents), events > Self.cheapEvents,
            let largest = perDay.max(by: { $0.rate < $1.rate })
        {
            decoder.report(
                "a replication may take about \(Self.rough(events)) events (horizon_days "
                    + "\(ScenarioLimits.format(horizon)) x \(Self.rough(daily)) a day, most from \(largest.label)), "
                    + "more than max_events (\(parameters.maxEvents)): every replication would stop at the guard; "
                    + "lower the rates or horizon_days, or raise max_events (at most "
                    + "\(ScenarioLimits.format(ScenarioLimits.ceiling("", "max_events") ?? 0)))",
                at: largest.node ?? top["horizon_days"])
        }

        // Every fighter at the start, and every reinforcement the patrons may send: one per
        // decision at most, a decision every interval on average.
        let start =
            parameters.actors.reduce(0) { $0 + $1.fieldStrength } + parameters.regions.reduce(0) { $0 + $1.garrison }
        var sent: [(index: Int, fighters: Double)] = []
        for (index, actor) in parameters.actors.enumerated() where actor.isPatron && actor.decisionIntervalDays > 0 {
            sent.append((index, actor.reinforcementSize * horizon / actor.decisionIntervalDays))
        }
        let total = start + sent.reduce(0) { $0 + $1.fighters }
        if total > ScenarioLimits.maximumFighters {
            let limit = ScenarioLimits.format(ScenarioLimits.maximumFighters)
            if let largest = sent.max(by: { $0.fighters < $1.fighters }), largest.fighters > 0 {
                let actor = parameters.actors[largest.index]
                let entry = actorEntries[largest.index].value
                decoder.report(
                    "actor '\(actor.id)': reinforcement_size \(ScenarioLimits.format(actor.reinforcementSize)) "
                        + "every \(ScenarioLimits.format(actor.decisionIntervalDays)) days (decision_interval_days) "
                        + "for \(ScenarioLimits.format(horizon)) days may bring the forces to about "
                        + "\(Self.rough(total)) fighters, more than the model counts in one force (\(limit))",
                    at: node(entry, "reinforcement_size") ?? actorEntries[largest.index].key)
            } else {
                decoder.report(
                    "the forces at the start add up to \(Self.rough(total)) fighters, more than the model "
                        + "counts in one force (\(limit))", at: top["actors"])
            }
        }
    }

    static func rough(_ value: Double) -> String {
        ScenarioLimits.approximate(value)
    }

    /// Neighbourhood is mutual: listing a neighbour on one side is enough.
    private func symmetrise(_ regions: inout [RegionSpec]) {
        for index in regions.indices {
            for other in regions[index].neighbours where !regions[other].neighbours.contains(index) {
                regions[other].neighbours.append(index)
            }
        }
    }

    /// Every region must be reachable from every other: a disconnected map has fronts that can never move.
    private mutating func checkGraph(_ regions: [RegionSpec], entries: [(id: String, key: Node, value: Node)]) {
        guard !regions.isEmpty else { return }
        var reached = Set([0])
        var frontier = [0]
        while let next = frontier.popLast() {
            for other in regions[next].neighbours where reached.insert(other).inserted {
                frontier.append(other)
            }
        }
        for index in regions.indices where !reached.contains(index) {
            decoder.report(
                "region '\(regions[index].id)' cannot be reached from '\(regions[0].id)': "
                    + "the region graph must be connected", at: entries[index].key)
        }
    }

    /// A patron backs a client, which may itself back another (a chain); a chain that comes back to
    /// where it started backs no one who fights for themselves, and the model would pass
    /// reinforcements round it forever. Each cycle is reported once, at its first actor in the file,
    /// spelt out in the order of `patron_of`. (An actor its own patron is refused where it is read.)
    private mutating func checkPatronChains(_ actors: [ActorSpec], entries: [(id: String, key: Node, value: Node)]) {
        // 0: not visited; 1: on the chain being walked; 2: done (its chain ends, or its cycle is reported).
        var state = Array(repeating: 0, count: actors.count)
        for start in actors.indices where state[start] == 0 {
            var chain: [Int] = []
            var current: Int? = start
            while let actor = current, state[actor] == 0 {
                state[actor] = 1
                chain.append(actor)
                current = actors[actor].patronOf
            }
            if let actor = current, state[actor] == 1, let first = chain.firstIndex(of: actor) {
                let cycle = Array(chain[first...])
                // Start the spelling at the member that comes first in the file.
                let lowest = cycle.indices.min { cycle[$0] < cycle[$1] } ?? 0
                let ordered = Array(cycle[lowest...] + cycle[..<lowest])
                let names = ordered.map { "'\(actors[$0].id)'" }
                let path = (ordered + [ordered[0]]).map { actors[$0].id }.joined(separator: " -> ")
                let list =
                    names.count == 2
                    ? names.joined(separator: " and ")
                    : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
                decoder.report(
                    "actors \(list) are patrons of each other in a cycle, \(path) (patron_of): "
                        + "a chain of patrons must end at an actor that is no one's patron",
                    at: entries[ordered[0]].key)
            }
            for actor in chain { state[actor] = 2 }
        }
    }

    private mutating func checkRoles(
        _ actors: [ActorSpec], camps: [CampSpec], collapse: CollapseRule,
        entries: [(id: String, key: Node, value: Node)], collapseNode: Node?
    ) {
        let stances = ModelParameters.stances(of: camps)
        for (index, actor) in actors.enumerated() {
            if let client = actor.patronOf,
                stances[actor.camp.index * camps.count + actors[client].camp.index] == .hostile
            {
                decoder.report(
                    "actor '\(actor.id)' backs '\(actors[client].id)' but is on the other side "
                        + "(a patron must be in its client's camp, or in one neutral or allied to it)",
                    at: entries[index].key)
            }
        }
        checkPatronChains(actors, entries: entries)
        if actors[collapse.actor].isPatron {
            decoder.report("collapse: actor must be a principal actor, not a patron", at: collapseNode)
        }
    }
}
