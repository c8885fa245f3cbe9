import EscalationModel
import Foundation
import Stochastic
import Testing
import Yams

@testable import Scenario

/// `Scenarios/schema.json`, which editors use to complete and check scenario files: it accepts
/// every shipped scenario, rejects broken ones, and agrees with the Swift decoder on keys,
/// vocabularies, required keys, defaults and ranges.
@Suite struct SchemaTests {
    static let packageRoot = ShippedScenarios.directory.deletingLastPathComponent()
    static let schemaPath = ShippedScenarios.directory.appendingPathComponent("schema.json").path
    static let modeline = "# yaml-language-server: $schema="

    static func loadSchema() throws -> JSONSchemaValidator {
        JSONSchemaValidator(root: try JSONValue(jsonData: Data(contentsOf: URL(fileURLWithPath: schemaPath))))
    }

    static func yamlValue(_ text: String) throws -> JSONValue {
        guard let node = try Yams.compose(yaml: text) else {
            throw JSONValue.ConversionError(description: "the document is empty")
        }
        return try JSONValue(yaml: node)
    }

    /// Every YAML file under Scenarios/ whose top level has an `escsim:` key (so not the
    /// Kubernetes manifest in Scenarios/cluster/).
    static let scenarioFiles: [String] = {
        let directory = ShippedScenarios.directory.path
        let names = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().compactMap { name in
            let path = directory + "/" + name
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                case .mapping(let mapping)? = try? Yams.compose(yaml: text),
                mapping.contains(where: { $0.key.string == "escsim" })
            else { return nil }
            return path
        }
    }()

    /// A scenario with only the keys the schema requires, in every section that has required keys.
    static let requiredOnly = """
        escsim: 1
        name: schema-probe
        horizon_days: 10
        actors:
          rebels: {side: opposition, field_strength: 1000}
          regime: {side: loyalist, field_strength: 1000}
        regions:
          north: {controller: rebels, population: 1000, garrison: 100, neighbours: [south]}
          south: {controller: regime, population: 1000, garrison: 100, neighbours: []}
        ladder:
          - {id: calm, trigger: start}
        collapse: {actor: regime, capital: south, morale_threshold: 0.1}
        variants:
          shorter: {set: {horizon_days: 5}}
        sweep: {method: grid, parameters: {horizon_days: {low: 5, high: 10}}}
        """

    /// `requiredOnly` plus a patron (for the patron-only keys) and an airstrikes rung (for `threshold`).
    static let probe = requiredOnly.replacingOccurrences(
        of: "  regime: {side: loyalist, field_strength: 1000}\n",
        with: """
              regime: {side: loyalist, field_strength: 1000}
              backer: {side: loyalist, patron_of: regime, field_strength: 0}

            """
    ).replacingOccurrences(
        of: "  - {id: calm, trigger: start}\n",
        with: """
              - {id: calm, trigger: start}
              - {id: bombing, trigger: airstrikes, threshold: 10}

            """)

    /// Where each section of the schema is (`*`: any entry of a mapping, `[n]`: list item n) and
    /// where `probe` has one to set keys on with `--set`.
    static let sections: [(name: String, schemaPath: [String], probePrefix: String)] = [
        ("top level", [], ""),
        ("actor", ["actors", "*"], "actors.backer."),
        ("region", ["regions", "*"], "regions.north."),
        ("rung", ["ladder", "[1]"], "ladder.1."),
        ("combat", ["combat"], "combat."),
        ("cascade", ["cascade"], "cascade."),
        ("air_campaign", ["air_campaign"], "air_campaign."),
        ("patron_rule", ["patron_rule"], "patron_rule."),
        ("mediation", ["mediation"], "mediation."),
        ("chemical_weapons", ["chemical_weapons"], "chemical_weapons."),
        ("collapse", ["collapse"], "collapse."),
    ]

    static func accepts(_ text: String, settings: [String] = [], engine: String? = nil) -> Bool {
        let included = engine.map { ScenarioEngine(file: Self.enginePath, text: $0) }
        return (try? Scenario.parse(text, file: "probe.yaml", settings: settings, engine: included)) != nil
    }

