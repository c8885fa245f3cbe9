/// One calibrated parameter's prior and posterior as two histograms on one axis: the prior
/// (generation 0, equal weights) as a grey filled outline, the posterior (the last generation,
/// weighted) in blue on top. Both are shares of their particles per bin, over the same bins,
/// so where the blue is narrower and taller the observations narrowed the parameter down.
struct PriorPosteriorChart: Sendable {
    var id: String
    var parameter: String
    var prior: [Double]
    var posterior: [Double]
    var weights: [Double]
    var generation: Int
    var bins = 30

    static let width = 560.0
    static let height = 260.0

    /// The shares of the total weight in each of `bins` equal bins over `low...high` (the last
    /// bin closed). Values outside the range are left out; an empty or weightless sample gives zeros.
    static func shares(_ values: [Double], weights: [Double]?, low: Double, high: Double, bins: Int) -> [Double] {
        var shares = [Double](repeating: 0, count: max(1, bins))
        guard high > low else { return shares }
        var total = 0.0
        for (index, value) in values.enumerated() {
            let weight = weights?[index] ?? 1
            total += weight
            guard value >= low && value <= high else { continue }
            let bin = Int(((value - low) / (high - low) * Double(shares.count)).rounded(.down))
            shares[min(bin, shares.count - 1)] += weight
        }
        return total > 0 ? shares.map { $0 / total } : shares
    }

    /// The x range shared by both histograms; a parameter that never varied gets a unit of width.
    var domain: (low: Double, high: Double) {
        let all = prior + posterior
        let low = all.min() ?? 0
        let high = all.max() ?? 1
        if high > low { return (low, high) }
        let pad = max(low.magnitude * 0.05, 0.5)
        return (low - pad, high + pad)
    }

    /// The weighted mean of the posterior.
    var posteriorMean: Double {
        let total = weights.reduce(0, +)
        guard total > 0 else { return .nan }
        return zip(posterior, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
    }

    var caption: String {
        let priorMean = prior.isEmpty ? Double.nan : prior.reduce(0, +) / Double(prior.count)
        return
            "Prior: \(NumberText.count(prior.count)) draws of generation 0, mean \(NumberText.automatic(priorMean)). "
            + "Posterior: \(NumberText.count(posterior.count)) weighted particles of generation \(generation), "
            + "mean \(NumberText.automatic(posteriorMean))."
    }

    func svg() -> String {
        var canvas = SVGCanvas(width: Self.width, height: Self.height)
        let (low, high) = domain
        let priorShares = Self.shares(prior, weights: nil, low: low, high: high, bins: bins)
        let posteriorShares = Self.shares(posterior, weights: weights, low: low, high: high, bins: bins)
        let tallest = max(priorShares.max() ?? 0, posteriorShares.max() ?? 0, 0.01)
        var area = PlotArea(
            canvas: canvas, margins: (48, 20, 50, 62), xDomain: (low, high), yDomain: (0, tallest * 100))
        area.y = area.y.nice(count: 4)
        let yTicks = PlotArea.ticks(area.y, count: 4)
        canvas.text(parameter, x: area.left, y: 18, size: 13, bold: true, role: "chart-title")
        area.drawGrid(on: &canvas, yTicks: yTicks)
        for (shares, colour, opacity, role) in [
            (priorShares, Palette.grey, 0.3, "prior"), (posteriorShares, Palette.blue, 0.35, "posterior"),
        ] {
            var outline: [(x: Double, y: Double)] = [(area.x(low), area.bottom)]
            for (index, share) in shares.enumerated() {
                let left = low + (high - low) * Double(index) / Double(shares.count)
                let right = low + (high - low) * Double(index + 1) / Double(shares.count)
                outline += [(area.x(left), area.y(share * 100)), (area.x(right), area.y(share * 100))]
            }
            outline.append((area.x(high), area.bottom))
            canvas.path(
                outline, fill: colour, opacity: opacity, stroke: colour, width: 1.5, role: role,
                data: [("data-shares", shares.map { NumberText.fixed($0, digits: 4) }.joined(separator: " "))])
        }
        let y = 36.0
        canvas.rect(x: area.left, y: y - 9, width: 14, height: 10, fill: Palette.grey, opacity: 0.5)
        canvas.text("prior (generation 0)", x: area.left + 18, y: y, size: 11)
        canvas.rect(x: area.left + 150, y: y - 9, width: 14, height: 10, fill: Palette.blue, opacity: 0.5)
        canvas.text("posterior (generation \(generation))", x: area.left + 168, y: y, size: 11)
        area.drawYAxis(on: &canvas, ticks: yTicks, label: "% of particles")
        area.drawXAxis(on: &canvas, ticks: PlotArea.ticks(area.x, count: 6, grouped: false), label: "value")
        return canvas.render(
            id: id, kind: "prior-posterior", title: "Prior and posterior of \(parameter)",
            description: "Histograms of the prior and the posterior of \(parameter) over \(bins) shared bins. "
                + caption,
            data: [("data-parameter", parameter), ("data-bins", "\(bins)")])
    }
}
