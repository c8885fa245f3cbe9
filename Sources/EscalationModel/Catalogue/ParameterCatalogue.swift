import Stochastic

/// Every key of the scenario format, once: its place, type, range, ceiling, default, unit and
/// meaning. The decoder (Sources/Scenario/ScenarioDecoder.swift) reads scenarios through it, and
/// `escsim schema --write` (`make generate`) writes `Scenarios/schema.json`, the key tables of
/// docs/scenario-format.md and `Fuzz/scenario.dict` from it; ScenarioTests fail while they are stale.
///
/// To add a numeric parameter:
///   1. add its property to the model struct it belongs to (`ActorSpec`, `RegionSpec` or a section
///      such as `CombatParameters`) with its default (`public var strikeExposure: Double = 1`, or a
///      defaulted `init` argument) — the one place a default is written: the catalogue reads it;
///   2. add one entry below, in its section, with a `target` key path to that property: the decoder
///      then reads it, checks its range and ceiling, lets it carry a distribution when `uncertainty`
///      says so, and records its draws;
///   3. write the rule that uses it, and a test; run `make generate`.
///
/// Keys whose value is not a simple number (references, lists, words, the ladder, variants) are
/// listed here too, without a target: the decoder reads them by hand, under these names.
public enum ParameterCatalogue {
    /// The longest horizon: the model keeps a snapshot per simulated day, and a run of 10^9 days
    /// asked for 48 GB; 10,000 days (27 years) is longer than any war a scenario describes.
    public static let maximumHorizonDays = 10_000.0

    /// Every key, section by section, in the order the decoder reads them.
    public static let all: [ParameterSpec] =
        top + actor + region + rung + combat + cascade + airCampaign
        + patronRule + mediation + chemicalWeapons + collapse + variant + sweep + sweepRange + groundHarm
        + displacement + siege + camp + deals + supply

    /// The entries of each section, in order (looked up for every key of every variant decoded).
    public static let bySection: [ParameterSpec.Section: [ParameterSpec]] = Dictionary(grouping: all, by: \.section)

    /// The keys of one section, in order.
    public static func keys(in section: ParameterSpec.Section) -> [String] {
        (bySection[section] ?? []).map(\.key)
    }

    /// The keys of one section the scenario must give.
    public static func requiredKeys(in section: ParameterSpec.Section) -> [String] {
        (bySection[section] ?? []).filter(\.isRequired).map(\.key)
    }

    /// The entry of `key` in `section`.
    public static func entry(_ section: ParameterSpec.Section, _ key: String) -> ParameterSpec? {
        bySection[section]?.first { $0.key == key }
    }

    // MARK: - Defaults, read from the model's own initialisers

    /// The parameters of a scenario that sets nothing: every section at its `init` defaults.
    public static let defaultModel = ModelParameters(
        horizonDays: 0, actors: [], regions: [], ladder: [],
        collapse: CollapseRule(actor: 0, capital: 0, moraleThreshold: 0))
    static let defaultActor = ActorSpec(id: "", name: "", camp: .opposition, fieldStrength: 0)
    static let defaultRegion = RegionSpec(id: "", name: "", controller: 0, population: 0, garrison: 0)

    typealias Spec = ParameterSpec

    /// The entry of a number with a target: its default is the model's, read through the target.
    private static func number(
        _ key: String, in section: Spec.Section, _ target: Spec.Target, _ constraint: NumberConstraint,
        ceiling: Double? = nil, required: Bool = false, note: String = "", unit: String = "",
        patronsOnly: Bool = false, _ meaning: String
    ) -> Spec {
        let type: Spec.ValueType
        let uncertainty: Spec.Uncertainty
        let defaultValue: Spec.Default
        // Each kind's key path is of its own type (the factories that made `target` guarantee it).
        switch target.kind {
        case .actor:
            (type, uncertainty, defaultValue) = (
                .number, .perReplication, .number(defaultActor[keyPath: target.actor!])
            )
        case .region:
            (type, uncertainty, defaultValue) = (
                .number, .perReplication,
                .number(defaultRegion[keyPath: target.region!])
            )
        case .model:
            (type, uncertainty, defaultValue) = (
                .number, .perReplication, .number(defaultModel[keyPath: target.model!])
            )
        case .wholeNumber:
            (type, uncertainty, defaultValue) = (
                .wholeNumber, .plain,
                .number(Double(defaultModel[keyPath: target.wholeNumber!]))
            )
        case .perEvent:
            (type, uncertainty, defaultValue) = (
                .distribution, .perEvent,
                .distribution(defaultModel[keyPath: target.perEvent!])
            )
        }
        return Spec(
            key, in: section, type, constraint: constraint, ceiling: ceiling,
            default: required ? .required : defaultValue, note: note, unit: unit, uncertainty: uncertainty,
            target: target, patronsOnly: patronsOnly, meaning)
    }

    // MARK: - Top level

