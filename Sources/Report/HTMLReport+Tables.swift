import EscalationModel
import Experiments

/// The table sections: summaries, sensitivity ranking, and the manifest in full.
extension HTMLReport {
    /// A value of an outcome of `kind` as the tables show it.
    func format(_ value: Double, _ kind: OutcomeKind) -> String {
        switch kind {
        case .indicator, .share: NumberText.percent(value)
        case .day: NumberText.fixed(value, digits: 1)
        case .level: NumberText.fixed(value, digits: 2)
        case .quantity: NumberText.automatic(value)
        }
    }

    /// "96.7% [95.4, 97.6]".
    func meanWithInterval(_ summary: OutcomeSummary) -> String {
        guard summary.mean.isFinite else { return NumberText.missing }
        return "\(format(summary.mean, summary.kind)) [\(format(summary.ciLow, summary.kind)), "
            + "\(format(summary.ciHigh, summary.kind))]"
    }

    /// A cell of the key-outcomes table: the mean, and below it the interval (and for a day the
    /// runs it is over), so that six variants fit across a page instead of running off it.
    func keyCell(_ summary: OutcomeSummary) -> String {
        guard summary.mean.isFinite else { return cell(NumberText.missing) }
        var interval = "[\(format(summary.ciLow, summary.kind)), \(format(summary.ciHigh, summary.kind))]"
        if summary.kind == .day { interval += " (n \(NumberText.count(summary.n)))" }
        return "<td>\(Markup.escape(format(summary.mean, summary.kind)))<br>"
            + "<span class=\"interval\">\(Markup.escape(interval))</span></td>"
    }

    func cell(_ text: String, _ css: String? = nil) -> String {
        css.map { "<td class=\"\($0)\">\(Markup.escape(text))</td>" } ?? "<td>\(Markup.escape(text))</td>"
    }

