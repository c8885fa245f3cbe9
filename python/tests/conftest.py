"""Shared fixtures: the escsim binary (from $ESCSIM) and one small run that several tests read.

The tests run the real binary. Locally, without ESCSIM, they are skipped with a message saying
how to run them; under CI (CI set) a missing binary is an error, never a silent skip.
"""

import csv
import os
from pathlib import Path

import pytest

import escsim

REPOSITORY = Path(__file__).resolve().parents[2]
SCENARIO = REPOSITORY / "Scenarios" / "aleppo-2024.yaml"
SEED = 20250101
VARIANTS = ["russia_air_surge", "iran_reinforces"]
REPLICATIONS = 40


@pytest.fixture(scope="session")
def binary():
    path = os.environ.get("ESCSIM")
    if not path or not os.access(path, os.X_OK):
        message = (
            f"ESCSIM={path!r} is not an executable escsim binary" if path else "ESCSIM is not set"
        ) + "; build escsim (swift build) and run ESCSIM=.build/debug/escsim pytest python/tests, or `make test-python`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def variants_run(binary, tmp_path_factory):
    """The baseline and two variants, 40 replications, into a folder of the test's own."""
    out = tmp_path_factory.mktemp("variants") / "run"
    return escsim.run(SCENARIO, variants=VARIANTS, replications=REPLICATIONS, seed=SEED, out=out, binary=binary)


def csv_rows(path):
    """The rows of a CSV file read with the csv module (not pandas), to check pandas' reading against."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))
