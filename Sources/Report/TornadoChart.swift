/// A tornado chart of one outcome's sensitivity: one horizontal bar per parameter, longest
/// (largest magnitude) at the top, with its interval as a whisker, so the few parameters that
/// matter stand out from the many that do not. The same chart draws a partial rank correlation
/// (bars run left or right of zero), Sobol indices (the total-order index as a light bar behind
/// the first-order one) and Morris' mu* (bars from zero).
struct TornadoChart: Sendable {
    /// One parameter's bar.
    struct Bar: Sendable, Equatable {
        var parameter: String
        var value: Double
        /// The interval (95%, or the method's own); NaN when the file has none.
        var low: Double = .nan
        var high: Double = .nan
        /// A second measure drawn behind the first (the total-order Sobol index); NaN for none.
        var behind: Double = .nan
    }

    var id: String
    var outcome: String
    var title: String
    /// What the bars measure: "PRCC", "Sobol index", "mu*".
    var measure: String
    /// The label of `Bar.behind` in the legend, when bars have one.
    var behindLabel: String?
    /// Sorted by magnitude, largest first, at most `maximumBars` of them.
    let bars: [Bar]
    /// Bars with a value the chart could draw, before the cut to `maximumBars`.
    let ranked: Int
    /// The x range: -1...1 for a correlation, 0...1 for Sobol indices, or nil to fit from zero.
    var domain: (Double, Double)?

    static let width = 560.0
    static let rowHeight = 22.0
    static let maximumBars = 12
    /// The longest parameter name shown in full; longer ones keep their end (the key's own name).
    static let maximumLabel = 32

    init(id: String, outcome: String, title: String, measure: String, bars: [Bar]) {
        self.id = id
        self.outcome = outcome
        self.title = title
        self.measure = measure
        // By magnitude, largest first; ties keep the file's order.
        let drawn = bars.enumerated().filter { $0.element.value.isFinite }
            .sorted { a, b in
                let (x, y) = (Self.size(a.element), Self.size(b.element))
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
        ranked = drawn.count
        self.bars = Array(drawn.prefix(Self.maximumBars))
    }

    /// What a bar is ranked by: its magnitude, or the larger of its two measures.
    static func size(_ bar: Bar) -> Double {
        max(bar.value.magnitude, bar.behind.isFinite ? bar.behind.magnitude : 0)
    }

    /// "actors.hezbollah.field_strength" cut to its end when too long.
    static func label(_ parameter: String) -> String {
        parameter.count <= maximumLabel ? parameter : "\u{2026}" + parameter.suffix(maximumLabel - 1)
    }

    private func format(_ value: Double) -> String { NumberText.fixed(value, digits: 2) }

    var caption: String {
        let shown = bars.count < ranked ? "the \(bars.count) largest of \(ranked) parameters" : "every parameter"
        return "\(measure) of each parameter with \(title.lowercased()), \(shown), largest at the top; whiskers "
            + "are intervals where the file has them."
    }

    func svg() -> String {
        let top = behindLabel == nil ? 44.0 : 56.0
        let height = top + Double(max(bars.count, 1)) * Self.rowHeight + 46
        var canvas = SVGCanvas(width: Self.width, height: height)
        let values = bars.flatMap { [$0.value, $0.low, $0.high, $0.behind] }.filter(\.isFinite)
        var area = PlotArea(
            canvas: canvas, margins: (top, 56, 46, 214),
            xDomain: domain ?? (min(0, values.min() ?? 0), max(values.max() ?? 1, 1e-9)), yDomain: (0, 1))
        if domain == nil { area.x = area.x.nice(count: 5) }
        let ticks = PlotArea.ticks(area.x, count: 5)
        canvas.text(title, x: 8, y: 18, size: 14, bold: true, role: "chart-title")
        canvas.text("value", x: area.right + 4, y: top - 6, size: 10, fill: Palette.grey)
        if let behindLabel {
            canvas.rect(x: area.left, y: 31, width: 12, height: 10, fill: Palette.skyBlue, opacity: 0.45)
            canvas.text(behindLabel, x: area.left + 16, y: 40, size: 11)
            canvas.rect(x: area.left + 130, y: 31, width: 12, height: 10, fill: Palette.blue)
            canvas.text("first order", x: area.left + 146, y: 40, size: 11)
        }
        for tick in ticks {
            canvas.line(
                x1: area.x(tick.value), y1: area.top, x2: area.x(tick.value), y2: area.bottom,
                stroke: Palette.lightGrey, width: 0.75, role: "grid")
        }
        func position(_ value: Double) -> Double { min(max(area.x(value), area.left), area.right) }
        let zero = position(0)
        canvas.line(x1: zero, y1: area.top - 2, x2: zero, y2: area.bottom, stroke: Palette.black, role: "zero")
        for (index, bar) in bars.enumerated() {
            let y = area.top + Double(index) * Self.rowHeight
            let barTop = y + 4
            let barHeight = Self.rowHeight - 8
            canvas.beginGroup(
                role: "row",
                data: [
                    ("data-parameter", bar.parameter), ("data-value", "\(bar.value)"), ("data-low", "\(bar.low)"),
                    ("data-high", "\(bar.high)"),
                ])
            canvas.text(
                Self.label(bar.parameter), x: area.left - 8, y: barTop + barHeight / 2 + 4, anchor: .end, size: 11,
                role: "row-label")
            if bar.behind.isFinite {
                let end = position(bar.behind)
                canvas.rect(
                    x: min(zero, end), y: barTop - 2, width: abs(end - zero), height: barHeight + 4,
                    fill: Palette.skyBlue, opacity: 0.45, role: "bar-behind")
            }
            let end = position(bar.value)
            canvas.rect(
                x: min(zero, end), y: barTop, width: max(abs(end - zero), 1), height: barHeight,
                fill: bar.value < 0 ? Palette.vermillion : Palette.blue, role: "bar")
            if bar.low.isFinite && bar.high.isFinite {
                let (left, right) = (position(bar.low), position(bar.high))
                let middle = barTop + barHeight / 2
                canvas.line(x1: left, y1: middle, x2: right, y2: middle, stroke: Palette.black, role: "whisker")
                canvas.line(x1: left, y1: middle - 4, x2: left, y2: middle + 4, stroke: Palette.black)
                canvas.line(x1: right, y1: middle - 4, x2: right, y2: middle + 4, stroke: Palette.black)
            }
            canvas.text(
                format(bar.value), x: area.right + 4, y: barTop + barHeight / 2 + 4, size: 11, role: "row-value")
            canvas.endGroup()
        }
        if bars.isEmpty {
            canvas.text(
                "no parameter has a defined value", x: area.left + area.width / 2, y: area.top + 14,
                anchor: .middle, fill: Palette.grey)
        }
        area.drawXAxis(on: &canvas, ticks: ticks, label: measure)
        let description =
            "Tornado chart of \(measure) for \(title.lowercased()). "
            + bars.map { bar in
                "\(bar.parameter) \(format(bar.value))"
                    + (bar.low.isFinite && bar.high.isFinite ? " [\(format(bar.low)), \(format(bar.high))]" : "")
                    + (bar.behind.isFinite ? " (\(behindLabel ?? "behind") \(format(bar.behind)))" : "")
            }.joined(separator: "; ") + "."
        return canvas.render(
            id: id, kind: "tornado", title: "\(title): \(measure)", description: description,
            data: [("data-outcome", outcome), ("data-measure", measure), ("data-rows", "\(bars.count)")])
    }
}
