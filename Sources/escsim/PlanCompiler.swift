import EscalationModel
import Experiments
import Scenario

/// The bridge from a batch's plan to the model: the scenario text it stores, loaded once with
/// every variant (or sweep point) and its settings (`Scenario.parseAll`). Experiments runs and
/// stores batches without reading YAML; this is where the command line hands it the YAML layer.
enum PlanCompiler {
    static func compile(_ plan: ExperimentPlan) throws -> [Experiment.Variant] {
        let scenarios = try Scenario.parseAll(
            plan.scenarioText, file: plan.scenarioFile,
            variants: plan.variantNames.indices.map(plan.appliedVariant(ofVariant:)),
            settings: plan.variantNames.indices.map { plan.settings(ofVariant: $0) },
            engine: ScenarioEngine(file: plan.engineFile, text: plan.engineText))
        guard let text = plan.posteriorText, let baseline = scenarios.first else {
            return scenarios.map { Experiment.Variant(name: $0.name, title: $0.title, draw: $0.draw) }
        }
        let posterior = try PosteriorFile.parse(
            text, file: plan.posteriorFile ?? "posterior.csv", uncertainPaths: baseline.uncertainParameters.map(\.path),
            scenarioName: baseline.name)
        let priors = Dictionary(
            baseline.uncertainParameters.map { ($0.path, $0.distribution) }, uniquingKeysWith: { first, _ in first })
        return scenarios.map { scenario in
            // A variant that gives a calibrated number another distribution (or fixes it) keeps
            // its own: the posterior replaces only priors the variant left as they were.
            let kept = posterior.paths.indices.filter { column in
                scenario.uncertainParameters.contains {
                    $0.path == posterior.paths[column] && $0.distribution == priors[$0.path]
                }
            }
            let restricted =
                kept.isEmpty
                ? nil
                : PosteriorSample(
                    paths: kept.map { posterior.paths[$0] },
                    particles: posterior.particles.map { particle in kept.map { particle[$0] } },
                    weights: posterior.weights)
            return Experiment.Variant(
                name: scenario.name, title: scenario.title, draw: scenario.draw.with(posterior: restricted))
        }
    }
}

extension ExperimentPlan {
    /// The experiment of this plan, its scenario text compiled by `PlanCompiler`.
    func experiment() throws -> Experiment {
        try experiment(compile: PlanCompiler.compile)
    }
}