    static let top: [Spec] = [
        Spec(
            "escsim", in: .top, .structure, default: .required,
            "The scenario format version; this escsim reads format 1."),
        Spec(
            "name", in: .top, .structure, default: .required,
            "The scenario's identifier (ASCII letters, digits, '-' and '_', starting with a letter); names the "
                + "default output folder results/<name>/."),
        Spec(
            "title", in: .top, .text, default: .absent("the name"),
            "A human title for terminal summaries and reports."),
        Spec(
            "description", in: .top, .text, default: .absent("none"),
            "Free text about the scenario, for readers; the model ignores it."),
        Spec(
            "engine", in: .top, .text, default: .absent("none"),
            "A shared engine file (a path relative to this file) with the constants of how war works; this "
                + "file's own keys extend and override its sections key by key (Scenarios/engine.yaml)."),
        Spec(
            "horizon_days", in: .top, .number, constraint: .positive, ceiling: maximumHorizonDays,
            default: .required, note: "", unit: "days", target: .model(\.horizonDays),
            "Simulated time per replication (at most about 27 years)."),
        // At a few million events a second, 10^9 events is minutes per replication; more is a
        // runaway, not a war. It also keeps every count of events (airstrikes) below 2^53.
        number(
            "max_events", in: .top, .wholeNumber(\.maxEvents), .atLeast(1), ceiling: 1e9, unit: "events",
            "Guard against runaway runs: a replication that processes this many events stops and is reported "
                + "with status 'guard'."),
        // The horizon's own ceiling: a stalemate longer than any run can never be declared.
        Spec(
            "stalemate_days", in: .top, .number, constraint: .positive, ceiling: maximumHorizonDays,
            default: .number(defaultModel.stalemateDays), unit: "days", target: .model(\.stalemateDays),
            "A war still running at the horizon ends as stalemate if no region changed hands for this long, "
                + "else as ongoing_war."),
        Spec(
            "actors", in: .top, .structure, default: .required,
            "Actor identifier -> actor, 1 to \(StreamLayout.maximumActors) actors. The identifier names output "
                + "columns (territory_<id>, losses_<id>) and is what references use."),
        Spec(
            "regions", in: .top, .structure, default: .required,
            "Region identifier -> region, 2 to \(StreamLayout.maximumRegions) regions forming one connected graph."),
        Spec(
            "ladder", in: .top, .structure, default: .required,
            "The escalation ladder's rungs, lowest first; the first has trigger start. The ladder only climbs, "
                + "except that a ceasefire brings it back to the first rung."),
        Spec(
            "combat", in: .top, .structure, default: .absent("every key at its default"),
            "Combat constants (stochastic Lanchester attrition)."),
        Spec(
            "cascade", in: .top, .structure, default: .absent("every key at its default"),
            "Cascade constants (morale shocks, garrison withdrawals)."),
        Spec(
            "air_campaign", in: .top, .structure, default: .absent("every key at its default"),
            "Per-strike effects of the air campaign."),
        Spec(
            "patron_rule", in: .top, .structure, default: .absent("every key at its default"),
            "The patrons' decision rule."),
        Spec(
            "mediation", in: .top, .structure, default: .absent("no mediation"),
            "Mediation attempts."),
        Spec(
            "chemical_weapons", in: .top, .structure, default: .absent("a zero hazard"),
            "The chemical weapons hazard."),
        Spec("collapse", in: .top, .structure, default: .required, "What ends the regime."),
        Spec(
            "variants", in: .top, .structure, default: .absent("none"),
            "Named what-ifs (any identifier but 'baseline'), run with escsim run --variant NAME or "
                + "--variants all. Every variant is checked when the file loads."),
        Spec(
            "sweep", in: .top, .structure, default: .absent("none"),
            "A parameter sweep for escsim run --sweep."),
        Spec(
            "ground_harm", in: .top, .structure, default: .absent("no civilians harmed by ground fighting"),
            "Civilians killed and injured by ground fighting."),
        Spec(
            "displacement", in: .top, .structure, default: .absent("no daily flight or return"),
            "Daily flight from regions in danger and return home."),
        Spec(
            "siege", in: .top, .structure, default: .absent("every key at its default"),
            "Sieges of regions cut off from their camp's supply bases, and evacuation deals."),
        Spec(
            "camps", in: .top, .structure,
            default: .absent("two hostile camps, opposition and loyalist"),
            "The camps of the war and how they stand towards each other at the start (every pair not listed "
                + "as neutral or allied is hostile). Actors name theirs with side."),
        Spec(
            "deals", in: .top, .structure, default: .absent("every key at its default"),
            "Deals that make a neutral camp the ally of a camp losing ground to their common enemy."),
        Spec(
            "supply", in: .top, .structure, default: .absent("every key at its default"),
            "Force projection weakening with distance from a camp's supply bases."),
    ]

    // MARK: - Actors

