# escsim — `make run` runs the scenario with its what-ifs and writes the HTML report; `make test` runs the whole test suite.
SWIFT      ?= swift
SCENARIO   ?= Scenarios/aleppo-2024.yaml
REPLICATIONS ?= 2000
# Empty: escsim's own default seed (ExperimentPlan.defaultSeed).
SEED       ?=
# The output folder of `make run`: results/<scenario file name without .yaml>.
OUT        ?= results/$(basename $(notdir $(SCENARIO)))
# What happened, for `escsim score` and `escsim calibrate` (docs/backtesting.md).
OBSERVATIONS ?= $(basename $(SCENARIO)).observations.yaml
CALIBRATION  ?= $(OUT)-calibration

.PHONY: run test test-python test-slurm test-report build release gsl clean check fuzz format format-check strict

# Install GSL (libgsl-dev) and pkg-config when pkg-config cannot find GSL: as root, or with sudo.
gsl:
	@if ! pkg-config --exists gsl 2>/dev/null; then \
		echo "GSL not found by pkg-config; installing libgsl-dev"; \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; \
		else echo "error: need root or sudo to install libgsl-dev" >&2; exit 1; fi; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgsl-dev pkg-config >/dev/null; \
	fi

build: gsl
	$(SWIFT) build

release: gsl
	$(SWIFT) build -c release --product escsim

# The baseline and every variant of the scenario (common random numbers) with their daily series,
# the baseline scored against what happened (when the scenario has observations), then the report
# of that folder; `escsim report` prints where the page is.
run: release
	@bin=$$($(SWIFT) build -c release --show-bin-path); \
	$$bin/escsim run $(SCENARIO) --variants all --daily --replications $(REPLICATIONS) $(if $(SEED),--seed $(SEED)) --out $(OUT) && \
	$(if $(wildcard $(OBSERVATIONS)),$$bin/escsim score $(OUT) --observations $(OBSERVATIONS) &&) \
	$$bin/escsim report $(OUT)

# Calibrate the scenario's uncertain numbers against its observations (ABC-SMC), run the baseline
# again drawing them from the posterior, score that run, and report it with prior against posterior.
.PHONY: calibrate
calibrate: release
	@bin=$$($(SWIFT) build -c release --show-bin-path); \
	$$bin/escsim calibrate $(SCENARIO) --observations $(OBSERVATIONS) $(if $(SEED),--seed $(SEED)) --out $(CALIBRATION) --force && \
	$$bin/escsim run $(SCENARIO) --daily --replications $(REPLICATIONS) $(if $(SEED),--seed $(SEED)) \
		--posterior $(CALIBRATION)/posterior.csv --out $(OUT)-posterior && \
	$$bin/escsim score $(OUT)-posterior --observations $(OBSERVATIONS) && \
	$$bin/escsim report $(OUT)-posterior --calibration $(CALIBRATION)

# Every case of the backtest library (a scenario beside its observations, all including
# Scenarios/engine.yaml) scored against what happened as written, with the engine calibrated on
# every case (joint) and on the others only (leave-one-case-out), in one table (the README's).
# BACKTEST_ARGS=--markdown prints it as Markdown. Five calibrations (joint and one per left-out
# case) of 300 particles, two runs each, 4 generations: about ten minutes on two cores.
CASES ?= Scenarios/aleppo-2024.yaml Scenarios/aleppo-2016.yaml Scenarios/idlib-2020.yaml Scenarios/peace-spring-2019.yaml
BACKTEST_ARGS ?=
.PHONY: backtest
backtest: release
	$$($(SWIFT) build -c release --show-bin-path)/escsim backtest $(CASES) --replications $(REPLICATIONS) \
		--joint --leave-one-out --particles 300 --generations 4 $(if $(SEED),--seed $(SEED)) $(BACKTEST_ARGS)

