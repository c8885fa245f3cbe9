import DiscreteEvent
import EscalationModel
import Stochastic

/// SHA-256 as specified in FIPS PUB 180-4, "Secure Hash Standard (SHS)", NIST, August 2015
/// (https://doi.org/10.6028/NIST.FIPS.180-4). Section numbers below refer to that document.
///
/// Used to fingerprint scenario files and outputs, not for anything secret: the code is plain
/// and makes no attempt at constant-time behaviour.
public enum SHA256 {
    /// The 32-byte SHA-256 digest of `bytes`.
    public static func digest(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        if let digest = bytes.withContiguousStorageIfAvailable({ hash($0) }) {
            return digest
        }
        return Array(bytes).withUnsafeBufferPointer { hash($0) }
    }

    /// The digest of `bytes` as 64 lowercase hexadecimal digits, the usual printed form
    /// (what `sha256sum` prints).
    public static func hexDigest(_ bytes: some Sequence<UInt8>) -> String {
        hex(digest(bytes))
    }

    static func hex(_ digest: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// K₀…K₆₃ (§4.2.2): the first 32 bits of the fractional parts of the cube roots of the
    /// first 64 primes.
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5,
        0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
        0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
        0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
        0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
        0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
        0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// H⁽⁰⁾ (§5.3.3): the first 32 bits of the fractional parts of the square roots of the
    /// first 8 primes.
    private static let initialHash: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]

    /// Hashes a whole message held in memory.
    private static func hash(_ message: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var hasher = Hasher()
        hasher.update(message)
        return hasher.finalize()
    }

    /// A digest computed piece by piece, for files written in pieces (the same digest as
    /// `digest` of the whole message).
    public struct Hasher {
        private var state = State()
        /// Bytes not yet making a whole 64-byte block.
        private var pending: [UInt8] = []
        private var length: UInt64 = 0

        public init() {
            pending.reserveCapacity(64)
        }

        public mutating func update(_ bytes: some Sequence<UInt8>) {
            if bytes.withContiguousStorageIfAvailable({ update($0) }) == nil {
                Array(bytes).withUnsafeBufferPointer { update($0) }
            }
        }

        mutating func update(_ message: UnsafeBufferPointer<UInt8>) {
            length &+= UInt64(message.count)
            var offset = 0
            // Top up a partial block first.
            if !pending.isEmpty {
                let take = min(64 - pending.count, message.count)
                pending.append(contentsOf: message[0..<take])
                offset = take
                if pending.count == 64 {
                    pending.withUnsafeBufferPointer { state.compress($0[0..<64]) }
                    pending.removeAll(keepingCapacity: true)
                }
            }
            // Every complete 64-byte block straight from the message.
            while message.count - offset >= 64 {
                state.compress(message[offset..<(offset + 64)])
                offset += 64
            }
            pending.append(contentsOf: message[offset...])
        }

        /// The digest of everything given to `update` so far (the hasher can go on).
        public func finalize() -> [UInt8] {
            var state = self.state
            // Padding (§5.1.1): the remaining bytes, a 1 bit, zeros up to 448 mod 512 bits, then
            // the message length in bits as a 64-bit big-endian integer: one or two more blocks.
            var tail = pending
            tail.append(0x80)
            while tail.count % 64 != 56 {
                tail.append(0)
            }
            let bitLength = length &* 8
            for shift in stride(from: 56, through: 0, by: -8) {
                tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
            }
            tail.withUnsafeBufferPointer { padded in
                var offset = 0
                while offset < padded.count {
                    state.compress(padded[offset..<(offset + 64)])
                    offset += 64
                }
            }
            // H⁽ᴺ⁾ as big-endian bytes is the digest (§6.2.2).
            var digest: [UInt8] = []
            digest.reserveCapacity(32)
            for word in state.hash {
                digest.append(UInt8(truncatingIfNeeded: word >> 24))
                digest.append(UInt8(truncatingIfNeeded: word >> 16))
                digest.append(UInt8(truncatingIfNeeded: word >> 8))
                digest.append(UInt8(truncatingIfNeeded: word))
            }
            return digest
        }