    static let actor: [Spec] = [
        Spec("name", in: .actor, .text, default: .absent("the id"), "Display name in traces and reports."),
        Spec(
            "side", in: .actor, .reference("camp"), default: .required,
            "The actor's camp: one of camps (opposition or loyalist when the scenario declares none)."),
        Spec(
            "patron_of", in: .actor, .reference("actor"), default: .absent("none"),
            "The actor this one backs (not itself); makes it a patron that decides to reinforce, hold or draw "
                + "down. A patron in its client's camp acts from the start; one in a neutral camp only once a "
                + "deal makes the two camps allies; one in a hostile camp is refused."),
        number(
            "field_strength", in: .actor, .actor(\.fieldStrength), .fighters, required: true, unit: "fighters",
            "Mobile fighters available for assaults (garrisons are counted per region)."),
        // Effectiveness per fighter against reference infantry (1). Powers are squared in
        // target choice (force x quality)^2; 100 keeps them far from overflow.
        number(
            "quality", in: .actor, .actor(\.quality), .positive, ceiling: 100, unit: "multiplier",
            "Combat effectiveness per fighter (1 = reference infantry)."),
        number(
            "morale", in: .actor, .actor(\.morale), .positiveUnit,
            "Starting morale: scales effectiveness (see combat.morale_weight) and the losses a force "
                + "accepts before it breaks."),
        // A Poisson process each; with `max_rounds` rounds per assault these are the bulk of a
        // run's events (see the decoder's `checkWorkload`). No army launches a hundred assaults a day.
        number(
            "assaults_per_day", in: .actor, .actor(\.assaultsPerDay), .nonNegative, ceiling: 100,
            note: "never attacks",
            unit: "assaults per day", "Rate of the Poisson process of the actor's assaults across the front."),
        number(
            "assault_commitment", in: .actor, .actor(\.assaultCommitment), .positiveUnit, unit: "share",
            "Share of the field force committed to one assault."),
        // Mearsheimer (1989): about 3:1 at the point of attack; 1,000:1 is beyond any plan.
        number(
            "minimum_force_ratio", in: .actor, .actor(\.minimumForceRatio), .nonNegative, ceiling: 1_000,
            unit: "ratio",
            "Odds (effective attackers over effective defenders) below which the actor does not assault a region."),
        // Desert Storm's coalition flew about 3,000 sorties a day at its height.
        number(
            "sorties_per_day", in: .actor, .actor(\.sortiesPerDay), .nonNegative, ceiling: 10_000,
            note: "no air arm",
            unit: "strikes per day",
            "Airstrikes per day at full commitment (a Poisson process at sorties_per_day x commitment)."),
        number(
            "commitment", in: .actor, .actor(\.commitment), .unitInterval, unit: "share",
            "Share of its means the actor puts into this war: multiplies its sorties and, for a patron, "
                + "its willingness to reinforce."),
        number(
            "distraction", in: .actor, .actor(\.distraction), .unitInterval, unit: "share",
            "Pull of other wars on the same means (patrons: lowers reinforcement, raises draw-down)."),
        // Delays and intervals beyond the longest horizon mean "never" already.
        number(
            "decision_interval_days", in: .actor, .actor(\.decisionIntervalDays), .nonNegative,
            ceiling: maximumHorizonDays,
            note: "never decides", unit: "days", patronsOnly: true,
            "Mean time between the patron's decisions (exponential)."),
        number(
            "reinforcement_size", in: .actor, .actor(\.reinforcementSize), .fighters, note: "never reinforces",
            unit: "fighters",
            patronsOnly: true, "Fighters the patron sends per reinforcement."),
        number(
            "reinforcement_delay_days", in: .actor, .actor(\.reinforcementDelayDays), .positive,
            ceiling: maximumHorizonDays,
            unit: "days", "Mean time for a reinforcement to arrive (exponential)."),
        Spec(
            "reinforce", in: .actor, .word(ReinforcementTarget.allCases.map(\.rawValue)),
            default: .word(defaultActor.reinforcementTarget.rawValue), patronsOnly: true,
            "Where the patron's reinforcements go: client (they join the client's field force), own_forces "
                + "(the patron's own field force grows and fights) or garrisons (they hold the client's front-line "
                + "regions beside its garrisons, under the patron's command)."),
        Spec(
            "posture", in: .actor, .word(Posture.allCases.map(\.rawValue)),
            default: .absent("none (no posture; the patron always fights)"), patronsOnly: true,
            "The patron's stance toward the client's offensive at the start. restrain slows the client's assaults "
                + "(patron_rule.restrained_assault_factor), back speeds them (backed_assault_factor); while not back, "
                + "the patron's own troops stay out, and its aircraft too except under retaliate (its air arm "
                + "answers hits on its troops)."),
        number(
            "troops_hit_probability", in: .actor, .actor(\.troopsHitProbability), .unitInterval,
            unit: "probability per assault or strike",
            "Chance that an enemy assault or airstrike on a region holding this actor's troops (regions' "
                + "patron_troops) hits them; the patron then answers in grades (patron_rule.commitment_when_hit, "
                + "incidents_for_ground_operation)."),
        // Regions weigh at most 10^6 each; 10^8 is a hundred such regions off the map.
        number(
            "off_map_value", in: .actor, .actor(\.offMapValue), .nonNegative, ceiling: 1e8,
            unit: "relative weight",
            "Strategic value the actor holds off the map (other provinces and fronts), in regions' "
                + "strategic_value units: part of its camp's stake in morale shocks and patrons' pressure, not of "
                + "territory shares."),
        Spec(
            "objectives", in: .actor, .structure, default: .absent("none"),
            "The actor's campaign plan: a list of region ids (one phase), or a list of phases, each "
                + "{regions: [ids], pause_days: N} (or a list of ids). It attacks toward the regions of the current "
                + "phase (combat.objective_hop_factor, off_objective_weight), pauses pause_days once its camp "
                + "holds them all, then moves on; after the last phase it only retakes lost objectives."),
        number(
            "troops_killed_when_hit", in: .actor, .actor(\.troopsKilledWhenHit), .nonNegative, ceiling: 100_000,
            note: "hits cost nothing", unit: "fighters per hit",
            "Mean fighters this patron has put out of action each time enemy fire hits its stationed troops "
                + "(geometric per hit; combat.killed_share of them killed, the rest wounded), added to its losses "
                + "and taken from its field force."),
        number(
            "aircraft_loss_per_sortie", in: .actor, .actor(\.aircraftLossPerSortie), .unitInterval,
            note: "never", unit: "probability per sortie",
            "Chance that one of this actor's sorties costs it an aircraft to the enemy camp's air defences "
                + "(daily series aircraft_lost_<actor>)."),
    ]

