/// Generators kept by one worker thread from replication to replication, reseeded instead of
/// allocated: `gsl_rng_alloc` zero-fills mt19937's 5 KB of state and seeds it once before the
/// real seed is set, which was about 9% of a baseline replication's instructions (callgrind).
///
/// A stream handed out stays valid until the same stream number is asked for again, which
/// starts it over. Each replication asks once per stream, and runs to its end before the worker
/// starts the next, so nothing is shared between replications in flight. Not `Sendable`: each
/// worker creates its own.
public final class StreamCache {
    private var streams: [RandomStream?] = Array(repeating: nil, count: StreamSeeds.maxStreams)

    public init() {}

    /// Stream `stream` of replication `replication`, starting from its first draw: the same
    /// sequence as `RandomStream(seeds: seeds, replication: replication, stream: stream)`.
    public func stream(_ stream: Int, replication: Int, seeds: StreamSeeds) -> RandomStream {
        let seed = seeds.seed(replication: replication, stream: stream)
        if let cached = streams[stream] {
            cached.reseed(seed)
            return cached
        }
        let created = RandomStream(seed: seed)
        streams[stream] = created
        return created
    }
}
