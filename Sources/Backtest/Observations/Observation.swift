import Foundation
import Stochastic

/// One dated, sourced fact about what happened, and how the model's runs are compared with it.
public struct Observation: Sendable, Hashable {
    /// What kind of fact it is and what of the model it is compared with.
    public enum Fact: Sendable, Hashable {
        /// Something happened on a day or within a window of days: `outcome` is a day column of
        /// `replications.csv` (model time, day 0 at the start); `window` the model times of the
        /// dates (a date d covers times [d - start, d - start + 1)).
        case event(outcome: String, window: ObservedValue)
        /// A number reported for a day, compared through the source's measurement model.
        case quantity(ModelProbe, value: ObservedValue, measurement: MeasurementModel)
        /// Something did or did not happen by a day.
        case binary(BinaryProbe, happened: Bool)
    }

    /// How a run says whether a binary fact happened.
    public enum BinaryProbe: Sendable, Hashable {
        /// A day column (`chemical_weapons_day`): it happened if the day came by `byTime`.
        case dayOutcome(String, byTime: Double)
        /// A daily series exceeded `above` at the end of `day`.
        case series(String, day: Int, above: Double)
        /// The day column `first` came before the day column `then` (a day that never came counts
        /// as never), and by `byTime` when given.
        case order(String, before: String, byTime: Double?)
    }

    /// The runs a fact is judged over: those in which the day column `outcome` came (by `byTime`
    /// when given). "Where the regime collapses, Damascus falls in most of those runs."
    public struct Condition: Sendable, Hashable {
        public var outcome: String
        public var byTime: Double?

        public init(outcome: String, byTime: Double?) {
            self.outcome = outcome
            self.byTime = byTime
        }

        /// Whether `run` is one of those runs; nil when it lacks the column.
        func holds(in run: some RunValues) -> Bool? {
            guard let day = run.outcome(outcome) else { return nil }
            return !day.isNaN && day <= (byTime ?? .infinity)
        }
    }

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case event
        case quantity
        case fact
    }

    /// Unique within its file, `lower_snake_case`.
    public var id: String
    /// One line: what happened.
    public var what: String
    public var fact: Fact
    public var source: ObservationSource
    /// Where it is written, `file:line:column`, for messages.
    public var location: String
    /// For a fact: the runs it is judged over (`given:`); nil for all.
    public var condition: Condition?
    /// A qualitative check of the case (`check: true`): it passes when the model gives what
    /// happened the larger share of runs.
    public var isCheck: Bool

    public init(
        id: String, what: String, fact: Fact, source: ObservationSource, location: String,
        condition: Condition? = nil, isCheck: Bool = false
    ) {
        self.id = id
        self.what = what
        self.fact = fact
        self.source = source
        self.location = location
        self.condition = condition
        self.isCheck = isCheck
    }

    public var kind: Kind {
        switch fact {
        case .event: .event
        case .quantity: .quantity
        case .binary: .fact
        }
    }

    /// The model number it is compared with, as tables name it.
    public var comparedWith: String {
        let text =
            switch fact {
            case .event(let outcome, _): outcome
            case .quantity(let probe, _, _): probe.description
            case .binary(.dayOutcome(let column, let byTime), _): "\(column) <= \(ObservedValue.plain(byTime))"
            case .binary(.series(let name, let day, let above), _): "\(name) day \(day) > \(ObservedValue.plain(above))"
            case .binary(.order(let first, let then, let byTime), _):
                "\(first) < \(then)" + (byTime.map { " and <= \(ObservedValue.plain($0))" } ?? "")
            }
        guard let condition else { return text }
        return text + " where \(condition.outcome)" + (condition.byTime.map { " <= \(ObservedValue.plain($0))" } ?? "")
    }

    /// The columns of `replications.csv` and the series of `daily.csv` it needs.
    public var needs: (outcomes: [String], series: [String]) {
        let conditioned = condition.map { [$0.outcome] } ?? []
        switch fact {
        case .event(let outcome, _): return ([outcome], [])
        case .quantity(.outcome(let column), _, _): return ([column], [])
        case .quantity(.series(let name, _, _), _, _): return ([], [name])
        case .binary(.dayOutcome(let column, _), _): return ([column] + conditioned, [])
        case .binary(.series(let name, _, _), _): return (conditioned, [name])
        case .binary(.order(let first, let then, _), _): return ([first, then] + conditioned, [])
        }
    }

    /// What one run says, as the source would have reported it: the day of an event (a run in
    /// which it never came counts as `horizon`, the end of the model's clock: censored), the
    /// quantity through the measurement model (drawing from `stream`), 1 or 0 for a binary fact.
    /// Nil when the run lacks the number.
    public func modelValue(in run: some RunValues, horizon: Double, stream: RandomStream) -> Double? {
        switch fact {
        case .event(let outcome, _):
            guard let day = run.outcome(outcome) else { return nil }
            return day.isNaN ? horizon : day
        case .quantity(let probe, _, let measurement):
            guard let value = probe.value(in: run), value.isFinite else { return nil }
            return measurement.report(of: value, stream: stream)
        case .binary(.dayOutcome(let column, let byTime), _):
            guard let day = run.outcome(column) else { return nil }
            return !day.isNaN && day <= byTime ? 1 : 0
        case .binary(.series(let name, let day, let above), _):
            guard let value = run.series(name, day: day) else { return nil }
            return value > above ? 1 : 0
        case .binary(.order(let first, let then, let byTime), _):
            guard let a = run.outcome(first), let b = run.outcome(then) else { return nil }
            let firstDay = a.isNaN ? Double.infinity : a
            let thenDay = b.isNaN ? Double.infinity : b
            return firstDay < thenDay && firstDay <= (byTime ?? .infinity) ? 1 : 0
        }
    }

    /// Whether the fact is judged on `run` at all (its `given:` condition holds); nil when the
    /// run lacks the column the condition reads.
    public func applies(to run: some RunValues) -> Bool? {
        guard let condition else { return true }
        return condition.holds(in: run)
    }

    /// How far one run's `modelValue` is from what happened, for calibration: 0 inside the
    /// observed window or range; outside it, days for an event, the distance on a log scale
    /// (`log1p`) for a quantity, since counts span orders of magnitude; 0 or 1 for a fact.
    public func discrepancy(of value: Double) -> Double {
        switch fact {
        case .event(_, let window):
            return max(0, window.low - value, value - window.high)
        case .quantity(_, let observed, _):
            let (low, high) = (Self.logScale(observed.low), Self.logScale(observed.high))
            let x = Self.logScale(value)
            return max(0, low - x, x - high)
        case .binary(_, let happened):
            return (value == 1) == happened ? 0 : 1
        }
    }

    /// The same observation with what was observed replaced by `value`, a value the model gave
    /// (`modelValue`): the synthetic history of simulation-based calibration, where the truth is
    /// known. An event's day becomes a point, a quantity's value a point, a fact's outcome
    /// whether `value` is 1.
    public func observing(_ value: Double) -> Observation {
        var copy = self
        switch fact {
        case .event(let outcome, _): copy.fact = .event(outcome: outcome, window: .point(value))
        case .quantity(let probe, _, let measurement):
            copy.fact = .quantity(probe, value: .point(value), measurement: measurement)
        case .binary(let probe, _): copy.fact = .binary(probe, happened: value == 1)
        }
        return copy
    }

    /// `log(1 + x)` for counts, mirrored for negatives so that the scale stays monotone.
    static func logScale(_ x: Double) -> Double {
        x >= 0 ? log1p(x) : -log1p(-x)
    }
}