    // MARK: - Regions

    static let region: [Spec] = [
        Spec("name", in: .region, .text, default: .absent("the id"), "Display name in traces and reports."),
        Spec(
            "controller", in: .region, .reference("actor"), default: .required,
            "The actor holding the region at the start."),
        // More people than live on Earth; the sum over 112 regions (about 10^12) stays exact,
        // and it bounds the civilians killed and displaced (neither can exceed the residents).
        number(
            "population", in: .region, .region(\.population), .nonNegative, ceiling: 1e10, required: true,
            unit: "people",
            "Residents at the start (airstrikes kill and displace them)."),
        // A relative weight, summed over regions into territory shares: 10^6 between the
        // least and the most valuable region is more contrast than any map needs, and the
        // sums stay finite (1e308 made every share NaN).
        number(
            "strategic_value", in: .region, .region(\.strategicValue), .positive, ceiling: 1e6,
            unit: "relative weight",
            "Weight of the region in territory shares, target choice and morale shocks."),
        number(
            "garrison", in: .region, .region(\.garrison), .fighters, required: true, unit: "fighters",
            "Fighters of the controller holding the region at the start."),
        // Multiplies the defenders' power, squared in target choice, like quality.
        number(
            "fortification", in: .region, .region(\.fortification), .positive, ceiling: 100, unit: "multiplier",
            "Multiplier on the defenders' effective strength (1 = open ground)."),
        Spec(
            "neighbours", in: .region, .list(.reference("region")), default: .required,
            "Adjacent regions; neighbourhood is mutual, so listing a pair once is enough (an empty list is "
                + "allowed). The whole graph must be connected, and a region cannot neighbour itself."),
        Spec(
            "key_city", in: .region, .boolean, default: .boolean(defaultRegion.isKeyCity),
            "Whether the region's fall and its day become outcomes of their own (<id>_fell, <id>_fall_day)."),
        Spec(
            "patron_troops", in: .region, .reference("actor"), default: .absent("none"),
            "A patron with troops stationed here (Turkish observation posts), who may be hit (see the actor's "
                + "troops_hit_probability)."),
        Spec(
            "supply_base", in: .region, .boolean, default: .boolean(defaultRegion.isSupplyBase),
            "A supply base of the camp holding it. Once a camp held a base at the start, its regions that no "
                + "path through its own ground joins to a base it holds are besieged (see siege)."),
        Spec(
            "evacuate_to", in: .region, .reference("region"), default: .absent("the nearest region its camp holds"),
            "Where the region's garrison goes when, besieged, it accepts an evacuation deal."),
    ]

    // MARK: - Ladder rungs

    static let rung: [Spec] = [
        Spec("id", in: .rung, .text, default: .required, "The rung's name (unique); outcome rung_<id>_day."),
        Spec(
            "trigger", in: .rung, .word(LadderTrigger.allCases.map(\.rawValue)), default: .required,
            "What reaches the rung: start (the first rung only, and only it), ground_assault (any assault), "
                + "urban_assault (an assault on a key city), airstrikes (cumulative strikes reach threshold), "
                + "foreign_ground_forces (a patron's reinforcements arrive, or a patron with a posture attacks with "
                + "its own troops), chemical_weapons, regime_collapse."),
        // Airstrikes counted to reach a rung: there are at most max_events of them.
        Spec(
            "threshold", in: .rung, .number, constraint: .positive, ceiling: 1e9,
            default: .absent("required on airstrikes rungs, refused on others"), unit: "strikes",
            "Cumulative airstrikes that reach the rung; rising from one airstrikes rung to the next."),
    ]

    // MARK: - Combat

