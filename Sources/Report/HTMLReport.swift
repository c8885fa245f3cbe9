import Experiments

/// The report page of one output folder: one self-contained HTML file with inline CSS and
/// inline SVG charts, and nothing to fetch (no scripts, fonts, images or links). Its bytes
/// depend only on the folder's files (and the scenario file of its one traced run, when that
/// is still the file the run read), never on when or where it is made.
public struct HTMLReport: Sendable {
    let folder: OutputFolder
    /// The folder of an `escsim calibrate` run shown beside the output folder, if one was given.
    let calibration: CalibrationFolder?
    /// Replication 0 of the baseline traced again from the scenario file, or why it could not
    /// be; nil: no such section (a design, or a page made without looking for the scenario).
    let story: Result<ReplicationStory, ReplicationStory.Unavailable>?
    /// The day the region graph shows who held what across the runs (daily.csv); nil: the
    /// last day of the horizon.
    let mapDay: Int?

    init(
        folder: OutputFolder, calibration: CalibrationFolder? = nil,
        story: Result<ReplicationStory, ReplicationStory.Unavailable>? = nil, mapDay: Int? = nil
    ) {
        self.folder = folder
        self.calibration = calibration
        self.story = story
        self.mapDay = mapDay
    }

    /// What `write` did.
    public struct Written: Sendable {
        public var path: String
        public var charts: Int
        public var bytes: Int
    }

    /// Reads the output folder at `directory` and writes its report to `output` (default
    /// `directory/report.html`), whole or not at all: nothing is written when the folder is
    /// unusable, and a failed write leaves no partial file. With `calibration` (a folder of
    /// `escsim calibrate`), the page also compares each calibrated parameter's prior and posterior.
    public static func write(
        folder directory: String, to output: String? = nil, calibration: String? = nil, mapDay: Int? = nil
    ) throws(ReportError) -> Written {
        let folder = try OutputFolder.load(directory)
        let calibrated = try calibration.map { (path: String) throws(ReportError) in try CalibrationFolder.load(path) }
        let story = folder.extras.isDesign ? nil : ReplicationStory.load(manifest: folder.manifest)
        let report = HTMLReport(folder: folder, calibration: calibrated, story: story, mapDay: mapDay)
        let page = report.render()
        let path = output ?? folder.path + "/" + BatchOutput.reportFile
        do {
            try AtomicFile.write(page.html, to: path)
        } catch {
            throw ReportError.cannotWrite(error.message)
        }
        return Written(path: path, charts: page.charts, bytes: page.html.utf8.count)
    }

