import EscalationModel
import Experiments

/// The section of one run told in full: replication 0 of the baseline, traced again from the
/// scenario file (see `ReplicationStory`), as an event timeline by actor and as the map of
/// regions with who held them at its start and end.
extension HTMLReport {
    func storySection() -> (html: String, charts: Int) {
        guard let story else { return ("", 0) }
        switch story {
        case .failure(let unavailable):
            return (
                """
                <section id="one-run">
                <h2>One run, event by event</h2>
                <p class="note">Not drawn: \(Markup.escape(unavailable.reason)). The events of a run and the \
                map are not in the output files; the report traces replication 0 again from the scenario file, \
                and only when it is the one the run read. <code>escsim trace</code> writes them for any \
                replication.</p>
                </section>
                """, 0
            )
        case .success(let run):
            let timeline = EventTimelineChart(
                id: "event-timeline", title: "Events of replication 0 (\(folder.baseline))",
                parameters: run.parameters, entries: run.traced.entries)
            // Across the runs when the folder has the daily series; else replication 0's end.
            let shares =
                folder.manifest.files.contains(RecordedRuns.dailyFile)
                ? (try? RegionShares.read(
                    folder: folder.path, variant: folder.baseline, day: mapDay, parameters: run.parameters)) ?? nil
                : nil
            let graph = RegionGraphChart(
                id: "region-graph",
                title: shares.map {
                    "Who held each region on day \($0.day): the camp in most of \($0.runs) runs (fill), at the start (ring)"
                } ?? "Who held each region: start (ring) and end (fill) of replication 0",
                parameters: run.parameters, endControllers: run.traced.finalControllers, shares: shares)
            let outcome = run.traced.outcome
            let html = """
                <section id="one-run">
                <h2>One run, event by event</h2>
                <p class="note">Replication 0 of \(Markup.escape(folder.baseline)), run again with the tracer from \
                \(Markup.escape(run.file)) (its SHA-256 matches the manifest, so this is the run in the first row of \
                replications.csv): it ended as \(Markup.escape(OutcomeLabels.words(outcome.endState.rawValue))) on \
                day \(NumberText.fixed(outcome.endDay, digits: 1)), after \(NumberText.count(run.traced.entries.count)) \
                traced events. <code>escsim trace</code> tells the same story as text.</p>
                <figure class="wide">
                \(timeline.svg())
                <figcaption>\(Markup.escape(timeline.caption))</figcaption>
                </figure>
                <figure class="wide">
                \(graph.svg())
                <figcaption>\(Markup.escape(graph.caption))</figcaption>
                </figure>
                </section>
                """
            return (html, 2)
        }
    }
}
