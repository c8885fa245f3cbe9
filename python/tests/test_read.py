"""escsim.read: the files of a folder as data frames, missing files as None, empty days as NaN."""

import json
import shutil

import pytest

import escsim
from conftest import csv_rows


def test_read_gives_the_files_of_the_folder(variants_run):
    res = escsim.read(variants_run.folder)
    rows = csv_rows(res.folder / "replications.csv")
    assert len(res.replications) == len(rows)
    assert list(res.replications.columns) == list(rows[0].keys())
    assert res.manifest == json.loads((res.folder / "manifest.json").read_text())
    for attribute in ["summary", "comparison", "timeline", "histograms"]:
        assert getattr(res, attribute) is not None, attribute
    assert set(res.comparison.variant) == {"russia_air_surge", "iran_reinforces"}
    assert "replications.csv" in res.files and "manifest.json" in res.files


def test_files_that_are_not_there_are_none(variants_run):
    res = escsim.read(variants_run.folder)
    for attribute in ["daily", "experiments", "sobol", "morris", "prim", "scores"]:
        assert getattr(res, attribute) is None, attribute
    with pytest.raises(FileNotFoundError, match="daily.csv.*--daily"):
        res.require("daily")


def test_a_day_that_never_came_is_nan(variants_run):
    runs = escsim.read(variants_run.folder).replications
    # regime_collapse_day is empty exactly where the regime did not collapse
    assert (runs.regime_collapse_day.isna() == (runs.regime_collapsed == 0)).all()
    assert runs.regime_collapse_day.dtype.kind == "f"
    assert (runs.regime_collapsed == 0).any(), "the test needs a run without a collapse"


def test_draws_come_from_draws_csv_or_the_dotted_columns(variants_run, tmp_path):
    res = escsim.read(variants_run.folder)
    draws = res.draws
    assert draws is not None
    assert list(draws.columns[:2]) == ["variant", "replication"]
    assert "actors.russia.commitment" in draws.columns
    assert len(draws) == len(res.replications)
    assert all("." not in c for c in res.outcome_columns)


def test_scores_are_read_from_scores_csv(variants_run, tmp_path):
    copy = tmp_path / "scored"
    shutil.copytree(variants_run.folder, copy)
    (copy / "scores.csv").write_text("variant,id,kind,pit\nbaseline,a,event,0.5\nbaseline,b,fact,\n")
    scores = escsim.read(copy).scores
    assert list(scores.id) == ["a", "b"]
    assert scores.pit.isna().tolist() == [False, True]


def test_probability_by_another_column(variants_run):
    res = escsim.read(variants_run.folder)
    by_end = res.probability("regime_collapsed", by="end_state")
    # a run that ended in regime collapse has the regime collapsed
    assert by_end["regime_collapse"] == 1.0
