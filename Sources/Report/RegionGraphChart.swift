import EscalationModel

/// The map as a graph: regions as nodes, adjacency as edges, each node filled with the colour
/// of the camp holding it at the end of one traced run and ringed with the colour of the camp
/// that held it at the start, so the ground that changed hands stands out. Scenarios give no
/// coordinates, so the layout is layered and deterministic: breadth-first from the first region,
/// one column per step of distance, regions in a column in the order they were reached.
struct RegionGraphChart: Sendable {
    /// One region drawn.
    struct Node: Sendable, Equatable {
        var id: String
        var name: String
        var column: Int
        var slot: Int
        var startCamp: Int
        var endCamp: Int
        var keyCity: Bool
        /// With the batch's shares: the share of runs in which `endCamp` holds the region.
        var share: Double? = nil
    }

    var id: String
    var title: String
    var camps: [String]
    var nodes: [Node]
    /// Pairs of node indices, each edge once.
    var edges: [(Int, Int)]
    /// Who held what across the runs on one day (daily.csv), when the folder has it.
    var shares: RegionShares?

    static let width = 1100.0
    static let columnWidth = 150.0
    static let rowHeight = 54.0

    static func colour(camp: Int) -> String {
        [
            Palette.vermillion, Palette.blue, Palette.bluishGreen, Palette.orange, Palette.reddishPurple,
            Palette.skyBlue,
        ][
            camp % 6]
    }

    /// The layered positions: (column, slot) per region, breadth-first from region 0 and from
    /// the first unreached region of each further component.
    static func layers(neighbours: [[Int]]) -> [(column: Int, slot: Int)] {
        var place = [(column: Int, slot: Int)?](repeating: nil, count: neighbours.count)
        var filled: [Int: Int] = [:]
        var offset = 0
        for start in neighbours.indices where place[start] == nil {
            var queue = [start]
            var distance = [start: 0]
            var head = 0
            var deepest = 0
            while head < queue.count {
                let region = queue[head]
                head += 1
                let column = offset + distance[region]!
                deepest = max(deepest, distance[region]!)
                place[region] = (column, filled[column, default: 0])
                filled[column, default: 0] += 1
                for next in neighbours[region] where next >= 0 && next < neighbours.count && distance[next] == nil {
                    distance[next] = distance[region]! + 1
                    queue.append(next)
                }
            }
            offset += deepest + 1
        }
        return place.map { $0 ?? (0, 0) }
    }

    init(id: String, title: String, parameters: ModelParameters, endControllers: [Int], shares: RegionShares? = nil) {
        self.id = id
        self.shares = shares
        self.title = title
        camps = parameters.camps.map(\.name)
        let regions = parameters.regions
        let places = Self.layers(neighbours: regions.map(\.neighbours))
        func camp(_ actor: Int) -> Int {
            actor >= 0 && actor < parameters.actors.count ? parameters.actors[actor].camp.index : 0
        }
        nodes = regions.indices.map { index in
            let region = regions[index]
            let leader = shares?.leader(of: index)
            return Node(
                id: region.id, name: region.name, column: places[index].column, slot: places[index].slot,
                startCamp: camp(region.controller),
                endCamp: leader?.camp ?? camp(index < endControllers.count ? endControllers[index] : region.controller),
                keyCity: region.isKeyCity, share: leader?.share)
        }
        var edges: [(Int, Int)] = []
        for (index, region) in regions.enumerated() {
            for next in region.neighbours where next > index && next < regions.count { edges.append((index, next)) }
        }
        self.edges = edges
    }

    /// Regions whose camp at the end is not the one at the start.
    var changedHands: [Node] { nodes.filter { $0.startCamp != $0.endCamp } }

    var caption: String {
        let changed = changedHands.map(\.name)
        if let shares {
            return "Regions (circles; key cities larger) and their adjacency, laid out by distance from "
                + "\(nodes.first?.name ?? "the first region"). Fill: the camp holding the region on day \(shares.day) "
                + "in most of the \(shares.runs) runs of the baseline, with the share of runs in which it does; "
                + "ring: the camp holding it at the start. "
                + (changed.isEmpty
                    ? "In most runs no region changed hands."
                    : "Held by another camp in most runs: "
                        + changed.joined(separator: ", ") + ".")
        }
        return "Regions (circles; key cities larger) and their adjacency, laid out by distance from "
            + "\(nodes.first?.name ?? "the first region"). Fill: the camp holding the region at the end of replication "
            + "0 of the baseline; ring: the camp holding it at the start. "
            + (changed.isEmpty ? "No region changed hands." : "Changed hands: " + changed.joined(separator: ", ") + ".")
            + " The output files hold no per-region holders across runs, so the share of runs in which each camp "
            + "holds a region is not shown."
    }

    func svg() -> String {
        let columns = (nodes.map(\.column).max() ?? 0) + 1
        let slots = (nodes.map(\.slot).max() ?? 0) + 1
        let spacing = min(Self.columnWidth, (Self.width - 120) / Double(max(columns, 1)))
        let top = 62.0
        let height = top + Double(slots) * Self.rowHeight + 20
        var canvas = SVGCanvas(width: Self.width, height: height)
        canvas.text(title, x: 8, y: 18, size: 14, bold: true, role: "chart-title")
        var x = 8.0
        for (index, name) in camps.enumerated() {
            canvas.circle(
                x: x + 6, y: 34, radius: 6, fill: Self.colour(camp: index), stroke: "#FFFFFF", role: "legend-key")
            canvas.text(name, x: x + 16, y: 38, size: 11, role: "legend-label")
            x += 30 + Double(name.count) * 6.4
        }
        func position(_ node: Node) -> (x: Double, y: Double) {
            (70 + Double(node.column) * spacing, top + (Double(node.slot) + 0.5) * Self.rowHeight)
        }
        for (a, b) in edges {
            let (p, q) = (position(nodes[a]), position(nodes[b]))
            canvas.line(x1: p.x, y1: p.y, x2: q.x, y2: q.y, stroke: Palette.grey, width: 1, role: "edge")
        }
        for node in nodes {
            let (px, py) = position(node)
            canvas.beginGroup(
                role: "region",
                data: [
                    ("data-region", node.id), ("data-start-camp", "\(node.startCamp)"),
                    ("data-end-camp", "\(node.endCamp)"),
                ] + (node.share.map { [("data-share", NumberText.fixed($0, digits: 3))] } ?? []))
            canvas.element(
                "circle",
                [
                    ("cx", NumberText.coordinate(px)), ("cy", NumberText.coordinate(py)),
                    ("r", node.keyCity ? "13" : "9"), ("fill", Self.colour(camp: node.endCamp)),
                    ("stroke", Self.colour(camp: node.startCamp)), ("stroke-width", "4"), ("class", "node"),
                ])
            let label = node.name.count > 22 ? String(node.name.prefix(21)) + "\u{2026}" : node.name
            canvas.text(label, x: px, y: py + (node.keyCity ? 26 : 22), anchor: .middle, size: 10, role: "node-label")
            if let share = node.share {
                canvas.text(
                    NumberText.fixed(share * 100, digits: 0) + "%", x: px, y: py + (node.keyCity ? 37 : 33),
                    anchor: .middle, size: 9, role: "node-share")
            }
            canvas.endGroup()
        }
        return canvas.render(
            id: id, kind: "region-graph", title: title,
            description: "Graph of \(nodes.count) regions and \(edges.count) adjacencies. " + caption,
            data: [("data-regions", "\(nodes.count)"), ("data-edges", "\(edges.count)")])
    }
}