    static let combat: [Spec] = [
        number(
            "round_days", in: .combat, .model(\.combat.roundDays), .positive, ceiling: maximumHorizonDays,
            unit: "days", "Length of one combat round."),
        // Fighters put out of action per effective opposing fighter per day: 100 kills a force
        // many times over in one round already (losses are capped at the force).
        number(
            "lethality_per_day", in: .combat, .model(\.combat.lethalityPerDay), .positive, ceiling: 100,
            unit: "fighters per effective fighter per day",
            "Enemy fighters put out of action per effective fighter per day (the Lanchester attrition "
                + "coefficient)."),
        Spec(
            "law", in: .combat, .word(AttritionLaw.allCases.map(\.rawValue)),
            default: .word(defaultModel.combat.law.rawValue),
            "Lanchester attrition law: square (aimed fire: losses scale with the enemy's effective power) or "
                + "linear (area fire: also with the target's own density)."),
        Spec(
            "breakpoint", in: .combat, .distribution, constraint: .unitInterval,
            default: .distribution(defaultModel.combat.breakpoint),
            note: "mean " + ParameterSpec.format(defaultModel.combat.breakpoint.mean), unit: "share",
            uncertainty: .perEvent,
            "Per engagement and side: share of its committed force a side loses before it breaks, multiplied "
                + "by its morale."),
        // Each round is an event; with `assaults_per_day` this bounds a run's events.
        number(
            "max_rounds", in: .combat, .wholeNumber(\.combat.maxRounds), .atLeast(1), ceiling: 10_000,
            unit: "rounds", "Rounds after which an undecided assault is called off (repelled)."),
        number(
            "occupation_share", in: .combat, .model(\.combat.occupationShare), .positiveUnit, unit: "share",
            "Share of the victorious assault force left behind as the new garrison (also sizes a "
                + "walk-in garrison after a withdrawal)."),
        number(
            "morale_shock", in: .combat, .model(\.combat.moraleShock), .nonNegative, ceiling: 100,
            unit: "morale per share of strategic value",
            "Morale lost by the losing camp (actors and garrisons) per share of its holdings lost; the "
                + "winners gain half."),
        number(
            "morale_weight", in: .combat, .model(\.combat.moraleWeight), .unitInterval,
            "How much morale weighs on effectiveness: effectiveness = quality x (1 - w + w x morale) x "
                + "air support."),
        // Air support multiplies effectiveness by 1 + this x the camp's sorties a day.
        number(
            "air_support_per_sortie", in: .combat, .model(\.combat.airSupportPerSortie), .nonNegative,
            ceiling: 10, unit: "per daily sortie",
            "Air support = 1 + this x the sorties per day the camp is flying; multiplies its fighters' "
                + "effectiveness."),
        number(
            "killed_share", in: .combat, .model(\.combat.killedShare), .unitInterval, unit: "share",
            "Share of the fighters put out of action by fire (in battle or by airstrikes) who are killed; the "
                + "rest are wounded (daily series killed_<actor> and wounded_<actor>)."),
        number(
            "captured_share", in: .combat, .model(\.combat.capturedShare), .unitInterval, unit: "share",
            "Share of a stormed garrison's survivors taken prisoner; the rest fall back to a neighbouring region "
                + "their actor holds (all are taken when there is none)."),
        number(
            "minimum_assault_force", in: .combat, .model(\.combat.minimumAssaultForce), .fighters,
            unit: "fighters", "Fewer fighters than this committed to an assault cannot mount it."),
        number(
            "off_objective_weight", in: .combat, .model(\.combat.offObjectiveWeight), .unitInterval,
            unit: "multiplier",
            "For an actor with objectives: factor on the target weight of a region that is neither an "
                + "objective nor on the way to one."),
        number(
            "objective_hop_factor", in: .combat, .model(\.combat.objectiveHopFactor), .unitInterval,
            unit: "multiplier per hop",
            "For an actor with objectives: factor on the target weight of a region on the way to the nearest "
                + "objective not held, per hop between them (an objective itself has factor 1)."),
    ]

    // MARK: - Cascade

    static let cascade: [Spec] = [
        number(
            "local_shock", in: .cascade, .model(\.cascade.localShock), .unitInterval, unit: "morale",
            "Extra morale lost by the loser's garrisons next to a lost region."),
        number(
            "withdrawal_morale", in: .cascade, .model(\.cascade.withdrawalMorale), .unitInterval, unit: "morale",
            "A front-line garrison below this morale pulls out, and its region passes without a fight to "
                + "the strongest engaged hostile neighbour."),
        number(
            "withdrawal_delay_days", in: .cascade, .model(\.cascade.withdrawalDelayDays), .positive,
            ceiling: maximumHorizonDays, unit: "days",
            "Mean delay before such a garrison pulls out (exponential)."),
        // A coefficient of variation: 10 is a spread no one could mean.
        number(
            "threshold_spread", in: .cascade, .model(\.cascade.thresholdSpread), .nonNegative, ceiling: 10,
            note: "every garrison breaks at withdrawal_morale", unit: "coefficient of variation",
            "Each garrison (formation) breaks at its own line: withdrawal_morale times a gamma factor of mean 1 "
                + "and this coefficient of variation, drawn once per replication."),
        number(
            "contagion", in: .cascade, .model(\.cascade.contagion), .nonNegative, ceiling: 10,
            note: "breakings do not spread", unit: "morale",
            "Morale every garrison of a camp loses per formation of the camp that breaks (stormed or pulled "
                + "out), times one over the regions the camp held at the start (Granovetter's threshold cascade)."),
        number(
            "desertion_share", in: .cascade, .model(\.cascade.desertionShare), .unitInterval, unit: "share",
            "Share of a garrison that deserts when it breaks; the rest falls back to a neighbouring region its "
                + "actor holds (or surrenders when there is none)."),
    ]

    // MARK: - Air campaign

    // Per strike. The deadliest strikes on record killed tens of thousands; totals are at most
    // (strikes <= max_events <= 10^9) x 10^6 = 10^15 < 2^53. Killed and displaced are also
    // capped by the region's residents, injured are not.
    static let airCampaign: [Spec] = [
        number(
            "fighters_hit_per_strike", in: .airCampaign, .perEvent(\.airCampaign.fightersHitPerStrike), .nonNegative,
            ceiling: 1e8, unit: "fighters per strike",
            "Fighters of the target garrison put out of action by one strike (at most the garrison)."),
        number(
            "civilians_killed_per_strike", in: .airCampaign, .perEvent(\.airCampaign.civiliansKilledPerStrike),
            .nonNegative, ceiling: 1e6, unit: "people per strike",
            "Civilians killed by one strike (at most the region's population)."),
        number(
            "civilians_injured_per_strike", in: .airCampaign, .perEvent(\.airCampaign.civiliansInjuredPerStrike),
            .nonNegative, ceiling: 1e6, unit: "people per strike", "Civilians injured by one strike."),
        number(
            "civilians_displaced_per_strike", in: .airCampaign, .perEvent(\.airCampaign.civiliansDisplacedPerStrike),
            .nonNegative, ceiling: 1e7, unit: "people per strike",
            "Civilians who flee the region after one strike (at most those left)."),
        // Garrisons are at most 10^8 fighters: a larger weight only makes target choice uniform.
        number(
            "base_target_weight", in: .airCampaign, .model(\.airCampaign.baseTargetWeight), .nonNegative,
            ceiling: 1e8, unit: "fighters",
            "A front-line region's weight in strike target choice is its garrison plus this (above 0, empty "
                + "regions are struck too)."),
    ]

