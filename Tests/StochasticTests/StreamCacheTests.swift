import Stochastic
import Testing

@Suite struct StreamCacheTests {
    let seeds = StreamSeeds(masterSeed: 20_241_127)

    func draws(_ stream: RandomStream, _ count: Int = 1000) -> [Double] {
        (0..<count).map { _ in stream.uniform() }
    }

    @Test func aCachedStreamDrawsWhatAFreshStreamDraws() {
        let cache = StreamCache()
        for replication in [0, 1, 7, 1] {  // 1 twice: asking again starts the stream over
            for stream in [0, 17, 255] {
                let cached = cache.stream(stream, replication: replication, seeds: seeds)
                let fresh = RandomStream(seeds: seeds, replication: replication, stream: stream)
                #expect(draws(cached) == draws(fresh), "replication \(replication), stream \(stream)")
            }
        }
    }

    @Test func theCacheReusesOneGeneratorPerStreamNumber() {
        let cache = StreamCache()
        let first = cache.stream(3, replication: 0, seeds: seeds)
        _ = draws(first, 700)  // past mt19937's first block of 624 words
        let again = cache.stream(3, replication: 1, seeds: seeds)
        #expect(first === again)
        #expect(draws(again) == draws(RandomStream(seeds: seeds, replication: 1, stream: 3)))
        #expect(cache.stream(4, replication: 1, seeds: seeds) !== again)
    }

    @Test func reseedingRestartsTheSequence() {
        let stream = RandomStream(seed: 99)
        let before = draws(stream)
        stream.reseed(99)
        #expect(draws(stream) == before)
        stream.reseed(100)
        #expect(draws(stream) != before)
    }
}