    /// The page, and how many charts it holds.
    func render() -> (html: String, charts: Int) {
        var sections: [String] = []
        var charts = 0
        for section in chartSections() where !section.html.isEmpty {
            sections.append(section.html)
            charts += section.charts
        }
        // Only a scored folder gets the section, so an unscored page keeps its bytes.
        if folder.scores != nil {
            let backtest = backtestSection()
            sections.append(backtest.html)
            charts += backtest.charts
        }
        if calibration != nil {
            let calibrated = calibrationSection()
            sections.append(calibrated.html)
            charts += calibrated.charts
        }
        let sensitivity = sensitivityChartSection()
        charts += sensitivity.charts
        sections += [summarySection(), sensitivity.html, manifestSection()]
        let name = folder.manifest.scenario.name
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="escsim \(Markup.escape(EscsimVersion.current)) report">
            <title>\(Markup.escape("escsim report: \(name)"))</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body data-charts="\(charts)">
            \(header(name: name, contents: Self.contents(of: sections)))
            \(sections.joined(separator: "\n"))
            <footer>Made by <code>escsim report</code> \(Markup.escape(EscsimVersion.current)) from the files of \
            <code>\(Markup.escape(folder.path))</code>: \(Markup.escape(sourceFiles.joined(separator: ", "))). \
            Charts use the Okabe&#8211;Ito colour-blind-safe palette.</footer>
            </body>
            </html>

            """
        return (html, charts)
    }

    /// The files this report was read from, in escsim's order.
    var sourceFiles: [String] {
        var files = [BatchOutput.manifestFile, BatchOutput.summaryFile, BatchOutput.replicationsFile]
        if folder.histograms != nil { files.append(BatchOutput.histogramsFile) }
        if !folder.timeline.isEmpty { files.append(BatchOutput.timelineFile) }
        if folder.comparisons != nil { files.append(BatchOutput.comparisonFile) }
        if folder.sensitivity != nil { files.append(BatchOutput.sensitivityFile) }
        if folder.scores != nil { files.append(OutputFolder.scoresFile) }
        if folder.extras.design != nil { files.append(DesignTable.file) }
        files += [folder.extras.sobol, folder.extras.morris].compactMap { $0?.method.file }
        return files
    }

    /// Title, the run's key facts from the manifest, and the table of contents.
    private func header(name: String, contents: [(id: String, heading: String)]) -> String {
        let m = folder.manifest
        let variants = folder.variants
        var facts: [(String, String)] = [
            ("Scenario", name + " (\(m.scenario.file))"),
            ("Seed", "\(m.seed)"),
            ("Replications", replicationText),
            (
                "Variants",
                "\(variants.count): " + variants.joined(separator: ", ")
                    + (variants.count > 1
                        ? (!m.commonRandomNumbers
                            ? " (independent random numbers)"
                            : " (common random numbers)") : "")
            ),
            ("escsim", m.escsimVersion),
            ("Random numbers", randomText),
            ("Started", m.startedAt),
            ("Command", m.commandLine.isEmpty ? "not recorded" : Markup.commandLine(m.commandLine)),
        ]
        if !m.scenario.settings.isEmpty {
            facts.insert(("Settings", m.scenario.settings.joined(separator: ", ")), at: 1)
        }
        let list = facts.map { key, value in
            key == "Command"
                ? "<dt>\(key)</dt><dd><code>\(Markup.escape(value))</code></dd>"
                : "<dt>\(key)</dt><dd>\(Markup.escape(value))</dd>"
        }.joined(separator: "\n")
        // Headings are escaped already, as the sections wrote them.
        let items = contents.map { "<li><a href=\"#\($0.id)\">\($0.heading)</a></li>" }.joined()
        return """
            <header>
            <h1>\(Markup.escape("escsim report: \(name)"))</h1>
            <p class="lead">Monte Carlo outcomes of the scenario, read from its output folder. Charts show \
            \(Markup.escape(folder.baseline)) unless they say otherwise.</p>
            <dl class="facts">
            \(list)
            </dl>
            <nav aria-label="Contents"><ol>\(items)</ol></nav>
            </header>
            """
    }

    /// Each section's anchor and heading (as written, escaped), in page order.
    static func contents(of sections: [String]) -> [(id: String, heading: String)] {
        sections.flatMap { html in
            html.matches(of: /<section id="([^"]+)">\s*<h2>([^<]*)<\/h2>/).map {
                (String($0.output.1), String($0.output.2))
            }
        }
    }

    /// "GSL 2.7.1 mt19937".
    var randomText: String {
        let m = folder.manifest
        return [m.random.library, m.random.version, m.random.generator].joined(separator: " ")
    }

    /// "1,000 per variant (1,000 asked)", with failed runs when there were any.
    var replicationText: String {
        let m = folder.manifest
        var text = NumberText.count(m.replicationsDone) + " per variant"
        if m.replications != m.replicationsDone { text += " (\(NumberText.count(m.replications)) asked)" }
        let failed = folder.variants.reduce(0) { $0 + (folder.tally.failedRuns[$1] ?? 0) }
        if failed > 0 { text += "; \(NumberText.count(failed)) failed runs left out of every summary" }
        return text
    }

    /// An identifier made safe for an `id` attribute.
    func anchor(_ prefix: String, _ name: String) -> String {
        prefix + "-"
            + String(
                name.unicodeScalars.map { scalar -> Character in
                    scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar)
                        ? Character(scalar) : "-"
                })
    }
}
