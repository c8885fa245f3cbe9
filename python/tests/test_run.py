"""escsim.run: the flags it passes, and the per-variant probabilities read from what escsim wrote."""

import math

import escsim
from conftest import REPLICATIONS, SCENARIO, SEED, VARIANTS, csv_rows


def test_variants_run_has_baseline_and_both_variants_in_order(variants_run):
    assert variants_run.variants == ["baseline"] + VARIANTS
    assert variants_run.manifest["seed"] == SEED
    assert variants_run.manifest["replications"] == REPLICATIONS
    runs = variants_run.replications
    assert len(runs) == REPLICATIONS * 3
    assert runs.groupby("variant").size().to_dict() == {v: REPLICATIONS for v in ["baseline"] + VARIANTS}


def test_collapse_probability_per_variant_matches_the_file(variants_run):
    probability = variants_run.probability("regime_collapsed")
    assert list(probability.index) == ["baseline"] + VARIANTS
    # The same shares counted from replications.csv with the csv module, not pandas.
    rows = csv_rows(variants_run.folder / "replications.csv")
    for variant in ["baseline"] + VARIANTS:
        ok = [r for r in rows if r["variant"] == variant and r["status"] == "ok"]
        expected = sum(int(r["regime_collapsed"]) for r in ok) / len(ok)
        assert math.isclose(probability[variant], expected, rel_tol=0, abs_tol=1e-12)
    # and the same as summary.csv's mean of the indicator
    summary = variants_run.summary
    means = summary[summary.outcome == "regime_collapsed"].set_index("variant")["mean"]
    for variant, value in probability.items():
        assert math.isclose(value, means[variant], abs_tol=1e-9)


def test_same_seed_gives_the_same_file_and_out_none_is_a_temporary_folder(binary, variants_run):
    again = escsim.run(SCENARIO, variants=",".join(VARIANTS), replications=REPLICATIONS, seed=SEED, binary=binary)
    folder = again.folder
    assert folder.is_dir() and folder != variants_run.folder
    assert (folder / "replications.csv").read_bytes() == (variants_run.folder / "replications.csv").read_bytes()
    again.cleanup()
    assert not folder.exists()


def test_settings_reach_the_scenario(binary, tmp_path):
    # No sorties at all: not one airstrike in any replication; with the default, some.
    grounded = escsim.run(
        SCENARIO, replications=5, seed=SEED, out=tmp_path / "grounded", binary=binary,
        settings={"actors.russia.sorties_per_day": 0, "actors.regime.sorties_per_day": 0,
                  "actors.turkey.sorties_per_day": 0},
    )
    assert grounded.manifest["scenario"]["settings"]
    assert (grounded.replications.airstrikes == 0).all()
    default = escsim.run(SCENARIO, replications=5, seed=SEED, out=tmp_path / "default", binary=binary)
    assert (default.replications.airstrikes > 0).any()


def test_daily_run_writes_trajectories(binary, tmp_path):
    res = escsim.run(SCENARIO, replications=3, seed=SEED, out=tmp_path / "daily", daily=True, binary=binary, threads=1)
    daily = res.daily
    assert daily is not None
    ok = (res.replications.status == "ok").sum()
    assert len(daily) == ok * daily.day.max()
    assert list(daily.columns[:3]) == ["variant", "replication", "day"]
    assert res.manifest["threads"] == 1


def test_setting_values_become_yaml(binary, tmp_path):
    from escsim.runner import settings_arguments, yaml_value

    assert yaml_value(True) == "true" and yaml_value(None) == "null" and yaml_value(0.1) == "0.1"
    assert yaml_value({"distribution": "beta", "mean": 0.8, "sd": 0.1}) == '{"distribution": "beta", "mean": 0.8, "sd": 0.1}'
    assert settings_arguments(["a.b=1"]) == ["--set", "a.b=1"]
    # a distribution given as a dict is a valid --set value for escsim
    res = escsim.run(SCENARIO, replications=2, seed=SEED, out=tmp_path / "dist", binary=binary,
                     settings={"actors.russia.commitment": {"distribution": "beta", "mean": 0.8, "sd": 0.1}})
    assert res.manifest["scenario"]["settings"] == ['actors.russia.commitment={"distribution": "beta", "mean": 0.8, "sd": 0.1}']
