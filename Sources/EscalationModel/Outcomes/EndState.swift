/// How a replication ended, from a frozen front to the regime's collapse.
public enum EndState: String, Sendable, Hashable, CaseIterable {
    /// The regime lost its capital or its forces dissolved.
    case regimeCollapse = "regime_collapse"
    /// Mediators froze the front.
    case ceasefire
    /// The horizon came with no region changing hands for `stalemate_days`: a front frozen by exhaustion.
    case stalemate
    /// The horizon came with the front still moving.
    case ongoingWar = "ongoing_war"
    /// The max-events guard stopped the run; its numbers are not to be trusted.
    case incomplete
}
