/// Which outcomes the report charts, and what to call them. The output files name outcomes by
/// identifier only (`aleppo_city_fall_day`), so titles and units are derived from the names
/// escsim gives them (see `OutcomeSchema` in EscalationModel).
public enum OutcomeCatalog {
    /// Outcomes with a histogram, in this order: each key city's fall day (the file's order),
    /// the regime's collapse, the peak ladder rung, civilians killed and displaced. Those a
    /// folder lacks are left out.
    public static func histogramOutcomes(among outcomes: [String]) -> [String] {
        let cities = outcomes.filter { $0.hasSuffix("_fall_day") }
        let rest = ["regime_collapse_day", "ladder_peak", "civilians_killed", "civilians_displaced"]
        return cities + rest.filter(outcomes.contains)
    }

    /// Outcomes with a forest plot of variant minus baseline: the first key city falling, the
    /// regime collapsing, a ceasefire, chemical weapons, the peak rung and civilian harm.
    public static func comparedOutcomes(among outcomes: [String]) -> [String] {
        let firstCity = outcomes.first { $0.hasSuffix("_fell") }
        let rest = ["regime_collapsed", "ceasefire", "chemical_weapons_used", "ladder_peak", "civilians_killed",
                    "civilians_displaced"]
        return (firstCity.map { [$0] } ?? []) + rest.filter(outcomes.contains)
    }

    /// A title for `outcome`, e.g. "Day Aleppo city fell", "Peak ladder rung".
    public static func title(_ outcome: String) -> String {
        let fixed: [String: String] = [
            "regime_collapse_day": "Day of regime collapse",
            "regime_collapsed": "Regime collapsed",
            "ladder_peak": "Peak ladder rung",
            "ladder_final": "Final ladder rung",
            "civilians_killed": "Civilians killed",
            "civilians_injured": "Civilians injured",
            "civilians_displaced": "Civilians displaced",
            "ceasefire": "Ceasefire",
            "ceasefire_day": "Day of the ceasefire",
            "chemical_weapons_used": "Chemical weapons used",
            "chemical_weapons_day": "Day chemical weapons were first used",
            "end_day": "Day the run ended",
        ]
        if let title = fixed[outcome] { return title }
        if outcome.hasSuffix("_fall_day") {
            return "Day " + sentence(words(String(outcome.dropLast("_fall_day".count)))) + " fell"
        }
        if outcome.hasSuffix("_fell") {
            return sentence(words(String(outcome.dropLast("_fell".count))) + " fell")
        }
        if outcome.hasPrefix("territory_") {
            return "Territory of " + actorName(String(outcome.dropFirst("territory_".count)))
        }
        return sentence(words(outcome))
    }

    /// The unit of an axis that shows values of `outcome` of `kind`.
    public static func unit(_ outcome: String, kind: OutcomeSummary.Kind) -> String {
        switch kind {
        case .day: "day"
        case .level: "ladder rung"
        case .share: "% of territory"
        case .indicator: "% of runs"
        case .quantity:
            if outcome.hasPrefix("civilians_") { "civilians" }
            else if outcome.hasPrefix("losses_") || outcome.hasPrefix("reinforcements_") { "fighters" }
            else if outcome == "end_day" { "day" }
            else { words(outcome) }
        }
    }

    /// An actor's identifier as a name: short ones are acronyms ("hts" -> "HTS"), others are
    /// capitalised ("regime" -> "Regime"). The output files do not carry the scenario's names.
    public static func actorName(_ id: String) -> String {
        if id.count <= 3 { return id.uppercased() }
        return sentence(words(id))
    }

    /// `a_b_c` as "a b c".
    static func words(_ identifier: String) -> String {
        identifier.split(separator: "_").joined(separator: " ")
    }

    /// The first letter in upper case.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
