/// The totals of one kind of observation over the rows of `scores.csv` of one variant, by the
/// rule `escsim score` prints them with (Backtest's `ScoreCard.totals`): rows no run could be
/// compared with are left out; an event's CRPS is averaged in days, a quantity's divided first
/// by its observed midpoint (so counts of people and shares of territory can be averaged), a
/// fact's Brier score as is.
struct BacktestTotal: Sendable, Equatable {
    var variant: String
    var kind: BacktestScore.Kind
    var count: Int
    /// Mean CRPS (events: days; quantities: share of the observed value); NaN for facts.
    var meanCRPS: Double
    /// Mean Brier score of facts; NaN otherwise.
    var meanBrier: Double
    /// Share of rows covered (inside the 90% interval; a fact: given the larger share).
    var coverage: Double

    /// The totals of each variant (in file order), each kind in the order event, quantity, fact.
    static func totals(_ scores: [BacktestScore]) -> [BacktestTotal] {
        var variants: [String] = []
        for score in scores where !variants.contains(score.variant) { variants.append(score.variant) }
        return variants.flatMap { variant in
            BacktestScore.Kind.allCases.compactMap { kind -> BacktestTotal? in
                let rows = scores.filter { $0.variant == variant && $0.kind == kind && $0.runs > 0 }
                guard !rows.isEmpty else { return nil }
                func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
                let crps: Double =
                    switch kind {
                    case .event: mean(rows.map(\.crps))
                    case .quantity: mean(rows.map { $0.crps / max(1e-12, abs($0.observedMidpoint)) })
                    case .fact: .nan
                    }
                return BacktestTotal(
                    variant: variant, kind: kind, count: rows.count, meanCRPS: crps,
                    meanBrier: kind == .fact ? mean(rows.map(\.brier)) : .nan,
                    coverage: Double(rows.filter { $0.covered == true }.count) / Double(rows.count))
            }
        }
    }

    /// "events (5): mean CRPS 1.80 days, 100.0% inside the model's 90% interval".
    var sentence: String {
        let share = NumberText.percent(coverage)
        return switch kind {
        case .event:
            "events (\(count)): mean CRPS \(NumberText.fixed(meanCRPS, digits: 2)) days, \(share) inside the "
                + "model's 90% interval"
        case .quantity:
            "quantities (\(count)): mean CRPS \(NumberText.percent(meanCRPS)) of the observed value, \(share) "
                + "inside the model's 90% interval"
        case .fact:
            "facts (\(count)): mean Brier \(NumberText.fixed(meanBrier, digits: 3)), \(share) given the larger share"
        }
    }
}
