"""An EMA Workbench adapter: an escsim scenario as an `ema_workbench` model.

    from ema_workbench import RealParameter, SequentialEvaluator, perform_experiments
    from escsim.ema import EscsimModel

    model = EscsimModel(
        "aleppo", "Scenarios/aleppo-2024.yaml",
        uncertainties=[RealParameter("actors.russia.sorties_per_day", 0, 40)],
        levers={"variant": ["baseline", "russia_air_surge"]},
        outcomes=["regime_collapsed", "civilians_killed"],
        replications=50, seed=7,
    )
    with SequentialEvaluator(model) as evaluator:
        experiments, outcomes = perform_experiments(model, 100, evaluator=evaluator)

Each experiment is one `escsim run SCENARIO --set path=value ... --replications R --seed S -q`
into a temporary folder (or, with EscsimBatchEvaluator, all of them one `--design` batch), and each outcome is the mean over that experiment's `ok` replications
of a column of replications.csv. Every experiment uses the same seed, so experiments differ by
their inputs and not by their random numbers (common random numbers across experiments).

Names. The uncertainties and levers are named by the scenario's dotted paths. EMA Workbench 2.x
accepts a dotted name but announces that from 3.0 names must be Python identifiers; so a name
that is not one is turned into one (`actors.russia.sorties_per_day` becomes
`actors__russia__sorties_per_day`: each dot a double underscore, any other character that an
identifier cannot hold an underscore) and the dotted path kept as the parameter's
`variable_name`, which EMA hands to the model function. The experiments data frame EMA returns
is named by the identifiers; `model.dotted(experiments)` renames its columns to the paths.
The name `variant` (a CategoricalParameter over the scenario's `variants:` names and
"baseline") selects a what-if of the scenario (`--variant`) rather than setting a path.
"""

from __future__ import annotations

import math
import re
import tempfile
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Union

import pandas as pd

try:
    from ema_workbench import (
        CategoricalParameter,
        Constant,
        IntegerParameter,
        Model,
        RealParameter,
        ScalarOutcome,
        SequentialEvaluator,
    )
    from ema_workbench.em_framework.experiment_runner import ExperimentRunner
    from ema_workbench.em_framework.model import AbstractModel
    from ema_workbench.em_framework.points import experiment_generator
    from ema_workbench.em_framework.util import NamedObjectMap
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "escsim.ema needs the EMA Workbench: pip install ema-workbench (or pip install 'escsim[ema]')"
    ) from error

from .results import read_csv
from .runner import find_binary, run, yaml_value

VARIANT = "variant"


def identifier(path: str) -> str:
    """The EMA name of a dotted path: dots become double underscores, other non-identifier characters underscores."""
    if path.isidentifier():
        return path
    name = re.sub(r"[^0-9A-Za-z_]", "_", path.replace(".", "__"))
    return name if name.isidentifier() else f"p_{name}"


def parameter(path: str, spec: Any) -> Any:
    """An EMA parameter for a dotted path from a short spec: (low, high) a RealParameter, a list
    of values a CategoricalParameter; an EMA parameter passes through (renamed if need be)."""
    if hasattr(spec, "variable_name") and hasattr(spec, "name"):
        return spec
    if isinstance(spec, tuple) and len(spec) == 2:
        low, high = spec
        if isinstance(low, int) and isinstance(high, int) and not isinstance(low, bool) and not isinstance(high, bool):
            return IntegerParameter(path, low, high)
        return RealParameter(path, float(low), float(high))
    if isinstance(spec, (list, range)):
        return CategoricalParameter(path, list(spec))
    raise TypeError(f"{path}: give (low, high), a list of values or an ema_workbench parameter, not {spec!r}")


def parameters(specs: Union[None, Mapping[str, Any], Iterable[Any]]) -> List[Any]:
    """EMA parameters from a mapping {path: spec} or a list of EMA parameters."""
    if specs is None:
        return []
    if isinstance(specs, Mapping):
        return [parameter(path, spec) for path, spec in specs.items()]
    return [parameter(getattr(spec, "name", ""), spec) for spec in specs]


def with_identifier(par: Any) -> Any:
    """The parameter under an identifier name, its dotted path (its name) kept as variable_name."""
    path = par.name
    name = identifier(path)
    if name != path:
        par.name = name
        if list(par.variable_name) == [name]:
            par.variable_name = path
    return par


