import EscalationModel
import Foundation
import Yams

/// The keys of one YAML mapping, checked against the keys a section allows.
struct Fields {
    let node: Node
    private(set) var values: [String: Node] = [:]

    init(node: Node, values: [String: Node]) {
        self.node = node
        self.values = values
    }

    subscript(key: String) -> Node? {
        values[key]
    }
}

/// Walks a composed YAML tree and collects every problem instead of stopping at the first.
struct NodeDecoder {
    let file: String
    private(set) var problems: [ScenarioError] = []

    /// A file can hold a million mistakes (a list of unknown names pasted in); past this many the
    /// decoder stops walking, so neither the time nor the output grows with the damage.
    static let maximumProblems = 100
    var isFull: Bool { problems.count >= Self.maximumProblems }
    var isSaturated: Bool { isOverBudget || isFull }

    /// Values a whole load may visit: the baseline, then every variant decoded again in full. The
    /// largest shipped scenario visits about 3,000 per decode; a file of several megabytes with
    /// thousands of variants would otherwise take hours. Scenario passes what is left on.
    static let maximumVisits = 2_000_000
    var visitBudget = NodeDecoder.maximumVisits
    private(set) var isOverBudget = false

    /// Kinds of reference ("actor", "region") whose section is not a mapping: references to them
    /// are not reported, since every one would be a consequence of that one problem.
    var unresolvableKinds: Set<String> = []

    /// Lines beyond this belong to `--set` values, composed below the file's last line so that
    /// their marks cannot be mistaken for the file's: line `settingsLine + k` is the k-th `--set`.
    var settingsLine = Int.max

    /// The engine file a scenario includes (`engine:`), composed below the scenario's own lines:
    /// line `afterLine + k` of the tree is line k of `file`.
    var included: (file: String, afterLine: Int)?

    init(file: String) {
        self.file = file
    }

    func location(of node: Node?) -> SourceLocation {
        let line = node?.mark?.line ?? 1
        let column = node?.mark?.column ?? 1
        if line > settingsLine {
            // A `--set path=value` is composed as `path: value`; count columns as the user typed it.
            return SourceLocation(file: "--set", line: line - settingsLine, column: max(1, column - 1))
        }
        if let included, line > included.afterLine {
            return SourceLocation(file: included.file, line: line - included.afterLine, column: column)
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    mutating func report(_ message: String, at node: Node?) {
        guard !isSaturated else { return }
        problems.append(ScenarioError(message, at: location(of: node)))
    }

    /// Counts `count` visits; false (and one problem, at `node`) once the budget is spent.
    mutating func spend(_ count: Int, at node: Node) -> Bool {
        visitBudget -= count
        guard visitBudget < 0 else { return true }
        report(
            "the scenario is too large to check: with its variants it holds more than "
                + "\(Self.maximumVisits) values (each variant is checked in full)", at: node)
        isOverBudget = true
        return false
    }

    /// Text from the file as messages quote it: a line-long paste is cut, so each problem stays one line.
    static func quoted(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= 60 ? "'\(flat)'" : "'\(flat.prefix(57))...'"
    }

    /// A short name of the node's YAML kind for "expected X, got Y" messages.
    static func kind(of node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if scalar.style == .plain, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
                return "nothing"
            }
            if scalar.style == .plain, let tag = explicitTag(of: scalar) {
                return "\(quoted(scalar.string)) tagged '\(tag)'"
            }
            if scalar.style == .plain, decimal(scalar.string) != nil { return "the number \(scalar.string)" }
            if scalar.style != .plain, decimal(scalar.string) != nil {
                return "the text \(quoted(scalar.string)) (a number in quotes is text; remove the quotes)"
            }
            return "the text \(quoted(scalar.string))"
        }
    }

