import EscalationModel
import Stochastic

/// A histogram of one outcome over the runs of one variant, with its median (a line) and the
/// interval holding the middle 90% of runs (p05 to p95, shaded). For a day outcome the runs
/// where the event never happened have no value; they stand apart in a box at the right
/// ("never"), on a scale of its own (share of all runs), so the bars are not mistaken for all
/// runs and a large never-count does not flatten them.
struct HistogramChart: Sendable {
    var id: String
    var outcome: String
    var variant: String
    var title: String
    /// What the x axis measures ("day", "civilians", "ladder rung").
    var unit: String
    var kind: OutcomeKind
    /// In order; each `[low, high)`.
    var bins: [HistogramBin]
    /// Quantiles over the runs with a value, from `summary.csv`.
    var median: Double
    var p05: Double
    var p95: Double
    /// Runs where the event never happened; nil for outcomes every run has (counts, levels).
    var never: Int?
    /// All runs of the variant (with a value or not).
    var runs: Int
    /// What the world did, from `scores.csv`: windows of days drawn over the bars. Empty on a
    /// page without scores, and then the chart is exactly as before.
    var observed: [ObservedMark] = []

    /// An observation drawn on a chart: a value or range (`low == high` for a point), and the
    /// observation's id to label it.
    struct ObservedMark: Sendable, Equatable {
        var id: String
        var low: Double
        var high: Double
    }

    static let width = 560.0
    static let height = 300.0
    /// The most bars drawn: more bins (a hand-made histograms.csv) are merged into runs of
    /// adjacent bins, so that the chart's size does not grow with the file.
    static let maximumBars = 200

    /// Runs with a value (saturating, so that absurd counts in a damaged file cannot trap).
    var counted: Int { Self.total(bins.map(\.count)) }

    /// The sum of `counts`, or `Int.max` when it would overflow.
    static func total(_ counts: [Int]) -> Int {
        var sum = 0
        for count in counts {
            let (next, overflow) = sum.addingReportingOverflow(count)
            if overflow { return .max }
            sum = next
        }
        return sum
    }

    /// `bins` as at most `maximumBars` bars: each run of `ceil(bins.count / maximumBars)`
    /// adjacent bins becomes one bar from the first's lower edge to the last's upper edge.
    static func bars(_ bins: [HistogramBin]) -> [HistogramBin] {
        guard bins.count > maximumBars else { return bins }
        let group = (bins.count + maximumBars - 1) / maximumBars
        return stride(from: 0, to: bins.count, by: group).map { start in
            let run = bins[start..<min(start + group, bins.count)]
            return HistogramBin(
                low: run[run.startIndex].low, high: run[run.index(before: run.endIndex)].high,
                count: total(run.map(\.count)), fraction: run.reduce(0) { $0 + $1.fraction })
        }
    }

    /// Whether a quantile from summary.csv can be drawn (a damaged file may hold NaN or infinity).
    private var quantilesDrawn: Bool { [median, p05, p95].allSatisfy(\.isFinite) }

    /// A ladder rung `k` is the bin `[k, k + 1)`: its bar is centred on `k + 0.5`.
    private var levelOffset: Double { kind == .level ? 0.5 : 0 }

    /// A value of this outcome as the chart's labels show it.
    func format(_ value: Double) -> String {
        switch kind {
        case .day: NumberText.fixed(value, digits: 1)
        case .level: NumberText.fixed(value, digits: 0)
        case .share, .indicator: NumberText.percent(value)
        // Counts of people and strikes: whole numbers once they reach ten (81, not 81.0).
        case .quantity:
            value.magnitude >= 10
                ? NumberText.fixed(value, digits: 0, grouped: true)
                : NumberText.automatic(value)
        }
    }

    /// "never (n = 37, 3.7%)".
    var neverLabel: String? {
        never.map { "never (n = \(NumberText.count($0)), \(NumberText.percent(Double($0) / Double(max(runs, 1)))))" }
    }

    /// One sentence under the chart: what the marks mean, in numbers.
    var caption: String {
        var text = "\(variant): \(NumberText.count(counted)) of \(NumberText.count(runs)) runs"
        if counted == 0 {
            return text + "; the event never happened."
        }
        text +=
            ". Median \(format(median)) (line); 90% of these runs between \(format(p05)) and \(format(p95)) (shaded)"
        if let neverLabel { text += "; \(neverLabel) at the right, as a share of all runs" }
        if !quantilesDrawn { text += "; summary.csv has no finite median or interval, so they are not drawn" }
        if !observed.isEmpty {
            text +=
                "; observed (black outline, from scores.csv): "
                + observed.map { "\($0.id) \(format($0.low))\($0.high > $0.low ? "\u{2013}" + format($0.high) : "")" }
                .joined(separator: ", ")
        }
        return text + "."
    }

