/// Which of the radix queue's 256 buckets hold entries: one bit each, in four words, so the
/// lowest occupied bucket is found with at most four tests and one trailing-zero count.
@usableFromInline
internal struct _BucketMask: Sendable, Equatable {
    @usableFromInline internal var word0: UInt64 = 0
    @usableFromInline internal var word1: UInt64 = 0
    @usableFromInline internal var word2: UInt64 = 0
    @usableFromInline internal var word3: UInt64 = 0

    @inlinable
    internal init() {}

    /// True if no bucket is occupied.
    @inlinable @inline(__always)
    internal var isEmpty: Bool { (word0 | word1 | word2 | word3) == 0 }

    /// Marks bucket `bucket` (1...256) occupied.
    @inlinable @inline(__always)
    internal mutating func insert(_ bucket: Int) {
        let index = bucket &- 1
        let bit = UInt64(1) &<< UInt64(index & 63)
        switch index >> 6 {
        case 0: word0 |= bit
        case 1: word1 |= bit
        case 2: word2 |= bit
        default: word3 |= bit
        }
    }

    /// Removes and returns the lowest occupied bucket. The mask must not be empty.
    @inlinable @inline(__always)
    internal mutating func removeFirst() -> Int {
        if word0 != 0 {
            let index = word0.trailingZeroBitCount
            word0 &= word0 &- 1
            return index &+ 1
        }
        if word1 != 0 {
            let index = word1.trailingZeroBitCount
            word1 &= word1 &- 1
            return index &+ 65
        }
        if word2 != 0 {
            let index = word2.trailingZeroBitCount
            word2 &= word2 &- 1
            return index &+ 129
        }
        let index = word3.trailingZeroBitCount
        word3 &= word3 &- 1
        return index &+ 193
    }

    /// Whether bucket `bucket` (1...256) is marked (for invariant checks).
    @usableFromInline
    internal func contains(_ bucket: Int) -> Bool {
        let index = bucket - 1
        let word: UInt64
        switch index >> 6 {
        case 0: word = word0
        case 1: word = word1
        case 2: word = word2
        default: word = word3
        }
        return word & (1 << UInt64(index & 63)) != 0
    }
}
