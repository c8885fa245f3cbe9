import EscalationModel
import Experiments

/// Which chart sections a folder gets, and the section of a design's response plots. A design
/// folder's variants are points of the design: a histogram of `point_0001` or a forest plot
/// against it would single out an arbitrary point, so a design gets the response of each key
/// outcome to the swept parameters instead (and the sensitivity charts, as every folder).
extension HTMLReport {
    func chartSections() -> [(html: String, charts: Int)] {
        if folder.extras.isDesign {
            // Policies of a design are compared with `baseline` over all points: that comparison
            // stands; one against a point does not.
            let policyComparison =
                folder.comparisons?.contains { $0.baseline == "baseline" } == true
                ? comparisonSection() : ("", 0)
            // A lean design's summaries pool each policy over every point (the spread of outcomes
            // across the uncertainty the design spans): those charts stand too. With --per-point
            // the first variant is an experiment, and its charts would single out a point.
            let pooled = !folder.variants.contains { $0.hasPrefix("point_") }
            return [designSection(), policyEndStateSection()]
                + (pooled ? [outcomeSection(), timelineSection(), overlaidTimelineSection()] : [])
                + [policyComparison]
        }
        return [
            outcomeSection(), endStateSection(), timelineSection(), overlaidTimelineSection(), comparisonSection(),
            convergenceSection(), storySection(),
        ]
    }

    /// How the runs of each policy ended, pooled over every point of the design.
    func policyEndStateSection() -> (html: String, charts: Int) {
        guard let design = folder.extras.design else { return ("", 0) }
        var pooled: [String: [String: Int]] = [:]
        for experiment in design.experiments {
            for (state, count) in folder.extras.runs.endStates[experiment.variant] ?? [:] {
                pooled[experiment.policy, default: [:]][state, default: 0] += count
            }
        }
        let bars = design.policies.map { EndStateChart.Bar(variant: $0, counts: pooled[$0] ?? [:]) }
        guard bars.contains(where: { $0.total > 0 }) else { return ("", 0) }
        var chart = EndStateChart(id: "end-states", bars: bars, statesSeen: folder.extras.runs.statesSeen)
        chart.title = "How the runs ended, by policy"
        let html = """
            <section id="endings">
            <h2>How the runs ended</h2>
            <p class="note">Each policy's runs pooled over every point of the design (the points weigh \
            alike, as each ran the same number of replications).</p>
            <div class="charts">
            \(figure(chart.svg(), caption: chart.caption))
            </div>
            </section>
            """
        return (html, 1)
    }

    func designSection() -> (html: String, charts: Int) {
        guard let design = folder.extras.design, !design.parameters.isEmpty else {
            return (
                """
                <section id="design">
                <h2>Design</h2>
                <p class="note">The folder holds a design (manifest.json says so), but no experiments.csv with \
                the swept values, so there are no response plots.</p>
                </section>
                """, 0
            )
        }
        let runs = folder.extras.runs
        let policies = design.policies
        var figures: [String] = []
        for outcome in OutcomeLabels.comparedOutcomes(among: folder.outcomes) {
            let kind = folder.summary(folder.baseline, outcome)?.kind ?? .quantity
            let points = design.experiments.map { experiment in
                ResponseChart.Point(
                    variant: experiment.variant, policy: experiment.policy, inputs: experiment.values,
                    mean: runs.mean(experiment.variant, outcome))
            }
            guard points.contains(where: { $0.mean.isFinite }) else { continue }
            var chart = ResponseChart(
                id: anchor("response", outcome), outcome: outcome, title: OutcomeLabels.title(outcome),
                unit: kind == .indicator ? "% of runs" : OutcomeLabels.unit(outcome, kind: kind),
                parameters: design.parameters, policies: policies, points: points)
            if kind == .indicator || kind == .share { chart.factor = 100 }
            figures.append(figure(chart.svg(), caption: chart.caption))
        }
        let html = """
            <section id="design">
            <h2>Design: response to the swept parameters</h2>
            <p class="note">\(NumberText.count(design.experiments.count)) experiments \
            (\(NumberText.count(Set(design.experiments.map(\.point)).count)) points\
            \(policies.count > 1 ? " \u{00D7} \(policies.count) policies: " + Markup.escape(policies.joined(separator: ", ")) : "")) \
            of \(design.parameters.count) swept parameters. Each point is one experiment's mean over its \
            runs; a day outcome is over the runs where the event happened.</p>
            <div class="charts">
            \(figures.joined(separator: "\n"))
            </div>
            </section>
            """
        return (html, figures.count)
    }
}
