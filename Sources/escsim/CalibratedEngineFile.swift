import Backtest
import Foundation
import Stochastic

/// An engine file with the constants a calibration learnt replaced by their posteriors: what
/// `escsim calibrate --write-engine` (and `make calibrate-engine`) writes, for cases to include
/// with `engine:` instead of Scenarios/engine.yaml.
///
/// - Only the engine's constants the calibration moved (the parameters its screening kept; all
///   of them without screening) are rewritten; every other line is copied unchanged.
/// - Each posterior is summarised by its weighted mean m and sd s as a distribution of the prior's
///   family where one matches those moments: beta, lognormal and gamma by mean and sd; a uniform
///   by `m -+ sqrt(3) s`, clipped to the prior's bounds; otherwise (or when the family cannot take
///   the moments) a normal with mean m and sd s truncated to the prior's support. The prior's
///   support lies within the catalogue's bounds (the scenario validator checks it), so the
///   written file validates wherever the original did.
/// - A header says how to make the file again (cases, seed, settings) and what moved, prior mean
///   and sd against posterior mean and sd. It holds no date, path of the binary or thread count:
///   the same command writes the same bytes.
struct CalibratedEngineFile {
    /// One constant the calibration moved.
    struct Moved {
        let path: String
        let prior: Distribution
        let mean: Double
        let sd: Double
    }

    /// The engine text with `moved` written in, or nil when none of them is written in it in block
    /// style (`section:` then an indented `key: value` line).
    static func text(engine: String, moved: [Moved], provenance: [String]) -> String? {
        var lines = engine.components(separatedBy: "\n")
        var written: [String] = []
        for constant in moved {
            let parts = constant.path.split(separator: ".").map(String.init)
            guard parts.count == 2, constant.sd > 0, constant.mean.isFinite,
                let section = lines.firstIndex(where: { $0.hasPrefix(parts[0] + ":") })
            else { continue }
            var index = section + 1
            while index < lines.count,
                lines[index].isEmpty || lines[index].hasPrefix(" ") || lines[index].hasPrefix("#")
            {
                let trimmed = lines[index].drop { $0 == " " }
                if trimmed.hasPrefix(parts[1] + ":") {
                    let indent = String(lines[index].prefix { $0 == " " })
                    let old = trimmed.dropFirst(parts[1].count + 1).components(separatedBy: "  #")[0]
                        .trimmingCharacters(in: .whitespaces)
                    lines[index] =
                        indent + parts[1] + ": " + flow(summary(constant)) + "  # calibrated; prior: " + old
                    written.append(
                        "#   \(constant.path): \(number(constant.prior.mean)), \(number(constant.prior.standardDeviation))"
                            + " -> \(number(constant.mean)), \(number(constant.sd))")
                    break
                }
                index += 1
            }
        }
        guard !written.isEmpty else { return nil }
        var header = [
            "# Written by escsim calibrate --write-engine: the engine with the constants the calibration learnt",
            "# replaced by their posteriors (moment-matched, the prior's family where possible, within the",
            "# prior's bounds); every other line is copied unchanged. Made by:",
        ]
        header += provenance.map { "#   " + $0 }
        header.append("# Moved (prior mean, sd -> posterior mean, sd):")
        header += written
        return header.joined(separator: "\n") + "\n" + lines.joined(separator: "\n")
    }

    /// The posterior's moments as a distribution of the prior's family where one fits.
    static func summary(_ constant: Moved) -> [(String, String)] {
        let m = constant.mean
        let s = constant.sd
        switch constant.prior {
        case .beta where (try? Distribution.beta(mean: m, sd: s)) != nil:
            return [("distribution", "beta"), ("mean", number(m)), ("sd", number(s))]
        case .lognormal where (try? Distribution.lognormal(mean: m, sd: s)) != nil:
            return [("distribution", "lognormal"), ("mean", number(m)), ("sd", number(s))]
        case .gamma where (try? Distribution.gamma(mean: m, sd: s)) != nil:
            return [("distribution", "gamma"), ("mean", number(m)), ("sd", number(s))]
        case .uniform(let low, let high):
            let half = 3.0.squareRoot() * s
            let a = max(low, m - half)
            let b = min(high, m + half)
            if a < b { return [("distribution", "uniform"), ("low", number(a)), ("high", number(b))] }
        default:
            break
        }
        var fields = [("distribution", "normal"), ("mean", number(m)), ("sd", number(s))]
        let (low, high) = bounds(of: constant.prior)
        if low.isFinite { fields.append(("low", number(low))) }
        if high.isFinite { fields.append(("high", number(high))) }
        return fields
    }

    /// The prior's support (open ends of positive families at 0).
    static func bounds(of prior: Distribution) -> (Double, Double) {
        switch prior {
        case .uniform(let low, let high), .truncatedNormal(_, _, let low, let high), .triangular(let low, _, let high):
            return (low, high)
        case .beta: return (0, 1)
        case .exponential, .gamma, .lognormal: return (0, .infinity)
        default: return (-.infinity, .infinity)
        }
    }

    static func flow(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// Four significant digits, as C's `%.4g` writes them (the same on every platform).
    static func number(_ x: Double) -> String {
        String(format: "%.4g", x)
    }

    /// The engine constants `state` moved, with their posterior moments.
    static func moved(_ state: ABCState, parameters: [ABCParameter], enginePaths: Set<String>) -> [Moved] {
        guard let last = state.posterior else { return [] }
        return state.calibrated.compactMap { k in
            guard enginePaths.contains(parameters[k].name), parameters[k].prior.fixedValue == nil else { return nil }
            let sample = last.marginal(k)
            return Moved(
                path: parameters[k].name, prior: parameters[k].prior, mean: sample.mean, sd: sample.standardDeviation)
        }
    }
}