        /// The digest as 64 lowercase hexadecimal digits.
        public func finalizeHex() -> String {
            SHA256.hex(finalize())
        }
    }

    /// The chaining value H⁽ⁱ⁾ and a reusable message-schedule buffer.
    private struct State {
        var hash = SHA256.initialHash
        var schedule = [UInt32](repeating: 0, count: 64)

        /// One application of the SHA-256 compression function to a 64-byte block (§6.2.2).
        mutating func compress(_ block: Slice<UnsafeBufferPointer<UInt8>>) {
            let start = block.startIndex
            // Step 1: the message schedule W₀…W₆₃.
            for t in 0..<16 {
                let i = start + 4 * t
                schedule[t] = UInt32(block[i]) << 24 | UInt32(block[i + 1]) << 16
                    | UInt32(block[i + 2]) << 8 | UInt32(block[i + 3])
            }
            for t in 16..<64 {
                schedule[t] = smallSigma1(schedule[t - 2]) &+ schedule[t - 7]
                    &+ smallSigma0(schedule[t - 15]) &+ schedule[t - 16]
            }
            // Step 2: working variables from the previous hash value.
            var a = hash[0], b = hash[1], c = hash[2], d = hash[3]
            var e = hash[4], f = hash[5], g = hash[6], h = hash[7]
            // Step 3: 64 rounds.
            for t in 0..<64 {
                let t1 = h &+ bigSigma1(e) &+ choose(e, f, g) &+ SHA256.roundConstants[t] &+ schedule[t]
                let t2 = bigSigma0(a) &+ majority(a, b, c)
                h = g
                g = f
                f = e
                e = d &+ t1
                d = c
                c = b
                b = a
                a = t1 &+ t2
            }
            // Step 4: the intermediate hash value H⁽ⁱ⁾.
            hash[0] &+= a
            hash[1] &+= b
            hash[2] &+= c
            hash[3] &+= d
            hash[4] &+= e
            hash[5] &+= f
            hash[6] &+= g
            hash[7] &+= h
        }
    }
}

// The six logical functions of §4.1.2, with ROTRⁿ (§3.2) as `rotateRight`.

private func rotateRight(_ x: UInt32, _ n: UInt32) -> UInt32 {
    (x >> n) | (x << (32 - n))
}

/// Ch(x, y, z) = (x ∧ y) ⊕ (¬x ∧ z) (§4.1.2, eq. 4.2).
private func choose(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 {
    (x & y) ^ (~x & z)
}

/// Maj(x, y, z) = (x ∧ y) ⊕ (x ∧ z) ⊕ (y ∧ z) (§4.1.2, eq. 4.3).
private func majority(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 {
    (x & y) ^ (x & z) ^ (y & z)
}

/// Σ₀(x) = ROTR²(x) ⊕ ROTR¹³(x) ⊕ ROTR²²(x) (§4.1.2, eq. 4.4).
private func bigSigma0(_ x: UInt32) -> UInt32 {
    rotateRight(x, 2) ^ rotateRight(x, 13) ^ rotateRight(x, 22)
}

/// Σ₁(x) = ROTR⁶(x) ⊕ ROTR¹¹(x) ⊕ ROTR²⁵(x) (§4.1.2, eq. 4.5).
private func bigSigma1(_ x: UInt32) -> UInt32 {
    rotateRight(x, 6) ^ rotateRight(x, 11) ^ rotateRight(x, 25)
}

/// σ₀(x) = ROTR⁷(x) ⊕ ROTR¹⁸(x) ⊕ SHR³(x) (§4.1.2, eq. 4.6).
private func smallSigma0(_ x: UInt32) -> UInt32 {
    rotateRight(x, 7) ^ rotateRight(x, 18) ^ (x >> 3)
}

/// σ₁(x) = ROTR¹⁷(x) ⊕ ROTR¹⁹(x) ⊕ SHR¹⁰(x) (§4.1.2, eq. 4.7).
private func smallSigma1(_ x: UInt32) -> UInt32 {
    rotateRight(x, 17) ^ rotateRight(x, 19) ^ (x >> 10)
}
