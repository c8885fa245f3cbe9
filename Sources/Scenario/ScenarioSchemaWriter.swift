import EscalationModel
import Foundation
import Stochastic

/// Writes the keys of `Scenarios/schema.json` from `ParameterCatalogue`.
///
/// Each section's `properties` and `required` are the catalogue's: for every value key its type,
/// range, ceiling (`maximum`), default and a description made of its meaning, unit, default and
/// range. The shapes the decoder reads by hand (the actors and regions mappings, the ladder, the
/// distributions, variants, sweeps: `ValueType.structure` and the `definitions` they use) are
/// written by hand in the file and kept as they are; only their descriptions come from the catalogue.
enum ScenarioSchemaWriter {
    /// Where each section's keys are in the schema: the root, or a definition.
    static func definition(of section: ParameterSpec.Section) -> String? {
        switch section {
        case .top: return nil
        case .rung: return "rung"
        default:
            // air_campaign -> airCampaign
            let words = section.rawValue.split(separator: "_")
            return words.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
        }
    }

    /// `schema` with every section's keys renewed from the catalogue.
    static func renew(_ schema: JSONTree) -> JSONTree {
        var schema = schema
        for section in ParameterSpec.Section.allCases {
            let specs = ParameterCatalogue.all.filter { $0.section == section }
            if let name = definition(of: section) {
                guard var definitions = schema["definitions"], let old = definitions[name] else { continue }
                definitions[name] = renew(old, specs)
                schema["definitions"] = definitions
            } else {
                schema = renew(schema, specs)
            }
        }
        return schema
    }

    private static func renew(_ object: JSONTree, _ specs: [ParameterSpec]) -> JSONTree {
        let old = object["properties"]
        let properties = specs.map { spec in (key: spec.key, value: property(spec, written: old?[spec.key])) }
        let required = specs.filter(\.isRequired).map { JSONTree.string($0.key) }
        guard case .object(var pairs) = object else { return object }
        if let index = pairs.firstIndex(where: { $0.key == "properties" }) {
            pairs[index].value = .object(properties)
        } else {
            pairs.append(("properties", .object(properties)))
        }
        if let index = pairs.firstIndex(where: { $0.key == "required" }) {
            if required.isEmpty { pairs.remove(at: index) } else { pairs[index].value = .array(required) }
        } else if !required.isEmpty, let after = pairs.firstIndex(where: { $0.key == "properties" }) {
            pairs.insert(("required", .array(required)), at: after + 1)
        }
        return .object(pairs)
    }

    // MARK: - One key

    static func property(_ spec: ParameterSpec, written: JSONTree?) -> JSONTree {
        let description = JSONTree.string(description(of: spec))
        var pairs: [(key: String, value: JSONTree)]
        switch spec.type {
        case .structure:
            // Hand-written shape; a new structural key starts as a description only.
            guard case .object(let old)? = written else { return .object([("description", description)]) }
            pairs = old
            if let index = pairs.firstIndex(where: { $0.key == "description" }) {
                pairs[index].value = description
            } else {
                pairs.append(("description", description))
            }
            return .object(pairs)
        case .number, .wholeNumber, .distribution:
            pairs = numberSchema(spec)
        case .text:
            pairs = [("$ref", .string("#/definitions/text"))]
        case .word(let words):
            pairs = [("enum", .array(words.map(JSONTree.string)))]
        case .reference(let kind):
            pairs = [("$ref", .string(reference(kind)))]
        case .boolean:
            pairs = [("type", .string("boolean"))]
        case .list(let item):
            let items: JSONTree
            if case .reference(let kind) = item {
                items = .object([("$ref", .string(reference(kind)))])
            } else {
                items = .object([])
            }
            pairs = [("type", .string("array")), ("items", items)]
        }
        pairs.append(("description", description))
        if let value = defaultJSON(spec) { pairs.append(("default", value)) }
        return .object(pairs)
    }

