/// Hops between every pair of regions through the map (breadth-first search on the front-line
/// graph), for campaign objectives and evacuation routes. Built only when a scenario uses them.
struct RegionDistances: Sendable {
    let count: Int
    /// `hops[from * count + to]`; `Int.max` when unreachable.
    let hops: [Int]

    init(neighbourStart: [Int], neighbourList: [Int]) {
        count = neighbourStart.count - 1
        var hops = Array(repeating: Int.max, count: count * count)
        var frontier: [Int] = []
        for source in 0..<count {
            hops[source * count + source] = 0
            frontier = [source]
            var head = 0
            while head < frontier.count {
                let region = frontier[head]
                head += 1
                let next = hops[source * count + region] + 1
                for slot in neighbourStart[region]..<neighbourStart[region + 1] {
                    let other = neighbourList[slot]
                    if hops[source * count + other] == Int.max {
                        hops[source * count + other] = next
                        frontier.append(other)
                    }
                }
            }
        }
        self.hops = hops
    }

    /// An empty table, for scenarios without objectives or supply bases.
    init() {
        count = 0
        hops = []
    }

    @inline(__always)
    func hops(from: Int, to: Int) -> Int {
        hops[from &* count &+ to]
    }
}