    /// The shared engine the shipped cases include.
    static let enginePath = ShippedScenarios.directory.appendingPathComponent("engine.yaml").path

    /// A case as the decoder sees it: its own document over the engine's (`engine:`), merged key
    /// by key with distributions replaced whole, so the schema judges the whole scenario.
    static func expanded(_ text: String, engine: String?) throws -> JSONValue {
        let own = try yamlValue(text)
        guard let engine else { return own }
        return merge(try yamlValue(engine), under: own)
    }

    static func merge(_ base: JSONValue, under top: JSONValue) -> JSONValue {
        guard case .object(let below) = base, case .object(let above) = top,
            !below.contains(where: { $0.key == "distribution" }), !above.contains(where: { $0.key == "distribution" })
        else { return top }
        var pairs = above.map { pair in
            (
                key: pair.key,
                value: below.first { $0.key == pair.key }.map { merge($0.value, under: pair.value) } ?? pair.value
            )
        }
        pairs += below.filter { pair in !above.contains { $0.key == pair.key } }
        return .object(pairs)
    }

    /// The engine text a case includes, or nil.
    static func engineText(of text: String) throws -> String? {
        guard text.contains("\nengine: ") else { return nil }
        return try String(contentsOfFile: enginePath, encoding: .utf8)
    }

    // MARK: - The schema itself

    @Test func theShippedScenariosAreFound() {
        let names = Self.scenarioFiles.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(names.contains("aleppo-2024.yaml") && names.contains("idlib-2020.yaml"), "found \(names)")
    }

    @Test func theSchemaIsDraft07AndUsesOnlyKeywordsTheValidatorEnforces() throws {
        let validator = try Self.loadSchema()
        #expect(validator.root["$schema"] == .string("http://json-schema.org/draft-07/schema#"))
        #expect(validator.schemaProblems.isEmpty, "\(validator.schemaProblems.joined(separator: "\n"))")
        // Draft-07 ignores every keyword beside a $ref: only annotations may sit there.
        for (pointer, schema) in validator.allSchemas where schema["$ref"] != nil {
            let ignored = schema.keys.filter { $0 != "$ref" && !JSONSchemaValidator.annotations.contains($0) }
            #expect(ignored.isEmpty, "\(pointer): \(ignored) beside $ref would be ignored by editors")
        }
    }

    /// The hover text of every key says what it is; a key with a default says it in words too.
    @Test func everyKeyHasADescription() throws {
        let validator = try Self.loadSchema()
        // Keys inside conditions only narrow what is allowed; editors show the key's own schema.
        let conditional: Set<Substring> = ["allOf", "anyOf", "oneOf", "not", "if", "then", "else"]
        var keys = 0
        for (pointer, schema) in validator.allSchemas {
            let steps = pointer.split(separator: "/")
            guard steps.count >= 2, steps[steps.count - 2] == "properties", !steps.contains(where: conditional.contains)
            else { continue }
            keys += 1
            let description = schema["description"]?.string ?? ""
            #expect(description.count >= 10, "\(pointer) has no description")
            if schema["default"] != nil {
                #expect(description.contains("Default:"), "\(pointer) has a default but does not say so")
            }
        }
        #expect(keys >= 120, "only \(keys) keys found: is the walk broken?")
    }

    // MARK: - Shipped scenarios

    @Test(arguments: scenarioFiles)
    func everyShippedScenarioValidates(_ file: String) throws {
        let validator = try Self.loadSchema()
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let errors = validator.errors(of: try Self.expanded(text, engine: try Self.engineText(of: text)))
        #expect(errors.isEmpty, "\(file):\n\(errors.joined(separator: "\n"))")
    }

