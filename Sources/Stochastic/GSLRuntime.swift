import CGSL

/// Process-wide GSL settings, applied once before the first generator is made.
public enum GSLRuntime {
    /// GSL's default error handler aborts the process. Every parameter is validated before it
    /// reaches GSL, so we turn the handler off and treat GSL's return codes as the only signal.
    private static let configured: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    /// Turns GSL's abort-on-error handler off (idempotent, thread-safe via lazy static init).
    public static func prepare() {
        _ = configured
    }

    /// The GSL version this binary runs against, e.g. "2.7.1".
    public static var version: String {
        String(cString: escsim_gsl_version())
    }

    /// The generator every stream uses.
    public static let generatorName = "mt19937"
}
