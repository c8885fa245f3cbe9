import EscalationModel

/// The events of one traced replication on a day axis, one row per actor: each event is a mark
/// on the row of the actor that acted (events of no one actor, such as a rung of the ladder
/// reached or civilians fleeing, on a last row of their own), shaped and coloured by its kind, so the order of a
/// campaign (assaults, captures, reinforcements, the collapse) reads left to right. Airstrikes
/// and failed mediation come by the hundred, so they are counted per day as faint ticks, not
/// drawn one by one.
struct EventTimelineChart: Sendable {
    /// One event drawn.
    struct Mark: Sendable, Equatable {
        var day: Double
        var event: String
        /// Row (actor) index.
        var row: Int
        var sentence: String
    }

    var id: String
    var title: String
    /// Actor names, one row each, and last `noActor`.
    var actors: [String]
    var marks: [Mark]
    /// Per row, the days with airstrikes (whole days, each once).
    var strikeDays: [[Int]]
    var horizon: Double
    /// Days per airstrike tick (1 unless the horizon is longer than `maximumStrikeBins` days).
    var strikeSpan: Int
    /// Events past `maximumMarks`, not drawn.
    var omitted: Int

    /// The row of events no actor acted in.
    static let noActor = "the war as a whole"
    static let width = 1100.0
    /// The most events drawn one by one; a longer story (a wide scenario over years) keeps its
    /// first ones, and the caption says how many were left out, so the page stays small.
    static let maximumMarks = 2000
    /// Airstrike ticks are per day up to this many days of horizon, then per span of days.
    static let maximumStrikeBins = 500
    static let rowHeight = 26.0
    /// Kinds drawn faint and per day, not one by one.
    static let frequent: Set<String> = ["airstrike", "mediation"]
    /// The kinds in legend order, with their colours.
    static let kinds: [(event: String, colour: String)] = [
        ("assault", Palette.orange), ("capture", Palette.vermillion), ("withdrawal", Palette.reddishPurple),
        ("evacuation", Palette.reddishPurple), ("repelled", Palette.skyBlue), ("reinforce", Palette.blue),
        ("arrival", Palette.blue), ("posture", Palette.bluishGreen), ("escalation", Palette.black),
        ("ceasefire", Palette.bluishGreen), ("deal", Palette.bluishGreen), ("collapse", Palette.black),
        ("objectives", Palette.yellow), ("displacement", Palette.grey),
    ]

    static func colour(_ event: String) -> String {
        kinds.first { $0.event == event }?.colour ?? Palette.grey
    }

