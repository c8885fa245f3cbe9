import Stochastic

/// How an estimate settles as replications accumulate: for each variant, the estimate over its
/// first n runs (in replication order, as `replications.csv` lists them) with its 95% interval,
/// against n. A flat line inside a narrow band says more runs would change little; a line
/// still drifting says the batch is too small for the differences it is read for.
struct ConvergenceChart: Sendable {
    /// The estimate over the first `n` runs.
    struct Point: Sendable, Equatable {
        var n: Int
        var estimate: Double
        var low: Double
        var high: Double
    }

    /// One variant's running estimate.
    struct Series: Sendable, Equatable {
        var variant: String
        var points: [Point]
    }

    var id: String
    var outcome: String
    var title: String
    /// "% of runs" for a probability, "day" for a day's mean.
    var unit: String
    /// True for a 0/1 outcome (a probability, Wilson interval); false for a mean over the runs
    /// with a value (Student t interval).
    var indicator: Bool
    var series: [Series]

    static let width = 560.0
    static let height = 290.0
    /// At most this many points per line: a batch of 100,000 runs is drawn from every
    /// (n / 400)-th running value, which is as fine as the chart's pixels.
    static let maximumPoints = 400

    /// The running estimate of `values` (NaN: no value in that run, left out of a mean; for an
    /// indicator every value is 0 or 1). The interval is Wilson's for an indicator and Student
    /// t's otherwise, from Welford's running mean and variance (B. P. Welford, "Note on a method
    /// for calculating corrected sums of squares and products", Technometrics 4(3), 1962).
    static func running(_ values: [Double], indicator: Bool) -> [Point] {
        let step = max(1, (values.count + maximumPoints - 1) / maximumPoints)
        var points: [Point] = []
        var successes = 0
        var count = 0
        var mean = 0.0
        var squares = 0.0
        for (index, value) in values.enumerated() {
            if value.isFinite {
                count += 1
                if value != 0 { successes += 1 }
                let delta = value - mean
                mean += delta / Double(count)
                squares += delta * (value - mean)
            }
            let n = index + 1
            guard n % step == 0 || n == values.count else { continue }
            if indicator {
                let interval = ConfidenceInterval.wilson(successes: successes, trials: count)
                points.append(
                    Point(
                        n: n, estimate: count > 0 ? Double(successes) / Double(count) : .nan, low: interval.low,
                        high: interval.high))
            } else {
                let sd = count > 1 ? (squares / Double(count - 1)).squareRoot() : .nan
                let interval = ConfidenceInterval.studentT(mean: mean, sd: sd, n: count)
                points.append(
                    Point(n: n, estimate: count > 0 ? mean : .nan, low: interval.low, high: interval.high))
            }
        }
        return points
    }

    /// How many rows the legend of `variants` takes (the layout `svg()` uses).
    static func legendRows(_ variants: [String]) -> Int {
        var rows = 1
        var x = 62.0
        for variant in variants {
            let width = 24 + Double(variant.count) * 6
            if x + width > Self.width - 8 && x > 62 {
                rows += 1
                x = 62
            }
            x += width
        }
        return rows
    }

    private var factor: Double { indicator ? 100 : 1 }

    private func format(_ value: Double) -> String {
        indicator ? NumberText.percent(value) : NumberText.fixed(value, digits: 1)
    }

    var caption: String {
        let ends = series.compactMap { line -> String? in
            guard let last = line.points.last(where: { $0.estimate.isFinite }) else { return nil }
            return "\(line.variant) \(format(last.estimate)) [\(format(last.low)), \(format(last.high))] "
                + "after \(NumberText.count(last.n))"
        }
        let what =
            indicator
            ? "The share of the first n runs (Wilson 95% interval)"
            : "The mean over the first n runs that had the event (Student t 95% interval)"
        return "\(what), in replication order, from replications.csv. At the end: " + ends.joined(separator: "; ")
            + "."
    }

    func svg() -> String {
        let legendRows = Self.legendRows(series.map(\.variant))
        let top = 40 + 13 * Double(legendRows)
        var canvas = SVGCanvas(width: Self.width, height: Self.height + top - 48)
        let runs = series.flatMap { $0.points.map(\.n) }.max() ?? 1
        // The first few runs' intervals are wide enough to dwarf the rest; the y range follows the
        // estimates and the intervals from a twentieth of the runs on (bands are clipped).
        let settled = max(10, runs / 20)
        let finite = series.flatMap { line in
            line.points.flatMap { $0.n >= settled ? [$0.low, $0.high, $0.estimate] : [$0.estimate] }
        }.filter(\.isFinite)
        // Days and counts are never negative: an interval reaching below zero is cut at the axis.
        let nonNegative = series.allSatisfy { $0.points.allSatisfy { !($0.estimate < 0) } }
        let lowest = finite.min() ?? 0
        let yDomain = indicator ? (0.0, 100.0) : (nonNegative ? max(0, lowest) : lowest, finite.max() ?? 1)
        var area = PlotArea(
            canvas: canvas, margins: (top, 20, 50, 62), xDomain: (0, Double(max(runs, 1))), yDomain: yDomain)
        if !indicator { area.y = area.y.nice(count: 5) }
        let yTicks = PlotArea.ticks(area.y, count: 5)
        canvas.text(title, x: area.left, y: 18, size: 14, bold: true, role: "chart-title")
        area.drawGrid(on: &canvas, yTicks: yTicks)
        func clamp(_ y: Double) -> Double { min(max(y, area.top), area.bottom) }
        for (index, line) in series.enumerated() {
            let drawn = line.points.filter { $0.low.isFinite && $0.high.isFinite }
            let band =
                drawn.map { (area.x(Double($0.n)), clamp(area.y($0.high * factor))) }
                + drawn.reversed().map { (area.x(Double($0.n)), clamp(area.y($0.low * factor))) }
            canvas.path(
                band, fill: Palette.series(index), opacity: 0.14, role: "band",
                data: [("data-variant", line.variant)])
        }
        for (index, line) in series.enumerated() {
            let drawn = line.points.filter { $0.estimate.isFinite }
            canvas.path(
                drawn.map { (area.x(Double($0.n)), clamp(area.y($0.estimate * factor))) },
                stroke: Palette.series(index),
                width: 1.75, role: "estimate",
                data: [
                    ("data-variant", line.variant), ("data-points", "\(drawn.count)"),
                    ("data-last", "\(drawn.last?.estimate ?? .nan)"),
                ])
        }
        var x = area.left
        var y = 32.0
        for (index, line) in series.enumerated() {
            let width = 24 + Double(line.variant.count) * 6
            if x + width > Self.width - 8 && x > area.left {
                x = area.left
                y += 13
            }
            canvas.line(x1: x, y1: y, x2: x + 14, y2: y, stroke: Palette.series(index), width: 3, role: "legend-key")
            canvas.text(line.variant, x: x + 18, y: y + 4, size: 10, role: "legend-label")
            x += width
        }
        area.drawYAxis(on: &canvas, ticks: yTicks, label: unit)
        area.drawXAxis(on: &canvas, ticks: PlotArea.ticks(area.x, count: 6), label: "replications")
        return canvas.render(
            id: id, kind: "convergence", title: "\(title): running estimate",
            description: "Running estimate of \(title.lowercased()) against the number of replications. " + caption,
            data: [("data-outcome", outcome), ("data-runs", "\(runs)"), ("data-variants", "\(series.count)")])
    }
}
