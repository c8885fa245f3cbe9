import Foundation

/// A JSON Schema (draft-07) validator for exactly the keywords `Scenarios/schema.json` uses.
///
/// A keyword it does not know is reported as a problem of the schema rather than skipped, so the
/// schema cannot grow a rule that these tests silently ignore. `$ref` follows draft-07: it names
/// a local JSON pointer (`#/definitions/x`) and the keywords beside it are ignored.
struct JSONSchemaValidator {
    let root: JSONValue

    /// Keywords that describe and never constrain.
    static let annotations: Set<String> = ["$schema", "title", "description", "default", "definitions", "$comment"]
    static let assertions: Set<String> = [
        "$ref", "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minLength", "pattern", "properties", "required", "additionalProperties", "propertyNames",
        "minProperties", "maxProperties", "items", "additionalItems", "minItems", "allOf", "anyOf", "oneOf",
        "not", "if", "then", "else",
    ]

    /// Every problem of `instance`, one line each as `/json/pointer: message`; empty when it is valid.
    func errors(of instance: JSONValue) -> [String] {
        var errors: [String] = []
        check(instance, against: root, at: "", into: &errors)
        return errors
    }

    // MARK: - The schema itself

    /// The subschemas of `schema`, each with the pointer to it, found by keyword.
    static func children(of schema: JSONValue, at pointer: String) -> [(pointer: String, schema: JSONValue)] {
        guard let pairs = schema.objectPairs else { return [] }
        var found: [(String, JSONValue)] = []
        for (keyword, value) in pairs {
            switch keyword {
            case "properties", "definitions":
                found += value.objectPairs?.map { ("\(pointer)/\(keyword)/\($0.key)", $0.value) } ?? []
            case "additionalProperties", "propertyNames", "additionalItems", "not", "if", "then", "else":
                found.append(("\(pointer)/\(keyword)", value))
            case "items":
                if let list = value.array {
                    found += list.enumerated().map { ("\(pointer)/items/\($0.offset)", $0.element) }
                } else {
                    found.append(("\(pointer)/items", value))
                }
            case "allOf", "anyOf", "oneOf":
                found += (value.array ?? []).enumerated().map { ("\(pointer)/\(keyword)/\($0.offset)", $0.element) }
            default:
                break
            }
        }
        return found
    }

    /// Every subschema of the document, the root first, with its pointer.
    var allSchemas: [(pointer: String, schema: JSONValue)] {
        var result: [(pointer: String, schema: JSONValue)] = []
        var pending: [(pointer: String, schema: JSONValue)] = [("", root)]
        while let next = pending.popLast() {
            result.append(next)
            pending += Self.children(of: next.schema, at: next.pointer)
        }
        return result
    }

    /// Keywords this validator would not enforce, and `$ref`s that lead nowhere.
    var schemaProblems: [String] {
        var problems: [String] = []
        for (pointer, schema) in allSchemas {
            guard let pairs = schema.objectPairs else {
                if case .bool = schema { continue }
                problems.append("\(pointer): a schema must be an object or a boolean")
                continue
            }
            for (keyword, _) in pairs where !Self.annotations.contains(keyword) && !Self.assertions.contains(keyword) {
                problems.append("\(pointer): keyword '\(keyword)' is not supported by the test validator")
            }
            if let reference = schema["$ref"], resolve(reference) == nil {
                problems.append("\(pointer): $ref \(reference) does not resolve")
            }
        }
        return problems
    }