    // MARK: - Patron rule

    static let patronRule: [Spec] = [
        // Pressure and opportunity are capped at 1 (min(1, this x share lost)).
        number(
            "threat_sensitivity", in: .patronRule, .model(\.patronRule.threatSensitivity), .nonNegative,
            ceiling: 1000, note: "full pressure once a third is lost",
            "pressure = min(1, this x share of the client camp's starting strategic value lost); also "
                + "scales a posture holder's opportunity (the enemy camp's share lost)."),
        number(
            "drawdown_propensity", in: .patronRule, .model(\.patronRule.drawdownPropensity), .unitInterval,
            "P(draw down) = distraction x (1 - pressure) x this, at each decision."),
        number(
            "drawdown_factor", in: .patronRule, .model(\.patronRule.drawdownFactor), .unitInterval,
            unit: "multiplier",
            "A draw-down multiplies the patron's commitment (and so its sorties) by this."),
        number(
            "restraint_per_rung", in: .patronRule, .model(\.patronRule.restraintPerRung), .unitInterval,
            unit: "probability",
            "A posture holder restrains with probability this x ladder level / top level (outside "
                + "pressure as the war escalates)."),
        // Multiply a client's assault rate: counted in the decoder's workload estimate.
        number(
            "restrained_assault_factor", in: .patronRule, .model(\.patronRule.restrainedAssaultFactor),
            .nonNegative, ceiling: 100, unit: "multiplier",
            "Multiplies the client's assault rate while its patron restrains."),
        number(
            "backed_assault_factor", in: .patronRule, .model(\.patronRule.backedAssaultFactor), .nonNegative,
            ceiling: 100, unit: "multiplier", "Multiplies the client's assault rate while its patron backs it."),
        // Morale is capped at 1 after the boost.
        number(
            "morale_boost_per_thousand", in: .patronRule, .model(\.patronRule.moraleBoostPerThousand),
            .nonNegative, ceiling: 1000, unit: "morale per 1,000 fighters",
            "Morale every actor and garrison of the camp gains per 1,000 reinforcing fighters arriving."),
        // Commitment is capped at 1 after the rise.
        number(
            "commitment_when_hit", in: .patronRule, .model(\.patronRule.commitmentWhenHit), .unitInterval,
            unit: "commitment",
            "Commitment a patron gains each time enemy fire hits its stationed troops."),
        number(
            "incidents_for_ground_operation", in: .patronRule, .model(\.patronRule.incidentsForGroundOperation),
            .nonNegative, ceiling: 10_000, unit: "incidents",
            "Hits on a posture holder's troops after which it answers with a ground operation (back); before "
                + "that it retaliates from the air (posture retaliate). 1 = at the first hit."),
        number(
            "losses_for_ground_operation", in: .patronRule, .model(\.patronRule.lossesForGroundOperation),
            .nonNegative, ceiling: 100_000_000, note: "the count of incidents alone decides", unit: "fighters",
            "Fighters lost to hits on its troops after which a posture holder answers with a ground operation, "
                + "whatever the count of incidents."),
        number(
            "retaliation_days", in: .patronRule, .model(\.patronRule.retaliationDays), .nonNegative,
            ceiling: maximumHorizonDays, unit: "days",
            "Days a retaliation lasts at least: until then the patron's reviews keep its air arm in unless "
                + "they back the client."),
        number(
            "protection_threshold", in: .patronRule, .model(\.patronRule.protectionThreshold), .unitInterval,
            note: "never", unit: "share",
            "Share of its camp's starting strategic value a client must have lost before its posture-holding "
                + "patron may step in and back it: P = commitment x min(1, threat_sensitivity x (share lost - "
                + "this)), at each decision epoch."),
        number(
            "audience_cost", in: .patronRule, .model(\.patronRule.audienceCost), .unitInterval,
            note: "only the ground taken counts", unit: "probability",
            "Least opportunity a posture holder's review sees while its own or its client's objectives are not "
                + "all held: P(back) = commitment x max(opportunity, this). Declared aims are costly to abandon."),
    ]

    // MARK: - Mediation

