"""escsim.ema: a 20-experiment EMA Workbench run on the scenario, checked against direct runs."""

import math
import os

import pytest

try:
    import ema_workbench  # noqa: F401
except ImportError:
    if os.environ.get("CI"):  # make test-python installs it: under CI its absence is an error
        raise
    pytest.skip("pip install ema-workbench to test escsim.ema", allow_module_level=True)
from ema_workbench import RealParameter, ScalarOutcome, SequentialEvaluator, perform_experiments  # noqa: E402

import escsim  # noqa: E402
from escsim.ema import EscsimModel, identifier  # noqa: E402
from conftest import SCENARIO, SEED  # noqa: E402

REPLICATIONS = 3


def test_identifiers_for_dotted_paths():
    assert identifier("actors.russia.sorties_per_day") == "actors__russia__sorties_per_day"
    assert identifier("variant") == "variant"
    assert identifier("regions.west-aleppo.value").isidentifier()


@pytest.fixture(scope="module")
def experiments_run(binary):
    model = EscsimModel(
        "aleppo",
        SCENARIO,
        uncertainties=[RealParameter("actors.russia.sorties_per_day", 0, 40)],
        levers={"actors.iran.distraction": (0.2, 0.9)},
        outcomes=["regime_collapsed", ScalarOutcome("airstrikes")],
        replications=REPLICATIONS,
        seed=SEED,
        binary=binary,
    )
    with SequentialEvaluator(model) as evaluator:
        experiments, outcomes = perform_experiments(model, scenarios=20, policies=1, evaluator=evaluator)
    return model, experiments, outcomes


def test_twenty_experiments_with_their_outcomes(experiments_run):
    model, experiments, outcomes = experiments_run
    assert len(experiments) == 20
    assert "actors__russia__sorties_per_day" in experiments.columns
    dotted = model.dotted(experiments)
    assert {"actors.russia.sorties_per_day", "actors.iran.distraction"} <= set(dotted.columns)
    assert len(outcomes["regime_collapsed"]) == 20
    assert all(0 <= p <= 1 for p in outcomes["regime_collapsed"])
    # the sampled sorties reach the runs: airstrikes rise with them (Latin hypercube over 0-40)
    sorties = dotted["actors.russia.sorties_per_day"].to_numpy()
    strikes = outcomes["airstrikes"]
    order = sorties.argsort()
    assert strikes[order[-5:]].mean() > strikes[order[:5]].mean()


def test_an_experiment_equals_the_direct_run(experiments_run, binary, tmp_path):
    model, experiments, outcomes = experiments_run
    dotted = model.dotted(experiments)
    row = dotted.iloc[7]
    settings = {p: row[p] for p in ["actors.russia.sorties_per_day", "actors.iran.distraction"]}
    direct = escsim.run(SCENARIO, replications=REPLICATIONS, seed=SEED, settings=settings,
                        out=tmp_path / "direct", binary=binary)
    ok = direct.replications[direct.replications.status == "ok"]
    assert math.isclose(outcomes["airstrikes"][7], ok.airstrikes.mean(), rel_tol=0, abs_tol=1e-9)
    assert math.isclose(outcomes["regime_collapsed"][7], ok.regime_collapsed.mean(), rel_tol=0, abs_tol=1e-9)


def test_a_variant_lever_selects_the_what_if(binary):
    model = EscsimModel("aleppo", SCENARIO, levers={"variant": ["baseline", "russia_air_surge"]},
                        outcomes=["airstrikes"], replications=REPLICATIONS, seed=SEED, binary=binary)
    base = model.function(variant="baseline")["airstrikes"]
    surge = model.function(variant="russia_air_surge")["airstrikes"]
    assert surge > base


def test_a_batched_run_gives_what_separate_runs_give(binary, tmp_path):
    from escsim.ema import EscsimBatchEvaluator

    model = EscsimModel(
        "aleppo", SCENARIO,
        uncertainties={"actors.russia.sorties_per_day": (0.0, 40.0), "actors.iran.distraction": (0.2, 0.9)},
        outcomes=["regime_collapsed", "airstrikes", "regime_collapse_day"],
        replications=REPLICATIONS, seed=SEED, binary=binary,
    )
    with EscsimBatchEvaluator(model) as evaluator:
        experiments, outcomes = perform_experiments(model, scenarios=20, evaluator=evaluator)
    assert len(experiments) == 20 and len(outcomes["airstrikes"]) == 20
    assert model.function.precomputed == {}, "the batch's outcomes are not kept past the call"
    dotted = model.dotted(experiments)
    for index in [0, 13]:
        row = dotted.iloc[index]
        settings = {p: row[p] for p in ["actors.russia.sorties_per_day", "actors.iran.distraction"]}
        direct = model.function(**settings)  # one escsim run of its own (nothing precomputed now)
        for outcome in ["regime_collapsed", "airstrikes", "regime_collapse_day"]:
            a, b = outcomes[outcome][index], direct[outcome]
            assert (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=0, abs_tol=1e-9), outcome


def test_a_batch_cannot_choose_variants(binary):
    from escsim.ema import EscsimBatchEvaluator

    model = EscsimModel("aleppo", SCENARIO, levers={"variant": ["baseline", "russia_air_surge"]},
                        outcomes=["airstrikes"], replications=REPLICATIONS, seed=SEED, binary=binary)
    with pytest.raises(ValueError, match="SequentialEvaluator"):
        with EscsimBatchEvaluator(model) as evaluator:
            perform_experiments(model, policies=2, evaluator=evaluator)
