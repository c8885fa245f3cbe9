/// One row of `sensitivity.csv`: how strongly one uncertain parameter drives one outcome, as a
/// partial rank correlation coefficient with a Fisher-z 95% interval. NaN where the outcome
/// never varied (a correlation is undefined).
public struct SensitivityEntry: Sendable, Equatable {
    public var variant: String
    public var outcome: String
    public var parameter: String
    public var method: String
    public var n: Int
    public var prcc: Double
    public var ciLow: Double
    public var ciHigh: Double
    public var pValue: Double
}
