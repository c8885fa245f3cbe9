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
        "escsim", "name", "title", "description", "horizon_days", "max_events", "actors", "regions",
        "ladder", "combat", "air_campaign", "patron_rule", "collapse",
    ]
    static let actorKeys = [
        "name", "side", "patron_of", "field_strength", "quality", "morale", "assaults_per_day",
        "assault_commitment", "sorties_per_day", "commitment", "distraction", "decision_interval_days",
        "reinforcement_size", "reinforcement_delay_days",
    ]
    static let regionKeys = [
        "name", "controller", "population", "strategic_value", "garrison", "fortification", "neighbours", "key_city",
    ]
    static let combatKeys = [
        "round_days", "lethality_per_day", "breakpoint", "max_rounds", "occupation_share", "morale_shock",
    ]
    static let airKeys = [
        "fighters_hit_per_strike", "civilians_killed_per_strike", "civilians_injured_per_strike",
        "civilians_displaced_per_strike",
    ]
    static let patronRuleKeys = ["threat_sensitivity", "drawdown_propensity", "drawdown_factor"]
    static let collapseKeys = ["actor", "capital", "morale_threshold"]
    static let rungKeys = ["id", "trigger", "threshold"]

    /// The scenario's name, title and parameters, or nil when there were problems (in `decoder.problems`).
    mutating func decode(_ root: Node) -> (name: String, title: String, parameters: ModelParameters)? {
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
        let horizon = decoder.number(top["horizon_days"], "horizon_days", .positive)
        let maxEvents = top["max_events"].map { decoder.integer($0, "max_events", minimum: 1) } ?? 10_000_000

        let actorEntries = top["actors"].map { decoder.entries(of: $0, in: "actors") } ?? []
        let regionEntries = top["regions"].map { decoder.entries(of: $0, in: "regions") } ?? []
        let actorIDs = actorEntries.map(\.id)
        let regionIDs = regionEntries.map(\.id)

        let actors = actorEntries.enumerated().map { index, entry in
            actor(entry.id, index: index, node: entry.value, actorIDs: actorIDs)
        }
        let regions = regionEntries.enumerated().map { index, entry in
            region(entry.id, index: index, node: entry.value, actorIDs: actorIDs, regionIDs: regionIDs)
        }
        if let node = top["actors"], actorEntries.isEmpty { decoder.report("actors must name at least one actor", at: node) }
        if let node = top["regions"], regionEntries.count < 2 {
            decoder.report("regions must name at least two regions", at: node)
        }
        let ladder = top["ladder"].flatMap { decodeLadder($0) }
        let combat = top["combat"].map { decodeCombat($0) } ?? CombatParameters()
        let air = top["air_campaign"].map { decodeAirCampaign($0) } ?? AirCampaignParameters()
        let patronRule = top["patron_rule"].map { decodePatronRule($0) } ?? PatronRule()
        let collapse = top["collapse"].flatMap { decodeCollapse($0, actorIDs: actorIDs, regionIDs: regionIDs) }

        let resolvedActors = actors.compactMap { $0 }
        var resolvedRegions = regions.compactMap { $0 }
        guard decoder.problems.isEmpty, let name, let horizon, let maxEvents, let ladder, let collapse,
              resolvedActors.count == actors.count, resolvedRegions.count == regions.count
        else { return nil }

        symmetrise(&resolvedRegions)
        checkGraph(resolvedRegions, entries: regionEntries)
        checkRoles(resolvedActors, collapse: collapse, entries: actorEntries, collapseNode: top["collapse"])
        guard decoder.problems.isEmpty else { return nil }
        let parameters = ModelParameters(
            horizonDays: horizon, maxEvents: maxEvents, actors: resolvedActors, regions: resolvedRegions,
            ladder: ladder, combat: combat, airCampaign: air, patronRule: patronRule, collapse: collapse)
        return (name, title, parameters)
    }

    // MARK: - Sections

    private mutating func actor(_ id: String, index: Int, node: Node, actorIDs: [String]) -> ActorSpec? {
        let context = "actor '\(id)'"
        guard let f = decoder.fields(of: node, in: context, known: Self.actorKeys, required: ["side", "field_strength"])
        else { return nil }
        let path = "actors.\(id)"
        let side: Side? = f["side"].flatMap { node in
            guard let text = decoder.string(node, "\(context): side") else { return nil }
            guard let side = Side(rawValue: text) else {
                decoder.report("\(context): side must be 'opposition' or 'loyalist', got '\(text)'"
                               + Suggestion.hint(for: text, among: Side.allCases.map(\.rawValue)), at: node)
                return nil
            }
            return side
        }
        let patron = f["patron_of"].flatMap { decoder.reference($0, "\(context): patron_of", to: actorIDs, kind: "actor") }
        if let patron, patron == index { decoder.report("\(context) cannot be its own patron", at: f["patron_of"]) }

        func value(_ key: String, _ constraint: NumberConstraint, default fallback: Double,
                   _ target: WritableKeyPath<ActorSpec, Double>) -> Double {
            guard let node = f[key] else { return fallback }
            return parameter(node, "\(context): \(key)", "\(path).\(key)", constraint,
                             target: Self.actorPath(index).appending(path: target)) ?? fallback
        }
        var spec = ActorSpec(id: id, name: id, side: side ?? .opposition, patronOf: patron,
                             fieldStrength: 0)
        spec.name = f["name"].flatMap { decoder.string($0, "\(context): name") } ?? id
        spec.fieldStrength = value("field_strength", .nonNegative, default: 0, \.fieldStrength)
        spec.quality = value("quality", .positive, default: 1, \.quality)
        spec.morale = value("morale", .positiveUnit, default: 0.7, \.morale)
        spec.assaultsPerDay = value("assaults_per_day", .nonNegative, default: 0, \.assaultsPerDay)
        spec.assaultCommitment = value("assault_commitment", .positiveUnit, default: 0.3, \.assaultCommitment)
        spec.sortiesPerDay = value("sorties_per_day", .nonNegative, default: 0, \.sortiesPerDay)
        spec.commitment = value("commitment", .unitInterval, default: 1, \.commitment)
        spec.distraction = value("distraction", .unitInterval, default: 0, \.distraction)
        spec.decisionIntervalDays = value("decision_interval_days", .nonNegative, default: 0, \.decisionIntervalDays)
        spec.reinforcementSize = value("reinforcement_size", .nonNegative, default: 0, \.reinforcementSize)
        spec.reinforcementDelayDays = value("reinforcement_delay_days", .positive, default: 1, \.reinforcementDelayDays)
        if spec.decisionIntervalDays > 0, patron == nil, f["decision_interval_days"] != nil {
            decoder.report("\(context): decision_interval_days applies to patrons only (set patron_of)",
                           at: f["decision_interval_days"])
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
        func value(_ key: String, _ constraint: NumberConstraint, default fallback: Double,
                   _ target: WritableKeyPath<RegionSpec, Double>) -> Double {
            guard let node = f[key] else { return fallback }
            return parameter(node, "\(context): \(key)", "\(path).\(key)", constraint,
                             target: Self.regionPath(index).appending(path: target)) ?? fallback
        }
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
        spec.population = value("population", .nonNegative, default: 0, \.population)
        spec.strategicValue = value("strategic_value", .positive, default: 1, \.strategicValue)
        spec.garrison = value("garrison", .nonNegative, default: 0, \.garrison)
        spec.fortification = value("fortification", .positive, default: 1, \.fortification)
        spec.isKeyCity = f["key_city"].flatMap { decoder.bool($0, "\(context): key_city") } ?? false
        return controller == nil ? nil : spec
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
                  let triggerText = decoder.string(f["trigger"], "\(context): trigger")
            else { continue }
            if !ids.insert(id).inserted { decoder.report("\(context): duplicate rung id '\(id)'", at: f["id"]) }
            guard let trigger = LadderTrigger(rawValue: triggerText) else {
                let names = LadderTrigger.allCases.map(\.rawValue)
                decoder.report("\(context): unknown trigger '\(triggerText)'\(Suggestion.hint(for: triggerText, among: names)); "
                               + "known: \(names.joined(separator: ", "))", at: f["trigger"])
                continue
            }
            var threshold = 0.0
            if trigger == .airstrikes {
                threshold = decoder.number(f["threshold"], "\(context): threshold", .positive) ?? 0
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
        if rungs.isEmpty, items.isEmpty { decoder.report("ladder must have at least one rung", at: node) }
        return rungs
    }

    private mutating func decodeCombat(_ node: Node) -> CombatParameters {
        var combat = CombatParameters()
        guard let f = decoder.fields(of: node, in: "combat", known: Self.combatKeys) else { return combat }
        func value(_ key: String, _ constraint: NumberConstraint, _ target: WritableKeyPath<CombatParameters, Double>) {
            guard let node = f[key] else { return }
            if let v = parameter(node, "combat: \(key)", "combat.\(key)", constraint,
                                 target: Self.combatPath.appending(path: target)) {
                combat[keyPath: target] = v
            }
        }
        value("round_days", .positive, \.roundDays)
        value("lethality_per_day", .positive, \.lethalityPerDay)
        value("occupation_share", .positiveUnit, \.occupationShare)
        value("morale_shock", .nonNegative, \.moraleShock)
        if let node = f["max_rounds"], let rounds = decoder.integer(node, "combat: max_rounds", minimum: 1) {
            combat.maxRounds = rounds
        }
        if let node = f["breakpoint"], let breakpoint = boundedDistribution(node, "combat: breakpoint", .unitInterval) {
            combat.breakpoint = breakpoint
        }
        return combat
    }

    private mutating func decodeAirCampaign(_ node: Node) -> AirCampaignParameters {
        var air = AirCampaignParameters()
        guard let f = decoder.fields(of: node, in: "air_campaign", known: Self.airKeys) else { return air }
        func per(_ key: String, _ target: WritableKeyPath<AirCampaignParameters, Distribution>) {
            if let node = f[key], let d = boundedDistribution(node, "air_campaign: \(key)", .nonNegative) {
                air[keyPath: target] = d
            }
        }
        per("fighters_hit_per_strike", \.fightersHitPerStrike)
        per("civilians_killed_per_strike", \.civiliansKilledPerStrike)
        per("civilians_injured_per_strike", \.civiliansInjuredPerStrike)
        per("civilians_displaced_per_strike", \.civiliansDisplacedPerStrike)
        return air
    }

    private mutating func decodePatronRule(_ node: Node) -> PatronRule {
        var rule = PatronRule()
        guard let f = decoder.fields(of: node, in: "patron_rule", known: Self.patronRuleKeys) else { return rule }
        func value(_ key: String, _ constraint: NumberConstraint, _ target: WritableKeyPath<PatronRule, Double>) {
            guard let node = f[key] else { return }
            if let v = parameter(node, "patron_rule: \(key)", "patron_rule.\(key)", constraint,
                                 target: Self.patronRulePath.appending(path: target)) {
                rule[keyPath: target] = v
            }
        }
        value("threat_sensitivity", .nonNegative, \.threatSensitivity)
        value("drawdown_propensity", .unitInterval, \.drawdownPropensity)
        value("drawdown_factor", .unitInterval, \.drawdownFactor)
        return rule
    }

    private mutating func decodeCollapse(_ node: Node, actorIDs: [String], regionIDs: [String]) -> CollapseRule? {
        guard let f = decoder.fields(of: node, in: "collapse", known: Self.collapseKeys,
                                     required: ["actor", "capital", "morale_threshold"])
        else { return nil }
        let actor = decoder.reference(f["actor"], "collapse: actor", to: actorIDs, kind: "actor")
        let capital = decoder.reference(f["capital"], "collapse: capital", to: regionIDs, kind: "region")
        let threshold = f["morale_threshold"].flatMap {
            parameter($0, "collapse: morale_threshold", "collapse.morale_threshold", .unitInterval,
                      target: \ModelParameters.collapse.moraleThreshold)
        }
        guard let actor, let capital, let threshold else { return nil }
        return CollapseRule(actor: actor, capital: capital, moraleThreshold: threshold)
    }

    // MARK: - Numbers that may be uncertain

    // Writable key paths to the sections, so a section's key path can be appended to them.
    static func actorPath(_ index: Int) -> WritableKeyPath<ModelParameters, ActorSpec> { \.actors[index] }
    static func regionPath(_ index: Int) -> WritableKeyPath<ModelParameters, RegionSpec> { \.regions[index] }
    static var combatPath: WritableKeyPath<ModelParameters, CombatParameters> { \.combat }
    static var patronRulePath: WritableKeyPath<ModelParameters, PatronRule> { \.patronRule }

    /// A number, or a distribution drawn once per replication (recorded in `uncertain`). Returns
    /// the value to use when nothing is drawn: the number, or the distribution's mean.
    private mutating func parameter(_ node: Node, _ what: String, _ path: String, _ constraint: NumberConstraint,
                                    target: WritableKeyPath<ModelParameters, Double>) -> Double? {
        if case .scalar = node { return decoder.number(node, what, constraint) }
        guard let distribution = boundedDistribution(node, what, constraint) else { return nil }
        if let fixed = distribution.fixedValue { return fixed }
        uncertain.append(UncertainParameter(path: path, distribution: distribution, target: target))
        return distribution.mean
    }

    /// A distribution whose every possible value satisfies `constraint`.
    private mutating func boundedDistribution(_ node: Node, _ what: String, _ constraint: NumberConstraint) -> Distribution? {
        guard let distribution = decoder.distribution(node, what) else { return nil }
        let support = NodeDecoder.support(of: distribution)
        guard constraint.admits(low: support.low, high: support.high) else {
            decoder.report("\(what) must be \(constraint.phrase), but \(distribution) can take values outside that "
                           + "(truncate it with low/high, or pick a family with the right support)", at: node)
            return nil
        }
        return distribution
    }

    // MARK: - Whole-scenario checks

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

    private mutating func checkRoles(_ actors: [ActorSpec], collapse: CollapseRule,
                                     entries: [(id: String, key: Node, value: Node)], collapseNode: Node?) {
        for (index, actor) in actors.enumerated() {
            if let client = actor.patronOf, actors[client].side != actor.side {
                decoder.report("actor '\(actor.id)' backs '\(actors[client].id)' but is on the other side",
                               at: entries[index].key)
            }
        }
        if actors[collapse.actor].isPatron {
            decoder.report("collapse: actor must be a principal actor, not a patron", at: collapseNode)
        }
    }
}
