/// One row of `scores.csv`, as `escsim score` writes it: an observation from the world, what the
/// model's runs said of it, and the scores. Numbers are NaN where the file leaves them empty
/// (PIT and CRPS of a fact, probability and Brier of an event or quantity, everything of an
/// observation no run could be compared with). The text fields come from an observation file
/// and are shown escaped like every other text of the page.
struct BacktestScore: Sendable, Equatable {
    /// What kind of observation a row is.
    enum Kind: String, Sendable, CaseIterable {
        /// A dated event: the observed window is in model days since the start (day 0).
        case event
        /// A number in the source's units, of an outcome column or of a daily series on a day.
        case quantity
        /// Something did (1) or did not (0) happen; the model gives it a probability.
        case fact
    }

    var variant: String
    var id: String
    var kind: Kind
    var what: String
    /// The column of `replications.csv` or the daily series (`<series> day <d>`) compared with.
    var comparedWith: String
    var observedLow: Double
    var observedHigh: Double
    var runs: Int
    var median: Double
    var p05: Double
    var p95: Double
    var pit: Double
    var crps: Double
    var probability: Double
    var brier: Double
    /// Whether the model's 90% interval meets the observed range (a fact: whether the model gave
    /// what happened the larger share); nil when no run could be compared.
    var covered: Bool?
    var outlet: String
    var published: String
    var counted: String
    var url: String

    /// The middle of the observed range, by which a quantity's CRPS is divided to compare units.
    var observedMidpoint: Double { (observedLow + observedHigh) / 2 }

    /// For a quantity compared with one day of a daily series (`civilians_killed day 9`): the
    /// series and the day. Nil for an outcome column or a change between two days
    /// (`civilians_killed day 3-9`), which no chart of a stock can show.
    var seriesDay: (series: String, day: Int)? {
        let parts = comparedWith.split(separator: " ", omittingEmptySubsequences: true)
        guard kind == .quantity, parts.count == 3, parts[1] == "day", let day = Int(parts[2]), day >= 0 else {
            return nil
        }
        return (String(parts[0]), day)
    }
}
