import EscalationModel
import Foundation

extension BatchOutput {
    /// A design's global sensitivity from the batch in memory: the same analysis, and the same
    /// bytes, as `escsim sensitivity DIR` reading the folder's CSV files. Nil without a design;
    /// the analysis's refusal (e.g. a Sobol design whose every run failed at some point) as text.
    static func designSensitivity(
        _ experiment: Experiment, store: ColumnStore, masks: [[Bool]]
    ) -> Swift.Result<DesignSensitivity.Tables, ExperimentError>? {
        guard let design = experiment.design else { return nil }
        let layout = experiment.layout
        let drawn = drawnParameters(of: experiment)
        var replications: [DesignSensitivity.Replication] = []
        for (variant, name) in experiment.variantNames.enumerated() {
            let indices = store.column(variant: variant, field: RecordLayout.HeaderField.replication.rawValue)
            let outcomes = layout.outcomes.indices.map {
                store.column(variant: variant, field: layout.outcomeOffset + $0)
            }
            let draws = drawn.map { store.column(variant: variant, field: layout.parameterOffset + $0) }
            for record in indices.indices where masks[variant][record] {
                replications.append(
                    .init(
                        variant: name, replication: Int(indices[record]), outcomes: outcomes.map { $0[record] },
                        draws: draws.map { $0[record] }))
            }
        }
        let experiments = experiment.variantNames.indices.map { index in
            DesignSensitivity.Experiment(
                variant: experiment.variantNames[index], point: design.point(ofExperiment: index) + 1,
                policy: design.policy(ofExperiment: index),
                sweptValues: design.parameters.map { experiment.sweptValues[index][$0.path] ?? .nan })
        }
        let analysis = DesignSensitivity(
            method: .init(design), parameters: design.parameters.map(DesignSensitivity.Parameter.init),
            experiments: experiments, outcomeNames: layout.outcomes.map(\.name),
            drawNames: drawn.map { layout.parameters[$0] }, replications: replications)
        do {
            return .success(try analysis.tables())
        } catch let error as ExperimentError {
            return .failure(error)
        } catch {
            return .failure(ExperimentError("\(error)"))
        }
    }
}
