import EscalationModel
import Experiments

/// The chart sections: histograms of the key outcomes, fan charts over time, forest plots of the
/// variants. Each returns its HTML and how many charts it drew.
extension HTMLReport {
    /// A chart in a `<figure>` with its caption.
    func figure(_ svg: String, caption: String) -> String {
        "<figure>\n\(svg)\n<figcaption>\(Markup.escape(caption))</figcaption>\n</figure>"
    }

    func outcomeSection() -> (html: String, charts: Int) {
        let baseline = folder.baseline
        var figures: [String] = []
        for outcome in folder.histogramOutcomes {
            guard let summary = folder.summary(baseline, outcome) else { continue }
            var chart = HistogramChart(
                id: anchor("hist", outcome), outcome: outcome, variant: baseline,
                title: OutcomeLabels.title(outcome), unit: OutcomeLabels.unit(outcome, kind: summary.kind),
                kind: summary.kind, bins: folder.bins(baseline, outcome), median: summary.p50, p05: summary.p05,
                p95: summary.p95, never: summary.kind == .day ? folder.neverHappened(baseline, outcome) : nil,
                runs: folder.runs(baseline))
            chart.observed = observedEvents(of: outcome)
            figures.append(figure(chart.svg(), caption: chart.caption))
        }
        let source =
            folder.histograms == nil
            ? "binned here from replications.csv (the folder has no histograms.csv)"
            : "bins from histograms.csv"
        let html = """
            <section id="outcomes">
            <h2>Outcomes</h2>
            <p class="note">Distribution of each key outcome over the runs of \(Markup.escape(baseline)) \
            (\(source)). Days count from the start of the scenario; a day outcome is over the runs where the \
            event happened, and the grey box at the right counts the runs where it never did. Median and \
            90% interval (p05&#8211;p95) are those of summary.csv.</p>
            <div class="charts">
            \(figures.joined(separator: "\n"))
            </div>
            </section>
            """
        return (html, figures.count)
    }

    func timelineSection() -> (html: String, charts: Int) {
        let baseline = folder.baseline
        let series = folder.timeline.filter { $0.variant == baseline }
        guard !series.isEmpty else {
            return (
                """
                <section id="over-time">
                <h2>Over time</h2>
                <p class="note">The folder has no timeline.csv for \(Markup.escape(baseline)), so there is \
                nothing to draw over time.</p>
                </section>
                """, 0
            )
        }
        var figures: [String] = []
        var idle: [String] = []
        let territories = series.compactMap { line in OutcomeLabels.territoryActor(line.measure).map { (line, $0) } }
        for (index, (line, id)) in territories.enumerated() {
            let actor = OutcomeLabels.actorName(id)
            // An actor that holds nothing in 95% of runs on every day would be an empty chart.
            guard line.points.contains(where: { $0.p95 > 0 }) else {
                let most = line.points.map(\.mean).max() ?? 0
                idle.append("\(actor) (mean at most \(NumberText.percent(most)))")
                continue
            }
            var chart = FanChart(
                id: anchor("fan", line.measure), measure: line.measure, variant: baseline,
                title: "Territory held by \(actor)", unit: "% of territory", points: line.points)
            chart.factor = 100
            chart.yDomain = (0, 100)
            chart.colour = Palette.series(index)
            chart.observed = observedDays(of: line.measure)
            figures.append(figure(chart.svg(), caption: chart.caption))
        }
        let rungs = OutcomeLabels.rungs(among: folder.outcomes)
        if let ladder = series.first(where: { $0.measure == RecordLayout.ladderMeasure }) {
            var chart = FanChart(
                id: anchor("fan", ladder.measure), measure: ladder.measure, variant: baseline,
                title: "Escalation ladder", unit: "ladder rung", points: ladder.points)
            chart.wholeTicks = true
            let top = max(Double(rungs.count), ladder.points.map(\.p95).max() ?? 1)
            chart.yDomain = (0, top)
            chart.colour = Palette.vermillion
            chart.observed = observedDays(of: ladder.measure)
            let names = rungs.enumerated().map { "\($0.offset + 1) \(OutcomeLabels.words($0.element))" }
            let legend = names.isEmpty ? "" : " Rungs: 0 the start, " + names.joined(separator: ", ") + "."
            figures.append(figure(chart.svg(), caption: chart.caption + legend))
        }
        if let killed = series.first(where: { $0.measure == RecordLayout.civiliansKilledMeasure }) {
            var chart = FanChart(
                id: anchor("fan", killed.measure), measure: killed.measure, variant: baseline,
                title: "Civilians killed, cumulative", unit: "civilians", points: killed.points)
            chart.colour = Palette.reddishPurple
            chart.observed = observedDays(of: killed.measure)
            figures.append(figure(chart.svg(), caption: chart.caption))
        }
        let idleNote =
            idle.isEmpty
            ? ""
            : " Not drawn, as they held no territory in 95% of runs on every day: "
                + idle.joined(separator: ", ") + "."
        let html = """
            <section id="over-time">
            <h2>Over time</h2>
            <p class="note">The state at the end of each day across the runs of \(Markup.escape(baseline)), from \
            timeline.csv: shaded bands hold 90% and the middle 50% of runs, the line is the median. A run that \
            ended early (collapse, ceasefire) keeps its final state. Territory is the share of the map's \
            strategic value.\(Markup.escape(idleNote))</p>
            <div class="charts">
            \(figures.joined(separator: "\n"))
            </div>
            </section>
            """
        return (html, figures.count)
    }

