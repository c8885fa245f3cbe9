import Stochastic

/// Every observation of a file scored against the runs of one variant, and the totals per kind.
public struct ScoreCard: Sendable {
    public var scores: [ObservationScore]

    /// The totals of one kind of observation.
    public struct Total: Sendable, Hashable {
        public var kind: Observation.Kind
        public var count: Int
        /// Events: the mean CRPS, in days. Quantities: the median of each CRPS divided by its
        /// observed value (at least 1), so that quantities of different units can be put together;
        /// the median, because an observed 0 makes one ratio huge. NaN for facts.
        public var typicalCRPS: Double
        /// Mean Brier score (facts only).
        public var meanBrier: Double
        /// Share of observations inside the model's 90% interval (facts: given the larger share).
        public var coverage: Double
    }

    public init(scores: [ObservationScore]) {
        self.scores = scores
    }

    /// Scores `observations` against `runs`. `censor(run)` is the model time a run ended: an
    /// event that never came in it counts as coming then. `seed` drives the draws of the
    /// measurement models and the PIT's tie-breaking, so a card is the same every time.
    public static func score(
        _ observations: [Observation], runs: [some RunValues], censor: (Int) -> Double, seed: UInt64
    ) -> ScoreCard {
        var scores: [ObservationScore] = []
        for (index, observation) in observations.enumerated() {
            // Each observation its own seeds, so adding one leaves the others' scores alone.
            let seeds = StreamSeeds(masterSeed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
            let stream = RandomStream(seed: seeds.seed(replication: 0, stream: 0))
            var sample: [Double] = []
            sample.reserveCapacity(runs.count)
            for (position, run) in runs.enumerated() {
                stream.reseed(seeds.seed(replication: position % StreamSeeds.maxReplications, stream: 1))
                // A fact judged only where its condition holds leaves the other runs out.
                guard observation.applies(to: run) == true else { continue }
                if let value = observation.modelValue(in: run, horizon: censor(position), stream: stream) {
                    sample.append(value)
                }
            }
            stream.reseed(seeds.seed(replication: 0, stream: 2))
            scores.append(score(observation, sample: sample, stream: stream))
        }
        return ScoreCard(scores: scores)
    }

    /// One observation against the model's sample of it.
    static func score(_ observation: Observation, sample: [Double], stream: RandomStream) -> ObservationScore {
        var result = ObservationScore(
            observation: observation, runs: sample.count, median: .nan, low90: .nan, high90: .nan, pit: .nan,
            crps: .nan, probability: .nan, brier: .nan, covered: false)
        guard !sample.isEmpty else { return result }
        switch observation.fact {
        case .binary(_, let happened):
            let p = sample.reduce(0, +) / Double(sample.count)
            result.probability = p
            result.brier = ForecastScore.brier(happened: sample.map { $0 == 1 }, observed: happened)
            result.covered = happened ? p >= 0.5 : p <= 0.5
        case .event, .quantity:
            let observed = result.observed
            let interval = ForecastScore.interval(sample: sample, level: 0.9, observation: observed.low)
            result.low90 = interval.low
            result.high90 = interval.high
            result.median = SampleSummary(sample).p50
            result.covered = interval.low <= observed.high && observed.low <= interval.high
            let y =
                observed.low == observed.high
                ? observed.low : observed.low + (observed.high - observed.low) * stream.uniform()
            result.pit = ForecastScore.pit(sample: sample, observation: y, stream: stream)
            result.crps = ForecastScore.crps(sample: sample, observationBetween: observed.low, and: observed.high)
        }
        return result
    }

    /// The case's qualitative checks (`check: true` facts), in file order.
    public var checks: [ObservationScore] {
        scores.filter(\.observation.isCheck)
    }

    /// The totals of each kind present, in the order event, quantity, fact.
    public var totals: [Total] {
        Observation.Kind.allCases.compactMap { kind in
            let scored = scores.filter { $0.observation.kind == kind && $0.runs > 0 }
            guard !scored.isEmpty else { return nil }
            func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
            let crps: Double
            switch kind {
            case .event: crps = mean(scored.map(\.crps))
            case .quantity:
                let ratios = scored.map { $0.crps / max(1, abs(($0.observed.low + $0.observed.high) / 2)) }.sorted()
                crps =
                    ratios.count % 2 == 1
                    ? ratios[ratios.count / 2] : (ratios[ratios.count / 2 - 1] + ratios[ratios.count / 2]) / 2
            case .fact: crps = .nan
            }
            return Total(
                kind: kind, count: scored.count, typicalCRPS: crps,
                meanBrier: kind == .fact ? mean(scored.map(\.brier)) : .nan,
                coverage: Double(scored.filter(\.covered).count) / Double(scored.count))
        }
    }
}
