import DiscreteEvent
import Stochastic

/// Formations: each garrison with its own breaking line, what happens to its fighters when it
/// breaks (killed, wounded, captured, deserted, or back to the next line), and how one breaking
/// shakes the rest of its camp.
extension EscalationSimulation {
    /// The regions' starting state, each garrison with its formation's breaking line:
    /// `withdrawal_morale` times a gamma factor of mean 1 and coefficient of variation
    /// `threshold_spread` (drawn from `thresholds` in region order; no draw when the spread is 0).
    static func formations(of parameters: ModelParameters, thresholds: RandomStream) -> [RegionState] {
        var regions: [RegionState] = []
        formations(of: parameters, thresholds: thresholds, into: &regions)
        return regions
    }

    /// The same, appended to `regions` (a worker's recycled array).
    static func formations(of parameters: ModelParameters, thresholds: RandomStream, into regions: inout [RegionState])
    {
        let cascade = parameters.cascade
        let spread = cascade.thresholdSpread
        // Gamma with shape k and scale 1/k has mean 1 and coefficient of variation 1/sqrt(k).
        let factor: Distribution? =
            spread > 0 ? .gamma(shape: 1 / (spread * spread), scale: spread * spread) : nil
        regions.reserveCapacity(parameters.regions.count)
        for region in parameters.regions {
            let line = cascade.withdrawalMorale * (factor?.sample(thresholds) ?? 1)
            regions.append(
                RegionState(
                    controller: region.controller, garrison: region.garrison,
                    garrisonMorale: parameters.actors[region.controller].morale,
                    breakingMorale: min(1, line), population: region.population))
        }
    }

    /// Counts `fighters` of `actor` put out of action by fire: `killed_share` of them killed,
    /// the rest wounded.
    @inline(__always)
    mutating func recordCasualties(_ fighters: Double, of actor: Int) {
        actors[actor].losses += fighters
        actors[actor].killed += fighters * tables.killedShare
    }

    /// Counts `fighters` of `actor` taken prisoner.
    mutating func recordCaptured(_ fighters: Double, of actor: Int) {
        actors[actor].losses += fighters
        actors[actor].captured += fighters
    }

    /// Counts `fighters` of `actor` who deserted.
    mutating func recordDeserted(_ fighters: Double, of actor: Int) {
        actors[actor].losses += fighters
        actors[actor].deserted += fighters
    }

    /// The next line a beaten garrison of `region` can reach: a neighbouring region its own actor
    /// holds and that is not under assault, the one with the fewest hostile neighbours (deepest
    /// behind the front); nil when it is cut off.
    func fallbackLine(from region: Int) -> Int? {
        let owner = regions[region].controller
        let holder = camp(of: owner)
        var best: Int?
        var bestExposure = Int.max
        for slot in tables.neighbours(of: region) {
            let neighbour = tables.neighbourList[slot]
            guard regions[neighbour].controller == owner, !regions[neighbour].underAssault else { continue }
            let exposure = hostileNeighbours(of: neighbour, for: holder)
            if exposure < bestExposure {
                best = neighbour
                bestExposure = exposure
            }
        }
        return best
    }

    /// `fighters` of a beaten garrison of `region` (still its controller's) pull back: to the next
    /// line if there is one, where they join its garrison, or into captivity if they are cut off.
    /// `capturedShare` of them are taken prisoner on the way even when a line is open.
    mutating func retreat(_ fighters: Double, from region: Int, capturedShare: Double) {
        let owner = regions[region].controller
        guard fighters > 0 else { return }
        guard let line = fallbackLine(from: region) else {
            recordCaptured(fighters, of: owner)
            return
        }
        let prisoners = fighters * capturedShare
        recordCaptured(prisoners, of: owner)
        let arriving = fighters - prisoners
        // The stationed patron's share of the garrison shrinks as the client's men arrive.
        let patronPart = regions[line].garrison * regions[line].stationedShare
        regions[line].garrison += arriving
        if regions[line].stationedActor >= 0, regions[line].garrison > 0 {
            regions[line].stationedShare = patronPart / regions[line].garrison
        }
    }

    /// A formation of `camp` broke (stormed or pulled out): every other garrison of the camp
    /// loses `contagion / formations the camp had at the start` morale, and those pushed below
    /// their line start to pull out (Granovetter 1978: each one that goes lowers the others'
    /// resolve).
    mutating func formationBroke(in camp: Camp, at time: Double, queue: inout EventQueue<ModelEvent>) {
        let formations = initialFormations[camp.index]
        guard tables.contagion > 0, formations > 0 else { return }
        let hit = tables.contagion / Double(formations)
        for index in regions.indices where self.camp(of: regions[index].controller) == camp {
            regions[index].garrisonMorale = max(0, regions[index].garrisonMorale - hit)
            considerWithdrawal(of: index, at: time, queue: &queue)
        }
    }

    /// Share of the collapsing actor's starting fighters who have deserted or been captured.
    var dissolvedSoFar: Double {
        guard collapsingActorFighters > 0 else { return 0 }
        let actor = actors[parameters.collapse.actor]
        return (actor.deserted + actor.captured) / collapsingActorFighters
    }

    /// A ceasefire freezes the front: every assault and strike process stops (`isEngaged` is
    /// false from now on) and fights under way end where they stand.
    mutating func freezeFront(at time: Double, queue: inout EventQueue<ModelEvent>) {
        for index in actors.indices {
            scheduleNextAssault(of: index, after: time, queue: &queue)
            scheduleNextAirstrike(of: index, after: time, queue: &queue)
        }
    }
}
