/// One row of `sensitivity.csv`: how strongly one uncertain parameter drives one outcome, as a
/// partial rank correlation coefficient with a Fisher-z 95% interval. NaN where the outcome
/// never varied (a correlation is undefined).
struct SensitivityEntry: Sendable, Equatable {
    var variant: String
    var outcome: String
    var parameter: String
    var method: String
    var n: Int
    var prcc: Double
    var ciLow: Double
    var ciHigh: Double
    var pValue: Double
}
