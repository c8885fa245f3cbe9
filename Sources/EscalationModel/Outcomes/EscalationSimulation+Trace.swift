/// The story of a replication, kept only when tracing. Callers check `trace != nil` before
/// building a sentence, so batches never pay for the strings.
extension EscalationSimulation {
    mutating func note(_ time: Double, _ event: String, _ actorIndices: [Int], region: Int?, _ sentence: String) {
        guard trace != nil else { return }
        let parameters = tables.parameters
        trace?.append(
            TraceEntry(
                day: time, event: event, actors: actorIndices.map { parameters.actors[$0].id },
                region: region.map { parameters.regions[$0].id }, sentence: sentence))
    }
}