class EscsimFunction:
    """The model function EMA calls once per experiment with the inputs by dotted path.

    A class rather than a closure so that it pickles (MultiprocessingEvaluator sends the model to
    its workers); with several workers, pass threads=1 so the runs do not fight over the cores.
    """

    def __init__(
        self,
        scenario: str,
        outcomes: Sequence[str],
        replications: int,
        seed: Optional[int],
        binary: Optional[str],
        settings: Optional[Mapping[str, Any]],
        threads: Optional[int],
        paths: Mapping[str, str],
        statistic: Union[str, Callable[[pd.Series], float]] = "mean",
    ):
        self.scenario = scenario
        self.outcomes = list(outcomes)
        self.replications = replications
        self.seed = seed
        self.binary = binary
        self.settings = dict(settings or {})
        self.threads = threads
        self.paths = dict(paths)
        self.statistic = statistic
        # Outcomes computed ahead by one batched --design run (EscsimBatchEvaluator), by inputs.
        self.precomputed: Dict[tuple, Dict[str, float]] = {}

    def key(self, inputs: Mapping[str, Any]) -> tuple:
        """The inputs of an experiment by dotted path, as escsim would be given them."""
        return tuple(sorted((self.paths.get(k, k), yaml_value(v)) for k, v in inputs.items()))

    def __call__(self, **inputs: Any) -> Dict[str, float]:
        ready = self.precomputed.get(self.key(inputs))
        if ready is not None:
            return dict(ready)
        settings = dict(self.settings)
        variant = None
        for key, value in inputs.items():
            path = self.paths.get(key, key)
            if path == VARIANT:
                variant = None if value in (None, "baseline") else str(value)
            else:
                settings[path] = value
        with tempfile.TemporaryDirectory(prefix="escsim-ema-") as scratch:
            results = run(
                self.scenario,
                variant=variant,
                replications=self.replications,
                seed=self.seed,
                out=Path(scratch) / "out",
                settings=settings,
                threads=self.threads,
                binary=self.binary,
            )
            runs = read_csv(results.folder / "replications.csv")
        return summarise(runs, self.outcomes, self.statistic)


def summarise(runs: pd.DataFrame, outcomes: Sequence[str], statistic: Any = "mean") -> Dict[str, float]:
    """Each outcome over the `ok` replications of one experiment (NaN when none has a value)."""
    ok = runs[runs["status"] == "ok"]
    values: Dict[str, float] = {}
    for outcome in outcomes:
        if outcome not in runs.columns:
            raise KeyError(f"{outcome!r} is not a column of escsim's replications.csv")
        column = ok[outcome].dropna()
        if column.empty:
            values[outcome] = math.nan
        elif callable(statistic):
            values[outcome] = float(statistic(column))
        else:
            values[outcome] = float(getattr(column, statistic)())
    return values


