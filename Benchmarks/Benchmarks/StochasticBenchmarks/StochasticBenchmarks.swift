import Benchmark
import Stochastic

/// The draws suite: GSL samplers as the model calls them.
///
/// Each iteration seeds a fresh mt19937 stream (outside the measurement) and takes 1,000,000
/// draws. With `scalingFactor: .mega` the text output reads per draw: wall clock in ns per draw,
/// throughput in draws per second (in M, in steps of 1M), mallocs per draw. The parameters are those the baseline scenario uses, so the
/// figures carry over to the model: GSL switches algorithm with the parameters (Poisson below
/// and above a mean of 10, binomial below and above n p = 14), and both sides are covered.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 2,
        scalingFactor: .mega,
        maxDuration: .seconds(1),
        maxIterations: 50
    )

    /// `Distribution.sample(_:)`: the parameter checks and the switch over families, then GSL.
    let distributions: [(name: String, distribution: Distribution)] = [
        ("exponential-mean1", .exponential(mean: 1)),
        ("gamma-shape2-scale1.5", .gamma(shape: 2, scale: 1.5)),
        ("beta-a4.5-b5.5", .beta(a: 4.5, b: 5.5)),
        ("poisson-mean1", .poisson(mean: 1)),
        ("poisson-mean100", .poisson(mean: 100)),
        ("binomial-n40-p0.05", .binomial(trials: 40, p: 0.05)),
        ("binomial-n5000-p0.01", .binomial(trials: 5000, p: 0.01)),
        ("normal-mean0-sd1", .normal(mean: 0, sd: 1)),
    ]
    for (name, distribution) in distributions {
        Benchmark("sample-\(name)", configuration: configuration) { benchmark in
            let stream = RandomStream(seed: 20_241_127)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(distribution.sample(stream))
            }
        }
    }

    /// `RandomStream`'s own draws, the floor under everything above.
    Benchmark("stream-uniform", configuration: configuration) { benchmark in
        let stream = RandomStream(seed: 20_241_127)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(stream.uniform())
        }
    }
    Benchmark("stream-uniformInt-below1000", configuration: configuration) { benchmark in
        let stream = RandomStream(seed: 20_241_127)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(stream.uniformInt(below: 1_000))
        }
    }
    Benchmark("stream-exponential-mean1", configuration: configuration) { benchmark in
        let stream = RandomStream(seed: 20_241_127)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(stream.exponential(mean: 1))
        }
    }
}
