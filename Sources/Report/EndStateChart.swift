/// How the runs of each variant ended: one horizontal bar per variant that adds up to 100% of
/// its `ok` runs, cut into the end states of `replications.csv` (`regime_collapse`,
/// `ceasefire`, `stalemate`, `ongoing_war`), each piece labelled with its share when it is wide
/// enough to hold the text. Bars of all variants share one axis, so the eye compares policies
/// piece by piece; the numbers of every piece are also in the chart's description.
struct EndStateChart: Sendable {
    /// One variant's bar.
    struct Bar: Sendable, Equatable {
        var variant: String
        /// Runs per end state.
        var counts: [String: Int]
        var total: Int { counts.values.reduce(0, +) }
    }

    var id: String
    var title = "How the runs ended"
    var bars: [Bar]
    /// End states in drawing order: escsim's order first, then any other the file holds.
    var states: [String]

    static let width = 560.0
    static let rowHeight = 30.0
    /// The order `OutcomeCatalogue` lists end states in (the `end_<state>` columns).
    static let knownStates = ["regime_collapse", "ceasefire", "stalemate", "ongoing_war", "incomplete"]

    init(id: String, bars: [Bar], statesSeen: [String]) {
        self.id = id
        self.bars = bars
        let present = Set(bars.flatMap { $0.counts.filter { $0.value > 0 }.map(\.key) })
        states =
            Self.knownStates.filter(present.contains)
            + statesSeen.filter { present.contains($0) && !Self.knownStates.contains($0) }
    }

    /// The colour of an end state: fixed for escsim's states, so every report reads alike.
    static func colour(_ state: String, index: Int) -> String {
        switch state {
        case "regime_collapse": Palette.vermillion
        case "ceasefire": Palette.bluishGreen
        case "stalemate": Palette.skyBlue
        case "ongoing_war": Palette.orange
        case "incomplete": Palette.grey
        default: Palette.series(index)
        }
    }

    /// "regime collapse 41.0%" for each piece of `bar`.
    func shares(_ bar: Bar) -> [(state: String, share: Double)] {
        let total = max(bar.total, 1)
        return states.map { ($0, Double(bar.counts[$0] ?? 0) / Double(total)) }
    }

    var caption: String {
        "Share of each variant's runs ending in each state (from the end_state column of replications.csv); "
            + "runs that failed are left out. Shares under 6% are not labelled on the bar."
    }

    func svg() -> String {
        let top = 62.0
        let height = top + Double(max(bars.count, 1)) * Self.rowHeight + 44
        var canvas = SVGCanvas(width: Self.width, height: height)
        var area = PlotArea(
            canvas: canvas, margins: (top, 24, 44, 150), xDomain: (0, 100), yDomain: (0, 1))
        area.x = LinearScale(domain: (0, 100), range: (area.left, area.right))
        canvas.text(title, x: 8, y: 18, size: 14, bold: true, role: "chart-title")
        drawLegend(on: &canvas)
        for (index, bar) in bars.enumerated() {
            let y = area.top + Double(index) * Self.rowHeight + 4
            let barHeight = Self.rowHeight - 8
            canvas.beginGroup(role: "row", data: [("data-variant", bar.variant), ("data-runs", "\(bar.total)")])
            canvas.text(
                bar.variant, x: area.left - 8, y: y + barHeight / 2 + 4, anchor: .end, size: 12, role: "row-label")
            var start = 0.0
            for (stateIndex, (state, share)) in shares(bar).enumerated() where share > 0 {
                let left = area.x(start * 100)
                let right = area.x((start + share) * 100)
                canvas.rect(
                    x: left, y: y, width: right - left, height: barHeight,
                    fill: Self.colour(state, index: stateIndex), role: "segment",
                    data: [
                        ("data-state", state), ("data-count", "\(bar.counts[state] ?? 0)"),
                        ("data-share", "\(share)"),
                    ])
                if share >= 0.06 {
                    // Dark text on the light pieces, white on the dark ones.
                    let dark = [Palette.vermillion, Palette.bluishGreen, Palette.grey, Palette.blue].contains(
                        Self.colour(state, index: stateIndex))
                    canvas.text(
                        NumberText.percent(share), x: (left + right) / 2, y: y + barHeight / 2 + 4,
                        anchor: .middle, size: 11, fill: dark ? "#FFFFFF" : Palette.black, role: "segment-label")
                }
                start += share
            }
            if bar.total == 0 {
                canvas.text(
                    "no finished runs", x: area.left + 4, y: y + barHeight / 2 + 4, size: 11, fill: Palette.grey)
            }
            canvas.endGroup()
        }
        let ticks = [0.0, 25, 50, 75, 100].map { ($0, NumberText.fixed($0, digits: 0) + "%") }
        area.drawXAxis(on: &canvas, ticks: ticks, label: "share of runs")
        let description =
            "Stacked bars of how the runs ended, one per variant. "
            + bars.map { bar in
                bar.variant + ": "
                    + shares(bar).map { "\(OutcomeLabels.words($0.state)) \(NumberText.percent($0.share))" }
                    .joined(separator: ", ")
            }.joined(separator: "; ") + "."
        return canvas.render(
            id: id, kind: "end-states", title: title, description: description,
            data: [("data-rows", "\(bars.count)"), ("data-states", states.joined(separator: " "))])
    }

    /// One swatch and name per end state, in two rows when they do not fit in one.
    private func drawLegend(on canvas: inout SVGCanvas) {
        var x = 150.0
        var y = 38.0
        for (index, state) in states.enumerated() {
            let label = OutcomeLabels.words(state)
            let width = 24 + Double(label.count) * 6.6
            if x + width > Self.width - 8 {
                x = 150
                y += 15
            }
            canvas.rect(
                x: x, y: y - 9, width: 12, height: 10, fill: Self.colour(state, index: index), role: "legend-key")
            canvas.text(label, x: x + 16, y: y, size: 11, role: "legend-label")
            x += width
        }
    }
}
