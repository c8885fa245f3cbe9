import Testing

@testable import Stochastic

@Suite("StreamSeeds")
struct StreamSeedsTests {
    @Test("one million (replication, stream) pairs get distinct, non-zero seeds")
    func millionPairsAreDistinctAndNonZero() {
        let seeds = StreamSeeds(masterSeed: 20_240_531)
        let replications = 62_500
        let streams = 16
        var all = [UInt32]()
        all.reserveCapacity(replications * streams)
        for replication in 0..<replications {
            for stream in 0..<streams {
                all.append(seeds.seed(replication: replication, stream: stream))
            }
        }
        #expect(all.count == 1_000_000)
        #expect(!all.contains(0))
        // Generic `sort()` is unspecialised (slow) in debug builds; a radix sort is not.
        all = radixSorted(all)
        var duplicates = 0
        var outOfOrder = 0
        for i in 1..<all.count {
            if all[i] == all[i - 1] { duplicates += 1 }
            if all[i] < all[i - 1] { outOfOrder += 1 }
        }
        #expect(outOfOrder == 0)
        #expect(duplicates == 0)
    }

    @Test("the extreme pairs of the domain are valid and distinct")
    func extremesOfTheDomain() {
        let seeds = StreamSeeds(masterSeed: 7)
        let lastReplication = StreamSeeds.maxReplications - 1
        let lastStream = StreamSeeds.maxStreams - 1
        let corners = [
            seeds.seed(replication: 0, stream: 0),
            seeds.seed(replication: 0, stream: lastStream),
            seeds.seed(replication: lastReplication, stream: 0),
            seeds.seed(replication: lastReplication, stream: lastStream),
        ]
        #expect(!corners.contains(0))
        #expect(Set(corners).count == corners.count)
        // The flattened index of the last pair must still fit in 32 bits.
        #expect(lastReplication * StreamSeeds.maxStreams + lastStream + 1 <= Int(UInt32.max))
    }

    @Test("the same inputs always give the same seed")
    func deterministic() {
        let a = StreamSeeds(masterSeed: 42)
        let b = StreamSeeds(masterSeed: 42)
        #expect(a == b)
        for (replication, stream) in [(0, 0), (1, 0), (0, 1), (12_345, 200), (1_000_000, 255)] {
            #expect(
                a.seed(replication: replication, stream: stream)
                    == b.seed(replication: replication, stream: stream))
        }
    }

    @Test("different master seeds give different seeds for the same pair")
    func masterSeedMatters() {
        let masters: [UInt64] = Array(0..<200) + [UInt64.max, 1 << 32, 1 << 63, 0xDEAD_BEEF]
        for (replication, stream) in [(0, 0), (3, 7), (99_999, 255)] {
            let derived = masters.map {
                StreamSeeds(masterSeed: $0).seed(replication: replication, stream: stream)
            }
            #expect(Set(derived).count == derived.count)
        }
        #expect(StreamSeeds(masterSeed: 1) != StreamSeeds(masterSeed: 2))
    }

    @Test("the Feistel permutation is invertible")
    func permutationRoundTrips() {
        let seeds = StreamSeeds(masterSeed: 0xC0FFEE)
        var x: UInt32 = 0x1234_5678
        for _ in 0..<10_000 {
            #expect(seeds.unpermute(seeds.permute(x)) == x)
            x = x &* 1_664_525 &+ 1_013_904_223
        }
        #expect(seeds.unpermute(seeds.permute(0)) == 0)
        #expect(seeds.unpermute(seeds.permute(UInt32.max)) == UInt32.max)
    }

    @Test("cycle walking: the index the permutation sends to 0 gets P(0) instead")
    func cycleWalking() {
        // Look through a few master seeds for ones whose preimage of 0 is a valid index.
        var checked = 0
        for master in UInt64(0)..<64 {
            let seeds = StreamSeeds(masterSeed: master)
            let index = seeds.unpermute(0)  // P(index) == 0
            guard index >= 1 else { continue }
            let flat = Int(index) - 1
            let replication = flat / StreamSeeds.maxStreams
            let stream = flat % StreamSeeds.maxStreams
            guard replication < StreamSeeds.maxReplications else { continue }
            let walked = seeds.seed(replication: replication, stream: stream)
            #expect(walked == seeds.permute(0))
            #expect(walked != 0)
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test("RandomStream(seeds:replication:stream:) matches RandomStream(seed:)")
    func streamConvenienceInit() {
        let seeds = StreamSeeds(masterSeed: 99)
        let a = RandomStream(seeds: seeds, replication: 5, stream: 3)
        let b = RandomStream(seed: seeds.seed(replication: 5, stream: 3))
        let c = RandomStream(seeds: seeds, replication: 5, stream: 4)
        let drawsA = (0..<100).map { _ in a.uniform() }
        let drawsB = (0..<100).map { _ in b.uniform() }
        let drawsC = (0..<100).map { _ in c.uniform() }
        #expect(drawsA == drawsB)
        #expect(drawsA != drawsC)
    }
}

/// Sorts 32-bit values with a two-pass least-significant-digit radix sort on 16-bit digits.
private func radixSorted(_ input: [UInt32]) -> [UInt32] {
    var source = input
    var target = [UInt32](repeating: 0, count: input.count)
    var counts = [Int](repeating: 0, count: 1 << 16)
    for shift in [UInt32(0), 16] {
        source.withUnsafeBufferPointer { from in
            target.withUnsafeMutableBufferPointer { to in
                counts.withUnsafeMutableBufferPointer { count in
                    for i in 0..<count.count { count[i] = 0 }
                    for value in from { count[Int((value >> shift) & 0xFFFF)] += 1 }
                    var offset = 0
                    for digit in 0..<count.count {
                        let n = count[digit]
                        count[digit] = offset
                        offset += n
                    }
                    for value in from {
                        let digit = Int((value >> shift) & 0xFFFF)
                        to[count[digit]] = value
                        count[digit] += 1
                    }
                }
            }
        }
        swap(&source, &target)
    }
    return source
}
