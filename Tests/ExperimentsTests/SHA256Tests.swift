import Experiments
import Testing

@Suite struct SHA256Tests {
    // Expected digests: the FIPS 180-4 example vectors (NIST CSRC "Examples with
    // Intermediate Values", SHA-256) and the long-message vector of one million 'a'.

    @Test func emptyMessage() {
        #expect(
            SHA256.hexDigest([UInt8]())
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        )
    }

    @Test func abc() {
        #expect(
            SHA256.hexDigest("abc".utf8)
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
    }

    @Test func twoBlockMessage() {
        // 448 bits: padding spills into a second block.
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(
            SHA256.hexDigest(message.utf8)
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
    }

    @Test func oneMillionA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(
            SHA256.hexDigest(message)
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        )
    }

    @Test func exactlyOneBlock() {
        // 64 'a': the padding fills a whole second block (checked against coreutils sha256sum).
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 64)
        #expect(
            SHA256.hexDigest(message)
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"
        )
    }

    @Test func nonContiguousSequenceMatchesArray() {
        // A lazy sequence has no contiguous storage, so this takes the copying path.
        let lazy = (0..<1000).lazy.map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(SHA256.digest(lazy) == SHA256.digest(Array(lazy)))
    }

    @Test func paddingBoundaryLengthsGiveDistinctDigests() {
        // Lengths around 55/56/64 bytes exercise every padding case.
        var seen = Set<[UInt8]>()
        for length in [55, 56, 57, 63, 64, 65, 119, 120] {
            let digest = SHA256.digest([UInt8](repeating: 0x61, count: length))
            #expect(digest.count == 32)
            seen.insert(digest)
        }
        #expect(seen.count == 8)
    }

    @Test func piecewiseHashingMatchesTheWholeMessage() {
        // Pieces of 0..130 bytes cross block boundaries in every phase; the message is the
        // one-million-'a' vector's first 10,007 bytes with varying content.
        let message = (0..<10_007).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256.Hasher()
        var offset = 0
        var size = 0
        while offset < message.count {
            let end = min(message.count, offset + size)
            hasher.update(message[offset..<end])
            offset = end
            size = (size + 13) % 131
        }
        #expect(hasher.finalizeHex() == SHA256.hexDigest(message))
    }
}
