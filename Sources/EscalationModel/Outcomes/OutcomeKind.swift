import Stochastic

/// How an outcome column is summarised, as the `kind` column of `summary.csv` spells it.
public enum OutcomeKind: String, Sendable, Hashable, CaseIterable {
    /// 0 or 1; summarised as a probability with a Wilson interval.
    case indicator
    /// A day on which something happened; missing when it did not (summarised over the runs where it did).
    case day
    /// A count or amount; summarised with a t interval for the mean.
    case quantity
    /// A rung of the escalation ladder (0 = first rung).
    case level
    /// A share in [0, 1].
    case share

    /// The unit a column of this kind is written in, where the kind alone decides it.
    var unit: String? {
        switch self {
        case .indicator: "0/1"
        case .day: "day"
        case .level: "rung index"
        case .share: "share"
        case .quantity: nil
        }
    }

    /// The histogram of `values` (present values of one outcome of this kind): one bin per whole
    /// number for days and for whole-number data, Freedman-Diaconis widths otherwise. A share is
    /// never binned by whole numbers, even when every run ended at 0 or 1. `histograms.csv` and
    /// the report (for a folder without it) both bin by this rule.
    public func histogram(of values: [Double]) -> [HistogramBin] {
        let integer = self == .day || self != .share && values.allSatisfy { $0 == $0.rounded() }
        return HistogramBins.make(values, integer: integer)
    }
}