    static let mediation: [Spec] = [
        number(
            "attempts_per_day", in: .mediation, .model(\.mediation.attemptsPerDay), .nonNegative, ceiling: 100,
            note: "no mediation", unit: "attempts per day",
            "Rate of the Poisson process of mediation attempts."),
        number(
            "base_success", in: .mediation, .model(\.mediation.baseSuccess), .unitInterval, unit: "probability",
            "Success probability of an attempt on day 0 with no losses; success = min(1, base_success + "
                + "exhaustion_weight x day/30 + loss_weight x share of all fighters lost + clash_weight x clashes + "
                + "ladder_weight x level/top level)."),
        // Success is capped at 1.
        number(
            "exhaustion_weight", in: .mediation, .model(\.mediation.exhaustionWeight), .nonNegative,
            ceiling: 1000, unit: "probability",
            "Added success probability per month (30 days) of war: weariness grows with the war's length, "
                + "whatever the scenario's horizon."),
        number(
            "loss_weight", in: .mediation, .model(\.mediation.lossWeight), .nonNegative, ceiling: 1000,
            unit: "probability",
            "Added success probability per unit share of all fighters (field forces and garrisons at the "
                + "start) lost."),
        number(
            "clash_weight", in: .mediation, .model(\.mediation.clashWeight), .nonNegative, ceiling: 1000,
            unit: "probability per clash",
            "Added success probability per clash between the camps' patrons (a camp's fire hitting a patron's "
                + "stationed troops)."),
        number(
            "ladder_weight", in: .mediation, .model(\.mediation.ladderWeight), .nonNegative, ceiling: 1000,
            unit: "probability",
            "Added success probability at the top of the ladder, times the current rung's share of the top rung "
                + "(level / top level)."),
        number(
            "breakdown_per_day", in: .mediation, .model(\.mediation.breakdownPerDay), .unitInterval,
            note: "a ceasefire holds to the horizon", unit: "probability per day",
            "Daily chance that a ceasefire in force breaks down: the front thaws, fighting and mediation resume."),
    ]

    // MARK: - Chemical weapons

    static let chemicalWeapons: [Spec] = [
        number(
            "daily_hazard", in: .chemicalWeapons, .model(\.chemicalWeapons.dailyHazard), .unitInterval,
            note: "never", unit: "probability per day",
            "Daily probability that the regime (collapse.actor) uses chemical weapons, once per run, while "
                + "its morale is below desperation_morale and the ladder stands at or above minimum_rung."),
        number(
            "desperation_morale", in: .chemicalWeapons, .model(\.chemicalWeapons.desperationMorale),
            .unitInterval, unit: "morale", "The regime's morale must be below this."),
        Spec(
            "minimum_rung", in: .chemicalWeapons, .reference("ladder rung"), default: .absent("the first rung"),
            "The id of a ladder rung the ladder must have reached."),
        // Once per run and not capped by the population: Halabja (1988) killed about 5,000.
        number(
            "civilians_killed", in: .chemicalWeapons, .perEvent(\.chemicalWeapons.civiliansKilled), .nonNegative,
            ceiling: 1e6, unit: "people", "Civilians killed by the attack, drawn when it happens."),
        Spec(
            "responders", in: .chemicalWeapons, .list(.reference("actor")), default: .absent("none"),
            "Actors whose commitment rises to 1 after an attack; a patron with a posture among them backs its "
                + "client."),
    ]

    // MARK: - Collapse

    static let collapse: [Spec] = [
        Spec(
            "actor", in: .collapse, .reference("actor"), default: .required,
            "The principal actor whose collapse ends the run (the regime; not a patron)."),
        Spec(
            "capital", in: .collapse, .reference("region"), default: .required,
            "Its capital region: losing it to the other camp is collapse."),
        Spec(
            "morale_threshold", in: .collapse, .number, constraint: .unitInterval, default: .required,
            unit: "morale", uncertainty: .perReplication, target: .model(\.collapse.moraleThreshold),
            "Collapse when the actor's morale falls below this."),
        number(
            "dissolved_share", in: .collapse, .model(\.collapse.dissolvedShare), .positiveUnit, unit: "share",
            "Collapse when this share of the actor's starting fighters (field force and garrisons) has deserted "
                + "or been captured."),
        number(
            "garrison_shock", in: .collapse, .model(\.collapse.garrisonShock), .unitInterval, unit: "morale",
            "Morale each of the actor's garrisons loses when it collapses; the run goes on, and those pushed "
                + "below their line pull out."),
    ]

    // MARK: - Variants and sweeps (how to run the scenario, not the world)

    static let variant: [Spec] = [
        Spec(
            "description", in: .variant, .text, default: .absent("empty"),
            "One line saying what the what-if is; shown by escsim validate and in reports."),
        Spec(
            "set", in: .variant, .structure, default: .required,
            "Dotted path -> new value, at least one. A path may add a key the file leaves at its default, or a "
                + "whole optional section; a path that does not exist is an error at its line."),
    ]

    static let sweep: [Spec] = [
        Spec(
            "method", in: .sweep, .structure, default: .required,
            "grid (every combination of every parameter's values) or latin_hypercube (`points` points, each "
                + "parameter's range cut into that many strata, each stratum used once)."),
        Spec(
            "points", in: .sweep, .wholeNumber, constraint: .atLeast(2), default: .number(10),
            note: "ignored by a grid",
            "latin_hypercube only, and required there: the number of points."),
        Spec("parameters", in: .sweep, .structure, default: .required, "Dotted path -> range, at least one."),
    ]

    static let sweepRange: [Spec] = [
        Spec(
            "low", in: .sweepRange, .number, default: .absent("none"),
            "Lowest value (below high). In a grid, the first of `steps` evenly spaced values."),
        Spec(
            "high", in: .sweepRange, .number, default: .absent("none"),
            "Highest value (above low). In a grid, the last of `steps` evenly spaced values."),
        Spec(
            "steps", in: .sweepRange, .wholeNumber, constraint: .atLeast(2), default: .number(5),
            "Grid only: evenly spaced values from low to high, both ends included."),
        Spec(
            "values", in: .sweepRange, .structure, default: .absent("none"),
            "Grid only: the explicit values to run (when given, low, high and steps are ignored)."),
    ]

