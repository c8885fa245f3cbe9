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
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5,
        0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3,
        0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc,
        0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
        0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13,
        0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3,
        0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5,
        0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208,
        0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// H⁽⁰⁾ (§5.3.3): the first 32 bits of the fractional parts of the square roots of the
    /// first 8 primes.
    private static let initialHash: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
        0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
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
                schedule[t] =
                    UInt32(block[i]) << 24 | UInt32(block[i + 1]) << 16
                    | UInt32(block[i + 2]) << 8 | UInt32(block[i + 3])
            }
            for t in 16..<64 {
                schedule[t] =
                    smallSigma1(schedule[t - 2]) &+ schedule[t - 7]
                    &+ smallSigma0(schedule[t - 15]) &+ schedule[t - 16]
            }
            // Step 2: working variables from the previous hash value.
            var a = hash[0]
            var b = hash[1]
            var c = hash[2]
            var d = hash[3]
            var e = hash[4]
            var f = hash[5]
            var g = hash[6]
            var h = hash[7]
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
