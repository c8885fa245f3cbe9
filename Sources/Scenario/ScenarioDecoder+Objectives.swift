import EscalationModel
import Yams

/// An actor's `objectives`: a list of region ids (one phase), or a list of phases, each a list of
/// region ids or a mapping `{regions: [ids], pause_days: N}`.
extension ScenarioDecoder {
    static let phaseKeys = ["regions", "pause_days"]

    mutating func objectives(_ node: Node, context: String, regionIDs: [String]) -> [ObjectivePhase] {
        let what = "\(context): objectives"
        guard let items = decoder.list(node, what) else { return [] }
        if items.allSatisfy({ if case .scalar = $0 { return true } else { return false } }) {
            return [ObjectivePhase(regions: regionList(items, what, at: node, regionIDs: regionIDs))]
        }
        var phases: [ObjectivePhase] = []
        for (position, item) in items.enumerated() {
            let phaseWhat = "\(what) phase \(position + 1)"
            switch item {
            case .sequence:
                let ids = decoder.list(item, phaseWhat) ?? []
                phases.append(ObjectivePhase(regions: regionList(ids, phaseWhat, at: item, regionIDs: regionIDs)))
            case .mapping:
                guard
                    let f = decoder.fields(
                        of: item, in: phaseWhat, known: Self.phaseKeys, required: ["regions"])
                else { continue }
                let ids = decoder.list(f["regions"], "\(phaseWhat): regions") ?? []
                var pause = f["pause_days"].flatMap { decoder.number($0, "\(phaseWhat): pause_days", .nonNegative) }
                if let days = pause, days > ParameterCatalogue.maximumHorizonDays {
                    decoder.report(
                        "\(phaseWhat): pause_days must be at most \(Int(ParameterCatalogue.maximumHorizonDays))",
                        at: f["pause_days"])
                    pause = nil
                }
                phases.append(
                    ObjectivePhase(
                        regions: regionList(ids, "\(phaseWhat): regions", at: f["regions"], regionIDs: regionIDs),
                        pauseDays: pause ?? 0))
            default:
                decoder.report(
                    "\(phaseWhat) must be a region id, a list of region ids or {regions: [...], pause_days: N}",
                    at: item)
            }
        }
        return phases
    }

    private mutating func regionList(_ items: [Node], _ what: String, at node: Node?, regionIDs: [String]) -> [Int] {
        var regions: [Int] = []
        for item in items {
            guard let region = decoder.reference(item, what, to: regionIDs, kind: "region") else { continue }
            if !regions.contains(region) { regions.append(region) }
        }
        if items.isEmpty, node != nil { decoder.report("\(what) must name at least one region", at: node) }
        return regions
    }
}
