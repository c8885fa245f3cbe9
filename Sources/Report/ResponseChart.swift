/// How one outcome responds to the swept parameters of a design: small multiples, one panel per
/// parameter, each with a point per experiment (the outcome's mean over its runs against the
/// parameter's value there), coloured by policy when the design crosses points with policies.
/// A slope across a panel shows the parameter's main effect; scatter around it, what the other
/// parameters add.
struct ResponseChart: Sendable {
    /// One experiment's point.
    struct Point: Sendable, Equatable {
        var variant: String
        var policy: String
        /// The value of each parameter, in `parameters` order.
        var inputs: [Double]
        /// The outcome's mean over the experiment's runs.
        var mean: Double
    }

    var id: String
    var outcome: String
    var title: String
    var unit: String
    /// Multiplies the means (100 for a probability shown in %).
    var factor: Double = 1
    var parameters: [String]
    /// Policies in legend order.
    var policies: [String]
    var points: [Point]

    static let width = 560.0
    static let columns = 3
    static let panelWidth = 172.0
    static let panelHeight = 138.0

    /// A panel's title: the dotted path, cut at the front to fit over the panel (22 characters
    /// of bold 10 px text); the full path is in the chart's description.
    static func shortLabel(_ parameter: String) -> String {
        parameter.count > 22 ? "\u{2026}" + parameter.suffix(21) : parameter
    }

    /// Panels per row and rows.
    var rows: Int { (parameters.count + Self.columns - 1) / Self.columns }

    var caption: String {
        let drawn = points.filter { $0.mean.isFinite }.count
        var text =
            "Mean \(title.lowercased()) of each of \(NumberText.count(drawn)) experiments against each swept "
            + "parameter (from experiments.csv and replications.csv)"
        if policies.count > 1 { text += ", coloured by policy" }
        let missing = points.count - drawn
        if missing > 0 { text += "; \(NumberText.count(missing)) experiments with no value are left out" }
        return text + "."
    }

    func svg() -> String {
        let top = policies.count > 1 ? 50.0 : 34.0
        let height = top + Double(max(rows, 1)) * (Self.panelHeight + 44) + 20
        var canvas = SVGCanvas(width: Self.width, height: height)
        canvas.text(title, x: 8, y: 18, size: 14, bold: true, role: "chart-title")
        if policies.count > 1 {
            var x = 8.0
            for (index, policy) in policies.enumerated() {
                canvas.circle(
                    x: x + 5, y: 33, radius: 4, fill: Palette.series(index), stroke: "#FFFFFF", role: "legend-key")
                canvas.text(policy, x: x + 13, y: 37, size: 11, role: "legend-label")
                x += 24 + Double(policy.count) * 6.4
            }
        }
        let values = points.map(\.mean).filter(\.isFinite).map { $0 * factor }
        let yScale = LinearScale(
            // An outcome that never varied from zero still gets a readable axis.
            domain: (min(0, values.min() ?? 0), (values.max() ?? 0) > 0 ? values.max()! : 1), range: (0, 1)
        ).nice(count: 4)
        for (index, parameter) in parameters.enumerated() {
            let column = Double(index % Self.columns)
            let row = Double(index / Self.columns)
            let left = 8 + column * (Self.panelWidth + 12) + 36
            let panelTop = top + row * (Self.panelHeight + 44) + 30
            let inputs = points.map { $0.inputs[index] }.filter(\.isFinite)
            var area = PlotArea(
                canvas: SVGCanvas(width: left + Self.panelWidth - 36, height: panelTop + Self.panelHeight),
                margins: (panelTop, 0, 0, left), xDomain: (inputs.min() ?? 0, inputs.max() ?? 1),
                yDomain: yScale.domain)
            area.x = area.x.nice(count: 3)
            area.y = LinearScale(domain: yScale.domain, range: (area.bottom, area.top))
            canvas.beginGroup(role: "panel", data: [("data-parameter", parameter)])
            canvas.text(
                Self.shortLabel(parameter),
                x: left, y: panelTop - 5, size: 10, bold: true, role: "panel-title")
            let yTicks = PlotArea.ticks(area.y, count: 4)
            area.drawGrid(on: &canvas, yTicks: yTicks)
            canvas.line(x1: left, y1: area.top, x2: left, y2: area.bottom, stroke: Palette.black, role: "axis y-axis")
            for tick in yTicks where index % Self.columns == 0 {
                canvas.text(
                    tick.label, x: left - 4, y: area.y(tick.value) + 3, anchor: .end, size: 9, role: "tick y-tick")
            }
            canvas.line(
                x1: left, y1: area.bottom, x2: area.right, y2: area.bottom, stroke: Palette.black, role: "axis x-axis")
            let xTicks = PlotArea.ticks(area.x, count: 3)
            for tick in xTicks {
                canvas.text(
                    tick.label, x: area.x(tick.value), y: area.bottom + 12, anchor: .middle, size: 9,
                    role: "tick x-tick")
            }
            for point in points where point.mean.isFinite && point.inputs[index].isFinite {
                let colour = Palette.series(policies.firstIndex(of: point.policy) ?? 0)
                canvas.element(
                    "circle",
                    [
                        ("cx", NumberText.coordinate(area.x(point.inputs[index]))),
                        ("cy", NumberText.coordinate(area.y(point.mean * factor))), ("r", "2.6"), ("fill", colour),
                        ("fill-opacity", "0.75"), ("class", "point"), ("data-variant", point.variant),
                        ("data-x", "\(point.inputs[index])"), ("data-y", "\(point.mean)"),
                    ])
            }
            canvas.endGroup()
        }
        canvas.text(unit, x: 8, y: top + 8, size: 10, fill: Palette.grey, role: "axis-label y-label")
        return canvas.render(
            id: id, kind: "response", title: "\(title) against the swept parameters",
            description: "Small multiples of \(title.lowercased()) against \(parameters.count) parameters ("
                + parameters.joined(separator: ", ") + "). " + caption,
            data: [
                ("data-outcome", outcome), ("data-panels", "\(parameters.count)"),
                ("data-points", "\(points.filter { $0.mean.isFinite }.count)"),
            ])
    }
}
