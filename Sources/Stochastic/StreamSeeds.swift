/// Derives the 32-bit seed of every random stream in an experiment from one master seed.
///
/// A simulation experiment runs many replications, and each replication draws from several
/// independent streams (arrivals, service times, routing, ...). `StreamSeeds` assigns every
/// `(replication, stream)` pair its own seed such that, for one master seed, **no two pairs
/// ever share a seed**, and no seed is zero.
///
/// Why 32 bits and never zero: the Mersenne Twister's seeding procedure initialises its state
/// from a single 32-bit word, and the GSL manual ("Random number generator algorithms",
/// `gsl_rng_mt19937`) states that "the original generator used a default seed of 4357 and
/// choosing s equal to zero in gsl_rng_set reproduces this". A zero seed would therefore
/// silently alias whichever stream got seed 4357.
///
/// Construction:
/// 1. The pair is flattened to `index = replication * maxStreams + stream + 1`, which lies in
///    `1 ... 2^32 - 256` and is therefore a non-zero 32-bit value (see `maxReplications`).
/// 2. `index` is sent through a keyed permutation `P` of the 32-bit space: a 4-round balanced
///    Feistel network on 16-bit halves. A Feistel network is a bijection whatever its round
///    function is, because each round `(L, R) -> (R, L xor F(R))` can be undone from its
///    output. The four 32-bit round keys come from two splitmix64 outputs of the master seed.
/// 3. Cycle walking: if `P(index)` is 0, `P` is applied again. Restricting a permutation of a
///    set to a subset this way yields a permutation of the subset (here: the non-zero
///    values). The walk needs at most one extra step: only one `x` has `P(x) == 0`, and then
///    `P(0) != 0` because `P` is injective and `x != 0`.
///
/// Hence `seed(replication:stream:)` is injective on its whole domain and never returns 0.
public struct StreamSeeds: Sendable, Hashable {
    /// The master seed this table was derived from.
    public let masterSeed: UInt64

    /// Number of streams per replication: valid stream numbers are `0..<maxStreams`.
    public static let maxStreams: Int = 256

    /// Number of replications: valid replication numbers are `0..<maxReplications`.
    ///
    /// This is `2^24 - 1`, one less than `2^24`: with 256 streams, `2^24` replications would
    /// make `2^32` pairs, but there are only `2^32 - 1` non-zero 32-bit seeds, so by the
    /// pigeonhole principle two pairs would have to share a seed. Giving up the last
    /// replication keeps the map injective.
    public static let maxReplications: Int = (1 << 24) - 1

    // Round keys of the Feistel network, derived from `masterSeed`.
    private let key0: UInt32
    private let key1: UInt32
    private let key2: UInt32
    private let key3: UInt32

    /// Creates the seed table for `masterSeed` (any value, including 0, is allowed).
    public init(masterSeed: UInt64) {
        self.masterSeed = masterSeed
        // splitmix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
        // OOPSLA 2014): advance the state by the golden-ratio increment, then mix it.
        var state = masterSeed
        let first = Self.splitMix64(&state)
        let second = Self.splitMix64(&state)
        key0 = UInt32(truncatingIfNeeded: first)
        key1 = UInt32(truncatingIfNeeded: first >> 32)
        key2 = UInt32(truncatingIfNeeded: second)
        key3 = UInt32(truncatingIfNeeded: second >> 32)
    }

    /// The seed of stream `stream` in replication `replication`: non-zero, and different for
    /// every pair under the same master seed.
    ///
    /// - Parameters:
    ///   - replication: in `0..<StreamSeeds.maxReplications`.
    ///   - stream: in `0..<StreamSeeds.maxStreams`.
    public func seed(replication: Int, stream: Int) -> UInt32 {
        precondition(
            (0..<Self.maxReplications).contains(replication),
            "replication must be in 0..<\(Self.maxReplications), got \(replication)"
        )
        precondition(
            (0..<Self.maxStreams).contains(stream),
            "stream must be in 0..<\(Self.maxStreams), got \(stream)"
        )
        // At most (2^24 - 2) * 256 + 255 + 1 = 2^32 - 256, so the conversion cannot trap.
        let index = UInt32(replication * Self.maxStreams + stream + 1)
        var value = permute(index)
        while value == 0 {
            value = permute(value)
        }
        return value
    }

    /// The keyed permutation `P` of the 32-bit values (4-round Feistel network).
    func permute(_ x: UInt32) -> UInt32 {
        var left = UInt16(truncatingIfNeeded: x >> 16)
        var right = UInt16(truncatingIfNeeded: x)
        (left, right) = (right, left ^ Self.round(right, key0))
        (left, right) = (right, left ^ Self.round(right, key1))
        (left, right) = (right, left ^ Self.round(right, key2))
        (left, right) = (right, left ^ Self.round(right, key3))
        return UInt32(left) << 16 | UInt32(right)
    }

    /// The inverse of `permute`, used by the tests to reach the cycle-walking case.
    func unpermute(_ y: UInt32) -> UInt32 {
        var left = UInt16(truncatingIfNeeded: y >> 16)
        var right = UInt16(truncatingIfNeeded: y)
        (left, right) = (right ^ Self.round(left, key3), left)
        (left, right) = (right ^ Self.round(left, key2), left)
        (left, right) = (right ^ Self.round(left, key1), left)
        (left, right) = (right ^ Self.round(left, key0), left)
        return UInt32(left) << 16 | UInt32(right)
    }

    /// The Feistel round function. Any function keeps the network bijective; this one mixes
    /// the half-block with the key by odd multiplications and xor-shifts so that every output
    /// bit depends on every input and key bit.
    private static func round(_ half: UInt16, _ key: UInt32) -> UInt16 {
        var x = (UInt32(half) | UInt32(half) << 16) ^ key
        x &*= 0x9E37_79B1
        x ^= x >> 15
        x &*= 0x2C1B_3C6D
        x ^= x >> 13
        x &*= 0x297A_2D39
        x ^= x >> 16
        return UInt16(truncatingIfNeeded: x)
    }

    /// One splitmix64 step: returns the next output and advances `state`.
    private static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomStream {
    /// Creates the stream `stream` of replication `replication`, seeded from `seeds`.
    ///
    /// Equivalent to `RandomStream(seed: seeds.seed(replication: replication, stream: stream))`;
    /// the same arguments always give the same sequence of draws.
    public convenience init(seeds: StreamSeeds, replication: Int, stream: Int) {
        self.init(seed: seeds.seed(replication: replication, stream: stream))
    }
}

extension StreamSeeds {
    /// How seeds are derived, recorded in every manifest so a run can be reproduced elsewhere.
    public static let derivation =
        "feistel32-v1: 4-round Feistel permutation of replication*256+stream+1 keyed by splitmix64(master seed), cycle-walked off 0"
}