# The engine calibrated jointly on every case (ABC-SMC with replications per particle and the
# screening of the unknowns, docs/backtesting.md "Many unknowns"), written as an engine file the
# cases can include instead of engine.yaml: Scenarios/engine.calibrated.yaml (generated; not
# committed). Its header says the command, the seed and which constants moved.
ENGINE_CALIBRATED ?= Scenarios/engine.calibrated.yaml
CALIBRATE_ENGINE_ARGS ?= --particles 400 --generations 6 --particle-replications 2
.PHONY: calibrate-engine
calibrate-engine: release
	$$($(SWIFT) build -c release --show-bin-path)/escsim calibrate $(CASES) --out results/engine-calibration --force \
		$(CALIBRATE_ENGINE_ARGS) $(if $(SEED),--seed $(SEED)) --write-engine $(ENGINE_CALIBRATED)

# Simulation-based calibration of the calibrator on the scenario (Talts et al. 2018): SBC_TRIALS
# trials, each a calibration against a history simulated from unknowns drawn from the priors.
SBC_TRIALS ?= 100
.PHONY: sbc
sbc: release
	$$($(SWIFT) build -c release --show-bin-path)/escsim calibrate $(SCENARIO) --observations $(OBSERVATIONS) \
		--check $(SBC_TRIALS) --particles 200 --generations 5 $(if $(SEED),--seed $(SEED))

# The calibration benchmark: the baseline's uncertain numbers against its observations with the
# default settings (500 particles, 8 generations), timed.
.PHONY: bench-calibrate
bench-calibrate: release
	@bin=$$($(SWIFT) build -c release --show-bin-path); \
	start=$$(date +%s%N); \
	$$bin/escsim calibrate $(SCENARIO) --observations $(OBSERVATIONS) --out results/bench-calibration --force -q && \
	echo "calibration of $(SCENARIO): $$(( ($$(date +%s%N) - start) / 1000000 )) ms wall on $$(nproc) cores" && \
	grep -E '"(simulations|generations|observation_count|stop_reason)"' results/bench-calibration/calibration.json

test: gsl
	$(SWIFT) test

# The Python package (python/, docs/python.md) against the release binary: a virtual environment in
# .build-python/venv with the package, pytest and the EMA Workbench, then python/tests. The
# Workbench and SALib come without the plotting and statistics packages they declare (matplotlib,
# scikit-learn, statsmodels, seaborn), which importing them and escsim.ema never load: 55 s of
# pip install on a fresh machine (no pip cache) and 380 MB, instead of 200 s and 620 MB.
PYTHON ?= python3
PYTHON_VENV ?= .build-python/venv
.PHONY: test-python
test-python: release
	test -x $(PYTHON_VENV)/bin/python || $(PYTHON) -m venv $(PYTHON_VENV)
	$(PYTHON_VENV)/bin/pip install -q ./python pytest scipy multiprocess platypus-opt tqdm
	$(PYTHON_VENV)/bin/pip install -q --no-deps 'ema-workbench>=2.5,<3' 'SALib>=1.4.6,<2'
	ESCSIM=$$($(SWIFT) build -c release --show-bin-path)/escsim $(PYTHON_VENV)/bin/python -m pytest python/tests -q

# A real single-node Slurm (installed and started by the script, as root): shards of a batch
# run as a job array, merged, and compared byte for byte with a single run.
test-slurm: release
	ESCSIM=$$($(SWIFT) build -c release --show-bin-path)/escsim bash tests-slurm/slurm-test.sh

# The HTML report in a real browser: headless Chromium (installed with apt-get when missing, as
# root) takes a screenshot of a small batch's report and dumps its DOM; the script checks both.
test-report: release
	ESCSIM=$$($(SWIFT) build -c release --show-bin-path)/escsim bash tests-report/report-browser-test.sh

# The whole test suite under Thread Sanitizer, then under Address Sanitizer (with leak
# detection), each in its own build folder so neither rebuilds the other or the normal build.
# The CLI tests run the escsim binary of the same sanitized build.
check: check-thread check-address

