"""`escsim.run`: the escsim binary with the flags of `escsim run`, from Python arguments."""

from __future__ import annotations

import json
import numbers
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from .errors import EscsimError, EscsimNotFoundError
from .results import Results

PathLike = Union[str, "os.PathLike[str]"]


def find_binary(binary: Optional[PathLike] = None) -> str:
    """The escsim executable: `binary` if given, else $ESCSIM, else `escsim` on PATH.

    Fails with EscsimNotFoundError saying which of the three was tried, so a missing build is
    told apart from a failing run.
    """
    if binary is not None:
        candidate, source = os.fspath(binary), "binary="
    elif os.environ.get("ESCSIM"):
        candidate, source = os.environ["ESCSIM"], "the environment variable ESCSIM"
    else:
        found = shutil.which("escsim")
        if found is None:
            raise EscsimNotFoundError(
                "escsim binary not found: pass binary=..., set ESCSIM to its path, or put escsim on "
                "PATH (build it with `swift build -c release` and use .build/release/escsim)"
            )
        return found
    if os.sep in candidate or (os.altsep and os.altsep in candidate):
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    else:
        found = shutil.which(candidate)
        if found is not None:
            return found
    raise EscsimNotFoundError(f"escsim binary not found: {candidate!r} (from {source}) is not an executable file",
                              tried=candidate)


def yaml_value(value: Any) -> str:
    """A Python value as the YAML text `--set path=value` takes.

    Booleans become true/false and None null (Python's str() would give True/None, which YAML
    reads as a string in the core schema only by accident); numbers keep their full precision;
    dicts and lists become JSON, which is YAML flow syntax, e.g. a distribution
    {"distribution": "beta", "mean": 0.8, "sd": 0.1}. Strings pass through as written.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return value
    if isinstance(value, (Mapping, list, tuple)):
        return json.dumps(value)
    if hasattr(value, "item"):  # numpy scalars
        return yaml_value(value.item())
    if isinstance(value, float):
        return repr(value)
    return str(value)


def settings_arguments(settings: Union[None, Mapping[str, Any], Iterable[str]]) -> list:
    """`--set path=value` for each setting: a mapping of dotted path to value, or "path=value" strings."""
    if settings is None:
        return []
    pairs: list = []
    if isinstance(settings, Mapping):
        for path, value in settings.items():
            pairs.append(f"{path}={yaml_value(value)}")
    elif isinstance(settings, str):
        pairs.append(settings)
    else:
        for item in settings:
            if not isinstance(item, str) or "=" not in item:
                raise ValueError(f"a setting must be 'path=value', got {item!r}")
            pairs.append(item)
    arguments: list = []
    for pair in pairs:
        arguments += ["--set", pair]
    return arguments


def variants_argument(variants: Union[None, str, Sequence[str]]) -> list:
    """`--variants all` or `--variants a,b`; a bare variant name means the baseline and it."""
    if variants is None:
        return []
    if isinstance(variants, str):
        return ["--variants", variants]
    names = list(variants)
    if not names:
        return []
    for name in names:
        if "," in name:
            raise ValueError(f"a variant name cannot hold a comma: {name!r}")
    return ["--variants", ",".join(names)]


def run(
    scenario: PathLike,
    *,
    variants: Union[None, str, Sequence[str]] = None,
    replications: int = 1000,
    seed: Optional[int] = None,
    out: Optional[PathLike] = None,
    settings: Union[None, Mapping[str, Any], Iterable[str]] = None,
    daily: bool = False,
    design: Any = None,
    sweep: bool = False,
    threads: Optional[int] = None,
    binary: Optional[PathLike] = None,
    force: bool = False,
    variant: Optional[str] = None,
) -> Results:
    """Run `escsim run SCENARIO` and return its output folder as a Results object.

    variants: "all", a list of variant names or "a,b" (the baseline always runs too, with
    common random numbers). variant: one variant alone in place of the baseline.
    settings: {"actors.russia.sorties_per_day": 30, ...} or ["path=value", ...] (--set).
    design: a pandas DataFrame (one row per point, one column per dotted path; written to a
    temporary CSV without the index), a path to such a CSV, or a method such as "sobol:64".
    out: the output folder; None runs into a temporary folder that lives as long as the
    Results object (Results.folder says where).
    Raises EscsimError (with escsim's stderr) when escsim exits with a non-zero status.
    """
    exe = find_binary(binary)
    if isinstance(replications, bool) or not isinstance(replications, numbers.Integral) or replications < 1:
        raise ValueError(f"replications must be a positive whole number, got {replications!r}")
    replications = int(replications)
    command = [exe, "run", os.fspath(scenario), "--replications", str(replications), "--quiet"]
    if seed is not None:
        command += ["--seed", str(int(seed))]
    if variant is not None:
        command += ["--variant", variant]
    command += variants_argument(variants)
    command += settings_arguments(settings)
    if daily:
        command.append("--daily")
    if sweep:
        command.append("--sweep")
    if threads is not None:
        command += ["--threads", str(int(threads))]
    if force:
        command.append("--force")

    # Holds a DataFrame design's CSV, and the output folder when out is None.
    scratch = tempfile.TemporaryDirectory(prefix="escsim-py-")
    try:
        if design is not None:
            command += ["--design", design_argument(design, Path(scratch.name))]
        # With out=None escsim creates the folder itself: it refuses a non-empty one it did not make.
        folder = Path(scratch.name) / "out" if out is None else Path(out)
        command += ["--out", os.fspath(folder)]
        returncode, stdout, stderr = run_process(command)
        if returncode != 0:
            raise EscsimError(command, returncode, stderr, stdout)
        results = Results(folder)
    except BaseException:
        scratch.cleanup()
        raise
    if out is None:
        results._keep_alive(scratch)
    else:
        scratch.cleanup()
    return results


def run_process(command: Sequence[str], grace_seconds: float = 60.0) -> tuple:
    """Run escsim to the end and return (status, stdout, stderr).

    On Ctrl-C (KeyboardInterrupt) escsim gets SIGTERM and time to write the replications it has
    done and mark its manifest incomplete (`escsim run --resume DIR` carries on), where
    subprocess.run would kill it after a quarter of a second; then the interrupt goes on.
    """
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = process.communicate()
    except KeyboardInterrupt:
        process.send_signal(signal.SIGTERM)
        try:
            process.communicate(timeout=grace_seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
        raise
    except BaseException:
        process.kill()
        process.communicate()
        raise
    return process.returncode, stdout, stderr


def design_argument(design: Any, scratch: Path) -> str:
    """What --design gets: a DataFrame written as CSV into `scratch`, else the path or method as text."""
    if hasattr(design, "to_csv") and hasattr(design, "columns"):
        if len(design) == 0:
            raise ValueError("the design data frame has no rows")
        path = scratch / "design.csv"
        design.to_csv(path, index=False, lineterminator="\n")
        return os.fspath(path)
    if isinstance(design, (str, os.PathLike)):
        return os.fspath(design)
    raise TypeError(f"design must be a pandas DataFrame, a CSV path or a method such as 'sobol:64', got {type(design).__name__}")