    /// The chart of `entries`, a traced run of the model with `parameters`.
    init(id: String, title: String, parameters: ModelParameters, entries: [TraceEntry]) {
        self.id = id
        self.title = title
        actors = parameters.actors.map(\.name) + [Self.noActor]
        horizon = parameters.horizonDays
        let strikeSpan = max(1, Int((parameters.horizonDays / Double(Self.maximumStrikeBins)).rounded(.up)))
        self.strikeSpan = strikeSpan
        let index = Dictionary(
            parameters.actors.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var marks: [Mark] = []
        var strikes = Array(repeating: Set<Int>(), count: actors.count)
        for entry in entries {
            let row = entry.actors.first.flatMap { index[$0] } ?? parameters.actors.count
            if Self.frequent.contains(entry.event) {
                if entry.event == "airstrike" {
                    strikes[row].insert(Int((entry.day / Double(strikeSpan)).rounded(.down)) * strikeSpan)
                }
                continue
            }
            marks.append(Mark(day: entry.day, event: entry.event, row: row, sentence: entry.sentence))
        }
        omitted = max(0, marks.count - Self.maximumMarks)
        self.marks = Array(marks.prefix(Self.maximumMarks))
        strikeDays = strikes.map { $0.sorted() }
    }

    /// Rows drawn: actors with at least one event or airstrike, in the scenario's order.
    var drawnRows: [Int] {
        actors.indices.filter { row in marks.contains { $0.row == row } || !strikeDays[row].isEmpty }
    }

    var caption: String {
        let counts = Dictionary(grouping: marks, by: \.event).mapValues(\.count)
        let listed = Self.kinds.map(\.event).filter { counts[$0] != nil }
            .map { "\(counts[$0]!) \($0)" }
        return "Events of replication 0 of the baseline by the actor that acted, on the day they happened: "
            + listed.joined(separator: ", ")
            + (omitted > 0
                ? " (the first \(Self.maximumMarks); \(NumberText.count(omitted)) later events not drawn)" : "")
            + (strikeSpan > 1
                ? ". Grey ticks: spans of \(strikeSpan) days with airstrikes" : ". Grey ticks: days with airstrikes")
            + ". Hover a mark for its sentence."
    }

    func svg() -> String {
        let rows = drawnRows
        let top = 64.0
        let height = top + Double(max(rows.count, 1)) * Self.rowHeight + 46
        var canvas = SVGCanvas(width: Self.width, height: height)
        var area = PlotArea(canvas: canvas, margins: (top, 20, 46, 130), xDomain: (0, max(horizon, 1)), yDomain: (0, 1))
        area.x = LinearScale(domain: (0, max(horizon, 1)), range: (area.left, area.right))
        canvas.text(title, x: 8, y: 18, size: 14, bold: true, role: "chart-title")
        var x = area.left
        var legendY = 38.0
        var shown: Set<String> = []
        // Kinds this version does not know are drawn grey and named in the legend too.
        let others = Set(marks.map(\.event)).subtracting(Self.kinds.map(\.event)).sorted()
        let legend = Self.kinds + others.map { (event: $0, colour: Palette.grey) }
        for kind in legend
        where marks.contains(where: { $0.event == kind.event }) && shown.insert(kind.event).inserted {
            let width = 26 + Double(kind.event.count) * 6.4
            if x + width > Self.width - 8 {
                x = area.left
                legendY += 14
            }
            canvas.circle(x: x + 5, y: legendY - 4, radius: 4, fill: kind.colour, stroke: "#FFFFFF", role: "legend-key")
            canvas.text(kind.event, x: x + 13, y: legendY, size: 11, role: "legend-label")
            x += width
        }
        let ticks = PlotArea.ticks(area.x, count: 10)
        for tick in ticks {
            canvas.line(
                x1: area.x(tick.value), y1: area.top, x2: area.x(tick.value), y2: area.bottom,
                stroke: Palette.lightGrey,
                width: 0.75, role: "grid")
        }
        for (position, row) in rows.enumerated() {
            let y = area.top + (Double(position) + 0.5) * Self.rowHeight
            canvas.beginGroup(role: "actor-row", data: [("data-actor", actors[row])])
            canvas.text(actors[row], x: area.left - 8, y: y + 4, anchor: .end, size: 11, role: "row-label")
            canvas.line(x1: area.left, y1: y, x2: area.right, y2: y, stroke: Palette.lightGrey, width: 0.5)
            for day in strikeDays[row] {
                let px = area.x(Double(day) + Double(strikeSpan) / 2)
                canvas.line(
                    x1: px, y1: y - 8, x2: px, y2: y + 8, stroke: Palette.grey, width: 1.5, role: "strike-day",
                    data: [("stroke-opacity", "0.45")])
            }
            for mark in marks where mark.row == row {
                // A `<title>` child makes the sentence the mark's tooltip, with no script.
                canvas.beginGroup(role: "event", data: [("data-event", mark.event), ("data-day", "\(mark.day)")])
                canvas.element("title", [], content: "day \(NumberText.fixed(mark.day, digits: 1)): \(mark.sentence)")
                canvas.circle(
                    x: area.x(mark.day), y: y, radius: mark.event == "collapse" ? 6 : 4.5,
                    fill: Self.colour(mark.event),
                    stroke: "#FFFFFF")
                canvas.endGroup()
            }
            canvas.endGroup()
        }
        area.drawXAxis(on: &canvas, ticks: ticks, label: "day")
        return canvas.render(
            id: id, kind: "event-timeline", title: title,
            description: "Event timeline of one traced replication, by actor. " + caption,
            data: [("data-events", "\(marks.count)"), ("data-rows", "\(rows.count)")])
    }
}
