import DiscreteEvent
import EscalationModel
import Stochastic

/// A deterministic slice of a batch: shard `index` of `count` holds a contiguous block of
/// replications, each with all its variants, so every shard holds whole common-random-number pairs.
public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public static let whole = Shard(index: 0, count: 1)

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (0..<count).contains(index), "shard \(index)/\(count) is out of range")
        self.index = index
        self.count = count
    }

    /// The replications of this shard out of `total`: `[index x total / count, (index + 1) x total / count)`.
    public func replications(of total: Int) -> Range<Int> {
        (index * total / count)..<((index + 1) * total / count)
    }

    public var description: String { "\(index)/\(count)" }

    /// Decodes without the initialiser's check, so that a damaged plan is reported by
    /// `ExperimentPlan.check()` instead of stopping the program.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index = try container.decode(Int.self, forKey: .index)
        count = try container.decode(Int.self, forKey: .count)
    }

    enum CodingKeys: String, CodingKey {
        case index, count
    }
}
