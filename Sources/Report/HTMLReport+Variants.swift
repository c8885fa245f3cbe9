import EscalationModel
import Experiments

/// The sections that set every variant side by side: how the runs ended, the key measures over
/// time with every variant on one chart, and how the estimates settled as runs accumulated.
extension HTMLReport {
    /// The variants in the manifest's order that `replications.csv` has rows of.
    var variantsWithRuns: [String] {
        folder.variants.filter { folder.extras.runs.endStates[$0] != nil }
    }

    func endStateSection() -> (html: String, charts: Int) {
        let runs = folder.extras.runs
        let bars = variantsWithRuns.map { EndStateChart.Bar(variant: $0, counts: runs.endStates[$0] ?? [:]) }
        guard bars.contains(where: { $0.total > 0 }) else { return ("", 0) }
        let chart = EndStateChart(id: "end-states", bars: bars, statesSeen: runs.statesSeen)
        let html = """
            <section id="endings">
            <h2>How the runs ended</h2>
            <p class="note">Each run ends in one state: the regime collapsed, a ceasefire held at the end, a \
            stalemate (no front moved for the last stretch), or war still going on at the horizon.</p>
            <div class="charts">
            \(figure(chart.svg(), caption: chart.caption))
            </div>
            </section>
            """
        return (html, 1)
    }

    /// Territory of each actor that holds some in any variant, the ladder and civilians killed,
    /// with every variant on one chart.
    func overlaidTimelineSection() -> (html: String, charts: Int) {
        // A design's timeline.csv has its policies, whose runs are its experiments' rows.
        let variants = folder.extras.isDesign ? folder.variants : variantsWithRuns
        guard variants.count > 1 else { return ("", 0) }
        var byMeasure: [String: [String: TimelineSeries]] = [:]
        var measures: [String] = []
        for line in folder.timeline where variants.contains(line.variant) {
            if byMeasure[line.measure] == nil { measures.append(line.measure) }
            byMeasure[line.measure, default: [:]][line.variant] = line
        }
        func series(_ measure: String) -> [OverlaidFanChart.Series] {
            variants.compactMap { variant in
                byMeasure[measure]?[variant].map { OverlaidFanChart.Series(variant: variant, points: $0.points) }
            }
        }
        var figures: [String] = []
        for measure in measures {
            let lines = series(measure)
            var chart: OverlaidFanChart
            if let actor = OutcomeLabels.territoryActor(measure) {
                // As for the baseline's fans: an actor that never holds anything is no chart.
                guard lines.contains(where: { $0.points.contains { $0.p75 > 0 } }) else { continue }
                chart = OverlaidFanChart(
                    id: anchor("overlaid", measure), measure: measure,
                    title: "Territory held by \(OutcomeLabels.actorName(actor))", unit: "% of territory",
                    series: lines)
                chart.factor = 100
                chart.yDomain = (0, 100)
            } else if measure == RecordLayout.ladderMeasure {
                chart = OverlaidFanChart(
                    id: anchor("overlaid", measure), measure: measure, title: "Escalation ladder",
                    unit: "ladder rung", series: lines)
            } else if measure == RecordLayout.civiliansKilledMeasure {
                chart = OverlaidFanChart(
                    id: anchor("overlaid", measure), measure: measure, title: "Civilians killed, cumulative",
                    unit: "civilians", series: lines)
            } else {
                continue
            }
            figures.append(figure(chart.svg(), caption: chart.caption))
        }
        guard !figures.isEmpty else { return ("", 0) }
        let html = """
            <section id="variants-over-time">
            <h2>Variants over time</h2>
            <p class="note">The key measures of every variant on one chart, from timeline.csv: the line is the \
            median run's state at the end of each day, the band holds the middle 50% of runs. Territories of \
            actors whose middle 50% holds nothing on every day in every variant are not drawn.</p>
            <div class="charts">
            \(figures.joined(separator: "\n"))
            </div>
            </section>
            """
        return (html, figures.count)
    }

    func convergenceSection() -> (html: String, charts: Int) {
        let runs = folder.extras.runs
        var figures: [String] = []
        for outcome in FolderExtras.convergenceOutcomes(among: folder.outcomes) {
            let kind = folder.summary(folder.baseline, outcome)?.kind ?? .quantity
            let indicator = kind == .indicator
            let series = variantsWithRuns.compactMap { variant -> ConvergenceChart.Series? in
                guard let values = runs.values[variant]?[outcome], !values.isEmpty else { return nil }
                return ConvergenceChart.Series(
                    variant: variant, points: ConvergenceChart.running(values, indicator: indicator))
            }
            guard !series.isEmpty else { continue }
            let title =
                indicator ? "Probability: \(OutcomeLabels.title(outcome).lowercased())" : OutcomeLabels.title(outcome)
            let chart = ConvergenceChart(
                id: anchor("convergence", outcome), outcome: outcome, title: title,
                unit: indicator ? "% of runs" : OutcomeLabels.unit(outcome, kind: kind), indicator: indicator,
                series: series)
            figures.append(figure(chart.svg(), caption: chart.caption))
        }
        guard !figures.isEmpty else { return ("", 0) }
        let html = """
            <section id="convergence">
            <h2>Convergence</h2>
            <p class="note">Whether the batch ran enough replications: each estimate over the first n runs of \
            every variant, with its 95% interval. The interval narrows as 1/&#8730;n; a difference between two \
            variants is settled once their bands part.</p>
            <div class="charts">
            \(figures.joined(separator: "\n"))
            </div>
            </section>
            """
        return (html, figures.count)
    }
}
