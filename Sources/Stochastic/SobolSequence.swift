import CGSL

/// Sobol's low-discrepancy sequence in the unit hypercube, from GSL's `gsl_qrng_sobol`
/// (Sobol 1967, "On the distribution of points in a cube and the approximate evaluation of
/// integrals", USSR Comput. Math. Math. Phys. 7(4):86-112; GSL's implementation follows
/// Bratley & Fox 1988, ACM TOMS 14(1):88-100, Algorithm 659).
///
/// A quasi-random sequence fills the cube far more evenly than independent draws, so the
/// integrals behind variance-based sensitivity indices converge at close to 1/N instead of
/// 1/sqrt(N). It is fully deterministic: there is no seed, and the i-th point of a sequence in
/// `d` dimensions is always the same. GSL starts with the point (0.5, ..., 0.5), skipping the
/// origin, and supports at most `maximumDimensions` dimensions.
///
/// The generator state is a C object owned by this instance and freed on `deinit`; like
/// `RandomStream`, an instance is not `Sendable`.
public final class SobolSequence {
    /// GSL's limit for `gsl_qrng_sobol` (`SOBOL_MAX_DIMENSION` in GSL's qrng/sobol.c).
    public static let maximumDimensions = 40

    /// Number of coordinates per point.
    public let dimensions: Int

    private let generator: UnsafeMutablePointer<gsl_qrng>

    /// A sequence in `dimensions` dimensions, positioned at its first point.
    ///
    /// - Precondition: `1 <= dimensions <= maximumDimensions`.
    public init(dimensions: Int) {
        precondition(
            (1...Self.maximumDimensions).contains(dimensions),
            "a Sobol sequence has 1 to \(Self.maximumDimensions) dimensions, got \(dimensions)")
        GSLRuntime.prepare()
        guard let generator = gsl_qrng_alloc(escsim_gsl_qrng_sobol(), UInt32(dimensions)) else {
            fatalError("gsl_qrng_alloc failed: out of memory")
        }
        self.dimensions = dimensions
        self.generator = generator
    }

    deinit {
        gsl_qrng_free(generator)
    }

    /// The next point; every coordinate lies in [0, 1).
    public func next() -> [Double] {
        var point = [Double](repeating: 0, count: dimensions)
        let status = point.withUnsafeMutableBufferPointer { gsl_qrng_get(generator, $0.baseAddress) }
        precondition(status == 0, "gsl_qrng_get failed with status \(status)")
        return point
    }

    /// The first `count` points of the sequence in `dimensions` dimensions, `points[i][d]`.
    public static func points(count: Int, dimensions: Int) -> [[Double]] {
        precondition(count >= 0, "number of points must be non-negative, got \(count)")
        let sequence = SobolSequence(dimensions: dimensions)
        return (0..<count).map { _ in sequence.next() }
    }
}