    func svg() -> String {
        let rightMargin = never == nil ? 20.0 : 132.0
        var canvas = SVGCanvas(width: Self.width, height: Self.height)
        let bars = Self.bars(bins)
        let low = bars.map(\.low).min() ?? 0
        var high = bars.map(\.high).max() ?? 1
        // A constant sample is the single bin [v, v]; give it a unit of width (the scale widens
        // it further when a unit is lost in the value's magnitude).
        if high <= low { high = low + 1 }
        // The bars alone set the count scale: the runs that never had the event get a scale of
        // their own (see `drawNever`), so 622 of them do not flatten 378 bars of a few runs each.
        let tallest = max(bars.map(\.count).max() ?? 0, 1)
        var area = PlotArea(
            canvas: canvas, margins: (48, rightMargin, 50, 62), xDomain: (low, high),
            yDomain: (0, Double(tallest)))
        area.y = area.y.nice(count: 5)
        let yTicks = PlotArea.ticks(area.y, count: 5)

        canvas.text(title, x: area.left, y: 18, size: 14, bold: true, role: "chart-title")
        area.drawGrid(on: &canvas, yTicks: yTicks)

        if counted > 0 && quantilesDrawn {
            // The middle 90%: for rungs, from the left edge of p05's bar to the right edge of p95's;
            // kept inside the plot when a quantile lies beyond the bins.
            let bandLow = min(max(area.x(p05), area.left), area.right)
            let bandHigh = min(max(area.x(kind == .level ? p95 + 1 : p95), area.left), area.right)
            canvas.rect(
                x: bandLow, y: area.top, width: max(bandHigh - bandLow, 2), height: area.height,
                fill: Palette.orange, opacity: 0.22, role: "interval",
                data: [("data-p05", "\(p05)"), ("data-p95", "\(p95)")])
        }
        for bin in bars {
            var left = area.x(bin.low)
            var right = area.x(bin.high)
            if right - left < 3 {
                let centre = (left + right) / 2
                (left, right) = (centre - 1.5, centre + 1.5)
            }
            let gap = right - left > 6 ? 0.5 : 0
            let top = area.y(Double(bin.count))
            canvas.rect(
                x: left + gap, y: top, width: right - left - 2 * gap, height: area.bottom - top,
                fill: Palette.blue, role: "bar",
                data: [("data-low", "\(bin.low)"), ("data-high", "\(bin.high)"), ("data-count", "\(bin.count)")])
        }
        if counted > 0 && quantilesDrawn {
            let x = min(max(area.x(median + levelOffset), area.left), area.right)
            canvas.line(
                x1: x, y1: area.top, x2: x, y2: area.bottom, stroke: Palette.vermillion, width: 2,
                role: "median", data: [("data-value", "\(median)")])
        } else if counted == 0 {
            canvas.text(
                "no run had this event", x: area.left + area.width / 2, y: area.top + area.height / 2,
                anchor: .middle, fill: Palette.grey)
        }
        drawObserved(on: &canvas, area: area)
        drawLegend(on: &canvas, area: area)
        if let never { drawNever(never, on: &canvas, area: area) }

        area.drawYAxis(on: &canvas, ticks: yTicks, label: "runs")
        // Without values the x axis has no range to label.
        area.drawXAxis(on: &canvas, ticks: counted > 0 ? xTicks(area.x) : [], label: unit)
        let description =
            "Histogram of \(title.lowercased()) for \(variant), \(bins.count) bins"
            + (bars.count < bins.count ? " drawn as \(bars.count) bars. " : ". ") + caption
        return canvas.render(
            id: id, kind: "histogram", title: "\(title) (\(variant))", description: description,
            data: [
                ("data-outcome", outcome), ("data-variant", variant), ("data-bins", "\(bins.count)"),
                ("data-x-min", "\(area.x.domain.low)"), ("data-x-max", "\(area.x.domain.high)"),
                ("data-never", never.map { "\($0)" } ?? ""),
            ])
    }

    /// Rungs are labelled at the middle of their bars; other axes get round ticks.
    /// A damaged file's rungs beyond a few hundred get round ticks too (and never reach `Int`).
    private func xTicks(_ scale: LinearScale) -> [PlotArea.Tick] {
        let (low, high) = scale.domain
        guard kind == .level, low > -1000, high < 1000 else { return PlotArea.ticks(scale, count: 6) }
        let first = Int(low.rounded(.down))
        let last = Int(high.rounded(.up)) - 1
        guard last >= first else { return [] }
        let stride = max(1, (last - first + 1) / 12)
        return Swift.stride(from: first, through: last, by: stride).map { (Double($0) + 0.5, "\($0)") }
    }

