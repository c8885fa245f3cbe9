import DiscreteEvent
import EscalationModel
import Stochastic

/// How one replication of one variant is laid out as a fixed-width row of doubles, the unit of
/// the on-disk record log. Fixed width makes a log truncatable to whole records after a crash.
///
/// `[replication, variant, status, detail, end state, outcomes..., parameters..., timeline...,
/// daily...]` where the timeline holds, for each day 1...days, each measure of `timelineMeasures`,
/// and the daily part (only for `escsim run --daily`; empty otherwise) each series of
/// `dailySeries` for each day.
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
    /// The series of `daily.csv`, in its column order; empty unless the batch runs with `--daily`.
    public let dailySeries: [DailySeriesColumn]

    /// The fields every record opens with, at these offsets (the `[replication, variant, status,
    /// detail, end state]` above). Nothing outside this type reads a record's header by offset.
    enum HeaderField: Int, CaseIterable, Sendable {
        case replication, variant, status, detail, endState
    }

    static let headerWidth = HeaderField.allCases.count

    /// The header of one record, as stored (doubles); the typed views are nil where the stored
    /// value is not one escsim writes (`headerProblem` says what is wrong).
    struct Header: Sendable {
        var replication: Double
        var variant: Double
        var statusValue: Double
        var detail: Double
        var endStateValue: Double

        /// The fields in record order (`HeaderField`).
        var fields: [Double] {
            HeaderField.allCases.map { field in
                switch field {
                case .replication: replication
                case .variant: variant
                case .status: statusValue
                case .detail: detail
                case .endState: endStateValue
                }
            }
        }

        /// Whether the record succeeded: only then do its outcomes enter statistics.
        var isOK: Bool { statusValue == Double(Status.ok.rawValue) }

        var status: Status? {
            Self.whole(statusValue, below: Int.max).flatMap(Status.init(rawValue:))
        }

        var endState: EndState? {
            Self.whole(endStateValue, below: EndState.allCases.count).map { EndState.allCases[$0] }
        }

        /// `value` as an index when it is a whole number in `0..<bound`.
        static func whole(_ value: Double, below bound: Int) -> Int? {
            guard value.isFinite, value == value.rounded(), value >= 0, value < Double(bound) else { return nil }
            return Int(value)
        }
    }

    /// The header of the record that starts at `base` in `values`.
    static func header(_ values: [Double], at base: Int) -> Header {
        func field(_ field: HeaderField) -> Double { values[base + field.rawValue] }
        return Header(
            replication: field(.replication), variant: field(.variant), statusValue: field(.status),
            detail: field(.detail), endStateValue: field(.endState))
    }

    public init(
        outcomes: [OutcomeColumn], parameters: [String], days: Int, actors: [String],
        dailySeries: [DailySeriesColumn] = []
    ) {
        self.outcomes = outcomes
        self.parameters = parameters
        self.parameterIndex = Dictionary(uniqueKeysWithValues: parameters.enumerated().map { ($1, $0) })
        self.days = max(0, days)
        self.timelineMeasures =
            actors.map(OutcomeCatalogue.territory.column(of:))
            + [Self.ladderMeasure, Self.civiliansKilledMeasure, "civilians_injured", "civilians_displaced"]
        self.dailySeries = dailySeries
    }

    /// Measures of `timeline.csv` the report draws by name (each actor's territory is named as
    /// its outcome column, `OutcomeCatalogue.territory`).
    public static let ladderMeasure = "ladder_level"
    public static let civiliansKilledMeasure = "civilians_killed"

    public var width: Int {
        Self.headerWidth + outcomes.count + parameters.count + days * (timelineMeasures.count + dailySeries.count)
    }

    public var outcomeOffset: Int { Self.headerWidth }
    public var parameterOffset: Int { outcomeOffset + outcomes.count }
    public var timelineOffset: Int { parameterOffset + parameters.count }

    /// Offset within a record of measure `measure` on day `day` (1-based).
    public func timelineIndex(day: Int, measure: Int) -> Int {
        timelineOffset + (day - 1) * timelineMeasures.count + measure
    }

    /// Where the daily series begin, after the whole timeline.
    public var dailyOffset: Int { timelineOffset + days * timelineMeasures.count }

    /// Offset within a record of series `series` on day `day` (1-based).
    public func dailyIndex(day: Int, series: Int) -> Int {
        dailyOffset + (day - 1) * dailySeries.count + series
    }

    /// What is wrong with the header of the record at `base` of `values`, expected to be
    /// `replication` of `variant`; nil when it is one escsim writes.
    func headerProblem(_ values: [Double], at base: Int, replication: Int, variant: Int) -> String? {
        func whole(_ value: Double, in range: ClosedRange<Int>) -> Bool {
            value.isFinite && value == value.rounded() && value >= Double(range.lowerBound)
                && value <= Double(range.upperBound)
        }
        let header = Self.header(values, at: base)
        guard header.replication == Double(replication), header.variant == Double(variant) else {
            return "the record where replication \(replication) of variant \(variant) belongs holds another "
                + "(replication \(header.replication), variant \(header.variant))"
        }
        guard let status = header.status else {
            return "replication \(replication) has an unknown status \(header.statusValue)"
        }
        let detailRange: ClosedRange<Int> =
            switch status {
            case .ok: -1 ... -1
            case .guardHit: 0...Int(Int32.max) * 1024
            case .nonFinite: 0...max(0, outcomes.count - 1)
            }
        guard whole(header.detail, in: detailRange) else {
            return "replication \(replication) has an impossible status detail \(header.detail)"
        }
        guard header.endState != nil else {
            return "replication \(replication) has an unknown end state \(header.endStateValue)"
        }
        return nil
    }

    /// The end states in their stored order, built once (`allCases` builds an array on each call).
    private static let endStates = EndState.allCases

    /// Appends the record of one replication to `record`. Days after `horizonDays` (a variant
    /// with a shorter horizon than the longest) are NaN: missing, never counted in the bands.
    func encode(
        outcome: ReplicationOutcome, values: [Double], parameters parameterValues: [Double],
        replication: Int, variant: Int, horizonDays: Double, into record: inout [Double]
    ) {
        var status = Status.ok
        var detail = -1
        if outcome.stopReason == .maxEventsReached {
            status = .guardHit
            detail = outcome.eventsProcessed
        } else if let bad = outcomes.indices.first(where: { column in
            values[column].isInfinite || (values[column].isNaN && outcomes[column].kind != .day)
        }) {
            status = .nonFinite
            detail = bad
        }
        let header = Header(
            replication: Double(replication), variant: Double(variant),
            statusValue: Double(status.rawValue), detail: Double(detail),
            endStateValue: Double(Self.endStates.firstIndex(of: outcome.endState) ?? 0))
        // Field by field in `HeaderField` order (`allCases` may build an array on each call).
        record.append(header.replication)
        record.append(header.variant)
        record.append(header.statusValue)
        record.append(header.detail)
        record.append(header.endStateValue)
        record.append(contentsOf: values)
        record.append(contentsOf: parameterValues)
        // The day-by-day timeline; after the run ends (collapse, ceasefire) the state stays as it ended.
        var snapshots = outcome.snapshots.makeIterator()
        var next = snapshots.next()
        for day in 1...max(1, days) where days > 0 {
            if Double(day) > horizonDays {
                record.append(contentsOf: repeatElement(.nan, count: timelineMeasures.count))
                continue
            }
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
        // The daily series, by the same rule (`DailySeriesCatalogue.snapshot(of:day:)`).
        guard !dailySeries.isEmpty else { return }
        for day in 1...max(1, days) where days > 0 {
            guard Double(day) <= horizonDays, let snapshot = DailySeriesCatalogue.snapshot(of: outcome, day: day) else {
                record.append(contentsOf: repeatElement(.nan, count: dailySeries.count))
                continue
            }
            for series in dailySeries { record.append(series.value(snapshot)) }
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
