import EscalationModel
import Experiments
import Scenario

/// The bridge from a batch's plan to the model: the scenario text it stores, loaded once with
/// every variant (or sweep point) and its settings (`Scenario.parseAll`). Experiments runs and
/// stores batches without reading YAML; this is where the command line hands it the YAML layer.
enum PlanCompiler {
    static func compile(_ plan: ExperimentPlan) throws -> [Experiment.Variant] {
        try Scenario.parseAll(
            plan.scenarioText, file: plan.scenarioFile,
            variants: plan.variantNames.map { plan.namedVariants && $0 != Scenario.baselineName ? $0 : nil },
            settings: plan.variantNames.indices.map { plan.settings(ofVariant: $0) }
        ).map { Experiment.Variant(name: $0.name, title: $0.title, draw: $0.draw) }
    }
}

extension ExperimentPlan {
    /// The experiment of this plan, its scenario text compiled by `PlanCompiler`.
    func experiment() throws -> Experiment {
        try experiment(compile: PlanCompiler.compile)
    }
}