    // MARK: - Ground harm

    static let groundHarm: [Spec] = [
        // A round losing 10^5 fighters at 100 civilians each is 10^7 deaths: past any war's day.
        number(
            "civilians_killed_per_fighter_lost", in: .groundHarm,
            .model(\.groundHarm.civiliansKilledPerFighterLost), .nonNegative, ceiling: 100,
            note: "ground fighting harms no one", unit: "civilians per fighter lost",
            "Mean civilians killed per fighter (either side) put out of action in a combat round, in a region "
                + "at its starting population; scaled by the share of its residents still at home (a Poisson draw, "
                + "at most the residents)."),
        number(
            "injured_per_killed", in: .groundHarm, .model(\.groundHarm.injuredPerKilled), .nonNegative,
            ceiling: 100, unit: "injured per killed",
            "Mean civilians injured by ground fighting per civilian it kills (a Poisson draw)."),
    ]

    // MARK: - Displacement

    static let displacement: [Spec] = [
        number(
            "flight_under_assault", in: .displacement, .model(\.displacement.flightUnderAssault), .unitInterval,
            note: "no one flees an assault", unit: "share per day",
            "Share of the residents still at home who leave, each day, a region under assault."),
        number(
            "flight_after_capture", in: .displacement, .model(\.displacement.flightAfterCapture), .unitInterval,
            unit: "share per day",
            "Share of the residents who leave, each day, a region that changed hands within capture_window_days."),
        number(
            "flight_near_fighting", in: .displacement, .model(\.displacement.flightNearFighting), .unitInterval,
            unit: "share per day",
            "Share of the residents who leave, each day, a region next to one under assault or just taken. A "
                + "region meeting several conditions loses 1 - (1 - a)(1 - b)(1 - c)."),
        number(
            "capture_window_days", in: .displacement, .model(\.displacement.captureWindowDays), .nonNegative,
            ceiling: maximumHorizonDays, unit: "days",
            "Days after a change of hands during which flight_after_capture applies (and its neighbours count "
                + "as near the fighting)."),
        number(
            "return_rate", in: .displacement, .model(\.displacement.returnRate), .unitInterval,
            note: "no one returns", unit: "share per day",
            "Share of a region's displaced who go home each day once it has been calm for return_after_days."),
        number(
            "return_after_days", in: .displacement, .model(\.displacement.returnAfterDays), .nonNegative,
            ceiling: maximumHorizonDays, unit: "days",
            "Days without fighting, strikes or change of hands before a region's displaced start going home."),
    ]

    // MARK: - Sieges

    static let siege: [Spec] = [
        number(
            "strength_loss_per_day", in: .siege, .model(\.siege.strengthLossPerDay), .unitInterval,
            unit: "share per day",
            "Share of its fighters a besieged garrison loses each day to hunger and desertion (counted as "
                + "losses)."),
        number(
            "morale_loss_per_day", in: .siege, .model(\.siege.moraleLossPerDay), .unitInterval,
            unit: "morale per day", "Morale a besieged garrison loses each day."),
        number(
            "deal_morale", in: .siege, .model(\.siege.dealMorale), .unitInterval, unit: "morale",
            "A besieged garrison considers an evacuation deal once its morale is below this."),
        number(
            "deal_probability_per_day", in: .siege, .model(\.siege.dealProbabilityPerDay), .unitInterval,
            note: "never", unit: "probability per day",
            "Daily chance that a besieged garrison below deal_morale accepts a deal: its fighters leave for the "
                + "region's evacuate_to (else the nearest region its camp holds) and the strongest hostile "
                + "neighbour takes the ground without a storm."),
    ]

    // MARK: - Camps and deals

    static let camp: [Spec] = [
        Spec("name", in: .camp, .text, default: .absent("the id"), "Display name in traces and reports."),
        Spec(
            "neutral", in: .camp, .list(.reference("camp")), default: .absent("none"),
            "Camps this one does not fight at the start (mutual: listing it on one side is enough); a deal "
                + "can make them allies."),
        Spec(
            "allied", in: .camp, .list(.reference("camp")), default: .absent("none"),
            "Camps this one fights beside from the start (mutual): each attacks from the other's ground and "
                + "their patrons act for each other's actors."),
    ]

    static let deals: [Spec] = [
        number(
            "loss_threshold", in: .deals, .model(\.deals.lossThreshold), .unitInterval, unit: "share",
            "Share of its starting strategic value a camp must have lost before it seeks a protector."),
        number(
            "sensitivity", in: .deals, .model(\.deals.sensitivity), .nonNegative, note: "never",
            unit: "probability per day per share",
            "Daily chance of a deal per share lost past loss_threshold (capped at 1), for each neutral camp "
                + "hostile to a camp the loser is fighting."),
    ]

    // MARK: - Supply

    static let supply: [Spec] = [
        // Boulding's loss-of-strength gradient (Conflict and Defense, 1962, ch. 12), per region.
        number(
            "projection_decay", in: .supply, .model(\.supply.projectionDecay), .positiveUnit,
            note: "no decay", unit: "factor per hop",
            "Share of an assault's fighting power left for each region between its staging region and the "
                + "nearest supply base of its camp, through the camp's own ground: power is multiplied by "
                + "projection_decay ^ hops (cut-off ground counts as the region count of hops). No effect on a "
                + "camp that held no supply_base at the start.")
    ]
}
