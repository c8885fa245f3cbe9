"""What goes wrong says what went wrong."""

import os

import pytest

import escsim
from conftest import SCENARIO


def test_missing_binary_is_a_clear_error(tmp_path, monkeypatch):
    with pytest.raises(escsim.EscsimNotFoundError, match="not an executable"):
        escsim.run(SCENARIO, binary=tmp_path / "no-escsim")
    monkeypatch.delenv("ESCSIM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(escsim.EscsimNotFoundError, match="ESCSIM"):
        escsim.run(SCENARIO)


def test_escsim_failure_carries_its_stderr(binary, tmp_path):
    with pytest.raises(escsim.EscsimError) as caught:
        escsim.run(tmp_path / "missing.yaml", replications=2, binary=binary, out=tmp_path / "out")
    assert caught.value.returncode != 0
    assert "missing.yaml" in caught.value.stderr
    assert "missing.yaml" in str(caught.value)


def test_a_bad_setting_names_the_path(binary, tmp_path):
    with pytest.raises(escsim.EscsimError) as caught:
        escsim.run(SCENARIO, replications=2, binary=binary, out=tmp_path / "out",
                   settings={"actors.russia.no_such_key": 1})
    assert "no_such_key" in caught.value.stderr
    assert not (tmp_path / "out" / "replications.csv").exists()


def test_an_unknown_variant_fails(binary, tmp_path):
    with pytest.raises(escsim.EscsimError, match="no_such_variant"):
        escsim.run(SCENARIO, variants=["no_such_variant"], replications=2, binary=binary, out=tmp_path / "out")


def test_reading_what_is_not_an_output_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such folder"):
        escsim.read(tmp_path / "nothing")
    with pytest.raises(FileNotFoundError, match="not an escsim output folder"):
        escsim.read(tmp_path)


def test_probability_of_what_is_not_a_0_1_outcome(variants_run):
    with pytest.raises(ValueError, match="not a 0/1 outcome"):
        variants_run.probability("civilians_killed")
    with pytest.raises(KeyError, match="regime_collapsed"):
        variants_run.probability("no_such_outcome")
    with pytest.raises(KeyError, match="cannot group by"):
        variants_run.probability("regime_collapsed", by="no_such_column")


def test_bad_arguments_fail_before_escsim_runs(binary):
    with pytest.raises(ValueError, match="replications"):
        escsim.run(SCENARIO, replications=0, binary=binary)
    with pytest.raises(TypeError, match="design"):
        escsim.run(SCENARIO, design=42, binary=binary)
    with pytest.raises(ValueError, match="path=value"):
        escsim.run(SCENARIO, settings=["no equals sign"], binary=binary)
