import EscalationModel
import Experiments

/// The summary table of a design: a column per experiment would run to hundreds of columns,
/// and the experiments' own summaries single out points, so the table gives each policy's key
/// outcomes pooled over every point of the design, from `replications.csv`.
extension HTMLReport {
    func designSummarySection() -> String {
        guard let design = folder.extras.design else {
            return """
                <section id="summary">
                <h2>Summary tables</h2>
                <p class="note">A design without experiments.csv: summary.csv has a row per experiment and \
                outcome.</p>
                </section>
                """
        }
        let runs = folder.extras.runs
        let policies = design.policies
        var rows: [String] = []
        let outcomes = OutcomeLabels.comparedOutcomes(among: folder.outcomes)
        for outcome in outcomes {
            let kind = folder.summary(folder.baseline, outcome)?.kind ?? .quantity
            var row = "<tr><th scope=\"row\" class=\"text\">\(Markup.escape(OutcomeLabels.title(outcome)))</th>"
            for policy in policies {
                var pooled = RunsByVariant.Total()
                for experiment in design.experiments where experiment.policy == policy {
                    if let total = runs.totals[experiment.variant]?[outcome] {
                        pooled.sum += total.sum
                        pooled.n += total.n
                    }
                }
                row +=
                    "<td data-policy=\"\(Markup.escape(policy))\" data-mean=\"\(pooled.mean)\">"
                    + "\(Markup.escape(format(pooled.mean, kind)))<br><span class=\"interval\">"
                    + "n \(NumberText.count(pooled.n))</span></td>"
            }
            rows.append(row + "</tr>")
        }
        return """
            <section id="summary">
            <h2>Summary tables</h2>
            <p class="note">Each policy's key outcomes pooled over the \(NumberText.count(Set(design.experiments.map(\.point)).count)) \
            points of the design (means over the runs, from replications.csv; n runs). summary.csv has the same \
            per experiment.</p>
            <div class="table-wrap"><table class="key-outcomes">
            <caption>Key outcomes by policy, over every point of the design</caption>
            <thead>\(headerRow(["outcome"] + policies))</thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table></div>
            </section>
            """
    }
}