    /// The schema a `$ref` names: a local JSON pointer only.
    func resolve(_ reference: JSONValue) -> JSONValue? {
        guard let text = reference.string, text.hasPrefix("#") else { return nil }
        var node = root
        for token in text.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let items = node.array, let index = Int(key), items.indices.contains(index) {
                node = items[index]
            } else if let child = node[key] {
                node = child
            } else {
                return nil
            }
        }
        return node
    }

    // MARK: - Validation

    private func check(_ instance: JSONValue, against schema: JSONValue, at path: String, into errors: inout [String]) {
        let here = path.isEmpty ? "/" : path
        switch schema {
        case .bool(true): return
        case .bool(false):
            errors.append("\(here): no value is allowed here")
            return
        case .object: break
        default:
            errors.append("\(here): schema error: a schema must be an object or a boolean")
            return
        }
        if let reference = schema["$ref"] {
            guard let target = resolve(reference) else {
                errors.append("\(here): schema error: $ref \(reference) does not resolve")
                return
            }
            check(instance, against: target, at: path, into: &errors)
            return
        }
        if let type = schema["type"] {
            let allowed = type.array?.compactMap(\.string) ?? [type.string ?? ""]
            guard allowed.contains(where: { Self.has(instance, type: $0) }) else {
                errors.append("\(here): expected \(allowed.joined(separator: " or ")), got \(Self.kind(of: instance))")
                return
            }
        }
        if let options = schema["enum"]?.array, !options.contains(instance) {
            errors.append("\(here): \(instance) is not one of \(options.map(\.description).joined(separator: ", "))")
        }
        if let constant = schema["const"], constant != instance {
            errors.append("\(here): expected \(constant), got \(instance)")
        }
        if case .number(let value) = instance { checkNumber(value, schema, here, into: &errors) }
        if case .string(let text) = instance { checkString(text, schema, here, into: &errors) }
        if case .object(let pairs) = instance { checkObject(pairs, schema, path, into: &errors) }
        if case .array(let items) = instance { checkArray(items, schema, path, into: &errors) }
        checkCombinators(instance, schema, path, into: &errors)
    }

    private func checkNumber(_ value: Double, _ schema: JSONValue, _ here: String, into errors: inout [String]) {
        // Written as "not (in range)" so that NaN fails every bound.
        if let bound = schema["minimum"]?.number, !(value >= bound) {
            errors.append("\(here): \(value) is below the minimum \(bound)")
        }
        if let bound = schema["maximum"]?.number, !(value <= bound) {
            errors.append("\(here): \(value) is above the maximum \(bound)")
        }
        if let bound = schema["exclusiveMinimum"]?.number, !(value > bound) {
            errors.append("\(here): \(value) must be above \(bound)")
        }
        if let bound = schema["exclusiveMaximum"]?.number, !(value < bound) {
            errors.append("\(here): \(value) must be below \(bound)")
        }
    }

    private func checkString(_ text: String, _ schema: JSONValue, _ here: String, into errors: inout [String]) {
        if let length = schema["minLength"]?.number, Double(text.unicodeScalars.count) < length {
            errors.append("\(here): '\(text)' is shorter than \(Int(length)) characters")
        }
        if let pattern = schema["pattern"]?.string {
            // JSON Schema patterns are searched for, not matched whole: anchors are in the pattern.
            if let regex = try? Regex(pattern) {
                if text.firstMatch(of: regex) == nil { errors.append("\(here): '\(text)' does not match \(pattern)") }
            } else {
                errors.append("\(here): schema error: pattern \(pattern) does not compile")
            }
        }
    }

    private func checkObject(
        _ pairs: [(key: String, value: JSONValue)], _ schema: JSONValue, _ path: String,
        into errors: inout [String]
    ) {
        let here = path.isEmpty ? "/" : path
        let properties = schema["properties"]
        for (key, value) in pairs {
            let child = "\(path)/\(key)"
            if let propertySchema = properties?[key] {
                check(value, against: propertySchema, at: child, into: &errors)
            } else if let additional = schema["additionalProperties"] {
                if additional == .bool(false) {
                    errors.append("\(here): unknown key '\(key)'")
                } else {
                    check(value, against: additional, at: child, into: &errors)
                }
            }
            if let names = schema["propertyNames"] {
                var nameErrors: [String] = []
                check(.string(key), against: names, at: child, into: &nameErrors)
                if !nameErrors.isEmpty { errors.append("\(child): the key '\(key)' is not allowed: \(nameErrors[0])") }
            }
        }
        for key in schema["required"]?.array?.compactMap(\.string) ?? [] where !pairs.contains(where: { $0.key == key })
        {
            errors.append("\(here): missing the required key '\(key)'")
        }
        if let least = schema["minProperties"]?.number, Double(pairs.count) < least {
            errors.append("\(here): needs at least \(Int(least)) entries, has \(pairs.count)")
        }
        if let most = schema["maxProperties"]?.number, Double(pairs.count) > most {
            errors.append("\(here): allows at most \(Int(most)) entries, has \(pairs.count)")
        }
    }

    private func checkArray(_ items: [JSONValue], _ schema: JSONValue, _ path: String, into errors: inout [String]) {
        if let least = schema["minItems"]?.number, Double(items.count) < least {
            errors.append("\(path.isEmpty ? "/" : path): needs at least \(Int(least)) items, has \(items.count)")
        }
        guard let itemSchema = schema["items"] else { return }
        if let tuple = itemSchema.array {
            for (index, item) in items.enumerated() {
                if index < tuple.count {
                    check(item, against: tuple[index], at: "\(path)/\(index)", into: &errors)
                } else if let additional = schema["additionalItems"] {
                    check(item, against: additional, at: "\(path)/\(index)", into: &errors)
                }
            }
        } else {
            for (index, item) in items.enumerated() {
                check(item, against: itemSchema, at: "\(path)/\(index)", into: &errors)
            }
        }
    }

    private func checkCombinators(
        _ instance: JSONValue, _ schema: JSONValue, _ path: String, into errors: inout [String]
    ) {
        let here = path.isEmpty ? "/" : path
        for part in schema["allOf"]?.array ?? [] {
            check(instance, against: part, at: path, into: &errors)
        }
        if let options = schema["anyOf"]?.array {
            let results = options.map { errorsAgainst(instance, $0, path) }
            if !results.contains(where: \.isEmpty) {
                errors.append(
                    "\(here): matches none of \(options.count) alternatives; closest: "
                        + (results.min { $0.count < $1.count }?.joined(separator: "; ") ?? ""))
            }
        }
        if let options = schema["oneOf"]?.array {
            let results = options.map { errorsAgainst(instance, $0, path) }
            let matches = results.filter(\.isEmpty).count
            if matches == 0 {
                errors.append(
                    "\(here): matches none of \(options.count) alternatives; closest: "
                        + (results.min { $0.count < $1.count }?.joined(separator: "; ") ?? ""))
            } else if matches > 1 {
                errors.append("\(here): matches \(matches) of the alternatives, must match exactly one")
            }
        }
        if let negated = schema["not"], errorsAgainst(instance, negated, path).isEmpty {
            errors.append("\(here): matches a form that is not allowed here (\(negated))")
        }
        if let condition = schema["if"] {
            let branch = errorsAgainst(instance, condition, path).isEmpty ? schema["then"] : schema["else"]
            if let branch { check(instance, against: branch, at: path, into: &errors) }
        }
    }

    private func errorsAgainst(_ instance: JSONValue, _ schema: JSONValue, _ path: String) -> [String] {
        var errors: [String] = []
        check(instance, against: schema, at: path, into: &errors)
        return errors
    }

    static func has(_ instance: JSONValue, type: String) -> Bool {
        switch (type, instance) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
            ("object", .object):
            return true
        case ("integer", .number(let value)):
            return value.isFinite && value == value.rounded()
        default:
            return false
        }
    }

    static func kind(of instance: JSONValue) -> String {
        switch instance {
        case .null: return "nothing"
        case .bool(let value): return "the boolean \(value)"
        case .number(let value): return "the number \(value)"
        case .string(let text): return "the text '\(text)'"
        case .array: return "a list"
        case .object: return "a mapping"
        }
    }
}