    /// The modeline that makes yaml-language-server (VS Code, Neovim, Helix) use the schema.
    @Test(arguments: scenarioFiles)
    func everyShippedScenarioNamesTheSchemaOnItsFirstLine(_ file: String) throws {
        let first = try String(contentsOfFile: file, encoding: .utf8).prefix { $0 != "\n" }
        #expect(first.hasPrefix(Self.modeline), "\(file) starts with '\(first)'")
        let relative = String(first.dropFirst(Self.modeline.count))
        let target = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(relative)
        #expect(
            target.standardized.path == URL(fileURLWithPath: Self.schemaPath).standardized.path,
            "\(file) points at \(relative)")
    }

    struct Mutation: Sendable, CustomTestStringConvertible {
        var name: String
        var original: String
        var replacement: String
        /// Where the schema must report it (a JSON pointer prefix).
        var pointer: String
        var testDescription: String { name }
    }

    static let mutations: [Mutation] = [
        Mutation(
            name: "unknown key", original: "    quality: 0.8            # assumption: less cohesive",
            replacement: "    qualty: 0.8            # assumption: less cohesive", pointer: "/actors/sna"),
        Mutation(
            name: "wrong type", original: "horizon_days: 30", replacement: "horizon_days: thirty",
            pointer: "/horizon_days"),
        Mutation(name: "misspelt law", original: "law: square", replacement: "law: sqaure", pointer: "/combat/law"),
        Mutation(
            name: "misspelt posture", original: "posture: tolerate", replacement: "posture: tolerat",
            pointer: "/actors/turkey/posture"),
        Mutation(
            name: "probability 1.5", original: "troops_hit_probability: 0.002",
            replacement: "troops_hit_probability: 1.5", pointer: "/actors/turkey/troops_hit_probability"),
        Mutation(
            name: "negative rate", original: "assaults_per_day: 0.5   # article",
            replacement: "assaults_per_day: -0.5   # article", pointer: "/actors/sna/assaults_per_day"),
        Mutation(
            name: "unknown distribution parameter", original: "{distribution: poisson, mean: 2}",
            replacement: "{distribution: poisson, lambda: 2}", pointer: "/air_campaign/fighters_hit_per_strike"),
        Mutation(
            name: "both forms of a beta", original: "{distribution: beta, mean: 0.45, sd: 0.15}",
            replacement: "{distribution: beta, a: 2, mean: 0.45, sd: 0.15}", pointer: "/actors/russia/commitment"),
        Mutation(
            name: "first rung not start", original: "{id: frozen_front, trigger: start}",
            replacement: "{id: frozen_front, trigger: ground_assault}", pointer: "/ladder/0"),
        Mutation(
            name: "threshold on a ground rung", original: "trigger: ground_assault}",
            replacement: "trigger: ground_assault, threshold: 5}", pointer: "/ladder/1"),
        Mutation(
            name: "variant without set", original: "    set:\n      mediation.attempts_per_day: 0.5",
            replacement: "    sett:\n      mediation.attempts_per_day: 0.5", pointer: "/variants/ceasefire_push"),
        Mutation(
            name: "latin hypercube with values", original: "{low: 0.2, high: 0.9}",
            replacement: "{values: [0.2, 0.9]}", pointer: "/sweep"),
    ]

    /// A broken scenario fails the schema where it is broken, and the decoder rejects it too.
    @Test(arguments: mutations)
    func aBrokenScenarioFailsTheSchemaAndTheDecoder(_ mutation: Mutation) throws {
        let validator = try Self.loadSchema()
        // The mutation goes into the baseline or into the engine it includes, wherever its text is.
        var original = try String(contentsOfFile: ShippedScenarios.baseline, encoding: .utf8)
        var engine = try Self.engineText(of: original)
        if !original.contains(mutation.original), let text = engine, text.contains(mutation.original) {
            engine = text.replacingOccurrences(of: mutation.original, with: mutation.replacement)
        } else {
            try #require(original.contains(mutation.original), "the baseline no longer has '\(mutation.original)'")
            original = original.replacingOccurrences(of: mutation.original, with: mutation.replacement)
        }
        let broken = original
        let errors = validator.errors(of: try Self.expanded(broken, engine: engine))
        #expect(errors.contains { $0.hasPrefix(mutation.pointer) }, "schema errors: \(errors)")
        #expect(!Self.accepts(broken, engine: engine), "the decoder accepted it")
    }

    // MARK: - Agreement with the decoder

    @Test func everyCatalogueKeyListIsTheSchemasKeyList() throws {
        let validator = try Self.loadSchema()
        let lists: [(String, [String], [String])] = [
            ("top level", ParameterCatalogue.keys(in: .top), []),
            ("actor", ParameterCatalogue.keys(in: .actor), ["actors", "*"]),
            ("region", ParameterCatalogue.keys(in: .region), ["regions", "*"]),
            ("first rung", ParameterCatalogue.keys(in: .rung), ["ladder", "[0]"]),
            ("later rung", ParameterCatalogue.keys(in: .rung), ["ladder", "[1]"]),
            ("combat", ParameterCatalogue.keys(in: .combat), ["combat"]),
            ("cascade", ParameterCatalogue.keys(in: .cascade), ["cascade"]),
            ("air_campaign", ParameterCatalogue.keys(in: .airCampaign), ["air_campaign"]),
            ("patron_rule", ParameterCatalogue.keys(in: .patronRule), ["patron_rule"]),
            ("mediation", ParameterCatalogue.keys(in: .mediation), ["mediation"]),
            ("chemical_weapons", ParameterCatalogue.keys(in: .chemicalWeapons), ["chemical_weapons"]),
            ("collapse", ParameterCatalogue.keys(in: .collapse), ["collapse"]),
        ]
        for (name, decoderKeys, path) in lists {
            Self.expectSameKeys(name, decoder: Set(decoderKeys), schema: validator.keys(at: path))
        }
    }

    @Test func everyDistributionFamilyHasTheDecodersParameters() throws {
        let validator = try Self.loadSchema()
        // The distribution alternative of a number-or-distribution key: the one listing the families.
        let number = validator.schemas(at: ["actors", "*", "commitment"])
        let alternatives = number.flatMap { $0["anyOf"]?.array ?? [] }.flatMap(validator.expand)
        let families = try #require(alternatives.first { $0["oneOf"] != nil }?["oneOf"]?.array)
        var schemaFamilies: [String: Set<String>] = [:]
        for family in families.flatMap(validator.expand) {
            guard let name = family["properties"]?["distribution"]?["const"]?.string else { continue }
            schemaFamilies[name] = Set(family["properties"]?.keys ?? [])
        }
        Self.expectSameKeys(
            "families", decoder: Set(NodeDecoder.distributionParameters.keys),
            schema: Set(schemaFamilies.keys))
        for (family, parameters) in NodeDecoder.distributionParameters {
            Self.expectSameKeys(
                "distribution \(family)", decoder: Set(["distribution"] + parameters),
                schema: schemaFamilies[family] ?? [])
        }
    }

    @Test func variantAndSweepKeysAreTheDecoders() throws {
        let validator = try Self.loadSchema()
        let pairs: [([String], [String])] = [
            (["variants", "*"], ScenarioDocument.variantKeys), (["sweep"], ScenarioDocument.sweepKeys),
            (["sweep", "parameters", "*"], ScenarioDocument.sweepRangeKeys),
        ]
        for (path, keys) in pairs {
            Self.expectSameKeys(path.joined(separator: "."), decoder: Set(keys), schema: validator.keys(at: path))
        }
    }

    @Test func closedVocabulariesAreTheDecoders() throws {
        let validator = try Self.loadSchema()
        let vocabularies: [([String], [String])] = [
            (["actors", "*", "posture"], Posture.allCases.map(\.rawValue)),
            (["actors", "*", "reinforce"], ReinforcementTarget.allCases.map(\.rawValue)),
            (["ladder", "[1]", "trigger"], LadderTrigger.allCases.map(\.rawValue)),
            (["combat", "law"], AttritionLaw.allCases.map(\.rawValue)),
            (["sweep", "method"], SweepSpecification.Method.allCases.map(\.rawValue)),
        ]
        for (path, swift) in vocabularies {
            Self.expectSameKeys(
                path.joined(separator: "."), decoder: Set(swift), schema: Set(validator.enumValues(at: path)))
        }
        // Each schema value of `reinforce` must load, a misspelling must not.
        let reinforce = validator.enumValues(at: ["actors", "*", "reinforce"])
        #expect(reinforce.count == ReinforcementTarget.allCases.count)
        for value in reinforce {
            #expect(Self.accepts(Self.probe, settings: ["actors.backer.reinforce=\(value)"]), "reinforce: \(value)")
            #expect(!Self.accepts(Self.probe, settings: ["actors.backer.reinforce=\(value)s"]))
        }
    }

    /// `requiredOnly` has exactly the schema's required keys and loads, so the decoder requires no
    /// more; taking any one of them away makes the decoder complain about that key, so it requires no fewer.
    @Test func requiredKeysAreTheDecoders() throws {
        let validator = try Self.loadSchema()
        let document = try Self.yamlValue(Self.requiredOnly)
        #expect(validator.errors(of: document).isEmpty, "\(validator.errors(of: document))")
        #expect(Self.accepts(document.description))
        let places: [([String], [String])] = [
            ([], []), (["actors", "*"], ["actors", "rebels"]), (["regions", "*"], ["regions", "north"]),
            (["ladder", "[0]"], ["ladder", "0"]), (["collapse"], ["collapse"]),
            (["variants", "*"], ["variants", "shorter"]), (["sweep"], ["sweep"]),
        ]
        for (schemaPath, documentPath) in places {
            let required = Set(
                validator.schemas(at: schemaPath).flatMap { $0["required"]?.array?.compactMap(\.string) ?? [] })
            // The probe carries variants: and sweep: only for their own required keys.
            let present = Set(document.value(at: documentPath)?.keys ?? [])
                .subtracting(documentPath.isEmpty ? ["variants", "sweep"] : [])
            #expect(
                required == present,
                "\(documentPath): schema requires \(required.sorted()), the probe has \(present.sorted())")
            for key in required.sorted() {
                let broken = document.updating(documentPath[...] + [key]) { _ in nil }
                do {
                    _ = try Scenario.parse(broken.description, file: "probe.yaml")
                    Issue.record("the decoder accepted \(documentPath) without '\(key)'")
                } catch {
                    #expect("\(error)".contains("'\(key)'"), "\(error)")
                }
            }
        }
    }

    /// Writing a key's documented default changes nothing the decoder produces.
    @Test func everyDocumentedDefaultIsTheDecodersDefault() throws {
        let validator = try Self.loadSchema()
        let base = try Scenario.parse(Self.probe, file: "probe.yaml").baseParameters
        var checked = 0
        for (name, schemaPath, prefix) in Self.sections {
            for key in validator.keys(at: schemaPath).sorted() {
                guard let value = validator.schemas(at: schemaPath + [key]).lazy.compactMap({ $0["default"] }).first
                else { continue }
                checked += 1
                let setting = "\(prefix)\(key)=\(value)"
                #expect(
                    try Scenario.parse(Self.probe, file: "probe.yaml", settings: [setting]).baseParameters == base,
                    "\(name): \(setting) is not what the decoder does without it")
            }
        }
        #expect(checked >= 45, "only \(checked) defaults checked")

        let sweep = try #require(try Scenario.parse(Self.probe, file: "probe.yaml").sweep)
        let steps = validator.schemas(at: ["sweep", "parameters", "*", "steps"]).compactMap { $0["default"]?.number }
            .first
        let points = validator.schemas(at: ["sweep", "points"]).compactMap { $0["default"]?.number }.first
        #expect(steps == Double(sweep.parameters[0].steps))
        #expect(points == Double(sweep.points))
    }

    /// At each bound of a key's number form, the decoder accepts what the schema accepts and
    /// refuses what it refuses (half a unit beyond it, or one for whole numbers).
    @Test func numberRangesAreTheDecoders() throws {
        let validator = try Self.loadSchema()
        #expect(Self.accepts(Self.probe))
        var probed = 0
        for (name, schemaPath, prefix) in Self.sections {
            for key in validator.keys(at: schemaPath).sorted() {
                guard let number = validator.numberForm(at: schemaPath + [key]) else { continue }
                let step = number["type"]?.string == "integer" ? 1.0 : 0.5
                var probes: [(value: Double, valid: Bool)] = []
                if let low = number["minimum"]?.number { probes += [(low, true), (low - step, false)] }
                if let low = number["exclusiveMinimum"]?.number { probes += [(low, false), (low + step, true)] }
                if let high = number["maximum"]?.number { probes += [(high, true), (high + step, false)] }
                if let high = number["exclusiveMaximum"]?.number { probes += [(high, false), (high - step, true)] }
                if !probes.isEmpty { probed += 1 }
                for (value, valid) in probes {
                    let setting = "\(prefix)\(key)=\(JSONValue.number(value))"
                    #expect(
                        Self.accepts(Self.probe, settings: [setting]) == valid,
                        "\(name): the schema \(valid ? "accepts" : "refuses") \(setting), the decoder does not")
                }
            }
        }
        #expect(probed >= 50, "only \(probed) keys probed")
    }

    static func expectSameKeys(
        _ name: String, decoder: Set<String>, schema: Set<String>,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let onlyDecoder = decoder.subtracting(schema).sorted()
        let onlySchema = schema.subtracting(decoder).sorted()
        #expect(
            onlyDecoder.isEmpty && onlySchema.isEmpty,
            "\(name): only in the decoder \(onlyDecoder), only in the schema \(onlySchema)",
            sourceLocation: sourceLocation)
    }
}

