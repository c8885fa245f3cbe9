import CGSL

/// One independent sequence of random numbers, backed by a GSL Mersenne Twister (mt19937).
///
/// A stream owns its `gsl_rng` and frees it on `deinit`. It is deliberately not `Sendable`:
/// each replication creates the streams it uses, so nothing random is shared between threads.
///
/// mt19937 (Matsumoto & Nishimura 1998) is GSL's default generator: period 2^19937 - 1,
/// equidistributed in 623 dimensions, and about as fast as any generator GSL offers. It takes a
/// 32-bit seed, which is why `StreamSeeds` derives 32-bit seeds that are never zero
/// (GSL replaces seed 0 with 4357, so zero would silently alias another stream).
public final class RandomStream {
    @usableFromInline
    let rng: UnsafeMutablePointer<gsl_rng>

    /// Creates a stream seeded with `seed`, which must not be zero.
    public init(seed: UInt32) {
        precondition(seed != 0, "RandomStream seed must be non-zero: GSL maps 0 to 4357")
        GSLRuntime.prepare()
        guard let rng = gsl_rng_alloc(escsim_gsl_rng_mt19937()) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        gsl_rng_set(rng, UInt(seed))
        self.rng = rng
    }

    deinit {
        gsl_rng_free(rng)
    }

    /// Starts the stream over from `seed` (non-zero): afterwards it draws exactly what a new
    /// `RandomStream(seed: seed)` would, without allocating a generator.
    public func reseed(_ seed: UInt32) {
        precondition(seed != 0, "RandomStream seed must be non-zero: GSL maps 0 to 4357")
        gsl_rng_set(rng, UInt(seed))
    }

    /// A uniform draw on the open interval (0, 1).
    @inlinable
    public func uniform() -> Double {
        gsl_rng_uniform_pos(rng)
    }

    /// A uniform integer in `0..<n`; `n` must be positive.
    @inlinable
    public func uniformInt(below n: Int) -> Int {
        precondition(n > 0, "uniformInt(below:) needs a positive bound")
        return Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    /// An exponential draw with the given mean (GSL parameterises by mean, not rate).
    @inlinable
    public func exponential(mean: Double) -> Double {
        gsl_ran_exponential(rng, mean)
    }
}
