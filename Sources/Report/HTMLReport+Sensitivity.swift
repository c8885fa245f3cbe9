import EscalationModel

/// The sensitivity section: a tornado chart per key outcome from `sensitivity.csv` (partial
/// rank correlations), and from `sobol.csv` and `morris.csv` when a design wrote them, with the
/// ranking table of `sensitivitySection()` kept below, folded.
extension HTMLReport {
    /// The outcomes that get a tornado chart: the key outcomes (histogram and forest-plot ones)
    /// among `available`, in the folder's order; all of `available` when none of them is there.
    func tornadoOutcomes(among available: [String]) -> [String] {
        let keys = Set(
            OutcomeLabels.histogramOutcomes(among: folder.outcomes)
                + OutcomeLabels.comparedOutcomes(among: folder.outcomes))
        let chosen = available.filter(keys.contains)
        return chosen.isEmpty ? available : chosen
    }

    func sensitivityChartSection() -> (html: String, charts: Int) {
        var figures: [String] = []
        var notes: [String] = []
        if let entries = folder.sensitivity, !entries.isEmpty {
            let policy = entries.contains { $0.variant == folder.baseline } ? folder.baseline : entries[0].variant
            let rows = entries.filter { $0.variant == policy }
            var outcomes: [String] = []
            for row in rows where !outcomes.contains(row.outcome) { outcomes.append(row.outcome) }
            for outcome in tornadoOutcomes(among: outcomes) {
                let bars = rows.filter { $0.outcome == outcome }.map {
                    TornadoChart.Bar(parameter: $0.parameter, value: $0.prcc, low: $0.ciLow, high: $0.ciHigh)
                }
                guard bars.contains(where: { $0.value.isFinite }) else { continue }
                var chart = TornadoChart(
                    id: anchor("tornado-prcc", outcome), outcome: outcome, title: OutcomeLabels.title(outcome),
                    measure: "PRCC", bars: bars)
                chart.domain = (-1, 1)
                figures.append(figure(chart.svg(), caption: chart.caption + " Red bars: negative correlation."))
            }
            notes.append(
                "PRCC from sensitivity.csv (\(Markup.escape(policy))): the partial rank correlation of each "
                    + "uncertain or swept parameter with the outcome, with Fisher-z 95% intervals.")
        }
        for table in [folder.extras.sobol, folder.extras.morris].compactMap({ $0 }) {
            let policy = table.policies.contains("baseline") ? "baseline" : (table.policies.first ?? "baseline")
            let rows = table.rows.filter { $0.policy == policy }
            for outcome in tornadoOutcomes(among: table.outcomes(of: policy)) {
                let bars = rows.filter { $0.outcome == outcome }.map { row in
                    TornadoChart.Bar(
                        parameter: row.parameter, value: row.value, low: row.low, high: row.high, behind: row.total)
                }
                guard bars.contains(where: { $0.value.isFinite }) else { continue }
                var chart = TornadoChart(
                    id: anchor("tornado-\(table.method.rawValue)", outcome), outcome: outcome,
                    title: OutcomeLabels.title(outcome),
                    measure: table.method == .sobol ? "Sobol index" : "Morris \u{03BC}*", bars: bars)
                if table.method == .sobol {
                    chart.behindLabel = "total order"
                    // Indices lie in 0...1, but estimates from a small design stray outside it:
                    // the axis widens to show them rather than cut them at an edge.
                    let values = bars.flatMap { [$0.value, $0.behind] }.filter(\.isFinite)
                    chart.domain = (min(0, values.min() ?? 0), max(1, values.max() ?? 1))
                }
                figures.append(figure(chart.svg(), caption: chart.caption))
            }
            notes.append(
                table.method == .sobol
                    ? "Sobol indices from sobol.csv (\(Markup.escape(policy))): the share of the outcome's variance "
                        + "a parameter explains alone (first order, dark) and with its interactions (total order, "
                        + "light). An estimate outside 0 to 1 is noise, a sign the design is too small."
                    : "Morris elementary effects from morris.csv (\(Markup.escape(policy))): \u{03BC}*, the mean "
                        + "absolute change of the outcome per step of the parameter, a screening measure.")
        }
        guard !figures.isEmpty else { return (sensitivitySection(), 0) }
        // The PRCC table, folded below the charts (its own section's heading and frame taken off).
        let table =
            folder.sensitivity == nil
            ? ""
            : "<details><summary>The ranking table</summary>\n"
                + sensitivitySection()
                .replacing("<section id=\"sensitivity\">\n<h2>Sensitivity</h2>\n", with: "")
                .replacing("\n</section>", with: "") + "\n</details>"
        let html = """
            <section id="sensitivity">
            <h2>Sensitivity</h2>
            <p class="note">Which parameters move the key outcomes. \(notes.joined(separator: " "))</p>
            <div class="charts">
            \(figures.joined(separator: "\n"))
            </div>
            \(table)
            </section>
            """
        return (html, figures.count)
    }
}