class EscsimModel(Model):
    """An escsim scenario as an EMA Workbench model (see the module's documentation).

    uncertainties, levers: EMA parameters named by dotted paths (RealParameter("actors.russia.
    sorties_per_day", 0, 40)), or a mapping {path: (low, high) | [values]}. `variant` chooses
    a what-if. constants: {path: value} fixed for every experiment (EMA Constants).
    outcomes: columns of replications.csv, by name or as ScalarOutcome objects (e.g. with
    kind=ScalarOutcome.MINIMIZE for optimisation); each is the mean over the replications of an
    experiment that ended `ok` (statistic="median", or a function of a Series, for another).
    replications, seed: per experiment (the same seed for all). settings: --set values for all.
    """

    def __init__(
        self,
        name: str,
        scenario: Union[str, "Path"],
        *,
        outcomes: Sequence[Any],
        uncertainties: Union[None, Mapping[str, Any], Iterable[Any]] = None,
        levers: Union[None, Mapping[str, Any], Iterable[Any]] = None,
        constants: Optional[Mapping[str, Any]] = None,
        replications: int = 100,
        seed: Optional[int] = None,
        settings: Optional[Mapping[str, Any]] = None,
        binary: Optional[str] = None,
        threads: Optional[int] = None,
        statistic: Union[str, Callable[[pd.Series], float]] = "mean",
    ):
        uncertain = [with_identifier(p) for p in parameters(uncertainties)]
        chosen = [with_identifier(p) for p in parameters(levers)]
        fixed = [Constant(identifier(path), value) for path, value in (constants or {}).items()]
        paths: Dict[str, str] = {}
        for par in uncertain + chosen:
            paths[par.name] = list(par.variable_name)[0]
        for path in constants or {}:
            paths[identifier(path)] = path
        scalar = [o if isinstance(o, ScalarOutcome) else ScalarOutcome(str(o)) for o in outcomes]
        if not scalar:
            raise ValueError("give at least one outcome (a column of replications.csv)")
        columns = [v for o in scalar for v in o.variable_name]
        function = EscsimFunction(
            str(scenario), columns, replications, seed,
            find_binary(binary), settings, threads, paths, statistic,
        )
        super().__init__(name, function=function)
        self.uncertainties = uncertain
        self.levers = chosen
        self.constants = fixed
        self.outcomes = scalar
        self.paths = paths

    def inputs(self, scenario: Mapping[str, Any], policy: Mapping[str, Any]) -> Dict[str, Any]:
        """An experiment's inputs by dotted path, as EMA hands them to the model function."""
        values: Dict[str, Any] = {}
        for pars, point in ((self.uncertainties, scenario), (self.levers, policy)):
            for par in pars:
                if par.name in point:
                    value = point[par.name]
                elif par.default is not None:
                    value = par.default
                else:
                    continue
                for path in par.variable_name:
                    values[path] = value
        for constant in self.constants:
            values[self.paths.get(constant.name, constant.name)] = constant.value
        return values

    def run_batch(self, experiments: Sequence[Mapping[str, Any]]) -> None:
        """Run these experiments (inputs by dotted path) as one escsim --design batch and keep each
        one's outcomes for the model function to hand back instead of running escsim again.

        One process and one output folder instead of one per experiment; the numbers are the
        same, since a design point's replication i draws the same random numbers as replication i
        of a run with --set (common random numbers across points).
        """
        rows: List[Dict[str, Any]] = []
        seen = set()
        for inputs in experiments:
            if VARIANT in inputs:
                raise ValueError(
                    "EscsimBatchEvaluator cannot choose a variant per experiment (a design runs "
                    "every point with one scenario): use SequentialEvaluator for a `variant` lever"
                )
            key = self.function.key(inputs)
            if key not in seen:
                seen.add(key)
                rows.append(dict(inputs))
        if not rows:
            return
        design = pd.DataFrame(rows)
        if design.isna().any().any():
            raise ValueError("every experiment of a batch must set the same paths")
        function = self.function
        with tempfile.TemporaryDirectory(prefix="escsim-ema-") as scratch:
            results = run(
                function.scenario,
                design=design,
                replications=function.replications,
                seed=function.seed,
                out=Path(scratch) / "out",
                settings=function.settings,
                threads=function.threads,
                binary=function.binary,
            )
            runs = read_csv(results.folder / "replications.csv")
        for number, inputs in enumerate(rows, start=1):
            point = runs[runs["variant"] == f"point_{number:04d}"]
            if point.empty:
                raise RuntimeError(f"escsim's design batch has no rows for point_{number:04d}")
            function.precomputed[function.key(inputs)] = summarise(point, function.outcomes, function.statistic)

    def dotted(self, experiments: pd.DataFrame) -> pd.DataFrame:
        """EMA's experiments data frame with the parameter columns named by their dotted paths."""
        return experiments.rename(columns=self.paths)


class EscsimBatchEvaluator(SequentialEvaluator):
    """An evaluator that runs all the experiments of an EscsimModel as one `escsim run --design`
    batch (one process, one folder) before handing EMA their outcomes one by one.

    The outcomes are those SequentialEvaluator gives, without a process per experiment. A
    `variant` lever cannot be batched (use SequentialEvaluator); other models in the same call
    run one experiment at a time as usual.
    """

    def evaluate_experiments(self, scenarios, policies, callback, combine="factorial"):
        experiments = list(experiment_generator(scenarios, self._msis, policies, combine=combine))
        models = [m for m in self._msis if isinstance(m, EscsimModel)]
        try:
            for model in models:
                model.run_batch(
                    [model.inputs(e.scenario, e.policy) for e in experiments if e.model_name == model.name]
                )
            runner = ExperimentRunner(models_by_name(self._msis))
            for experiment in experiments:
                callback(experiment, runner.run_experiment(experiment))
            runner.cleanup()
        finally:
            for model in models:
                model.function.precomputed.clear()


def models_by_name(models: Sequence[Any]) -> Any:
    """The models as the map ExperimentRunner takes (as SequentialEvaluator builds it)."""
    named = NamedObjectMap(AbstractModel)
    named.extend(models)
    return named
