import EscalationModel
import Foundation
import Stochastic
import Yams

/// Turns a composed scenario document into model parameters, reporting every problem with its
/// location. This file is the definition of the scenario format (see docs/scenario-format.md).
struct ScenarioDecoder {
    var decoder: NodeDecoder
    var uncertain: [UncertainParameter] = []

    init(file: String) {
        decoder = NodeDecoder(file: file)
    }

    static let topLevelKeys = [
        "escsim", "name", "title", "description", "horizon_days", "max_events", "stalemate_days", "actors",
        "regions", "ladder", "combat", "cascade", "air_campaign", "patron_rule", "mediation", "chemical_weapons",
        "collapse", "variants", "sweep",
    ]
    static let actorKeys = [
        "name", "side", "patron_of", "field_strength", "quality", "morale", "assaults_per_day",
        "assault_commitment", "sorties_per_day", "commitment", "distraction", "decision_interval_days",
        "reinforcement_size", "reinforcement_delay_days", "reinforce", "posture", "troops_hit_probability",
    ]
    static let regionKeys = [
        "name", "controller", "population", "strategic_value", "garrison", "fortification", "neighbours", "key_city",
        "patron_troops",
    ]
    static let combatKeys = [
        "round_days", "lethality_per_day", "law", "breakpoint", "max_rounds", "occupation_share", "morale_shock",
        "morale_weight", "air_support_per_sortie",
    ]
    static let cascadeKeys = ["local_shock", "withdrawal_morale", "withdrawal_delay_days"]
    static let mediationKeys = ["attempts_per_day", "base_success", "exhaustion_weight", "loss_weight"]
    static let chemicalKeys = ["daily_hazard", "desperation_morale", "minimum_rung", "civilians_killed", "responders"]
    static let airKeys = [
        "fighters_hit_per_strike", "civilians_killed_per_strike", "civilians_injured_per_strike",
        "civilians_displaced_per_strike",
    ]
    static let patronRuleKeys = [
        "threat_sensitivity", "drawdown_propensity", "drawdown_factor", "restraint_per_rung",
        "restrained_assault_factor", "backed_assault_factor", "morale_boost_per_thousand",
    ]
    static let collapseKeys = ["actor", "capital", "morale_threshold"]
    static let rungKeys = ["id", "trigger", "threshold"]

    /// The longest horizon: the model keeps a snapshot per simulated day, and a run of 10^9 days
    /// asked for 48 GB; 10,000 days (27 years) is longer than any war a scenario describes.
    static let maximumHorizonDays = 10_000.0

    typealias Decoded = (name: String, title: String, parameters: ModelParameters)

