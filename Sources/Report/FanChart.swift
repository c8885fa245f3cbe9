/// A fan chart of one measure over the days of a run (Bank of England style): the band that
/// holds 90% of runs (p05 to p95) in a light shade, the middle 50% (p25 to p75) darker, and
/// the median as a line. Values are the state at the end of each day from `timeline.csv`.
struct FanChart: Sendable {
    var id: String
    var measure: String
    var variant: String
    var title: String
    /// What the y axis measures ("% of territory", "ladder rung", "civilians").
    var unit: String
    /// In day order; points with a missing quantile are left out.
    var points: [TimelineSeries.Point]
    /// Multiplies every value (100 turns shares into percentages).
    var factor: Double = 1
    /// A fixed y range (0...100 for territory) or nil to fit the data from zero.
    var yDomain: (Double, Double)?
    /// Whole-number ticks only (ladder rungs).
    var wholeTicks = false
    var colour: String = Palette.blue
    /// Observations of this measure from `scores.csv`, each on its day (`low`..`high` before
    /// `factor`). Empty on a page without scores, and then the chart is exactly as before.
    var observed: [(day: Double, mark: HistogramChart.ObservedMark)] = []

    static let width = 560.0
    static let height = 280.0

    init(
        id: String, measure: String, variant: String, title: String, unit: String,
        points: [TimelineSeries.Point]
    ) {
        self.id = id
        self.measure = measure
        self.variant = variant
        self.title = title
        self.unit = unit
        self.points = points.filter { point in
            [point.p05, point.p25, point.p50, point.p75, point.p95].allSatisfy(\.isFinite)
        }
    }

    /// The first and last day drawn.
    var days: (first: Double, last: Double)? {
        guard let first = points.first?.day, let last = points.last?.day else { return nil }
        return (first, last)
    }

    private func format(_ value: Double) -> String {
        let shown = value * factor
        if wholeTicks { return NumberText.fixed(shown, digits: 0) }
        // Percentages alike to one decimal, so 8.3% and 62.5% line up.
        return unit.hasPrefix("%") ? NumberText.fixed(shown, digits: 1) + "%" : NumberText.automatic(shown)
    }

    /// One sentence under the chart: where the fan ends.
    var caption: String {
        guard let last = points.last, let days else { return "\(variant): no days recorded." }
        var text =
            "\(variant), days \(NumberText.automatic(days.first))\u{2013}\(NumberText.automatic(days.last)). "
            + "On day \(NumberText.automatic(last.day)): median \(format(last.p50)); middle 50% of runs "
            + "\(format(last.p25))\u{2013}\(format(last.p75)); 90% \(format(last.p05))\u{2013}\(format(last.p95))."
        if !observed.isEmpty {
            text +=
                " Observed (black, from scores.csv): "
                + observed.map { day, mark in
                    "\(mark.id) on day \(NumberText.automatic(day)) \(format(mark.low))"
                        + (mark.high > mark.low ? "\u{2013}" + format(mark.high) : "")
                }.joined(separator: ", ") + "."
        }
        return text
    }