    func headerRow(_ names: [String]) -> String {
        "<tr>"
            + names.enumerated().map { index, name in
                "<th scope=\"col\"\(index == 0 ? " class=\"text\"" : "")>\(Markup.escape(name))</th>"
            }.joined() + "</tr>"
    }

    func summarySection() -> String {
        if folder.extras.isDesign { return designSummarySection() }
        let variants = folder.variants.filter { folder.summaries[$0] != nil }
        var headline: [String] = []
        for outcome in OutcomeLabels.histogramOutcomes(among: folder.outcomes)
            + OutcomeLabels.comparedOutcomes(among: folder.outcomes) where !headline.contains(outcome)
        {
            headline.append(outcome)
        }
        var acrossRows: [String] = []
        for outcome in headline {
            var row = "<tr><th scope=\"row\" class=\"text\">\(Markup.escape(OutcomeLabels.title(outcome)))</th>"
            for variant in variants {
                guard let summary = folder.summary(variant, outcome) else {
                    row += cell(NumberText.missing)
                    continue
                }
                row += keyCell(summary)
            }
            acrossRows.append(row + "</tr>")
        }

        let columns = [
            "outcome", "kind", "n", "mean", "95% interval", "sd", "p05", "p25", "p50", "p75", "p95",
            "min", "max",
        ]
        var fullRows: [String] = []
        for outcome in folder.outcomes {
            guard let s = folder.summary(folder.baseline, outcome) else { continue }
            let interval =
                s.ciLow.isFinite
                ? "\(format(s.ciLow, s.kind))\u{2013}\(format(s.ciHigh, s.kind)) (\(s.ciMethod))" : NumberText.missing
            // A standard deviation of a probability is not a probability: show it as a plain number.
            let sd = s.kind == .indicator || s.kind == .share ? NumberText.automatic(s.sd) : format(s.sd, s.kind)
            fullRows.append(
                "<tr><td class=\"text\"><code>\(Markup.escape(outcome))</code></td>"
                    + cell(s.kind.rawValue, "text") + cell(NumberText.count(s.n)) + cell(format(s.mean, s.kind))
                    + cell(interval) + cell(sd)
                    + [s.p05, s.p25, s.p50, s.p75, s.p95, s.min, s.max].map { cell(format($0, s.kind)) }.joined()
                    + "</tr>")
        }
        return """
            <section id="summary">
            <h2>Summary tables</h2>
            <p class="note">From summary.csv. Means with 95% intervals: Wilson intervals for probabilities, \
            Student t otherwise. Day outcomes are over the runs where the event happened (n).</p>
            <div class="table-wrap"><table class="key-outcomes">
            <caption>Key outcomes by variant: mean [95% interval]</caption>
            <thead>\(headerRow(["outcome"] + variants))</thead>
            <tbody>
            \(acrossRows.joined(separator: "\n"))
            </tbody></table></div>
            <div class="table-wrap"><table>
            <caption>Every outcome of \(Markup.escape(folder.baseline)) (summary.csv has the same for each variant)</caption>
            <thead>\(headerRow(columns))</thead>
            <tbody>
            \(fullRows.joined(separator: "\n"))
            </tbody></table></div>
            </section>
            """
    }

    /// The parameters that move each outcome most, by |PRCC|, top three per outcome.
    func sensitivitySection() -> String {
        guard let entries = folder.sensitivity, !entries.isEmpty else {
            return """
                <section id="sensitivity">
                <h2>Sensitivity</h2>
                <p class="note">The folder has no sensitivity.csv: the scenario has no uncertain or swept \
                parameters.</p>
                </section>
                """
        }
        // The baseline's ranking; a sweep has only its pooled "all_points" rows.
        let variant = entries.contains { $0.variant == folder.baseline } ? folder.baseline : entries[0].variant
        var order: [String] = []
        var byOutcome: [String: [SensitivityEntry]] = [:]
        for entry in entries where entry.variant == variant {
            if byOutcome[entry.outcome] == nil { order.append(entry.outcome) }
            byOutcome[entry.outcome, default: []].append(entry)
        }
        let top = 3
        var rows: [String] = []
        var flat: [String] = []
        for outcome in order {
            let ranked = (byOutcome[outcome] ?? []).filter { $0.prcc.isFinite }
                .sorted { $0.prcc.magnitude > $1.prcc.magnitude }
            guard !ranked.isEmpty else {
                flat.append(outcome)
                continue
            }
            for (rank, entry) in ranked.prefix(top).enumerated() {
                let outcomeCell =
                    rank == 0
                    ? "<th scope=\"rowgroup\" rowspan=\"\(min(top, ranked.count))\" class=\"text\"><code>"
                        + "\(Markup.escape(outcome))</code></th>" : ""
                let width = NumberText.coordinate(entry.prcc.magnitude * 50)
                let left = NumberText.coordinate(entry.prcc < 0 ? 50 - entry.prcc.magnitude * 50 : 50)
                let colour = entry.prcc < 0 ? Palette.vermillion : Palette.blue
                let bar =
                    "<span class=\"bar-track\" aria-hidden=\"true\"><span class=\"bar-fill\" style=\"left: "
                    + "\(left)px; width: \(width)px; background: \(colour)\"></span></span>"
                rows.append(
                    "<tr>\(outcomeCell)<td class=\"text\"><code>\(Markup.escape(entry.parameter))</code></td>"
                        + cell(NumberText.fixed(entry.prcc, digits: 3))
                        + cell(
                            "\(NumberText.fixed(entry.ciLow, digits: 3)) to \(NumberText.fixed(entry.ciHigh, digits: 3))"
                        )
                        + cell(pValue(entry.pValue)) + "<td class=\"bar-cell\">\(bar)</td></tr>")
            }
        }
        let flatNote =
            flat.isEmpty
            ? ""
            : "<p class=\"note\">No correlation is defined for outcomes that did not "
                + "vary: " + flat.map { "<code>\(Markup.escape($0))</code>" }.joined(separator: ", ") + ".</p>"
        let method = entries.first?.method ?? "prcc"
        return """
            <section id="sensitivity">
            <h2>Sensitivity</h2>
            <p class="note">From sensitivity.csv (\(Markup.escape(method)), variant \(Markup.escape(variant))): the \
            partial rank correlation of each uncertain parameter with each outcome, with Fisher-z 95% intervals; \
            the \(top) strongest per outcome by absolute value. Bars run right for positive, left (vermillion) for \
            negative correlations.</p>
            <div class="table-wrap"><table>
            <thead>\(headerRow(["outcome", "parameter", "PRCC", "95% interval", "p", "\u{2212}1 \u{2026} +1"]))</thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table></div>
            \(flatNote)
            </section>
            """
    }

    private func pValue(_ p: Double) -> String {
        guard p.isFinite else { return NumberText.missing }
        return p < 0.001 ? "< 0.001" : NumberText.fixed(p, digits: 3)
    }

    /// Every field of manifest.json, as recorded.
    func manifestSection() -> String {
        let m = folder.manifest
        func number(_ value: Double?, _ unit: String) -> String {
            value.map { NumberText.automatic($0) + unit } ?? "not recorded"
        }
        let fields: [(String, String)] = [
            ("escsim_version", m.escsimVersion),
            ("scenario.name", m.scenario.name),
            ("scenario.file", m.scenario.file),
            ("scenario.sha256", m.scenario.sha256),
            ("scenario.settings", m.scenario.settings.isEmpty ? "none" : m.scenario.settings.joined(separator: ", ")),
            ("seed", "\(m.seed)"),
            ("replications", NumberText.count(m.replications)),
            ("replications_done", NumberText.count(m.replicationsDone)),
            ("variants", m.variants.joined(separator: ", ")),
            ("common_random_numbers", m.commonRandomNumbers ? "true" : "false"),
            ("shard", m.shard),
            ("threads", "\(m.threads)"),
            ("random", randomText),
            ("random.seed_derivation", m.random.seedDerivation),
            ("command_line", m.commandLine.isEmpty ? "not recorded" : Markup.commandLine(m.commandLine)),
            ("started_at", m.startedAt),
            ("wall_time_seconds", number(m.wallTimeSeconds, " s")),
            ("complete", m.complete ? "true" : "false"),
            ("stop_reason", m.stopReason),
            ("failed_records", NumberText.count(m.failedRecords)),
            ("files", m.files.joined(separator: ", ")),
            ("peak_memory_mib", number(m.peakMemoryMiB, " MiB")),
        ]
        let rows = fields.map { key, value in
            "<tr><th scope=\"row\" class=\"text\"><code>\(Markup.escape(key))</code></th>"
                + "<td class=\"wrap\">\(Markup.escape(value))</td></tr>"
        }
        return """
            <section id="manifest">
            <h2>Manifest</h2>
            <p class="note">What produced the folder, from manifest.json.</p>
            <div class="table-wrap"><table>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table></div>
            </section>
            """
    }
}
