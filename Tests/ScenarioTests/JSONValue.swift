import Foundation
import Yams

/// A JSON value, the thing a JSON Schema judges. Scenario YAML becomes one the way the YAML
/// language server reads it (YAML 1.2 core schema), so the schema tests see what an editor sees.
enum JSONValue: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in document order (the order matters to nobody but the messages).
    case object([(key: String, value: JSONValue)])

    struct ConversionError: Error, CustomStringConvertible {
        var description: String
    }

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            // JSON objects are unordered.
            guard a.count == b.count else { return false }
            return a.allSatisfy { pair in b.contains { $0.key == pair.key && $0.value == pair.value } }
        default: return false
        }
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    var objectPairs: [(key: String, value: JSONValue)]? {
        if case .object(let pairs) = self { return pairs }
        return nil
    }

    var keys: [String] { objectPairs?.map(\.key) ?? [] }

    /// The value at `path` (object keys; list items by index), if there is one.
    func value(at path: [String]) -> JSONValue? {
        var node = self
        for step in path {
            if let items = node.array, let index = Int(step), items.indices.contains(index) {
                node = items[index]
            } else if let child = node[step] {
                node = child
            } else {
                return nil
            }
        }
        return node
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The JSON text of the value; JSON is also YAML flow syntax, so scenarios can be written this way.
    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return String(value)
        case .string(let text): return Self.quoted(text)
        case .array(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let pairs):
            return "{" + pairs.map { "\(Self.quoted($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The value with `change` applied at `path` (object keys; list items by index). `change` gets
    /// the current value (nil if absent) and returns the new one (nil removes it).
    func updating(_ path: ArraySlice<String>, _ change: (JSONValue?) -> JSONValue?) -> JSONValue {
        guard let head = path.first else { return change(self) ?? .null }
        switch self {
        case .object(var pairs):
            let index = pairs.firstIndex { $0.key == head }
            let rest = path.dropFirst()
            let current = index.map { pairs[$0].value }
            let updated = rest.isEmpty ? change(current) : (current ?? .object([])).updating(rest, change)
            if let index {
                if let updated { pairs[index].value = updated } else { pairs.remove(at: index) }
            } else if let updated {
                pairs.append((head, updated))
            }
            return .object(pairs)
        case .array(var items):
            guard let index = Int(head), items.indices.contains(index) else { return self }
            if path.count == 1 {
                if let updated = change(items[index]) { items[index] = updated } else { items.remove(at: index) }
            } else {
                items[index] = items[index].updating(path.dropFirst(), change)
            }
            return .array(items)
        default:
            return self
        }
    }

    // MARK: - From JSON text

    /// Parses JSON text with Foundation's `JSONSerialization`.
    init(jsonData data: Data) throws {
        try self.init(foundation: JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    private init(foundation value: Any) throws {
        switch value {
        case is NSNull:
            self = .null
        case let text as String:
            self = .string(text)
        case let number as NSNumber:
            // Foundation boxes JSON true/false as NSNumbers of C type char ("c"); JSON numbers
            // never come out as chars, so this tells a boolean from the number 1 or 0.
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case let items as [Any]:
            self = .array(try items.map { try JSONValue(foundation: $0) })
        case let mapping as [String: Any]:
            // JSONSerialization loses key order; sorting keeps messages stable.
            self = .object(try mapping.keys.sorted().map { ($0, try JSONValue(foundation: mapping[$0] as Any)) })
        default:
            throw ConversionError(description: "unexpected JSON value \(value)")
        }
    }

    // MARK: - From YAML

    /// The value of a composed YAML node, with plain scalars resolved by the YAML 1.2 core schema
    /// (what yaml-language-server uses): `yes` stays text and `15_000` is not a number there.
    init(yaml node: Node) throws {
        switch node {
        case .scalar(let scalar):
            self = scalar.style == .plain ? Self.resolvePlain(scalar.string) : .string(scalar.string)
        case .sequence(let sequence):
            self = .array(try sequence.map { try JSONValue(yaml: $0) })
        case .mapping(let mapping):
            var pairs: [(key: String, value: JSONValue)] = []
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let key) = keyNode else {
                    throw ConversionError(description: "line \(keyNode.mark?.line ?? 0): a key that is not text")
                }
                // Yams keeps the last of duplicate keys silently; an editor flags them.
                guard !pairs.contains(where: { $0.key == key.string }) else {
                    throw ConversionError(description: "line \(keyNode.mark?.line ?? 0): duplicate key '\(key.string)'")
                }
                pairs.append((key.string, try JSONValue(yaml: valueNode)))
            }
            self = .object(pairs)
        }
    }

    private static func resolvePlain(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        if text.wholeMatch(of: /[-+]?[0-9]+/) != nil
            || text.wholeMatch(of: /[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/) != nil,
            let value = Double(text)
        {
            return .number(value)
        }
        if text.wholeMatch(of: /0x[0-9a-fA-F]+/) != nil, let value = Int(text.dropFirst(2), radix: 16) {
            return .number(Double(value))
        }
        if text.wholeMatch(of: /0o[0-7]+/) != nil, let value = Int(text.dropFirst(2), radix: 8) {
            return .number(Double(value))
        }
        return .string(text)
    }
}