    private func drawLegend(on canvas: inout SVGCanvas, area: PlotArea) {
        guard counted > 0 && quantilesDrawn else { return }
        let y = 36.0
        canvas.rect(x: area.left, y: y - 9, width: 14, height: 10, fill: Palette.orange, opacity: 0.35)
        canvas.text("90% of runs: \(format(p05))\u{2013}\(format(p95))", x: area.left + 18, y: y, size: 11)
        let x = area.left + 190
        canvas.line(x1: x, y1: y - 4, x2: x + 14, y2: y - 4, stroke: Palette.vermillion, width: 2)
        canvas.text("median \(format(median))", x: x + 18, y: y, size: 11)
    }

    /// Each observed window as an outlined band over the bars, at least 3 points wide so a
    /// single day shows, kept inside the plot, with its id along the top.
    private func drawObserved(on canvas: inout SVGCanvas, area: PlotArea) {
        for (index, mark) in observed.enumerated() where mark.low.isFinite && mark.high.isFinite {
            var left = min(max(area.x(mark.low), area.left), area.right)
            var right = min(max(area.x(mark.high + (kind == .level ? 1 : 0)), area.left), area.right)
            if right - left < 3 {
                let centre = (left + right) / 2
                (left, right) = (centre - 1.5, centre + 1.5)
            }
            canvas.rect(
                x: left, y: area.top, width: right - left, height: area.height, fill: Palette.black,
                opacity: 0.1, role: "observed", data: [("data-low", "\(mark.low)"), ("data-high", "\(mark.high)")])
            canvas.line(x1: left, y1: area.top, x2: left, y2: area.bottom, stroke: Palette.black, width: 1.25)
            canvas.line(x1: right, y1: area.top, x2: right, y2: area.bottom, stroke: Palette.black, width: 1.25)
            canvas.text(
                mark.id, x: right + 3, y: area.top + 12 + 13 * Double(index % 4), size: 10, role: "observed-label")
        }
    }

    /// The box of runs without the event, right of the plot, on a scale of its own: its height
    /// is its share of all runs (0 to 100%, with its own axis), not a count on the bars' axis,
    /// which a large never-count would stretch until the bars look flat.
    private func drawNever(_ never: Int, on canvas: inout SVGCanvas, area: PlotArea) {
        let centre = area.right + 78
        let axis = area.right + 44
        canvas.line(
            x1: area.right + 16, y1: area.top, x2: area.right + 16, y2: area.bottom, stroke: Palette.grey,
            dash: "3 3")
        let share = Double(never) / Double(max(runs, 1))
        let scale = LinearScale(domain: (0, 1), range: (area.bottom, area.top))
        canvas.line(x1: axis, y1: area.top, x2: axis, y2: area.bottom, stroke: Palette.grey, role: "axis never-axis")
        for tick in [0.0, 0.5, 1] {
            canvas.line(x1: axis - 4, y1: scale(tick), x2: axis, y2: scale(tick), stroke: Palette.grey)
            canvas.text(
                NumberText.fixed(tick * 100, digits: 0) + "%", x: axis - 6, y: scale(tick) + 4, anchor: .end, size: 9,
                fill: Palette.grey, role: "tick never-tick")
        }
        canvas.line(x1: axis, y1: area.bottom, x2: area.right + 110, y2: area.bottom, stroke: Palette.black)
        let top = scale(share)
        canvas.rect(
            x: centre - 16, y: top, width: 32, height: area.bottom - top, fill: Palette.grey,
            role: "censored", data: [("data-count", "\(never)"), ("data-share", "\(share)")])
        canvas.text(
            "n = \(NumberText.count(never)),", x: centre, y: max(top - 18, area.top - 10), anchor: .middle, size: 10,
            role: "censored-label")
        canvas.text(
            NumberText.percent(share), x: centre, y: max(top - 6, area.top + 2), anchor: .middle, size: 10,
            role: "censored-label")
        canvas.text("never", x: centre, y: area.bottom + 18, anchor: .middle, size: 11, role: "tick censored-tick")
        canvas.text(
            "% of all runs", x: centre - 6, y: area.bottom + 32, anchor: .middle, size: 9, fill: Palette.grey,
            role: "never-unit")
    }
}
