import Stochastic

/// Ground fighting's toll on the people of the region it is fought in (`ground_harm`).
extension EscalationSimulation {
    /// One combat round in `region` in which `fightersLost` fighters of both sides were put out of
    /// action: kills a Poisson number of residents with mean `civilians_killed_per_fighter_lost x
    /// fightersLost x share of the starting residents still at home`, and injures
    /// `injured_per_killed` times as many on average. Marks the region as fought over (for returns).
    mutating func harmCivilians(inCombatIn region: Int, fightersLost: Double, at time: Double) {
        civilianHarm.lastViolence[region] = time
        let perFighter = civilianHarm.killedPerFighterLost
        guard perFighter > 0, fightersLost > 0 else { return }
        let start = civilianHarm.initialPopulation[region]
        let residents = regions[region].population
        guard start > 0, residents >= 1 else { return }
        let mean = perFighter * fightersLost * residents / start
        let killed = min(
            residents.rounded(.down), CivilianHarmState.poisson(mean, civilianHarmStream))
        let injured = CivilianHarmState.poisson(mean * civilianHarm.injuredPerKilled, civilianHarmStream)
        regions[region].population -= killed
        civiliansKilled += killed
        civiliansInjured += injured
    }
}
