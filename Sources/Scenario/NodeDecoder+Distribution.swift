import EscalationModel
import Stochastic
import Yams

/// Distributions in scenario files: a plain number means a fixed value; a mapping names the
/// family and its parameters, e.g. `{distribution: gamma, mean: 5, sd: 2}`.
extension NodeDecoder {
    /// The parameter names each family accepts. Alternative forms (gamma by shape and scale or by
    /// mean and sd) are both listed; `distribution(_:_:)` checks that exactly one form is used.
    static let distributionParameters: [String: [String]] = [
        "fixed": ["value"],
        "uniform": ["low", "high"],
        "exponential": ["mean"],
        "gamma": ["shape", "scale", "mean", "sd"],
        "lognormal": ["mu", "sigma", "mean", "sd"],
        "normal": ["mean", "sd", "low", "high"],
        "beta": ["a", "b", "mean", "sd"],
        "triangular": ["low", "mode", "high"],
        "poisson": ["mean"],
        "binomial": ["trials", "p"],
        "negative_binomial": ["successes", "p"],
        "bernoulli": ["p"],
        "categorical": ["values", "weights"],
    ]

    /// A distribution, from a number (fixed) or a `{distribution: ...}` mapping. Invalid
    /// parameters are reported here, so nothing invalid ever reaches GSL.
    mutating func distribution(_ node: Node?, _ what: String) -> Distribution? {
        guard let node else { return nil }
        if case .scalar = node {
            return number(node, what).map(Distribution.fixed)
        }
        guard case .mapping(let mapping) = node else {
            report("\(what) must be a number or a {distribution: ...} mapping, got \(Self.kind(of: node))", at: node)
            return nil
        }
        let familyNode = mapping.first { $0.key.string == "distribution" }?.value
        guard let familyNode, let family = string(familyNode, "\(what): distribution") else {
            if familyNode == nil { report("\(what) is a mapping without a 'distribution' key", at: node) }
            return nil
        }
        guard let known = Self.distributionParameters[family] else {
            let families = Self.distributionParameters.keys.sorted()
            report(
                "\(what): unknown distribution '\(family)'\(Suggestion.hint(for: family, among: families)); "
                    + "known: \(families.joined(separator: ", "))", at: familyNode)
            return nil
        }
        guard let fields = self.fields(of: node, in: "\(what) (\(family))", known: ["distribution"] + known) else {
            return nil
        }
        let before = problems.count
        let result = build(family: family, fields: fields, what: what)
        guard problems.count == before, let result else { return nil }
        let invalid = result.validate()
        for problem in invalid {
            report("\(what): \(problem.message)", at: node)
        }
        return invalid.isEmpty ? result : nil
    }

    private mutating func build(family: String, fields: Fields, what: String) -> Distribution? {
        func need(_ key: String) -> Node? {
            if fields[key] == nil { report("\(what) (\(family)) needs '\(key)'", at: fields.node) }
            return fields[key]
        }
        func value(_ key: String, _ constraint: NumberConstraint = .any) -> Double? {
            number(need(key), "\(what): \(key)", constraint)
        }
        /// True when the mean/sd form is used; reports a mix of both forms.
        func usesMeanForm(_ native: [String]) -> Bool {
            let mean = fields["mean"] != nil || fields["sd"] != nil
            if mean, native.contains(where: { fields[$0] != nil }) {
                report(
                    "\(what) (\(family)): give either \(native.joined(separator: " and ")) or mean and sd, not both",
                    at: fields.node)
            }
            return mean
        }
        func convert(_ make: (Double, Double) throws(DistributionError) -> Distribution) -> Distribution? {
            guard let mean = value("mean"), let sd = value("sd") else { return nil }
            do {
                return try make(mean, sd)
            } catch {
                report("\(what): \(error.message)", at: fields.node)
                return nil
            }
        }

        switch family {
        case "fixed":
            return value("value").map(Distribution.fixed)
        case "uniform":
            guard let low = value("low"), let high = value("high") else { return nil }
            return .uniform(low: low, high: high)
        case "exponential":
            return value("mean").map { .exponential(mean: $0) }
        case "gamma":
            if usesMeanForm(["shape", "scale"]) { return convert(Distribution.gamma(mean:sd:)) }
            guard let shape = value("shape"), let scale = value("scale") else { return nil }
            return .gamma(shape: shape, scale: scale)
        case "lognormal":
            if usesMeanForm(["mu", "sigma"]) { return convert(Distribution.lognormal(mean:sd:)) }
            guard let mu = value("mu"), let sigma = value("sigma") else { return nil }
            return .lognormal(mu: mu, sigma: sigma)
        case "normal":
            guard let mean = value("mean"), let sd = value("sd") else { return nil }
            let low = fields["low"].flatMap { number($0, "\(what): low") }
            let high = fields["high"].flatMap { number($0, "\(what): high") }
            if low == nil, high == nil { return .normal(mean: mean, sd: sd) }
            return .truncatedNormal(mean: mean, sd: sd, low: low ?? -.infinity, high: high ?? .infinity)
        case "beta":
            if usesMeanForm(["a", "b"]) { return convert(Distribution.beta(mean:sd:)) }
            guard let a = value("a"), let b = value("b") else { return nil }
            return .beta(a: a, b: b)
        case "triangular":
            guard let low = value("low"), let mode = value("mode"), let high = value("high") else { return nil }
            return .triangular(low: low, mode: mode, high: high)
        case "poisson":
            return value("mean").map { .poisson(mean: $0) }
        case "binomial":
            guard let trials = integer(need("trials"), "\(what): trials", minimum: 0), let p = value("p") else {
                return nil
            }
            return .binomial(trials: trials, p: p)
        case "negative_binomial":
            guard let successes = value("successes"), let p = value("p") else { return nil }
            return .negativeBinomial(successes: successes, p: p)
        case "bernoulli":
            return value("p").map { .bernoulli(p: $0) }
        case "categorical":
            guard let values = list(need("values"), "\(what): values"),
                let weights = list(need("weights"), "\(what): weights")
            else { return nil }
            let numbers = values.compactMap { number($0, "\(what): values") }
            let masses = weights.compactMap { number($0, "\(what): weights", .nonNegative) }
            guard numbers.count == values.count, masses.count == weights.count else { return nil }
            return .categorical(values: numbers, weights: masses)
        default:
            return nil
        }
    }

    /// The smallest and largest values `distribution` can take (open ends nudged inwards, so that a
    /// gamma's support passes a "positive" check while a Poisson's, which includes 0, does not).
    static func support(of distribution: Distribution) -> (low: Double, high: Double) {
        let tiny = Double.leastNormalMagnitude
        switch distribution {
        case .fixed(let value): return (value, value)
        case .uniform(let low, let high): return (low, high)
        case .exponential, .gamma, .lognormal: return (tiny, .infinity)
        case .normal: return (-.infinity, .infinity)
        case .truncatedNormal(_, _, let low, let high): return (low, high)
        case .beta: return (tiny, 1 - Double.ulpOfOne)
        case .triangular(let low, _, let high): return (low, high)
        case .poisson, .negativeBinomial: return (0, .infinity)
        case .binomial(let trials, _): return (0, Double(trials))
        case .bernoulli: return (0, 1)
        case .categorical(let values, _): return (values.min() ?? 0, values.max() ?? 0)
        }
    }
}