    func svg() -> String {
        var canvas = SVGCanvas(width: Self.width, height: Self.height)
        let days = self.days ?? (0, 1)
        let highest = ((points.map(\.p95) + observed.map(\.mark.high)).filter(\.isFinite).max() ?? 0) * factor
        var area = PlotArea(
            canvas: canvas, margins: (48, 20, 50, 62), xDomain: (days.first, days.last),
            yDomain: yDomain ?? (0, max(highest, wholeTicks ? 1 : 1e-9)))
        if yDomain == nil { area.y = area.y.nice(count: 5) }
        let yTicks = wholeTicks ? wholeNumberTicks(area.y) : PlotArea.ticks(area.y, count: 5)

        canvas.text(title, x: area.left, y: 18, size: 14, bold: true, role: "chart-title")
        area.drawGrid(on: &canvas, yTicks: yTicks)
        func point(_ day: Double, _ value: Double) -> (x: Double, y: Double) {
            (area.x(day), area.y(value * factor))
        }
        let outer = points.map { point($0.day, $0.p95) } + points.reversed().map { point($0.day, $0.p05) }
        let inner = points.map { point($0.day, $0.p75) } + points.reversed().map { point($0.day, $0.p25) }
        canvas.path(outer, fill: colour, opacity: 0.18, stroke: colour, width: 0.5, role: "band band-90")
        canvas.path(inner, fill: colour, opacity: 0.4, role: "band band-50")
        canvas.path(points.map { point($0.day, $0.p50) }, stroke: colour, width: 2.25, role: "median")
        if points.isEmpty {
            canvas.text(
                "no days recorded", x: area.left + area.width / 2, y: area.top + area.height / 2,
                anchor: .middle, fill: Palette.grey)
        }
        drawObserved(on: &canvas, area: area)
        drawLegend(on: &canvas, area: area)
        area.drawYAxis(on: &canvas, ticks: yTicks, label: unit)
        area.drawXAxis(on: &canvas, ticks: PlotArea.ticks(area.x, count: 8), label: "day")
        return canvas.render(
            id: id, kind: "fan", title: "\(title) (\(variant))",
            description: "Fan chart of \(title.lowercased()) by day. " + caption,
            data: [
                ("data-measure", measure), ("data-variant", variant), ("data-days", "\(points.count)"),
                ("data-x-min", "\(area.x.domain.low)"), ("data-x-max", "\(area.x.domain.high)"),
            ])
    }

    /// Every whole number when there are few, else round steps of whole numbers; counted, not
    /// stepped to, so that no domain (however large) gives more than `LinearScale.maximumTicks`.
    private func wholeNumberTicks(_ scale: LinearScale) -> [PlotArea.Tick] {
        let step = max(1, LinearScale.niceStep(span: scale.domain.high - scale.domain.low, count: 8).rounded(.up))
        let first = scale.domain.low.rounded(.up)
        let steps = ((scale.domain.high - first) / step).rounded(.down)
        guard steps >= 0 else { return [] }
        let number = Int(min(steps + 1, Double(LinearScale.maximumTicks)))
        return (0..<number).map { index in
            let value = first + Double(index) * step
            return (value, NumberText.fixed(value, digits: 0))
        }
    }

    /// Each observation as a black point (or a bar with end caps for a range) at its day; one
    /// beyond the days drawn is left out, as its day is not on the chart.
    private func drawObserved(on canvas: inout SVGCanvas, area: PlotArea) {
        for (day, mark) in observed
        where day >= area.x.domain.low && day <= area.x.domain.high && mark.low.isFinite && mark.high.isFinite {
            let x = area.x(day)
            let low = min(max(area.y(mark.low * factor), area.top), area.bottom)
            let high = min(max(area.y(mark.high * factor), area.top), area.bottom)
            canvas.beginGroup(
                role: "observed",
                data: [("data-day", "\(day)"), ("data-low", "\(mark.low)"), ("data-high", "\(mark.high)")])
            if mark.high > mark.low {
                canvas.line(x1: x, y1: low, x2: x, y2: high, stroke: Palette.black, width: 2)
                canvas.line(x1: x - 4, y1: low, x2: x + 4, y2: low, stroke: Palette.black, width: 2)
                canvas.line(x1: x - 4, y1: high, x2: x + 4, y2: high, stroke: Palette.black, width: 2)
            }
            canvas.circle(x: x, y: (low + high) / 2, radius: 3.5, fill: Palette.black, stroke: "#FFFFFF")
            canvas.text(mark.id, x: x + 7, y: high - 4, size: 10, role: "observed-label")
            canvas.endGroup()
        }
    }

    private func drawLegend(on canvas: inout SVGCanvas, area: PlotArea) {
        let y = 36.0
        var x = area.left
        for (label, opacity) in [("90% of runs", 0.18), ("middle 50%", 0.4)] {
            canvas.rect(x: x, y: y - 9, width: 14, height: 10, fill: colour, opacity: opacity)
            canvas.text(label, x: x + 18, y: y, size: 11)
            x += 110
        }
        canvas.line(x1: x, y1: y - 4, x2: x + 14, y2: y - 4, stroke: colour, width: 2.25)
        canvas.text("median", x: x + 18, y: y, size: 11)
    }
}
