"""Reading a design folder as the spec of issue 16 lays it out (experiments.csv, draws.csv), from a
small folder written here, so that the reader is tested without a binary that writes it."""

import json

import pytest

import escsim

VARIANTS = ["point_0001/baseline", "point_0001/surge", "point_0002/baseline", "point_0002/surge"]
# regime_collapsed per variant over two replications: baseline 1/4, surge 4/4; point 1 3/4, point 2 2/4
COLLAPSED = {"point_0001/baseline": [1, 0], "point_0001/surge": [1, 1],
             "point_0002/baseline": [0, 0], "point_0002/surge": [1, 1]}


@pytest.fixture
def design_folder(tmp_path):
    folder = tmp_path / "design"
    folder.mkdir()
    lines = ["variant,replication,status,error,end_state,regime_collapsed,regime_collapse_day"]
    for replication in range(2):
        for variant in VARIANTS:
            c = COLLAPSED[variant][replication]
            lines.append(f"{variant},{replication},ok,,{'regime_collapse' if c else 'stalemate'},{c},{'7.5' if c else ''}")
    lines.append("NA,0,error,non-finite value,incomplete,,")  # a variant spelt like a missing value
    (folder / "replications.csv").write_text("\n".join(lines) + "\n")
    (folder / "experiments.csv").write_text(
        "variant,point,policy,actors.russia.sorties_per_day\n"
        "point_0001/baseline,1,baseline,10\npoint_0001/surge,1,surge,10\n"
        "point_0002/baseline,2,baseline,30\npoint_0002/surge,2,surge,30\n"
    )
    (folder / "draws.csv").write_text(
        "variant,replication,actors.russia.commitment\n"
        + "".join(f"{v},{r},0.{r + 5}\n" for r in range(2) for v in VARIANTS)
    )
    (folder / "manifest.json").write_text(json.dumps({"variants": VARIANTS, "design": {"method": "file", "points": 2}}))
    return folder


def test_outcomes_join_the_experiments(design_folder):
    res = escsim.read(design_folder)
    outcomes = res.outcomes
    assert len(outcomes) == 9
    row = outcomes[(outcomes.variant == "point_0002/surge") & (outcomes.replication == 1)].iloc[0]
    assert row.point == 2 and row.policy == "surge" and row["actors.russia.sorties_per_day"] == 30
    assert outcomes.regime_collapse_day.isna().sum() == 4  # three non-collapses, the failed row
    assert "NA" in set(outcomes.variant)  # text "NA" stays text


def test_probability_by_policy_point_and_variant(design_folder):
    res = escsim.read(design_folder)
    assert res.probability("regime_collapsed", by="policy").to_dict() == {"baseline": 0.25, "surge": 1.0}
    assert res.probability("regime_collapsed", by="point").to_dict() == {1: 0.75, 2: 0.5}
    by_variant = res.probability("regime_collapsed")
    assert list(by_variant.index) == VARIANTS  # the failed "NA" row is not ok: left out
    assert by_variant["point_0001/baseline"] == 0.5
    swept = res.probability("regime_collapsed", by=["actors.russia.sorties_per_day", "policy"])
    assert swept[(30, "surge")] == 1.0 and swept[(30, "baseline")] == 0.0


def test_draws_come_from_draws_csv(design_folder):
    res = escsim.read(design_folder)
    assert list(res.draws.columns) == ["variant", "replication", "actors.russia.commitment"]
    assert res.draws["actors.russia.commitment"].tolist() == [0.5] * 4 + [0.6] * 4
    assert res.outcome_columns == ["regime_collapsed", "regime_collapse_day"]
    assert res.manifest["design"]["method"] == "file"
