"""`Results`: an escsim output folder whose files load as pandas data frames when first asked for."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Union

import pandas as pd

# The first columns of replications.csv; an outcome is any later column without a dot, an input
# (drawn or swept parameter, in folders written before draws.csv existed) a dotted one.
RECORD_COLUMNS = ("variant", "replication", "status", "error", "end_state")


def read_csv(path: Path) -> pd.DataFrame:
    """One of escsim's CSV files: only an empty field is missing (NaN).

    pandas would also read "NA", "null", "None", "nan" ... as missing by default; escsim writes a
    missing value (a day on which an event never happened) as an empty field and nothing else, and
    a name such as a variant or a city could be spelt like one of those words.
    """
    return pd.read_csv(path, keep_default_na=False, na_values=[""], low_memory=False)


class Results:
    """An escsim output folder (from `escsim run`, `merge` or `score`).

    Each data frame attribute reads its file the first time it is used and keeps it; it is None
    when the folder has no such file (daily.csv without --daily, comparison.csv without variants,
    experiments.csv outside designs, ...). `files` lists what the folder holds.
    """

    # attribute -> file name, as escsim writes them (docs/outputs.md)
    FILES: Dict[str, str] = {
        "replications": "replications.csv",
        "summary": "summary.csv",
        "histograms": "histograms.csv",
        "comparison": "comparison.csv",
        "daily": "daily.csv",
        "timeline": "timeline.csv",
        "sensitivity": "sensitivity.csv",
        "draws": "draws.csv",
        "experiments": "experiments.csv",
        "sobol": "sobol.csv",
        "morris": "morris.csv",
        "prim": "prim.csv",
        "scores": "scores.csv",  # escsim score (Sources/escsim/ScoresFile.swift)
    }

    def __init__(self, folder: Union[str, "os.PathLike[str]"]):
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise FileNotFoundError(f"{self.folder}: no such folder (an escsim output folder was expected)")
        if not (self.folder / "replications.csv").is_file() and not (self.folder / "manifest.json").is_file():
            raise FileNotFoundError(
                f"{self.folder}: not an escsim output folder (no replications.csv and no manifest.json)"
            )
        self._frames: Dict[str, Optional[pd.DataFrame]] = {}
        self._manifest: Optional[dict] = None
        self._manifest_read = False
        self._temporary: Any = None

    def _keep_alive(self, temporary: Any) -> None:
        """Own the temporary folder the results live in, so that it goes when this object does."""
        self._temporary = temporary

    def cleanup(self) -> None:
        """Remove the temporary output folder of a run with out=None now (a no-op otherwise)."""
        if self._temporary is not None:
            self._temporary.cleanup()
            self._temporary = None

    def __repr__(self) -> str:
        return f"Results({str(self.folder)!r}, files={self.files})"

    @property
    def files(self) -> List[str]:
        """The data files of the folder that this object can read, by name."""
        present = [name for name in self.FILES.values() if (self.folder / name).is_file()]
        if (self.folder / "manifest.json").is_file():
            present.append("manifest.json")
        return present

    def _frame(self, attribute: str) -> Optional[pd.DataFrame]:
        if attribute not in self._frames:
            path = self.folder / self.FILES[attribute]
            self._frames[attribute] = read_csv(path) if path.is_file() else None
        return self._frames[attribute]

    def require(self, attribute: str) -> pd.DataFrame:
        """The data frame of `attribute`, or a FileNotFoundError naming the missing file and why."""
        frame = getattr(self, attribute)
        if frame is None:
            name = self.FILES.get(attribute, attribute)
            hint = {
                "daily": " (run with daily=True / --daily)",
                "comparison": " (run with variants, a sweep or a design)",
                "experiments": " (written for designs: sweep=True or design=...)",
                "scores": " (written by `escsim score DIR --observations FILE`)",
                "sobol": " (written for design='sobol:N')",
                "morris": " (written for design='morris:R')",
            }.get(attribute, "")
            raise FileNotFoundError(f"{self.folder / name}: not in this folder{hint}")
        return frame

    # The files, one attribute each.
    replications = property(lambda self: self._frame("replications"), doc="replications.csv: one row per variant and replication.")
    summary = property(lambda self: self._frame("summary"), doc="summary.csv: per variant and outcome.")
    histograms = property(lambda self: self._frame("histograms"), doc="histograms.csv: per variant, outcome and bin.")
    comparison = property(lambda self: self._frame("comparison"), doc="comparison.csv: each variant against the baseline.")
    daily = property(lambda self: self._frame("daily"), doc="daily.csv (--daily): per variant, ok replication and day.")
    timeline = property(lambda self: self._frame("timeline"), doc="timeline.csv: bands per variant, day and measure.")
    sensitivity = property(lambda self: self._frame("sensitivity"), doc="sensitivity.csv: PRCC per outcome and parameter.")
    experiments = property(lambda self: self._frame("experiments"), doc="experiments.csv (designs): one row per experiment.")
    sobol = property(lambda self: self._frame("sobol"), doc="sobol.csv (Sobol designs): Sobol indices.")
    morris = property(lambda self: self._frame("morris"), doc="morris.csv (Morris designs): elementary effects.")
    prim = property(lambda self: self._frame("prim"), doc="prim.csv: scenario discovery boxes for 0/1 outcomes.")
    scores = property(lambda self: self._frame("scores"), doc="scores.csv (escsim score): one row per observation.")

    @property
    def draws(self) -> Optional[pd.DataFrame]:
        """draws.csv: what each replication drew for the uncertain parameters.

        Folders written before draws.csv existed carried the draws as the trailing dotted-path
        columns of replications.csv; those columns (with variant and replication) are returned then.
        """
        frame = self._frame("draws")
        if frame is not None:
            return frame
        runs = self.replications
        if runs is None:
            return None
        dotted = [c for c in runs.columns if "." in c]
        if not dotted:
            return None
        return runs[["variant", "replication"] + dotted]

    @property
    def manifest(self) -> Optional[dict]:
        """manifest.json as a dict (None when the folder has none: a run still going or killed)."""
        if not self._manifest_read:
            path = self.folder / "manifest.json"
            self._manifest = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
            self._manifest_read = True
        return self._manifest

    @property
    def variants(self) -> List[str]:
        """The variant names in the order escsim ran them (baseline first): the manifest's, else the file's."""
        manifest = self.manifest
        if manifest and isinstance(manifest.get("variants"), list):
            return list(manifest["variants"])
        return list(pd.unique(self.require("replications")["variant"]))

    @property
    def outcome_columns(self) -> List[str]:
        """The outcome columns of replications.csv (no dotted parameter columns)."""
        return [c for c in self.require("replications").columns if c not in RECORD_COLUMNS and "." not in c]

    @property
    def outcomes(self) -> pd.DataFrame:
        """replications.csv joined with experiments.csv on `variant` (for designs: adds point, policy
        and the swept values to every replication); just replications.csv when there is no
        experiments.csv."""
        runs = self.require("replications")
        experiments = self.experiments
        if experiments is None:
            return runs
        extra = [c for c in experiments.columns if c == "variant" or c not in runs.columns]
        return runs.merge(experiments[extra], on="variant", how="left", validate="many_to_one")

    def probability(self, outcome: str, by: Union[str, Sequence[str]] = "variant") -> pd.Series:
        """The share of `ok` replications in which a 0/1 outcome is 1, per group (default per variant).

        `by` is a column of replications.csv or, for designs, of experiments.csv ("policy",
        "point", a swept path). Variants keep the order escsim ran them in.
        """
        frame = self.outcomes
        if outcome not in frame.columns:
            known = ", ".join(self.outcome_columns)
            raise KeyError(f"{outcome!r} is not a column of replications.csv; its outcomes are: {known}")
        keys = [by] if isinstance(by, str) else list(by)
        for key in keys:
            if key not in frame.columns:
                raise KeyError(f"cannot group by {key!r}: not a column of replications.csv or experiments.csv")
        ok = frame[frame["status"] == "ok"]
        values = ok[outcome].dropna()
        if not values.isin([0, 1]).all():
            raise ValueError(f"{outcome!r} is not a 0/1 outcome (it holds values other than 0 and 1)")
        result = ok.groupby(keys, sort=True)[outcome].mean()
        if keys == ["variant"]:
            order = [v for v in self.variants if v in result.index]
            result = result.reindex(order + [v for v in result.index if v not in order])
        return result.rename(outcome)


def read(folder: Union[str, "os.PathLike[str]"]) -> Results:
    """An escsim output folder as a Results object (files load when first used)."""
    return Results(folder)
