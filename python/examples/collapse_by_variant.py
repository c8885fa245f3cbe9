"""Regime-collapse probability per variant of the Aleppo 2024 case (run from the repository root)."""

import escsim

results = escsim.run("Scenarios/aleppo-2024.yaml", variants=["russia_air_surge", "iran_reinforces"],
                     replications=200, seed=7)
ok = results.replications.query("status == 'ok'")
print(ok.groupby("variant", sort=False).regime_collapsed.mean().rename("P(regime collapse)"))
print(results.probability("regime_collapsed"))  # the same, with the convenience method
