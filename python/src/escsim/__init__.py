"""escsim from Python: run the simulator and read its output folders as pandas data frames.

    import escsim
    res = escsim.run("Scenarios/aleppo-2024.yaml", variants="all", replications=500, seed=7)
    res.probability("regime_collapsed")        # per variant, among ok replications
    res.replications, res.summary, res.daily   # data frames, read when first used
    escsim.read("results/aleppo-2024")         # a folder written earlier

`escsim.ema` turns a scenario into an EMA Workbench model (needs ema-workbench).
"""

from .errors import EscsimError, EscsimNotFoundError
from .results import Results, read
from .runner import find_binary, run

__all__ = ["run", "read", "Results", "EscsimError", "EscsimNotFoundError", "find_binary"]
__version__ = "0.2.0"
