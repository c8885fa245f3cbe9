import EscalationModel
import Foundation
import Stochastic

/// The key tables of docs/scenario-format.md, written from `ParameterCatalogue`: one per section,
/// and the table of ceilings.
enum ScenarioKeyTables {
    /// The name of each generated block in the page: `keys:actor`, `keys:combat`, ..., `ceilings`.
    static func block(_ name: String) -> String? {
        if name == "ceilings" { return ceilings() }
        guard name.hasPrefix("keys:") else { return nil }
        let sectionName = String(name.dropFirst("keys:".count))
        guard
            let section = ParameterSpec.Section.allCases.first(where: {
                ($0 == .top ? "top" : $0.rawValue) == sectionName
            })
        else { return nil }
        return keys(section)
    }

    static func keys(_ section: ParameterSpec.Section) -> String {
        var lines = ["| key | required / default | unit | range | dist | meaning |", "|---|---|---|---|---|---|"]
        for spec in ParameterCatalogue.all where spec.section == section {
            let meaning = spec.patronsOnly ? "*patrons only*: " + lowercasedFirst(spec.meaning) : spec.meaning
            let cells = ["`\(spec.key)`", defaultText(spec) ?? "required", spec.unit, range(spec), dist(spec), meaning]
            lines.append("| " + cells.map(escaped).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// Every ceiling, by dotted path.
    static func ceilings() -> String {
        var lines = ["| key | at most |", "|---|---|"]
        for spec in ParameterCatalogue.all {
            guard let ceiling = spec.ceiling else { continue }
            lines.append("| `\(spec.path)` | \(readable(ceiling)) |")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Cells

    /// The default in words, or nil for a required key.
    static func defaultText(_ spec: ParameterSpec) -> String? {
        let value: String
        switch spec.defaultValue {
        case .required: return nil
        case .absent(let text): value = text
        case .number(let number): value = ParameterSpec.format(number)
        case .word(let word): value = word
        case .boolean(let flag): value = flag ? "true" : "false"
        case .distribution(let distribution):
            if let fixed = distribution.fixedValue {
                value = ParameterSpec.format(fixed)
            } else {
                let parameters = parameters(distribution).map { "\($0.name): \(ParameterSpec.format($0.value))" }
                value = "{distribution: \(family(distribution)), " + parameters.joined(separator: ", ") + "}"
            }
        }
        return spec.defaultNote.isEmpty ? value : "\(value) (\(spec.defaultNote))"
    }

    static func range(_ spec: ParameterSpec) -> String {
        switch spec.type {
        case .number, .wholeNumber, .distribution:
            // A whole number is a plain number already; a distribution key says so in `dist`.
            let range = spec.range(readable)
            guard spec.type == .number, spec.uncertainty == .plain else { return range }
            return range.isEmpty ? "any number (plain)" : range + " (plain number)"
        case .text: return "text"
        case .word(let words): return words.map { "`\($0)`" }.joined(separator: ", ")
        case .reference(let kind):
            return "an \(kind) id".replacingOccurrences(of: "an ladder", with: "a ladder")
                .replacingOccurrences(of: "an region", with: "a region")
        case .boolean: return "`true`, `false`"
        case .list(let item):
            if case .reference(let kind) = item { return "list of \(kind) ids" }
            return "list"
        case .structure: return ""
        }
    }

    static func dist(_ spec: ParameterSpec) -> String {
        switch spec.uncertainty {
        case .plain: return ""
        case .perReplication: return "yes"
        case .perEvent: return "*per event*"
        }
    }

    /// A table cell: a `|` would end it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// 10^9 for powers of ten from a million, else with thousands separators (10,000).
    static func readable(_ value: Double) -> String {
        if value >= 1e6, value == value.rounded() {
            let digits = Int(log10(value))
            if value == Self.power(digits) { return "10^\(digits)" }
        }
        let whole = ParameterSpec.format(value)
        guard value == value.rounded(), whole.count > 4 else { return whole }
        var result = ""
        for (index, character) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }

    private static func power(_ digits: Int) -> Double {
        (0..<max(digits, 0)).reduce(1.0) { value, _ in value * 10 }
    }

    private static func log10(_ value: Double) -> Double {
        var digits = 0.0
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return digits
    }

    // MARK: - Distributions as a scenario writes them

    static func family(_ distribution: Distribution) -> String {
        switch distribution {
        case .negativeBinomial: return "negative_binomial"
        case .truncatedNormal: return "normal"
        default: return distribution.familyName
        }
    }

    static func parameters(_ distribution: Distribution) -> [(name: String, value: Double)] {
        switch distribution {
        case .fixed(let value): return [("value", value)]
        case .uniform(let low, let high): return [("low", low), ("high", high)]
        case .exponential(let mean): return [("mean", mean)]
        case .gamma(let shape, let scale): return [("shape", shape), ("scale", scale)]
        case .lognormal(let mu, let sigma): return [("mu", mu), ("sigma", sigma)]
        case .normal(let mean, let sd): return [("mean", mean), ("sd", sd)]
        case .truncatedNormal(let mean, let sd, let low, let high):
            return [("mean", mean), ("sd", sd), ("low", low), ("high", high)]
        case .beta(let a, let b): return [("a", a), ("b", b)]
        case .triangular(let low, let mode, let high): return [("low", low), ("mode", mode), ("high", high)]
        case .poisson(let mean): return [("mean", mean)]
        case .binomial(let trials, let p): return [("trials", Double(trials)), ("p", p)]
        case .negativeBinomial(let successes, let p): return [("successes", successes), ("p", p)]
        case .bernoulli(let p): return [("p", p)]
        case .categorical: return []
        }
    }
}