    /// The fields of a mapping. Unknown keys (with a suggestion), duplicate keys and missing
    /// required keys are reported; returns nil if `node` is not a mapping.
    mutating func fields(of node: Node, in context: String, known: [String], required: [String] = []) -> Fields? {
        guard !isSaturated else { return nil }
        guard case .mapping(let mapping) = node else {
            report("\(context) must be a mapping of keys to values, got \(Self.kind(of: node))", at: node)
            return nil
        }
        guard spend(mapping.count, at: node) else { return nil }
        var values: [String: Node] = [:]
        // Every key seen, known or not: a key written twice is a duplicate even when it is also
        // unknown (checking `values`, which holds known keys only, reported it as unknown twice).
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                report("keys in \(context) must be plain names", at: keyNode)
                continue
            }
            guard seen.insert(key.string).inserted else {
                report("duplicate key \(Self.quoted(key.string)) in \(context)", at: keyNode)
                continue
            }
            if key.string == "<<" {
                // Yams composes YAML 1.1's merge key as a plain key; saying "unknown key" would puzzle.
                report("YAML merge keys ('<<') are not supported in \(context); write the keys out", at: keyNode)
                continue
            }
            if !known.contains(key.string) {
                report(
                    "unknown key \(Self.quoted(key.string)) in \(context)"
                        + Suggestion.hint(for: key.string, among: known), at: keyNode)
                continue
            }
            values[key.string] = value
        }
        let merges = mapping.contains { $0.key.string == "<<" }  // the merge would have supplied them
        for key in required where values[key] == nil && !merges {
            report("\(context) is missing the required key '\(key)'", at: node)
        }
        return Fields(node: node, values: values)
    }

    /// The entries of a mapping keyed by identifiers (actors, regions), in file order.
    mutating func entries(of node: Node, in context: String) -> [(id: String, key: Node, value: Node)] {
        guard !isSaturated else { return [] }
        guard case .mapping(let mapping) = node else {
            report("\(context) must be a mapping from identifiers to entries, got \(Self.kind(of: node))", at: node)
            return []
        }
        guard spend(mapping.count, at: node) else { return [] }
        var seen: Set<String> = []
        var result: [(id: String, key: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode, Self.isIdentifier(key.string) else {
                report(
                    "identifiers in \(context) must be letters, digits and underscores, starting with a letter",
                    at: keyNode)
                continue
            }
            guard seen.insert(key.string).inserted else {
                report("duplicate identifier '\(key.string)' in \(context)", at: keyNode)
                continue
            }
            result.append((key.string, keyNode, value))
        }
        return result
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        }
    }

    mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            report("\(what) must be text, got \(Self.kind(of: node))", at: node)
            return nil
        }
        return scalar.string
    }

    mutating func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain {
            switch scalar.string {
            case "true", "True", "TRUE", "yes": return true
            case "false", "False", "FALSE", "no": return false
            default: break
            }
        }
        report("\(what) must be true or false, got \(Self.kind(of: node))", at: node)
        return nil
    }

    /// The value of `text` if it is a decimal number: digits with an optional sign, decimal point
    /// and exponent (`15000`, `-0.25`, `.5`, `1e-3`), `_` between digits forgiven (`15_000`).
    ///
    /// Neither Swift's `Double(_:)` nor Yams' float reading will do: the first takes hexadecimal
    /// (`0x1F` is 31) and `inf`/`nan`, the second YAML 1.1's base 60 (`1:30` is 90). A time
    /// written as `1:30` or a code as `0x1F` is a mistake to report, not a number to guess at.
    ///
    /// A scan of the bytes, not a `Regex`: every number of every variant passes through here, and
    /// a regular expression made decoding a variant about a hundred times slower.
    static func decimal(_ text: String) -> Double? {
        var digits: [UInt8] = []
        digits.reserveCapacity(text.utf8.count)
        var mantissaDigits = 0
        var exponentDigits = 0
        var seenPoint = false
        var seenExponent = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "_"):
                continue  // forgiven between digits, as YAML 1.1 allows
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenExponent { exponentDigits += 1 } else { mantissaDigits += 1 }
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                // A sign starts the number or the exponent.
                let last = digits.last
                guard digits.isEmpty || last == UInt8(ascii: "e") || last == UInt8(ascii: "E") else { return nil }
            case UInt8(ascii: "."):
                guard !seenPoint, !seenExponent else { return nil }
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !seenExponent, mantissaDigits > 0 else { return nil }
                seenExponent = true
            default:
                return nil
            }
            digits.append(byte)
        }
        guard mantissaDigits > 0, !seenExponent || exponentDigits > 0 else { return nil }
        return Double(String(decoding: digits, as: UTF8.self))
    }

    /// YAML's spellings of infinity and not-a-number, which are refused with messages of their own.
    static func specialFloat(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: return nil
        }
    }

    /// The tag written on a plain scalar (`!!str 10`, `!custom 10`), as written, or nil when
    /// there is none. Yams names YAML's own tags in full (`tag:yaml.org,2002:str`); messages use
    /// the `!!` shorthand the author typed.
    static func explicitTag(of scalar: Node.Scalar) -> String? {
        let name = scalar.tag.description
        guard !name.isEmpty else { return nil }
        let yaml = "tag:yaml.org,2002:"
        return name.hasPrefix(yaml) ? "!!" + name.dropFirst(yaml.count) : name
    }

    /// A plain, untagged, finite decimal number satisfying `constraint`. YAML's `.inf` and `.nan`
    /// are refused, and so are YAML 1.1's other readings of a plain scalar as a number.
    mutating func number(_ node: Node?, _ what: String, _ constraint: NumberConstraint = .any) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain else {
            report("\(what) must be a number, got \(Self.kind(of: node))", at: node)
            return nil
        }
        let text = scalar.string
        // A tag says what the value is: `!!str 10` is text, `!custom 10` whatever an application
        // makes of it. Reading either as the number 10 would ignore what the author wrote.
        if let tag = Self.explicitTag(of: scalar) {
            report("\(what) must be a number, got \(Self.quoted(text)) tagged '\(tag)' (remove the tag)", at: node)
            return nil
        }
        guard let value = Self.decimal(text) ?? Self.specialFloat(text) else {
            let yaml11 = text.wholeMatch(
                of: /[+-]?([0-9][0-9_]*(:[0-9_]+)+(\.[0-9_]*)?|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+)/)
            let hint =
                yaml11 == nil
                ? ""
                : " (escsim reads decimal numbers only, not YAML 1.1's base-60, octal or hexadecimal forms)"
            report("\(what) must be a number, got \(Self.kind(of: node))\(hint)", at: node)
            return nil
        }
        guard !value.isNaN else {
            report("\(what) must be a number, got \(text) (not a number)", at: node)
            return nil
        }
        guard value.isFinite else {
            // Swift reads 1e400 as infinity: say what the author wrote is too large, not infinite.
            let infinite = text.lowercased().hasSuffix("inf")
            report(
                infinite
                    ? "\(what) must be finite, got \(text)"
                    : "\(what) is too large: \(text) is beyond the largest number escsim holds (about 1.8e308)",
                at: node)
            return nil
        }
        guard constraint.admits(value) else {
            report("\(what) must be \(constraint.phrase), got \(text)", at: node)
            return nil
        }
        return value
    }

    /// A whole number of at least `minimum`.
    mutating func integer(_ node: Node?, _ what: String, minimum: Int) -> Int? {
        guard let node, let value = number(node, what) else { return nil }
        let text = node.scalar?.string ?? "\(value)"
        guard value == value.rounded() else {
            report("\(what) must be a whole number, got \(text)", at: node)
            return nil
        }
        guard abs(value) < 1e15 else {
            report("\(what) must be below 1000000000000000, got \(text)", at: node)
            return nil
        }
        guard Int(value) >= minimum else {
            report("\(what) must be at least \(minimum), got \(Int(value))", at: node)
            return nil
        }
        return Int(value)
    }

    /// A list of nodes.
    mutating func list(_ node: Node?, _ what: String) -> [Node]? {
        guard let node, !isSaturated else { return nil }
        guard case .sequence(let sequence) = node else {
            report("\(what) must be a list, got \(Self.kind(of: node))", at: node)
            return nil
        }
        guard spend(sequence.count, at: node) else { return nil }
        return Array(sequence)
    }

    /// A reference to one of `ids`, by identifier.
    mutating func reference(_ node: Node?, _ what: String, to ids: [String], kind: String) -> Int? {
        guard let node, !isSaturated, let name = string(node, what) else { return nil }
        guard let index = ids.firstIndex(of: name) else {
            if !unresolvableKinds.contains(kind) {
                report(
                    "\(what) refers to unknown \(kind) \(Self.quoted(name))\(Suggestion.hint(for: name, among: ids))",
                    at: node)
            }
            return nil
        }
        return index
    }
}
