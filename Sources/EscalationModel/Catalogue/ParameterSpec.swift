import Stochastic

/// One key of the scenario format, as the model describes it: where it sits, what it takes, what
/// it must satisfy, what it is when left out, and, for a number, where its value goes.
///
/// `ParameterCatalogue` lists every key once; the scenario decoder, `Scenarios/schema.json`, the
/// key tables of docs/scenario-format.md and the fuzz dictionary all read that list.
/// `@unchecked Sendable` because key paths are immutable but not declared `Sendable`.
public struct ParameterSpec: @unchecked Sendable {
    /// The part of a scenario a key belongs to.
    public enum Section: String, Sendable, CaseIterable {
        case top = ""
        case actor
        case region
        case rung = "ladder"
        case combat
        case cascade
        case airCampaign = "air_campaign"
        case patronRule = "patron_rule"
        case mediation
        case chemicalWeapons = "chemical_weapons"
        case collapse
        case variant
        case sweep
        /// The range of one swept parameter.
        case sweepRange = "sweep_range"
        case groundHarm = "ground_harm"
        case displacement
        case siege
        /// One camp of the `camps` mapping.
        case camp = "camps"
        case deals
        case supply

        /// The start of a key's dotted path: `actors.<id>.quality`, `ladder.<n>.threshold`, `combat.round_days`.
        public var pathPrefix: String {
            switch self {
            case .top: return ""
            case .actor: return "actors.<id>."
            case .region: return "regions.<id>."
            case .rung: return "ladder.<n>."
            case .variant: return "variants.<name>."
            case .camp: return "camps.<id>."
            case .sweepRange: return "sweep.parameters.<path>."
            default: return rawValue + "."
            }
        }
    }

    /// What a key takes.
    public indirect enum ValueType: Sendable, Hashable {
        case number
        case wholeNumber
        case text
        /// One of a closed set of words.
        case word([String])
        /// The identifier of an actor, a region or a ladder rung ("actor", "region", "ladder rung").
        case reference(String)
        case boolean
        case list(ValueType)
        /// A distribution (a plain number is a fixed one).
        case distribution
        /// A value whose shape the decoder reads by hand and schema.json describes by hand: the
        /// actors and regions mappings, the ladder, the sections, variants, the sweep, and the format
        /// version and scenario name (a constant and a pattern).
        case structure
    }

    /// What a key is when the scenario leaves it out.
    public enum Default: Sendable, Hashable {
        case required
        /// No value; the text says what that means ("none", "the id").
        case absent(String)
        case number(Double)
        case distribution(Distribution)
        case word(String)
        case boolean(Bool)
    }

    /// How a number may be uncertain.
    public enum Uncertainty: Sendable, Hashable {
        /// A plain number only.
        case plain
        /// A number, or a distribution drawn once per replication (recorded in replications.csv).
        case perReplication
        /// A distribution drawn anew at every event (a plain number is a fixed one).
        case perEvent
    }

    /// Where a value goes in the model's parameters: a key path of one of five kinds.
    ///
    /// A struct holding the key path as one plain reference, not an enum with a key path per
    /// case: Swift packs a multi-payload enum's references with tag bits in their spare bits,
    /// which LeakSanitizer cannot read, so the key paths of these static tables were reported
    /// as leaks under `make check` and the fuzzer.
    public struct Target {
        public enum Kind: Sendable { case actor, region, model, wholeNumber, perEvent }
        public let kind: Kind
        public let keyPath: AnyKeyPath

        public static func actor(_ path: WritableKeyPath<ActorSpec, Double>) -> Target {
            Target(kind: .actor, keyPath: path)
        }
        public static func region(_ path: WritableKeyPath<RegionSpec, Double>) -> Target {
            Target(kind: .region, keyPath: path)
        }
        public static func model(_ path: WritableKeyPath<ModelParameters, Double>) -> Target {
            Target(kind: .model, keyPath: path)
        }
        public static func wholeNumber(_ path: WritableKeyPath<ModelParameters, Int>) -> Target {
            Target(kind: .wholeNumber, keyPath: path)
        }
        public static func perEvent(_ path: WritableKeyPath<ModelParameters, Distribution>) -> Target {
            Target(kind: .perEvent, keyPath: path)
        }

        /// The key path, when the target is of that kind.
        public var actor: WritableKeyPath<ActorSpec, Double>? { keyPath as? WritableKeyPath<ActorSpec, Double> }
        public var region: WritableKeyPath<RegionSpec, Double>? { keyPath as? WritableKeyPath<RegionSpec, Double> }
        public var model: WritableKeyPath<ModelParameters, Double>? {
            keyPath as? WritableKeyPath<ModelParameters, Double>
        }
        public var wholeNumber: WritableKeyPath<ModelParameters, Int>? {
            keyPath as? WritableKeyPath<ModelParameters, Int>
        }
        public var perEvent: WritableKeyPath<ModelParameters, Distribution>? {
            keyPath as? WritableKeyPath<ModelParameters, Distribution>
        }
    }

    public var key: String
    public var section: Section
    public var type: ValueType
    /// The lower bound (and the bound of a share or probability) a number must satisfy.
    public var constraint: NumberConstraint?
    /// The largest value the model can compute with (ScenarioLimits explains the idea).
    public var ceiling: Double?
    public var defaultValue: Default
    /// Words after the default in the tables: "(never attacks)".
    public var defaultNote: String
    public var unit: String
    /// What the key means, in a sentence or two.
    public var meaning: String
    public var uncertainty: Uncertainty
    public var target: Target?
    /// Set on an actor without `patron_of`, the key is an error.
    public var patronsOnly: Bool

    public init(
        _ key: String, in section: Section, _ type: ValueType, constraint: NumberConstraint? = nil,
        ceiling: Double? = nil, default defaultValue: Default, note: String = "", unit: String = "",
        uncertainty: Uncertainty = .plain, target: Target? = nil, patronsOnly: Bool = false,
        _ meaning: String
    ) {
        self.key = key
        self.section = section
        self.type = type
        self.constraint = constraint
        self.ceiling = ceiling
        self.defaultValue = defaultValue
        self.defaultNote = note
        self.unit = unit
        self.meaning = meaning
        self.uncertainty = uncertainty
        self.target = target
        self.patronsOnly = patronsOnly
    }

    /// The key's dotted path pattern: `actors.<id>.quality`.
    public var path: String { section.pathPrefix + key }

    public var isRequired: Bool { defaultValue == .required }

    /// Whether the key takes a number or a distribution (whole numbers included).
    public var isNumeric: Bool {
        switch type {
        case .number, .wholeNumber, .distribution: return true
        default: return false
        }
    }

    /// The range as the tables write it: "> 0, at most 100", bounds written by `format`.
    public func range(_ format: (Double) -> String = ParameterSpec.format) -> String {
        var parts: [String] = []
        if type == .wholeNumber { parts.append("whole") }
        if let constraint { parts.append(constraint.range(format)) }
        if let ceiling, constraint?.top.map({ $0 > ceiling }) ?? true { parts.append("at most " + format(ceiling)) }
        return parts.joined(separator: ", ")
    }

    /// A number as the tables and messages write a bound: whole numbers written out, others as Swift prints them.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