    /// The baseline's event observations of the day outcome `outcome`, from `scores.csv`.
    private func observedEvents(of outcome: String) -> [HistogramChart.ObservedMark] {
        (folder.scores ?? []).filter {
            $0.variant == folder.baseline && $0.kind == .event && $0.comparedWith == outcome
        }
        .map { HistogramChart.ObservedMark(id: $0.id, low: $0.observedLow, high: $0.observedHigh) }
    }

    /// The baseline's quantity observations of the daily series `measure` on one day, from
    /// `scores.csv` (a change between two days is not a point of this stock's fan).
    private func observedDays(of measure: String) -> [(day: Double, mark: HistogramChart.ObservedMark)] {
        (folder.scores ?? []).compactMap { score in
            guard score.variant == folder.baseline, let probe = score.seriesDay, probe.series == measure else {
                return nil
            }
            return (
                Double(probe.day),
                HistogramChart.ObservedMark(id: score.id, low: score.observedLow, high: score.observedHigh)
            )
        }
    }

    func comparisonSection() -> (html: String, charts: Int) {
        guard let comparisons = folder.comparisons else { return ("", 0) }
        var figures: [String] = []
        let compared = OutcomeLabels.comparedOutcomes(among: folder.outcomes)
        for outcome in compared {
            let rows = comparisons.filter { $0.outcome == outcome }
            guard !rows.isEmpty, let kind = folder.summary(folder.baseline, outcome)?.kind else { continue }
            let plot = ForestPlot(
                id: anchor("forest", outcome), outcome: outcome,
                title: OutcomeLabels.title(outcome), kind: kind, rows: rows)
            figures.append(figure(plot.svg(), caption: plot.caption))
        }
        let html = """
            <section id="variants">
            <h2>Variants against \(Markup.escape(folder.baseline))</h2>
            <p class="note">Paired differences from comparison.csv: each variant's mean minus that of \
            \(Markup.escape(folder.baseline)), over the replications both ran (the same random numbers when \
            paired by common random numbers), with 95% intervals. Probabilities are in percentage points. Day \
            outcomes are over the pairs where both runs had the event.</p>
            <div class="charts">
            \(figures.joined(separator: "\n"))
            </div>
            </section>
            """
        return (html, figures.count)
    }
}