.PHONY: check-thread check-address
check-thread: gsl
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# Leak detection stays on; Tests/lsan-suppressions.txt names the toolchain's own leaks (not
# printed when used: the CLI tests compare the escsim binary's stderr line by line).
check-address: gsl
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan-suppressions.txt:print_suppressions=0 \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan

# libFuzzer (with Address Sanitizer) on the scenario loader for a bounded time, from the seed
# corpus in Fuzz/corpus; ends with "FUZZ: <executions> executions in <s> s, <n> crashes" and
# fails on any finding (Fuzz/README.md). FUZZ_SECONDS=600 for a longer run.
FUZZ_SECONDS ?= 60
fuzz: gsl
	bash Fuzz/run-fuzz.sh $(FUZZ_SECONDS)

# The code's layout, by the toolchain's swift-format and the committed .swift-format
# (4-space indentation, lines of at most 120 characters): `make format` rewrites the sources,
# `make format-check` (run by CI) fails on any difference.
format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Package.swift
format-check:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

# Warnings are errors in escsim's own targets and the kernel checks its queue's invariants after
# every operation (Package.swift's ESCSIM_STRICT); the kernel's and the model's tests run so.
strict: gsl
	ESCSIM_STRICT=1 $(SWIFT) build --build-tests --scratch-path .build-strict
	ESCSIM_STRICT=1 $(SWIFT) test --skip-build --scratch-path .build-strict --filter 'DiscreteEventTests|EscalationModelTests'

# Every build folder (the package's, the sanitizers', the benchmarks' and the fuzzer's), results and dist.
clean:
	rm -rf .build .build-* Benchmarks/.build Fuzz/.build results dist

# An escsim for machines without Swift: the release binary with the Swift runtime and Foundation
# linked in (its own build folder, .build-dist) packaged as dist/escsim_<version>_<arch>.deb
# (packaging/build-deb.sh says what goes where). Installs dpkg-dev, whose dpkg-shlibdeps computes
# Depends, when it is missing. `make test-dist` installs the package into a temporary folder and
# runs a scenario with it (packaging/test-deb.sh).
.PHONY: dist test-dist
dist: gsl
	@if ! command -v dpkg-shlibdeps >/dev/null; then \
		echo "dpkg-shlibdeps not found; installing dpkg-dev"; \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; \
		else echo "error: need root or sudo to install dpkg-dev" >&2; exit 1; fi; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dpkg-dev binutils >/dev/null; \
	fi
	SWIFT=$(SWIFT) bash packaging/build-deb.sh
test-dist:
	SWIFT=$(SWIFT) bash packaging/test-deb.sh

# Benchmarks: a package of their own in Benchmarks/ (package-benchmark; see Benchmarks/README.md).
# Builds in release mode there (Benchmarks/.build) and runs every suite; pass options through
# BENCH_ARGS, e.g. `make bench BENCH_ARGS="--target KernelBenchmarks"` for one suite, or
# `make bench BENCH_ARGS="baseline update main"` to store a baseline in Benchmarks/.benchmarkBaselines.
BENCH_ARGS ?=
.PHONY: bench
bench: gsl
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark $(BENCH_ARGS)

# PHOLD on escsim's kernel against plain C (GSL, binary heap) and SimPy, same workload, same
# numbers (Benchmarks/compare/README.md), with 10^3, 10^5 and 10^6 events pending (SIZES), five
# alternating rounds (RUNS). Installs SimPy with pip if python3 cannot import it.
.PHONY: bench-compare
bench-compare: gsl
	bash Benchmarks/compare/compare.sh

# The files written from the model's parameter catalogue (Sources/EscalationModel/Catalogue):
# Scenarios/schema.json, the key tables of docs/scenario-format.md and Fuzz/scenario.dict's keys.
# ScenarioTests fail while any of them is stale.
.PHONY: generate
generate: gsl
	$(SWIFT) build --product escsim
	$$($(SWIFT) build --show-bin-path)/escsim schema --write
