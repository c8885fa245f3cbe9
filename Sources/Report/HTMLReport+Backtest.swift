/// The Backtest section: what the model said of observations from the world, from the
/// `scores.csv` that `escsim score` writes into a folder. Absent when the folder has none.
extension HTMLReport {
    func backtestSection() -> (html: String, charts: Int) {
        guard let scores = folder.scores else { return ("", 0) }
        let rows = scores.map(backtestRow)
        let totals = BacktestTotal.totals(scores)
        let several = Set(scores.map(\.variant)).count > 1
        let totalItems = totals.map { total in
            "<li>" + Markup.escape((several ? total.variant + ", " : "") + total.sentence) + "</li>"
        }
        let pit = PITHistogram(
            id: "backtest-pit", values: scores.filter { $0.kind != .fact && $0.runs > 0 }.map(\.pit))
        let variants = Set(scores.map(\.variant)).sorted().joined(separator: ", ")
        let columns = [
            "observation", "kind", "observed", "model median", "90% of runs", "PIT", "CRPS or Brier", "in 90%",
            "source",
        ]
        // Text columns (kind, in 90%, source) are headed on the left like their cells.
        let header =
            "<tr>"
            + columns.enumerated().map { index, name in
                let text = [0, 1, 7, 8].contains(index)
                return "<th scope=\"col\"\(text ? " class=\"text\"" : "")>\(Markup.escape(name))</th>"
            }.joined() + "</tr>"
        let html = """
            <section id="backtest">
            <h2>Backtest</h2>
            <p class="note">From scores.csv (<code>escsim score</code>, runs of \(Markup.escape(variants))): each \
            observation from the world against the distribution of what the model's runs say of it. Events are in \
            days since the start (day 0; a run in which an event never came counts as its last day), quantities in \
            the source's units, facts as the share of runs in which they happened. PIT is the share of runs below \
            the observation; CRPS is in the observation's units (days for an event), the Brier score is for facts; \
            both are 0 for a perfect forecast. Sources' addresses are shown as text without their scheme \
            (<code>example.org/page</code>), never as links: the page refers to nothing outside itself.</p>
            <div class="table-wrap"><table>
            <caption>Observations and scores</caption>
            <thead>\(header)</thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table></div>
            <ul class="note">
            \(totalItems.joined(separator: "\n"))
            </ul>
            <p class="note">How to read the PIT histogram: a calibrated model gives bars along the dashed line; PITs \
            bunched at 0 or at 1 mean the model is biased (it ran high or low), piled at both ends that its \
            intervals are too narrow (over-confident), a hump in the middle that they are too wide \
            (under-confident).</p>
            <div class="charts">
            \(figure(pit.svg(), caption: pit.caption))
            </div>
            </section>
            """
        return (html, 1)
    }

    /// One observation as a table row: its id with what was observed below, and its source
    /// with how the source counted and the address as plain text.
    private func backtestRow(_ score: BacktestScore) -> String {
        let isFact = score.kind == .fact
        let observation =
            "<td class=\"wrap\"><code>\(Markup.escape(score.id))</code><br><small>\(Markup.escape(score.what))"
            + "</small></td>"
        var source = Markup.escape([score.outlet, score.published].filter { !$0.isEmpty }.joined(separator: ", "))
        if !score.counted.isEmpty { source += "<br><small>\(Markup.escape(score.counted))</small>" }
        if !score.url.isEmpty {
            source += "<br><small><code>\(Markup.escape(Self.addressText(score.url)))</code></small>"
        }
        let noRuns = score.runs == 0
        let median = isFact ? "p = " + NumberText.percent(score.probability) : backtestNumber(score.median, score.kind)
        let interval =
            isFact || noRuns || !score.p05.isFinite
            ? NumberText.missing
            : "\(backtestNumber(score.p05, score.kind))\u{2013}\(backtestNumber(score.p95, score.kind))"
        let crps =
            isFact
            ? "Brier " + NumberText.fixed(score.brier, digits: 3)
            : NumberText.automatic(score.crps) + (score.kind == .event && score.crps.isFinite ? " days" : "")
        let covered = score.covered.map { $0 ? "yes" : "no" } ?? "no runs"
        return "<tr>" + observation + cell(score.kind.rawValue, "text") + cell(observedText(score))
            + cell(noRuns ? NumberText.missing : median) + cell(interval)
            + cell(isFact ? NumberText.missing : NumberText.fixed(score.pit, digits: 2)) + cell(crps)
            + cell(covered, "text") + "<td class=\"wrap\">\(source)</td></tr>"
    }

    /// A source's address as plain text without `http://` or `https://`, so that the page holds
    /// no URL a browser or a checker could take for a reference; what is left still finds the page.
    static func addressText(_ url: String) -> String {
        for scheme in ["https://", "http://"] where url.lowercased().hasPrefix(scheme) {
            return String(url.dropFirst(scheme.count))
        }
        return url
    }

    /// What was observed: "day 2–4", "1,200–1,500", "happened".
    func observedText(_ score: BacktestScore) -> String {
        switch score.kind {
        case .fact:
            return score.observedLow == 1 ? "happened" : "did not happen"
        case .event, .quantity:
            let low = backtestNumber(score.observedLow, score.kind)
            let range =
                score.observedLow == score.observedHigh
                ? low : low + "\u{2013}" + backtestNumber(score.observedHigh, score.kind)
            return score.kind == .event ? "day " + range : range
        }
    }

    /// Days to one decimal (whole days without), quantities by their size.
    private func backtestNumber(_ value: Double, _ kind: BacktestScore.Kind) -> String {
        guard kind == .event, value.isFinite, value != value.rounded() else { return NumberText.automatic(value) }
        return NumberText.fixed(value, digits: 1)
    }
}
