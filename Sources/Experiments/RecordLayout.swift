import DiscreteEvent
import EscalationModel
import Stochastic

/// How one replication of one variant is laid out as a fixed-width row of doubles, the unit of
/// the on-disk record log. Fixed width makes a log truncatable to whole records after a crash.
///
/// `[replication, variant, status, detail, end state, outcomes..., parameters..., timeline...]`
/// where the timeline holds, for each day 1...days, each measure of `timelineMeasures`.
public struct RecordLayout: Sendable, Hashable {
    public enum Status: Int, Sendable {
        case ok = 0
        /// The max-events guard stopped the run.
        case guardHit = 1
        /// An outcome came out NaN or infinite where a number was due.
        case nonFinite = 2

        public var label: String {
            switch self {
            case .ok: "ok"
            case .guardHit: "guard"
            case .nonFinite: "error"
            }
        }
    }

    public let outcomes: [OutcomeColumn]
    public let parameters: [String]
    public let parameterIndex: [String: Int]
    public let days: Int
    public let timelineMeasures: [String]

    static let headerWidth = 5

    public init(outcomes: [OutcomeColumn], parameters: [String], days: Int, actors: [String]) {
        self.outcomes = outcomes
        self.parameters = parameters
        self.parameterIndex = Dictionary(uniqueKeysWithValues: parameters.enumerated().map { ($1, $0) })
        self.days = max(0, days)
        self.timelineMeasures = actors.map { "territory_\($0)" }
            + ["ladder_level", "civilians_killed", "civilians_injured", "civilians_displaced"]
    }

    public var width: Int {
        Self.headerWidth + outcomes.count + parameters.count + days * timelineMeasures.count
    }

    public var outcomeOffset: Int { Self.headerWidth }
    public var parameterOffset: Int { outcomeOffset + outcomes.count }
    public var timelineOffset: Int { parameterOffset + parameters.count }

    /// Offset within a record of measure `measure` on day `day` (1-based).
    public func timelineIndex(day: Int, measure: Int) -> Int {
        timelineOffset + (day - 1) * timelineMeasures.count + measure
    }

    /// Appends the record of one replication to `record`.
    func encode(outcome: ReplicationOutcome, values: [Double], parameters parameterValues: [Double],
                replication: Int, variant: Int, into record: inout [Double]) {
        var status = Status.ok
        var detail = -1
        if outcome.stopReason == .maxEventsReached {
            status = .guardHit
            detail = outcome.eventsProcessed
        } else if let bad = Array(zip(outcomes, values)).firstIndex(where: { column, value in
            value.isInfinite || (value.isNaN && column.kind != .day)
        }) {
            status = .nonFinite
            detail = bad
        }
        record.append(Double(replication))
        record.append(Double(variant))
        record.append(Double(status.rawValue))
        record.append(Double(detail))
        record.append(Double(EndState.allCases.firstIndex(of: outcome.endState) ?? 0))
        record.append(contentsOf: values)
        record.append(contentsOf: parameterValues)
        // The day-by-day timeline; after the run ends (collapse, ceasefire) the state stays as it ended.
        var snapshots = outcome.snapshots.makeIterator()
        var next = snapshots.next()
        for day in 1...max(1, days) where days > 0 {
            while let snapshot = next, snapshot.day < day { next = snapshots.next() }
            if let snapshot = next, snapshot.day == day {
                record.append(contentsOf: snapshot.territoryShare)
                record.append(Double(snapshot.ladderLevel))
                record.append(snapshot.civiliansKilled)
                record.append(snapshot.civiliansInjured)
                record.append(snapshot.civiliansDisplaced)
            } else {
                record.append(contentsOf: outcome.territoryShare)
                record.append(Double(outcome.finalLadderLevel))
                record.append(outcome.civiliansKilled)
                record.append(outcome.civiliansInjured)
                record.append(outcome.civiliansDisplaced)
            }
        }
    }

    /// The error text of a failed record, for `replications.csv`.
    public func errorText(status: Status, detail: Int) -> String {
        switch status {
        case .ok: ""
        case .guardHit: "max-events guard hit after \(detail) events"
        case .nonFinite: "non-finite value in \(outcomes[detail].name)"
        }
    }
}
