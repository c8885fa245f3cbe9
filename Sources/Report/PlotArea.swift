/// The rectangle of a chart where data is drawn, with its two scales, and the axes around it:
/// tick marks, tick labels, axis titles with units, and light grid lines behind the data.
struct PlotArea: Sendable {
    let left: Double
    let top: Double
    let width: Double
    let height: Double
    var x: LinearScale
    var y: LinearScale

    var right: Double { left + width }
    var bottom: Double { top + height }

    /// The area of `canvas` inside the margins, with x over `xDomain` and y over `yDomain`
    /// (y grows upward on the page).
    init(
        canvas: SVGCanvas, margins: (top: Double, right: Double, bottom: Double, left: Double),
        xDomain: (Double, Double), yDomain: (Double, Double)
    ) {
        left = margins.left
        top = margins.top
        width = canvas.width - margins.left - margins.right
        height = canvas.height - margins.top - margins.bottom
        x = LinearScale(domain: xDomain, range: (margins.left, margins.left + width))
        y = LinearScale(domain: yDomain, range: (margins.top + height, margins.top))
    }

    /// One tick: where, and what it says.
    typealias Tick = (value: Double, label: String)

    /// Round ticks over `scale`'s domain, labelled with as many decimals as the step needs.
    static func ticks(_ scale: LinearScale, count: Int = 6, grouped: Bool = true) -> [Tick] {
        let (values, step) = scale.ticks(count: count)
        let digits = LinearScale.decimals(forStep: step)
        return values.map { ($0, NumberText.fixed($0, digits: digits, grouped: grouped)) }
    }

    /// Horizontal grid lines at the y ticks, drawn first so the data covers them.
    func drawGrid(on canvas: inout SVGCanvas, yTicks: [Tick]) {
        for tick in yTicks {
            canvas.line(
                x1: left, y1: y(tick.value), x2: right, y2: y(tick.value), stroke: Palette.lightGrey,
                width: 0.75, role: "grid")
        }
    }

    /// The x axis along the bottom: a line, ticks, their labels, and `label` (the unit) below.
    func drawXAxis(on canvas: inout SVGCanvas, ticks: [Tick], label: String) {
        canvas.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: Palette.black, role: "axis x-axis")
        for tick in ticks {
            let position = x(tick.value)
            canvas.line(x1: position, y1: bottom, x2: position, y2: bottom + 5, stroke: Palette.black)
            canvas.text(tick.label, x: position, y: bottom + 18, anchor: .middle, size: 11, role: "tick x-tick")
        }
        canvas.text(label, x: left + width / 2, y: bottom + 36, anchor: .middle, size: 12, role: "axis-label x-label")
    }

    /// The y axis along the left: a line, ticks, their labels, and `label` (the unit) turned upright.
    func drawYAxis(on canvas: inout SVGCanvas, ticks: [Tick], label: String) {
        canvas.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Palette.black, role: "axis y-axis")
        for tick in ticks {
            let position = y(tick.value)
            canvas.line(x1: left - 5, y1: position, x2: left, y2: position, stroke: Palette.black)
            canvas.text(tick.label, x: left - 8, y: position + 4, anchor: .end, size: 11, role: "tick y-tick")
        }
        canvas.text(
            label, x: 14, y: top + height / 2, anchor: .middle, size: 12, rotate: true,
            role: "axis-label y-label")
    }
}
