/// Builds one inline SVG chart as text. Every attribute value is escaped and every number
/// written by `NumberText.coordinate`, so the markup is the same on every machine. The chart
/// carries a `<title>` and `<desc>` that screen readers announce (WAI-ARIA `role="img"`).
/// No `xmlns`: the HTML parser puts an inline `<svg>` in the SVG namespace by itself, and the
/// page is meant to hold no URL at all.
struct SVGCanvas: Sendable {
    let width: Double
    let height: Double
    private var parts: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Where text sits relative to its x.
    enum Anchor: String, Sendable {
        case start, middle, end
    }

    /// Appends `<name attributes/>`, or with escaped `content` when given.
    mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        if let content {
            parts.append("<\(name)\(Markup.attributeText(attributes))>\(Markup.escape(content))</\(name)>")
        } else {
            parts.append("<\(name)\(Markup.attributeText(attributes))/>")
        }
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String,
        opacity: Double? = nil, role: String? = nil, data: [(String, String)] = []
    ) {
        var attributes = [
            ("x", n(x)), ("y", n(y)), ("width", n(max(0, width))), ("height", n(max(0, height))),
            ("fill", fill),
        ]
        if let opacity { attributes.append(("fill-opacity", n(opacity))) }
        if let role { attributes.append(("class", role)) }
        element("rect", attributes + data)
    }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
        dash: String? = nil, role: String? = nil, data: [(String, String)] = []
    ) {
        var attributes = [
            ("x1", n(x1)), ("y1", n(y1)), ("x2", n(x2)), ("y2", n(y2)), ("stroke", stroke),
            ("stroke-width", n(width)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let role { attributes.append(("class", role)) }
        element("line", attributes + data)
    }

    /// A path through `points`; closed and filled when `fill` is given, a line otherwise.
    mutating func path(
        _ points: [(x: Double, y: Double)], fill: String? = nil, opacity: Double? = nil,
        stroke: String? = nil, width: Double = 1, role: String? = nil,
        data: [(String, String)] = []
    ) {
        guard let first = points.first else { return }
        var d = "M\(n(first.x)),\(n(first.y))"
        for point in points.dropFirst() { d += " L\(n(point.x)),\(n(point.y))" }
        if fill != nil { d += " Z" }
        var attributes = [("d", d), ("fill", fill ?? "none")]
        if let opacity { attributes.append(("fill-opacity", n(opacity))) }
        if let stroke {
            attributes += [("stroke", stroke), ("stroke-width", n(width)), ("stroke-linejoin", "round")]
        }
        if let role { attributes.append(("class", role)) }
        element("path", attributes + data)
    }

    mutating func circle(
        x: Double, y: Double, radius: Double, fill: String, stroke: String,
        role: String? = nil
    ) {
        var attributes = [
            ("cx", n(x)), ("cy", n(y)), ("r", n(radius)), ("fill", fill), ("stroke", stroke),
            ("stroke-width", "1.5"),
        ]
        if let role { attributes.append(("class", role)) }
        element("circle", attributes)
    }

    mutating func text(
        _ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12,
        bold: Bool = false, fill: String = Palette.black, rotate: Bool = false,
        role: String? = nil
    ) {
        var attributes = [("x", n(x)), ("y", n(y)), ("font-size", n(size)), ("fill", fill)]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if bold { attributes.append(("font-weight", "bold")) }
        if rotate { attributes.append(("transform", "rotate(-90 \(n(x)) \(n(y)))")) }
        if let role { attributes.append(("class", role)) }
        element("text", attributes, content: content)
    }

    /// Opens a `<g>` that groups what follows until `endGroup`.
    mutating func beginGroup(role: String, data: [(String, String)] = []) {
        parts.append("<g\(Markup.attributeText([("class", role)] + data))>")
    }

    mutating func endGroup() {
        parts.append("</g>")
    }

    /// The finished `<svg>`; `id` must be unique in the page (it ties the title and description
    /// to the chart), `kind` names the chart type for styling and tests.
    func render(
        id: String, kind: String, title: String, description: String,
        data: [(String, String)] = []
    ) -> String {
        let attributes: [(String, String)] =
            [
                ("class", "chart " + kind), ("id", id), ("viewBox", "0 0 \(n(width)) \(n(height))"),
                ("width", n(width)), ("height", n(height)), ("role", "img"),
                ("aria-labelledby", "\(id)-title \(id)-desc"), ("font-family", "inherit"),
            ] + data
        return "<svg\(Markup.attributeText(attributes))>\n"
            + "<title id=\"\(Markup.escape(id))-title\">\(Markup.escape(title))</title>\n"
            + "<desc id=\"\(Markup.escape(id))-desc\">\(Markup.escape(description))</desc>\n"
            + "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#FFFFFF\"/>\n"
            + parts.joined(separator: "\n") + "\n</svg>"
    }

    private func n(_ x: Double) -> String {
        NumberText.coordinate(x)
    }
}
