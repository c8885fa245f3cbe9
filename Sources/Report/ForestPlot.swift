import EscalationModel

/// A forest plot of one outcome: one row per variant, its paired difference from the baseline
/// (variant minus baseline) as a dot with the 95% interval as a line, against a line at zero.
/// A filled dot marks an interval that excludes zero; the numbers are printed at the right.
struct ForestPlot: Sendable {
    var id: String
    var outcome: String
    var title: String
    var kind: OutcomeKind
    /// The rows of `comparison.csv` for this outcome, in file order.
    var rows: [PairedComparison]

    static let width = 560.0
    static let rowHeight = 28.0

    init(id: String, outcome: String, title: String, kind: OutcomeKind, rows: [PairedComparison]) {
        self.id = id
        self.outcome = outcome
        self.title = title
        self.kind = kind
        self.rows = rows
    }

    /// Probabilities and shares differ in percentage points; other outcomes in their own unit.
    var factor: Double { kind == .indicator || kind == .share ? 100 : 1 }

    var unit: String {
        switch kind {
        case .indicator, .share: "difference, percentage points"
        case .day: "difference, days"
        case .level: "difference, ladder rungs"
        case .quantity: "difference, " + OutcomeLabels.unit(outcome, kind: kind)
        }
    }

    /// A difference with its sign: "+9.6", "-12.7".
    func signed(_ value: Double) -> String {
        guard value.isFinite else { return NumberText.missing }
        let shown = value * factor
        let text =
            kind == .quantity
            ? NumberText.automatic(shown)
            : NumberText.fixed(
                shown,
                digits: kind == .indicator
                    || kind == .share ? 1 : 2)
        // No "+" on a difference that rounds to zero: "+0.0" would claim a direction.
        let nonzero = text.contains { $0 != "0" && $0 != "." && $0 != "," }
        return shown > 0 && nonzero ? "+" + text : text
    }

    var caption: String {
        let pairing = rows.first?.pairing ?? "common-random-numbers"
        let baseline = rows.first?.baseline ?? "baseline"
        return "Mean of each variant minus \(baseline) over paired runs (\(pairing)), with 95% intervals; "
            + "a filled dot: the interval excludes zero."
    }

    /// "+9.6 [+4.1, +15.0]": what the plot prints at the right of a row with an interval.
    func valueLabel(_ row: PairedComparison) -> String {
        "\(signed(row.difference)) [\(signed(row.ciLow)), \(signed(row.ciHigh))]"
    }

    func svg() -> String {
        let top = 48.0
        let bottom = 50.0
        let height = top + Double(max(rows.count, 1)) * Self.rowHeight + bottom
        var canvas = SVGCanvas(width: Self.width, height: height)
        // Scaled first, then filtered: 1e307 in percentage points is beyond Double's range.
        let ends = rows.flatMap { [$0.ciLow, $0.ciHigh, $0.difference] }.map { $0 * factor }.filter(\.isFinite)
        // The numbers at the right need room for the longest of them ("+38,936 [+8,993, +68,879]"
        // at 11 px is about 6.2 px a character): the plot gives up width before a label is cut.
        let longest = rows.map { valueLabel($0).count }.max() ?? 0
        let rightMargin = min(max(160, Double(longest) * 6.3 + 14), 260)
        var area = PlotArea(
            canvas: canvas, margins: (top, rightMargin, bottom, 150),
            xDomain: (min(0, ends.min() ?? -1), max(0, ends.max() ?? 1)), yDomain: (0, 1))
        area.x = area.x.nice(count: 5)
        // Fewer ticks on a plot narrowed for long labels, so that "-200,000" and "-100,000" do not meet.
        let xTicks = PlotArea.ticks(area.x, count: area.width < 240 ? 3 : 5)

        canvas.text(title, x: 8, y: 18, size: 14, bold: true, role: "chart-title")
        canvas.text("difference [95% interval]", x: area.right + 8, y: 36, size: 10, fill: Palette.grey)
        for tick in xTicks {
            canvas.line(
                x1: area.x(tick.value), y1: area.top, x2: area.x(tick.value), y2: area.bottom,
                stroke: Palette.lightGrey, width: 0.75, role: "grid")
        }
        canvas.line(
            x1: area.x(0), y1: area.top - 4, x2: area.x(0), y2: area.bottom, stroke: Palette.black,
            width: 1.25, dash: "4 3", role: "zero")
        for (index, row) in rows.enumerated() {
            let y = area.top + (Double(index) + 0.5) * Self.rowHeight
            canvas.beginGroup(
                role: "row",
                data: [
                    ("data-variant", row.variant), ("data-difference", "\(row.difference)"),
                    ("data-low", "\(row.ciLow)"), ("data-high", "\(row.ciHigh)"), ("data-pairs", "\(row.pairs)"),
                ])
            canvas.text(row.variant, x: area.left - 10, y: y + 4, anchor: .end, size: 12, role: "row-label")
            if row.difference.isFinite && row.ciLow.isFinite && row.ciHigh.isFinite {
                // Ends beyond the scale's limit (or Double's range, once scaled) stop at the plot's edge.
                func position(_ value: Double) -> Double { min(max(area.x(value * factor), area.left), area.right) }
                let low = position(row.ciLow)
                let high = position(row.ciHigh)
                canvas.line(x1: low, y1: y, x2: high, y2: y, stroke: Palette.blue, width: 2, role: "interval")
                canvas.line(x1: low, y1: y - 5, x2: low, y2: y + 5, stroke: Palette.blue, width: 2)
                canvas.line(x1: high, y1: y - 5, x2: high, y2: y + 5, stroke: Palette.blue, width: 2)
                let excludesZero = row.ciLow > 0 || row.ciHigh < 0
                canvas.circle(
                    x: position(row.difference), y: y, radius: 4.5,
                    fill: excludesZero ? Palette.blue : "#FFFFFF", stroke: Palette.blue, role: "estimate")
                canvas.text(valueLabel(row), x: area.right + 8, y: y + 4, size: 11, role: "row-value")
            } else {
                canvas.text(
                    "no interval (\(row.pairs) pairs)", x: area.right + 8, y: y + 4, size: 11,
                    fill: Palette.grey, role: "row-value")
            }
            canvas.endGroup()
        }
        area.drawXAxis(on: &canvas, ticks: xTicks, label: unit)
        let description =
            "Forest plot of \(title.lowercased()): \(rows.count) variants against "
            + "\(rows.first?.baseline ?? "the baseline"). "
            + rows.map { "\($0.variant) \(signed($0.difference)) [\(signed($0.ciLow)), \(signed($0.ciHigh))]" }
            .joined(separator: "; ") + "."
        return canvas.render(
            id: id, kind: "forest", title: title, description: description,
            data: [
                ("data-outcome", outcome), ("data-rows", "\(rows.count)"),
                ("data-x-min", "\(area.x.domain.low)"), ("data-x-max", "\(area.x.domain.high)"),
            ])
    }
}