extension JSONSchemaValidator {
    /// `schema` and every schema it stands for: the targets of its `$ref`s and its `allOf` parts
    /// (the original stays first, since annotations such as `default` sit beside the `$ref`).
    func expand(_ schema: JSONValue) -> [JSONValue] {
        var result = [schema]
        var current = schema
        while let reference = current["$ref"], let target = resolve(reference) {
            result.append(target)
            current = target
        }
        return result + (current["allOf"]?.array ?? []).flatMap(expand)
    }

    /// The schemas that apply at `path` of a document: each step is a key, `*` for any entry of a
    /// mapping, or `[n]` for item n of a list.
    func schemas(at path: [String]) -> [JSONValue] {
        var current = expand(root)
        for step in path {
            var next: [JSONValue] = []
            for schema in current {
                if step == "*" {
                    if let entry = schema["additionalProperties"], entry.objectPairs != nil { next.append(entry) }
                } else if step.hasPrefix("["), let index = Int(step.dropFirst().dropLast()) {
                    if let tuple = schema["items"]?.array {
                        if index < tuple.count {
                            next.append(tuple[index])
                        } else if let extra = schema["additionalItems"] {
                            next.append(extra)
                        }
                    } else if let items = schema["items"] {
                        next.append(items)
                    }
                } else if let property = schema["properties"]?[step] {
                    next.append(property)
                }
            }
            current = next.flatMap(expand)
        }
        return current
    }

    func keys(at path: [String]) -> Set<String> {
        Set(schemas(at: path).flatMap { $0["properties"]?.keys ?? [] })
    }

    func enumValues(at path: [String]) -> [String] {
        schemas(at: path).lazy.compactMap { $0["enum"]?.array }.first?.compactMap(\.string) ?? []
    }

    /// The plain-number form of a key (itself, or its number alternative beside a distribution).
    func numberForm(at path: [String]) -> JSONValue? {
        for schema in schemas(at: path) {
            let forms = [schema] + (schema["anyOf"]?.array ?? []).flatMap(expand)
            if let form = forms.first(where: { ["number", "integer"].contains($0["type"]?.string ?? "") }) {
                return form
            }
        }
        return nil
    }
}
