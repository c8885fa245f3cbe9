/// The Calibration section: for each parameter `escsim calibrate` fitted, its prior and its
/// posterior on one axis, and the table of both from `parameters.csv`. Only on a page asked for
/// with a calibration folder.
extension HTMLReport {
    func calibrationSection() -> (html: String, charts: Int) {
        guard let calibration else { return ("", 0) }
        var figures: [String] = []
        for (index, parameter) in calibration.parameters.enumerated() {
            let chart = PriorPosteriorChart(
                id: anchor("calibration", parameter), parameter: parameter, prior: calibration.prior[index],
                posterior: calibration.posterior[index], weights: calibration.weights,
                generation: calibration.lastGeneration)
            figures.append(figure(chart.svg(), caption: chart.caption))
        }
        let columns = [
            "parameter", "prior mean", "prior sd", "prior 90%", "posterior mean", "posterior sd", "posterior 90%",
            "sd ratio",
        ]
        let rows = calibration.summaries.map { row in
            func interval(_ s: CalibrationParameter.Summary) -> String {
                guard s.p05.isFinite, s.p95.isFinite else { return NumberText.missing }
                return "\(NumberText.automatic(s.p05))\u{2013}\(NumberText.automatic(s.p95))"
            }
            return "<tr><td class=\"text\"><code>\(Markup.escape(row.parameter))</code></td>"
                + cell(NumberText.automatic(row.prior.mean)) + cell(NumberText.automatic(row.prior.sd))
                + cell(interval(row.prior)) + cell(NumberText.automatic(row.posterior.mean))
                + cell(NumberText.automatic(row.posterior.sd)) + cell(interval(row.posterior))
                + cell(NumberText.fixed(row.sdRatio, digits: 2)) + "</tr>"
        }
        let html = """
            <section id="calibration">
            <h2>Calibration</h2>
            <p class="note">From the calibration folder <code>\(Markup.escape(calibration.path))</code> \
            (particles.csv, parameters.csv of <code>escsim calibrate</code>): each calibrated parameter's prior \
            (generation 0, \(NumberText.count(calibration.prior.first?.count ?? 0)) equally weighted draws, grey) and \
            posterior (generation \(calibration.lastGeneration), \(NumberText.count(calibration.weights.count)) \
            weighted particles, blue) over the same bins. Where the posterior is much narrower than the prior (an sd \
            ratio well below 1) the observations pinned the parameter down; where the two look alike they said \
            little about it.</p>
            <div class="charts">
            \(figures.joined(separator: "\n"))
            </div>
            <div class="table-wrap"><table>
            <caption>Prior and posterior of each parameter (parameters.csv)</caption>
            <thead>\(headerRow(columns))</thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table></div>
            </section>
            """
        return (html, figures.count)
    }
}
