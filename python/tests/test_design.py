"""Designs: a DataFrame written as the --design CSV, and the experiments joined to the replications."""

import pandas as pd
import pytest

import escsim
from conftest import SCENARIO, SEED

DESIGN = pd.DataFrame(
    {"actors.russia.sorties_per_day": [0.0, 20.0, 40.0], "actors.iran.distraction": [0.25, 0.5, 0.875]},
    index=[10, 11, 12],  # an index that must not become a column of the CSV
)
POINTS = ["point_0001", "point_0002", "point_0003"]


def values_used(res):
    """The design values each point ran with: experiments.csv, or (folders from before it) the
    dotted columns of replications.csv, one value per point."""
    if res.experiments is not None:
        return res.experiments.set_index("variant")[list(DESIGN.columns)]
    runs = res.replications
    return runs.groupby("variant")[list(DESIGN.columns)].first()


def test_a_data_frame_design_runs_each_row_as_a_point(binary, tmp_path):
    res = escsim.run(SCENARIO, design=DESIGN, replications=4, seed=SEED, out=tmp_path / "design", binary=binary)
    assert res.variants == POINTS
    used = values_used(res).loc[POINTS]
    assert used.to_numpy().tolist() == DESIGN.to_numpy().tolist()
    # no Russian sorties at point 1, the most at point 3 (the regime flies its own at both)
    strikes = res.replications.groupby("variant").airstrikes.mean()
    assert strikes["point_0003"] > strikes["point_0001"]
    outcomes = res.outcomes
    assert len(outcomes) == len(res.replications)
    if res.experiments is not None:
        assert {"point", "policy"} <= set(outcomes.columns)
        assert outcomes.groupby("variant").point.first().loc[POINTS].tolist() == [1, 2, 3]


def test_a_design_file_path_is_passed_as_is(binary, tmp_path):
    path = tmp_path / "points.csv"
    DESIGN.to_csv(path, index=False)
    res = escsim.run(SCENARIO, design=str(path), replications=2, seed=SEED, out=tmp_path / "file", binary=binary)
    assert res.variants == POINTS
    assert path.read_text().startswith("actors.russia.sorties_per_day,")


def test_a_design_crossed_with_policies(binary, tmp_path):
    try:
        res = escsim.run(SCENARIO, design=DESIGN.head(2), variants=["russia_air_surge"], replications=3,
                         seed=SEED, out=tmp_path / "crossed", binary=binary)
    except escsim.EscsimError as error:
        if "Use one of" in error.stderr:
            pytest.skip("this escsim build runs designs without policies only (before issue 16)")
        raise
    assert res.variants == ["point_0001/baseline", "point_0001/russia_air_surge",
                            "point_0002/baseline", "point_0002/russia_air_surge"]
    by_policy = res.probability("regime_collapsed", by="policy")
    assert set(by_policy.index) == {"baseline", "russia_air_surge"}
    by_both = res.probability("regime_collapsed", by=["point", "policy"])
    assert len(by_both) == 4 and by_both.between(0, 1).all()


def test_a_sampled_design(binary, tmp_path):
    try:
        res = escsim.run(SCENARIO, design="sobol:4", replications=2, seed=SEED, out=tmp_path / "sobol", binary=binary)
    except escsim.EscsimError as error:
        if "cannot read sobol:4" in error.stderr:
            pytest.skip("this escsim build has no sampled designs (before issue 16)")
        raise
    assert res.experiments is not None
    assert res.manifest["design"]["method"] == "sobol"
    assert len(res.experiments) == res.manifest["design"]["points"]
    assert set(res.replications.variant) == set(res.experiments.variant)
