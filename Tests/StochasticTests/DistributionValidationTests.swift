import Stochastic
import Testing

/// An invalid distribution and a fragment its first validation message must contain.
struct InvalidCase: Sendable, CustomTestStringConvertible {
    let distribution: Distribution
    let expected: String
    var testDescription: String { distribution.description }

    init(_ distribution: Distribution, _ expected: String) {
        self.distribution = distribution
        self.expected = expected
    }
}

private let nan = Double.nan
private let infinity = Double.infinity

let invalidCases: [InvalidCase] = [
    InvalidCase(.fixed(nan), "fixed value must be finite, got nan"),
    InvalidCase(.fixed(-infinity), "fixed value must be finite, got -inf"),
    InvalidCase(.uniform(low: 3, high: 1), "uniform low must be less than high, got low 3 and high 1"),
    InvalidCase(.uniform(low: 2, high: 2), "uniform low must be less than high"),
    InvalidCase(.uniform(low: 0, high: infinity), "uniform high must be finite, got inf"),
    InvalidCase(.uniform(low: -1e308, high: 1e308), "uniform has a mean or variance that does not fit"),
    InvalidCase(.exponential(mean: 0), "exponential mean must be positive and finite, got 0"),
    InvalidCase(.exponential(mean: -2), "exponential mean must be positive and finite, got -2"),
    InvalidCase(.gamma(shape: -1, scale: 3), "gamma shape must be positive and finite, got -1"),
    InvalidCase(.gamma(shape: 1, scale: nan), "gamma scale must be positive and finite, got nan"),
    InvalidCase(.lognormal(mu: infinity, sigma: 1), "lognormal mu must be finite, got inf"),
    InvalidCase(.lognormal(mu: 0, sigma: 0), "lognormal sigma must be positive and finite, got 0"),
    InvalidCase(.lognormal(mu: 0, sigma: 30), "lognormal has a mean or variance that does not fit"),
    InvalidCase(.normal(mean: nan, sd: 1), "normal mean must be finite, got nan"),
    InvalidCase(.normal(mean: 0, sd: -1), "normal sd must be positive and finite, got -1"),
    InvalidCase(
        .truncatedNormal(mean: 0, sd: 0, low: -1, high: 1),
        "truncatedNormal sd must be positive and finite, got 0"),
    InvalidCase(
        .truncatedNormal(mean: 0, sd: 1, low: 2, high: 1),
        "truncatedNormal low must be less than high, got low 2 and high 1"),
    InvalidCase(
        .truncatedNormal(mean: 0, sd: 1, low: -infinity, high: infinity),
        "truncatedNormal needs at least one finite bound"),
    InvalidCase(
        .truncatedNormal(mean: 0, sd: 1, low: infinity, high: infinity),
        "truncatedNormal low must be finite or -inf, got inf"),
    InvalidCase(
        .truncatedNormal(mean: 0, sd: 1, low: 0, high: nan),
        "truncatedNormal high must be finite or +inf, got nan"),
    InvalidCase(
        .truncatedNormal(mean: 0, sd: 1, low: 8, high: infinity),
        "truncatedNormal interval [8, inf] holds only"),
    InvalidCase(
        .truncatedNormal(mean: 100, sd: 1, low: -infinity, high: 0),
        "truncatedNormal interval [-inf, 0] holds only 0 of normal(mean: 100, sd: 1)"),
    InvalidCase(.beta(a: 0, b: 1), "beta a must be positive and finite, got 0"),
    InvalidCase(.beta(a: 1, b: infinity), "beta b must be positive and finite, got inf"),
    InvalidCase(.triangular(low: 0, mode: 2, high: 1), "triangular mode must lie in [low, high] = [0, 1], got 2"),
    InvalidCase(.triangular(low: 1, mode: 1, high: 1), "triangular low must be less than high"),
    InvalidCase(.triangular(low: 0, mode: nan, high: 1), "triangular mode must be finite, got nan"),
    InvalidCase(.poisson(mean: -1), "poisson mean must be positive and finite, got -1"),
    InvalidCase(.poisson(mean: 2e9), "poisson mean must be at most 1000000000, got 2000000000"),
    InvalidCase(.binomial(trials: -1, p: 0.5), "binomial trials must be non-negative, got -1"),
    InvalidCase(.binomial(trials: 1 << 40, p: 0.5), "binomial trials must be at most 4294967295"),
    InvalidCase(.binomial(trials: 10, p: 1.5), "binomial p must be in [0, 1], got 1.5"),
    InvalidCase(
        .negativeBinomial(successes: 0, p: 0.5),
        "negativeBinomial successes must be positive and finite, got 0"),
    InvalidCase(.negativeBinomial(successes: 2, p: 0), "negativeBinomial p must be in (0, 1], got 0"),
    InvalidCase(
        .negativeBinomial(successes: 1e6, p: 1e-6), "negativeBinomial mean successes (1 - p) / p must be at most"),
    InvalidCase(.bernoulli(p: -0.1), "bernoulli p must be in [0, 1], got -0.1"),
    InvalidCase(.bernoulli(p: nan), "bernoulli p must be in [0, 1], got nan"),
    InvalidCase(.categorical(values: [], weights: []), "categorical needs at least one value"),
    InvalidCase(
        .categorical(values: [1, 2], weights: [1]),
        "categorical needs one weight per value, got 2 values and 1 weights"),
    InvalidCase(
        .categorical(values: [1, 2, 3], weights: [1, -1, -2]),
        "categorical weights must be non-negative and finite, got -1 at index 1 (2 such weights)"),
    InvalidCase(.categorical(values: [1, 2], weights: [0, 0]), "categorical weights must not all be zero"),
    InvalidCase(
        .categorical(values: [1, nan], weights: [1, 1]), "categorical values must be finite, got nan at index 1"),
    InvalidCase(
        .categorical(values: [1, 2], weights: [1e308, 1e308]), "categorical weights must have a finite sum"),
]