    private static func reference(_ kind: String) -> String {
        switch kind {
        case "actor": return "#/definitions/actorReference"
        case "region": return "#/definitions/regionReference"
        default: return "#/definitions/text"
        }
    }

    /// The bounds of a plain number: its constraint's floor and top, and its ceiling.
    private static func bounds(_ spec: ParameterSpec) -> [(key: String, value: JSONTree)] {
        var pairs: [(key: String, value: JSONTree)] = [
            ("type", .string(spec.type == .wholeNumber ? "integer" : "number"))
        ]
        if let floor = spec.constraint?.floor {
            pairs.append((floor.exclusive ? "exclusiveMinimum" : "minimum", .number(floor.value)))
        }
        let tops = [spec.constraint?.top, spec.ceiling].compactMap { $0 }
        if let top = tops.min() { pairs.append(("maximum", .number(top))) }
        return pairs
    }

    /// The shared definition that says the same as the key's own bounds, if there is one.
    private static func sharedDefinition(_ spec: ParameterSpec) -> String? {
        guard spec.ceiling == nil || spec.ceiling.map({ $0 >= spec.constraint?.top ?? .infinity }) == true,
            let constraint = spec.constraint
        else { return nil }
        switch (spec.uncertainty, constraint) {
        case (.perReplication, .positive): return "positive"
        case (.perReplication, .nonNegative): return "nonNegative"
        case (.perReplication, .unitInterval): return "unitInterval"
        case (.perReplication, .positiveUnit): return "positiveUnit"
        case (.perReplication, .fighters): return "fighters"
        case (.perEvent, .nonNegative): return "perEventNonNegative"
        case (.perEvent, .unitInterval): return "perEventUnitInterval"
        default: return nil
        }
    }

    private static func numberSchema(_ spec: ParameterSpec) -> [(key: String, value: JSONTree)] {
        if spec.uncertainty == .plain { return bounds(spec) }
        if let name = sharedDefinition(spec) { return [("$ref", .string("#/definitions/\(name)"))] }
        return [("anyOf", .array([.object(bounds(spec)), .object([("$ref", .string("#/definitions/distribution"))])]))]
    }

    // MARK: - Words

    /// The hover text: meaning, unit, default and range, each where the key has one.
    static func description(of spec: ParameterSpec) -> String {
        var text = spec.isRequired ? "Required. " : ""
        text += spec.patronsOnly ? "Patrons only: " + ScenarioKeyTables.lowercasedFirst(spec.meaning) : spec.meaning
        if !spec.unit.isEmpty || spec.uncertainty == .plain && spec.isNumeric {
            if spec.isNumeric, spec.uncertainty == .plain {
                let form = spec.type == .wholeNumber ? "a whole number" : "a plain number"
                text += spec.unit.isEmpty ? " Give \(form)." : " Unit: \(spec.unit) (\(form))."
            } else {
                text += " Unit: \(spec.unit)."
            }
        }
        if let value = ScenarioKeyTables.defaultText(spec) { text += " Default: \(value)." }
        if spec.isNumeric, !spec.range().isEmpty { text += " Range: \(spec.range())." }
        switch spec.uncertainty {
        case .plain: break
        case .perReplication: text += " May be a distribution, drawn once per replication."
        case .perEvent: text += " A distribution drawn anew at every event."
        }
        return text
    }

    static func defaultJSON(_ spec: ParameterSpec) -> JSONTree? {
        switch spec.defaultValue {
        case .required: return nil
        case .absent:
            if case .list = spec.type { return .array([]) }
            return nil
        case .number(let value): return .number(value)
        case .word(let word): return .string(word)
        case .boolean(let value): return .bool(value)
        case .distribution(let distribution):
            if let fixed = distribution.fixedValue { return .number(fixed) }
            return .object(
                [("distribution", .string(ScenarioKeyTables.family(distribution)))]
                    + ScenarioKeyTables.parameters(distribution).map { ($0.name, JSONTree.number($0.value)) })
        }
    }
}
