/// One measure over the days of a run for every variant on one chart: each variant's median
/// as a line and its middle 50% of runs (p25 to p75) as a light band, in its own colour of the
/// palette, with a legend. The 90% band is left out: six of them overlaid hide each other. A
/// single variant's full fan is in `FanChart`.
struct OverlaidFanChart: Sendable {
    /// One variant's points, in day order (points with a missing quantile are dropped).
    struct Series: Sendable, Equatable {
        var variant: String
        var points: [TimelineSeries.Point]
    }

    var id: String
    var measure: String
    var title: String
    var unit: String
    var series: [Series]
    /// Multiplies every value (100 turns shares into percentages).
    var factor: Double = 1
    /// A fixed y range, or nil to fit the data from zero.
    var yDomain: (Double, Double)?

    static let width = 560.0

    init(id: String, measure: String, title: String, unit: String, series: [Series]) {
        self.id = id
        self.measure = measure
        self.title = title
        self.unit = unit
        self.series = series.map { line in
            Series(
                variant: line.variant,
                points: line.points.filter { [$0.p25, $0.p50, $0.p75].allSatisfy(\.isFinite) })
        }
    }

    /// The colour of the variant at `index`.
    static func colour(_ index: Int) -> String { Palette.series(index) }

    /// Legend rows: as many variant names as fit across, then the next row.
    private var legendRows: [[(index: Int, variant: String, x: Double)]] {
        var rows: [[(Int, String, Double)]] = [[]]
        var x = 62.0
        for (index, line) in series.enumerated() {
            let width = 26 + Double(line.variant.count) * 6.6
            if x + width > Self.width - 8 && !(rows.last?.isEmpty ?? true) {
                rows.append([])
                x = 62
            }
            rows[rows.count - 1].append((index, line.variant, x))
            x += width
        }
        return rows
    }

    private func format(_ value: Double) -> String {
        let shown = value * factor
        return unit.hasPrefix("%") ? NumberText.fixed(shown, digits: 1) + "%" : NumberText.automatic(shown)
    }

    /// Where each variant ends: its last day's median and middle 50%.
    var caption: String {
        let ends = series.compactMap { line -> String? in
            guard let last = line.points.last else { return nil }
            return "\(line.variant) \(format(last.p50)) (\(format(last.p25))\u{2013}\(format(last.p75)))"
        }
        let day = series.compactMap { $0.points.last?.day }.max().map(NumberText.automatic) ?? NumberText.missing
        return "Median (line) and middle 50% of runs (band) of every variant, from timeline.csv. "
            + "On day \(day): " + ends.joined(separator: "; ") + "."
    }

    func svg() -> String {
        let rows = legendRows
        let top = 34 + Double(rows.count) * 15 + 8
        var canvas = SVGCanvas(width: Self.width, height: 250 + top)
        let days = series.flatMap { $0.points.map(\.day) }
        let highest = (series.flatMap { $0.points.map(\.p75) }.filter(\.isFinite).max() ?? 0) * factor
        var area = PlotArea(
            canvas: canvas, margins: (top, 20, 50, 62), xDomain: (days.min() ?? 0, days.max() ?? 1),
            yDomain: yDomain ?? (0, max(highest, 1e-9)))
        if yDomain == nil { area.y = area.y.nice(count: 5) }
        let yTicks = PlotArea.ticks(area.y, count: 5)
        canvas.text(title, x: area.left, y: 18, size: 14, bold: true, role: "chart-title")
        area.drawGrid(on: &canvas, yTicks: yTicks)
        func point(_ day: Double, _ value: Double) -> (x: Double, y: Double) {
            (area.x(day), area.y(value * factor))
        }
        // Bands first, all of them, so that no band covers another variant's median.
        for (index, line) in series.enumerated() {
            let band = line.points.map { point($0.day, $0.p75) } + line.points.reversed().map { point($0.day, $0.p25) }
            canvas.path(
                band, fill: Self.colour(index), opacity: 0.12, role: "band band-50",
                data: [("data-variant", line.variant)])
        }
        for (index, line) in series.enumerated() {
            canvas.path(
                line.points.map { point($0.day, $0.p50) }, stroke: Self.colour(index), width: 2,
                role: "median", data: [("data-variant", line.variant), ("data-days", "\(line.points.count)")])
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = 36 + Double(rowIndex) * 15
            for (index, variant, x) in row {
                canvas.line(
                    x1: x, y1: y - 4, x2: x + 16, y2: y - 4, stroke: Self.colour(index), width: 3, role: "legend-key")
                canvas.text(variant, x: x + 20, y: y, size: 11, role: "legend-label")
            }
        }
        area.drawYAxis(on: &canvas, ticks: yTicks, label: unit)
        area.drawXAxis(on: &canvas, ticks: PlotArea.ticks(area.x, count: 8), label: "day")
        return canvas.render(
            id: id, kind: "overlaid-fan", title: "\(title), every variant",
            description: "Medians and middle 50% bands of \(title.lowercased()) by day for "
                + "\(series.count) variants. " + caption,
            data: [
                ("data-measure", measure), ("data-variants", "\(series.count)"),
                ("data-x-min", "\(area.x.domain.low)"), ("data-x-max", "\(area.x.domain.high)"),
            ])
    }
}