@Suite("Distribution validation")
struct DistributionValidationTests {
    @Test("invalid parameters are rejected with a clear message", arguments: invalidCases)
    func rejectsInvalidParameters(_ testCase: InvalidCase) {
        let problems = testCase.distribution.validate()
        #expect(!problems.isEmpty)
        #expect(!testCase.distribution.isValid)
        let first = problems.first?.message ?? ""
        #expect(first.contains(testCase.expected), "got: \(first)")
        for problem in problems {
            #expect(problem.message.hasPrefix(testCase.distribution.familyName + " "))
            #expect(problem.description == problem.message)
        }
    }

    @Test("every problem is reported, not just the first")
    func reportsAllProblems() {
        #expect(
            Distribution.gamma(shape: -1, scale: 3).validate()
                == [DistributionError(message: "gamma shape must be positive and finite, got -1")])
        #expect(Distribution.gamma(shape: -1, scale: 0).validate().count == 2)
        #expect(Distribution.triangular(low: nan, mode: nan, high: nan).validate().count == 3)
        #expect(Distribution.categorical(values: [nan], weights: [1, -1]).validate().count == 3)
        #expect(Distribution.truncatedNormal(mean: nan, sd: -1, low: 2, high: 1).validate().count == 3)
    }

    @Test("the families in the moment tests all validate", arguments: momentCases)
    func validCasesPass(_ testCase: MomentCase) {
        #expect(testCase.distribution.validate() == [])
    }

    @Test("degenerate but valid edge cases validate and sample correctly")
    func validEdgeCases() {
        let stream = RandomStream(seed: 11)
        let cases: [(Distribution, Double)] = [
            (.binomial(trials: 0, p: 0.5), 0),
            (.binomial(trials: 7, p: 0), 0),
            (.binomial(trials: 7, p: 1), 7),
            (.bernoulli(p: 0), 0),
            (.bernoulli(p: 1), 1),
            (.negativeBinomial(successes: 3, p: 1), 0),
            (.categorical(values: [4, 5, 6], weights: [0, 2.5, 0]), 5),
        ]
        for (distribution, value) in cases {
            #expect(distribution.validate() == [], "\(distribution)")
            #expect(distribution.samples(200, from: stream).allSatisfy { $0 == value }, "\(distribution)")
            #expect(distribution.mean == value, "\(distribution)")
            #expect(distribution.variance == 0, "\(distribution)")
        }
        // The smallest interval mass that is accepted, and one just below.
        #expect(Distribution.truncatedNormal(mean: 0, sd: 1, low: 7, high: .infinity).isValid)
        #expect(!Distribution.truncatedNormal(mean: 0, sd: 1, low: 7.1, high: .infinity).isValid)
    }

    @Test("mean/sd constructors reject impossible requests")
    func meanSDConstructorsThrow() {
        #expect(throws: DistributionError(message: "gamma mean must be positive and finite, got -1")) {
            try Distribution.gamma(mean: -1, sd: 1)
        }
        #expect(throws: DistributionError(message: "gamma sd must be positive and finite, got 0")) {
            try Distribution.gamma(mean: 1, sd: 0)
        }
        #expect(throws: DistributionError(message: "beta mean must lie strictly between 0 and 1, got 1.2")) {
            try Distribution.beta(mean: 1.2, sd: 0.1)
        }
        #expect(
            throws: DistributionError(
                message: "beta sd must satisfy sd^2 < mean (1 - mean) = 0.25, got sd 0.5")
        ) {
            try Distribution.beta(mean: 0.5, sd: 0.5)
        }
        #expect(throws: DistributionError(message: "lognormal mean must be positive and finite, got 0")) {
            try Distribution.lognormal(mean: 0, sd: 1)
        }
        #expect(throws: DistributionError(message: "lognormal sd must be positive and finite, got nan")) {
            try Distribution.lognormal(mean: 1, sd: .nan)
        }
    }

    /// Nothing invalid may reach GSL: for a grid of awkward parameter values, every
    /// combination that `validate()` accepts must sample finite values inside its support,
    /// and every one it rejects must be refused by `sample` (checked by the exit tests below).
    @Test("sampling whatever validate() accepts from a grid of awkward values stays in support")
    func awkwardGrid() {
        let awkward: [Double] = [-.infinity, -1e300, -1, -0.0, 0, 1e-300, 0.3, 1, 2.5, 1e300, .infinity, .nan]
        var candidates: [Distribution] = []
        for x in awkward {
            candidates += [
                .fixed(x), .exponential(mean: x), .poisson(mean: x), .bernoulli(p: x),
                .binomial(trials: 5, p: x),
            ]
            for y in awkward {
                candidates += [
                    .uniform(low: x, high: y), .gamma(shape: x, scale: y), .lognormal(mu: x, sigma: y),
                    .normal(mean: x, sd: y), .beta(a: x, b: y), .negativeBinomial(successes: x, p: y),
                    .categorical(values: [x, y], weights: [x, y]),
                    .truncatedNormal(mean: 0, sd: 1, low: x, high: y),
                    .truncatedNormal(mean: x, sd: y, low: 0, high: .infinity),
                    .triangular(low: x, mode: y, high: 2.5),
                ]
            }
        }
        let stream = RandomStream(seed: 5)
        var accepted = 0
        for distribution in candidates where distribution.isValid {
            accepted += 1
            for x in distribution.samples(20, from: stream) {
                #expect(x.isFinite, "\(distribution) drew \(x)")
                if case .truncatedNormal(_, _, let low, let high) = distribution {
                    #expect(low <= x && x <= high, "\(distribution) drew \(x)")
                }
            }
        }
        #expect(accepted > 50)
        #expect(accepted < candidates.count)
    }

    /// Every invalid case except those whose only fault is an overflowing mean or variance
    /// (which `sample` does not re-check on each draw) must stop the process in `sample`
    /// before GSL is called. Each runs in a child process (a Swift Testing exit test).
    @Test(
        "sample refuses invalid parameters instead of passing them to GSL",
        arguments: invalidCases.indices.filter { !invalidCases[$0].expected.contains("does not fit") }
    )
    func sampleTrapsOnInvalidParameters(_ index: Int) async {
        await #expect(processExitsWith: .failure) { [index] in
            _ = invalidCases[index].distribution.sample(RandomStream(seed: 1))
        }
    }

    @Test("two streams with the same seed give identical sequences", arguments: momentCases)
    func reproducible(_ testCase: MomentCase) {
        let a = RandomStream(seed: 424_242)
        let b = RandomStream(seed: 424_242)
        let first = testCase.distribution.samples(2_000, from: a)
        let second = testCase.distribution.samples(2_000, from: b)
        #expect(first == second)
    }

    @Test("descriptions, family names and discreteness")
    func presentation() {
        #expect(Distribution.gamma(shape: 2, scale: 3).description == "gamma(shape: 2, scale: 3)")
        #expect(Distribution.fixed(1.5).description == "fixed(1.5)")
        #expect(
            Distribution.truncatedNormal(mean: 0, sd: 1, low: -.infinity, high: 0.25).description
                == "truncatedNormal(mean: 0, sd: 1, low: -inf, high: 0.25)")
        #expect(Distribution.binomial(trials: 10, p: 0.1).description == "binomial(trials: 10, p: 0.1)")
        #expect(
            Distribution.categorical(values: [1, 2], weights: [0.25, 0.75]).description
                == "categorical(values: [1, 2], weights: [0.25, 0.75])")
        #expect(Distribution.negativeBinomial(successes: 2, p: 0.5).familyName == "negativeBinomial")
        #expect(Distribution.lognormal(mu: 0, sigma: 1).familyName == "lognormal")
        let discrete = momentCases.filter { $0.distribution.isDiscrete }.map(\.distribution.familyName)
        #expect(Set(discrete) == ["fixed", "poisson", "binomial", "negativeBinomial", "bernoulli", "categorical"])
        let families = Set(momentCases.map(\.distribution.familyName))
        #expect(families.count == 14)
    }
}