    /// The scenario's name, title and parameters, or nil when there were problems (in `decoder.problems`).
    mutating func decode(_ root: Node) -> Decoded? {
        ScenarioFile.loadCounter?.countDecode()
        guard let top = decoder.fields(of: root, in: "the scenario", known: Self.topLevelKeys,
                                       required: ["escsim", "name", "horizon_days", "actors", "regions", "ladder",
                                                  "collapse"])
        else { return nil }
        if let version = decoder.integer(top["escsim"], "escsim (format version)", minimum: 1), version != 1 {
            decoder.report("this escsim reads scenario format 1, the file says \(version)", at: top["escsim"])
        }
        let name = decoder.string(top["name"], "name")
        if let name, !NodeDecoder.isIdentifier(name.replacingOccurrences(of: "-", with: "_")) {
            decoder.report("name must be letters, digits, '-' and '_' (it names the output folder)", at: top["name"])
        }
        let title = top["title"].flatMap { decoder.string($0, "title") } ?? name ?? ""
        _ = top["description"].flatMap { decoder.string($0, "description") }
        var horizon = decoder.number(top["horizon_days"], "horizon_days", .positive)
        if let days = horizon, days > Self.maximumHorizonDays {
            decoder.report("horizon_days must be at most \(Int(Self.maximumHorizonDays)) (about 27 years), got "
                           + (top["horizon_days"]?.scalar?.string ?? "\(days)"), at: top["horizon_days"])
            horizon = nil
        }
        let maxEvents = top["max_events"].map {
            decoder.integer($0, "max_events", minimum: 1).flatMap { atMost($0, "", "max_events", node: top["max_events"]) }
        } ?? 10_000_000
        let stalemateDays = top["stalemate_days"].map {
            decoder.number($0, "stalemate_days", .positive).flatMap { atMost($0, "", "stalemate_days", node: top["stalemate_days"]) }
        } ?? 7

        var actorEntries = top["actors"].map { decoder.entries(of: $0, in: "actors") } ?? []
        var regionEntries = top["regions"].map { decoder.entries(of: $0, in: "regions") } ?? []
        if let node = top["actors"] {
            if case .mapping = node, actorEntries.isEmpty { decoder.report("actors must name at least one actor", at: node) }
            if actorEntries.count > StreamLayout.maximumActors {
                decoder.report("at most \(StreamLayout.maximumActors) actors are supported, got \(actorEntries.count)",
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
                decoder.report("at most \(StreamLayout.maximumRegions) regions are supported, got \(regionEntries.count)",
                               at: node)
                regionEntries = []
            }
            if case .mapping = node {} else { decoder.unresolvableKinds.insert("region") }
        }
        if actorEntries.isEmpty { decoder.unresolvableKinds.insert("actor") }
        if regionEntries.isEmpty { decoder.unresolvableKinds.insert("region") }
        let actorIDs = actorEntries.map(\.id)
        let regionIDs = regionEntries.map(\.id)

        let actors = actorEntries.enumerated().map { index, entry in
            actor(entry.id, index: index, node: entry.value, actorIDs: actorIDs)
        }
        let regions = regionEntries.enumerated().map { index, entry in
            region(entry.id, index: index, node: entry.value, actorIDs: actorIDs, regionIDs: regionIDs)
        }
        let ladder = top["ladder"].flatMap { decodeLadder($0) }
        var combat = CombatParameters()
        var cascade = CascadeParameters()
        var air = AirCampaignParameters()
        var patronRule = PatronRule()
        var mediation = MediationParameters()
        var chemical = ChemicalWeaponsParameters()
        if let node = top["combat"] { decodeCombat(node, into: &combat) }
        if let node = top["cascade"] {
            section(node, "cascade", Self.cascadeKeys, into: &cascade, at: \.cascade, [
                ("local_shock", .unitInterval, \.localShock),
                ("withdrawal_morale", .unitInterval, \.withdrawalMorale),
                ("withdrawal_delay_days", .positive, \.withdrawalDelayDays),
            ])
        }
        if let node = top["air_campaign"] { decodeAirCampaign(node, into: &air) }
        if let node = top["patron_rule"] {
            section(node, "patron_rule", Self.patronRuleKeys, into: &patronRule, at: \.patronRule, [
                ("threat_sensitivity", .nonNegative, \.threatSensitivity),
                ("drawdown_propensity", .unitInterval, \.drawdownPropensity),
                ("drawdown_factor", .unitInterval, \.drawdownFactor),
                ("restraint_per_rung", .unitInterval, \.restraintPerRung),
                ("restrained_assault_factor", .nonNegative, \.restrainedAssaultFactor),
                ("backed_assault_factor", .nonNegative, \.backedAssaultFactor),
                ("morale_boost_per_thousand", .nonNegative, \.moraleBoostPerThousand),
            ])
        }
        if let node = top["mediation"] {
            section(node, "mediation", Self.mediationKeys, into: &mediation, at: \.mediation, [
                ("attempts_per_day", .nonNegative, \.attemptsPerDay),
                ("base_success", .unitInterval, \.baseSuccess),
                ("exhaustion_weight", .nonNegative, \.exhaustionWeight),
                ("loss_weight", .nonNegative, \.lossWeight),
            ])
        }
        if let node = top["chemical_weapons"] {
            decodeChemicalWeapons(node, into: &chemical, actorIDs: actorIDs, rungIDs: ladder?.map(\.id) ?? [])
        }
        let collapse = top["collapse"].flatMap { decodeCollapse($0, actorIDs: actorIDs, regionIDs: regionIDs) }

        let resolvedActors = actors.compactMap { $0 }
        var resolvedRegions = regions.compactMap { $0 }
        guard decoder.problems.isEmpty, let name, let horizon, let maxEvents, let stalemateDays, let ladder,
              let collapse, resolvedActors.count == actors.count, resolvedRegions.count == regions.count
        else { return nil }

        symmetrise(&resolvedRegions)
        checkGraph(resolvedRegions, entries: regionEntries)
        checkRoles(resolvedActors, collapse: collapse, entries: actorEntries, collapseNode: top["collapse"])
        guard decoder.problems.isEmpty else { return nil }
        let parameters = ModelParameters(
            horizonDays: horizon, maxEvents: maxEvents, stalemateDays: stalemateDays, actors: resolvedActors,
            regions: resolvedRegions, ladder: ladder, combat: combat, cascade: cascade, airCampaign: air,
            patronRule: patronRule, mediation: mediation, chemicalWeapons: chemical, collapse: collapse)
        checkWorkload(parameters, top: top, actorEntries: actorEntries)
        guard decoder.problems.isEmpty else { return nil }
        return (name, title, parameters)
    }

    // MARK: - Sections

    private mutating func actor(_ id: String, index: Int, node: Node, actorIDs: [String]) -> ActorSpec? {
        let context = "actor '\(id)'"
        guard let f = decoder.fields(of: node, in: context, known: Self.actorKeys, required: ["side", "field_strength"])
        else { return nil }
        let path = "actors.\(id)"
        let side: Side? = f["side"].flatMap { choice($0, "\(context): side", Side.self) }
        let patron = f["patron_of"].flatMap { decoder.reference($0, "\(context): patron_of", to: actorIDs, kind: "actor") }
        if let patron, patron == index { decoder.report("\(context) cannot be its own patron", at: f["patron_of"]) }

        var spec = ActorSpec(id: id, name: id, side: side ?? .opposition, patronOf: patron, fieldStrength: 0)
        spec.name = f["name"].flatMap { decoder.string($0, "\(context): name") } ?? id
        let numbers: [(String, NumberConstraint, WritableKeyPath<ActorSpec, Double>)] = [
            ("field_strength", .fighters, \.fieldStrength),
            ("quality", .positive, \.quality),
            ("morale", .positiveUnit, \.morale),
            ("assaults_per_day", .nonNegative, \.assaultsPerDay),
            ("assault_commitment", .positiveUnit, \.assaultCommitment),
            ("sorties_per_day", .nonNegative, \.sortiesPerDay),
            ("commitment", .unitInterval, \.commitment),
            ("distraction", .unitInterval, \.distraction),
            ("decision_interval_days", .nonNegative, \.decisionIntervalDays),
            ("reinforcement_size", .fighters, \.reinforcementSize),
            ("reinforcement_delay_days", .positive, \.reinforcementDelayDays),
            ("troops_hit_probability", .unitInterval, \.troopsHitProbability),
        ]
        let base: WritableKeyPath<ModelParameters, ActorSpec> = \.actors[index]
        for (key, constraint, target) in numbers {
            guard let node = f[key] else { continue }
            if let value = parameter(node, "\(context): \(key)", "\(path).\(key)", constraint,
                                     ceiling: ScenarioLimits.ceiling("actor", key),
                                     stream: StreamLayout.actorParameters(index), target: base.appending(path: target)) {
                spec[keyPath: target] = value
            }
        }
        if let node = f["reinforce"], let text = decoder.string(node, "\(context): reinforce") {
            switch text {
            case "own_forces": spec.reinforcesOwnForces = true
            case "client": spec.reinforcesOwnForces = false
            default:
                decoder.report("\(context): reinforce must be 'own_forces' or 'client', got '\(text)'"
                               + Suggestion.hint(for: text, among: ["own_forces", "client"]), at: node)
            }
        }
        spec.initialPosture = f["posture"].flatMap { choice($0, "\(context): posture", Posture.self) }
        if patron == nil {
            for key in ["decision_interval_days", "reinforcement_size", "posture", "reinforce"] where f[key] != nil {
                decoder.report("\(context): \(key) applies to patrons only (set patron_of)", at: f[key])
            }
        }
        return side == nil ? nil : spec
    }

    private mutating func region(_ id: String, index: Int, node: Node, actorIDs: [String],
                                 regionIDs: [String]) -> RegionSpec? {
        let context = "region '\(id)'"
        guard let f = decoder.fields(of: node, in: context, known: Self.regionKeys,
                                     required: ["controller", "population", "garrison", "neighbours"])
        else { return nil }
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
        var spec = RegionSpec(id: id, name: id, controller: controller ?? 0, population: 0, strategicValue: 1,
                              garrison: 0, neighbours: neighbours)
        spec.name = f["name"].flatMap { decoder.string($0, "\(context): name") } ?? id
        let numbers: [(String, NumberConstraint, WritableKeyPath<RegionSpec, Double>)] = [
            ("population", .nonNegative, \.population),
            ("strategic_value", .positive, \.strategicValue),
            ("garrison", .fighters, \.garrison),
            ("fortification", .positive, \.fortification),
        ]
        let base: WritableKeyPath<ModelParameters, RegionSpec> = \.regions[index]
        for (key, constraint, target) in numbers {
            guard let node = f[key] else { continue }
            if let value = parameter(node, "\(context): \(key)", "\(path).\(key)", constraint,
                                     ceiling: ScenarioLimits.ceiling("region", key),
                                     stream: StreamLayout.regionParameters(index), target: base.appending(path: target)) {
                spec[keyPath: target] = value
            }
        }
        spec.isKeyCity = f["key_city"].flatMap { decoder.bool($0, "\(context): key_city") } ?? false
        spec.stationedPatron = f["patron_troops"].flatMap {
            decoder.reference($0, "\(context): patron_troops", to: actorIDs, kind: "actor")
        }
        return controller == nil ? nil : spec
    }

    /// One of an enum's raw values, with a suggestion when misspelt.
    private mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, _: T.Type) -> T?
        where T.RawValue == String {
        guard let text = decoder.string(node, what) else { return nil }
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue)
            decoder.report("\(what) must be one of \(names.map { "'\($0)'" }.joined(separator: ", ")), got '\(text)'"
                           + Suggestion.hint(for: text, among: names), at: node)
            return nil
        }
        return value
    }

    private mutating func decodeLadder(_ node: Node) -> [LadderRung]? {
        guard let items = decoder.list(node, "ladder") else { return nil }
        var rungs: [LadderRung] = []
        var ids: Set<String> = []
        for (index, item) in items.enumerated() {
            let context = "ladder rung \(index + 1)"
            guard let f = decoder.fields(of: item, in: context, known: Self.rungKeys, required: ["id", "trigger"])
            else { continue }
            guard let id = decoder.string(f["id"], "\(context): id"),
                  let trigger = f["trigger"].flatMap({ choice($0, "\(context): trigger", LadderTrigger.self) })
            else { continue }
            if !ids.insert(id).inserted { decoder.report("\(context): duplicate rung id '\(id)'", at: f["id"]) }
            var threshold = 0.0
            if trigger == .airstrikes {
                threshold = decoder.number(f["threshold"], "\(context): threshold", .positive)
                    .flatMap { atMost($0, "ladder", "threshold", what: "\(context): threshold", node: f["threshold"]) } ?? 0
                if f["threshold"] == nil { decoder.report("\(context): an airstrikes rung needs a threshold", at: item) }
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

    /// A section of plain numbers, any of which may be uncertain (drawn from the shared stream).
    private mutating func section<Section>(_ node: Node, _ name: String, _ keys: [String], into value: inout Section,
                                           at base: WritableKeyPath<ModelParameters, Section>,
                                           _ numbers: [(String, NumberConstraint, WritableKeyPath<Section, Double>)]) {
        guard let f = decoder.fields(of: node, in: name, known: keys) else { return }
        sectionNumbers(f, name, into: &value, at: base, numbers)
    }

    private mutating func sectionNumbers<Section>(_ f: Fields, _ name: String, into value: inout Section,
                                                  at base: WritableKeyPath<ModelParameters, Section>,
                                                  _ numbers: [(String, NumberConstraint, WritableKeyPath<Section, Double>)]) {
        for (key, constraint, target) in numbers {
            guard let node = f[key] else { continue }
            if let number = parameter(node, "\(name): \(key)", "\(name).\(key)", constraint,
                                      ceiling: ScenarioLimits.ceiling(name, key),
                                      stream: StreamLayout.sharedParameters, target: base.appending(path: target)) {
                value[keyPath: target] = number
            }
        }
    }

    private mutating func decodeCombat(_ node: Node, into combat: inout CombatParameters) {
        guard let f = decoder.fields(of: node, in: "combat", known: Self.combatKeys) else { return }
        sectionNumbers(f, "combat", into: &combat, at: \.combat, [
            ("round_days", .positive, \.roundDays),
            ("lethality_per_day", .positive, \.lethalityPerDay),
            ("occupation_share", .positiveUnit, \.occupationShare),
            ("morale_shock", .nonNegative, \.moraleShock),
            ("morale_weight", .unitInterval, \.moraleWeight),
            ("air_support_per_sortie", .nonNegative, \.airSupportPerSortie),
        ])
        if let node = f["law"], let law = choice(node, "combat: law", AttritionLaw.self) { combat.law = law }
        if let node = f["max_rounds"], let rounds = decoder.integer(node, "combat: max_rounds", minimum: 1),
           atMost(rounds, "combat", "max_rounds", node: node) != nil {
            combat.maxRounds = rounds
        }
        if let node = f["breakpoint"], let breakpoint = boundedDistribution(node, "combat: breakpoint", .unitInterval) {
            combat.breakpoint = breakpoint
        }
    }

    private mutating func decodeAirCampaign(_ node: Node, into air: inout AirCampaignParameters) {
        guard let f = decoder.fields(of: node, in: "air_campaign", known: Self.airKeys) else { return }
        let perStrike: [(String, WritableKeyPath<AirCampaignParameters, Distribution>)] = [
            ("fighters_hit_per_strike", \.fightersHitPerStrike),
            ("civilians_killed_per_strike", \.civiliansKilledPerStrike),
            ("civilians_injured_per_strike", \.civiliansInjuredPerStrike),
            ("civilians_displaced_per_strike", \.civiliansDisplacedPerStrike),
        ]
        for (key, target) in perStrike {
            if let node = f[key], let d = boundedDistribution(node, "air_campaign: \(key)", .nonNegative,
                                                              ceiling: ScenarioLimits.ceiling("air_campaign", key)) {
                air[keyPath: target] = d
            }
        }
    }

    private mutating func decodeChemicalWeapons(_ node: Node, into chemical: inout ChemicalWeaponsParameters,
                                                actorIDs: [String], rungIDs: [String]) {
        guard let f = decoder.fields(of: node, in: "chemical_weapons", known: Self.chemicalKeys) else { return }
        sectionNumbers(f, "chemical_weapons", into: &chemical, at: \.chemicalWeapons, [
            ("daily_hazard", .unitInterval, \.dailyHazard),
            ("desperation_morale", .unitInterval, \.desperationMorale),
        ])
        if let node = f["minimum_rung"], let rung = decoder.reference(node, "chemical_weapons: minimum_rung",
                                                                      to: rungIDs, kind: "ladder rung") {
            chemical.minimumRung = rung
        }
        if let node = f["civilians_killed"],
           let d = boundedDistribution(node, "chemical_weapons: civilians_killed", .nonNegative,
                                       ceiling: ScenarioLimits.ceiling("chemical_weapons", "civilians_killed")) {
            chemical.civiliansKilled = d
        }
        if let list = decoder.list(f["responders"], "chemical_weapons: responders") {
            chemical.responders = list.compactMap {
                decoder.reference($0, "chemical_weapons: responders", to: actorIDs, kind: "actor")
            }
        }
    }

    private mutating func decodeCollapse(_ node: Node, actorIDs: [String], regionIDs: [String]) -> CollapseRule? {
        guard let f = decoder.fields(of: node, in: "collapse", known: Self.collapseKeys,
                                     required: ["actor", "capital", "morale_threshold"])
        else { return nil }
        let actor = decoder.reference(f["actor"], "collapse: actor", to: actorIDs, kind: "actor")
        let capital = decoder.reference(f["capital"], "collapse: capital", to: regionIDs, kind: "region")
        let threshold = f["morale_threshold"].flatMap {
            parameter($0, "collapse: morale_threshold", "collapse.morale_threshold", .unitInterval,
                      stream: StreamLayout.sharedParameters, target: \.collapse.moraleThreshold)
        }
        guard let actor, let capital, let threshold else { return nil }
        return CollapseRule(actor: actor, capital: capital, moraleThreshold: threshold)
    }

    // MARK: - Numbers that may be uncertain

    /// A number, or a distribution drawn once per replication from `stream` (recorded in
    /// `uncertain`). Returns the value to use when nothing is drawn: the number, or the mean.
    private mutating func parameter(_ node: Node, _ what: String, _ path: String, _ constraint: NumberConstraint,
                                    ceiling: Double? = nil,
                                    stream: Int, target: WritableKeyPath<ModelParameters, Double>) -> Double? {
        if case .scalar = node {
            guard let value = decoder.number(node, what, constraint) else { return nil }
            guard let ceiling, value > ceiling else { return value }
            decoder.report("\(what) must be at most \(ScenarioLimits.format(ceiling)), got \(node.scalar?.string ?? "\(value)")",
                           at: node)
            return nil
        }
        guard let distribution = boundedDistribution(node, what, constraint, ceiling: ceiling) else { return nil }
        if let fixed = distribution.fixedValue { return fixed }
        uncertain.append(UncertainParameter(path: path, distribution: distribution, stream: stream, target: target))
        return distribution.mean
    }

    /// A distribution whose every possible value satisfies `constraint`.
    private mutating func boundedDistribution(_ node: Node, _ what: String, _ constraint: NumberConstraint,
                                              ceiling: Double? = nil) -> Distribution? {
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
            decoder.report("\(what) must be \(constraint.phrase), but \(distribution) can take values outside that "
                           + "(truncate it with low/high, or pick a family with the right support)", at: node)
            return nil
        }
        return distribution
    }

    /// `value` if it is within the ceiling of `key` in `section` (ScenarioLimits), else nil and a problem.
    private mutating func atMost<Number: BinaryInteger>(_ value: Number, _ section: String, _ key: String,
                                                        node: Node?) -> Number? {
        atMost(Double(value), section, key, what: section.isEmpty ? key : "\(section): \(key)", node: node)
            .map { _ in value }
    }

    private mutating func atMost(_ value: Double, _ section: String, _ key: String, what: String? = nil,
                                 node: Node?) -> Double? {
        guard let ceiling = ScenarioLimits.ceiling(section, key), value > ceiling else { return value }
        let text = node?.scalar?.string ?? ScenarioLimits.format(value)
        decoder.report("\(what ?? (section.isEmpty ? key : "\(section): \(key)")) must be at most "
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
    private mutating func checkWorkload(_ parameters: ModelParameters, top: Fields,
                                        actorEntries: [(id: String, key: Node, value: Node)]) {
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
            perDay.append(("\(context): assaults_per_day", actor.assaultsPerDay * assaultFactor * roundsPerAssault,
                           node(entry, "assaults_per_day")))
            if actor.isPatron, actor.decisionIntervalDays > 0 {
                perDay.append(("\(context): decision_interval_days", 2 / actor.decisionIntervalDays,
                               node(entry, "decision_interval_days")))
            }
        }
        perDay.append(("mediation: attempts_per_day", parameters.mediation.attemptsPerDay,
                       top["mediation"].flatMap { node($0, "attempts_per_day") }))
        let horizon = parameters.horizonDays
        let daily = 1 + perDay.reduce(0) { $0 + $1.rate }
        let events = horizon * daily
        if events > Double(parameters.maxEvents), events > Self.cheapEvents,
           let largest = perDay.max(by: { $0.rate < $1.rate }) {
            decoder.report("a replication may take about \(Self.rough(events)) events (horizon_days "
                           + "\(ScenarioLimits.format(horizon)) x \(Self.rough(daily)) a day, most from \(largest.label)), "
                           + "more than max_events (\(parameters.maxEvents)): every replication would stop at the guard; "
                           + "lower the rates or horizon_days, or raise max_events (at most "
                           + "\(ScenarioLimits.format(ScenarioLimits.ceiling("", "max_events") ?? 0)))",
                           at: largest.node ?? top["horizon_days"])
        }

        // Every fighter at the start, and every reinforcement the patrons may send: one per
        // decision at most, a decision every interval on average.
        let start = parameters.actors.reduce(0) { $0 + $1.fieldStrength } + parameters.regions.reduce(0) { $0 + $1.garrison }
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
                decoder.report("actor '\(actor.id)': reinforcement_size \(ScenarioLimits.format(actor.reinforcementSize)) "
                               + "every \(ScenarioLimits.format(actor.decisionIntervalDays)) days (decision_interval_days) "
                               + "for \(ScenarioLimits.format(horizon)) days may bring the forces to about "
                               + "\(Self.rough(total)) fighters, more than the model counts in one force (\(limit))",
                               at: node(entry, "reinforcement_size") ?? actorEntries[largest.index].key)
            } else {
                decoder.report("the forces at the start add up to \(Self.rough(total)) fighters, more than the model "
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
            decoder.report("region '\(regions[index].id)' cannot be reached from '\(regions[0].id)': "
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
                let list = names.count == 2 ? names.joined(separator: " and ")
                    : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
                decoder.report("actors \(list) are patrons of each other in a cycle, \(path) (patron_of): "
                               + "a chain of patrons must end at an actor that is no one's patron",
                               at: entries[ordered[0]].key)
            }
            for actor in chain { state[actor] = 2 }
        }
    }

    private mutating func checkRoles(_ actors: [ActorSpec], collapse: CollapseRule,
                                     entries: [(id: String, key: Node, value: Node)], collapseNode: Node?) {
        for (index, actor) in actors.enumerated() {
            if let client = actor.patronOf, actors[client].side != actor.side {
                decoder.report("actor '\(actor.id)' backs '\(actors[client].id)' but is on the other side",
                               at: entries[index].key)
            }
        }
        checkPatronChains(actors, entries: entries)
        if actors[collapse.actor].isPatron {
            decoder.report("collapse: actor must be a principal actor, not a patron", at: collapseNode)
        }
    }
}
