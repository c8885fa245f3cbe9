#!/usr/bin/env bash
# Builds the scenario-loader fuzz target and runs libFuzzer on it for a bounded time.
#
#   Fuzz/run-fuzz.sh [SECONDS]      (default 120)
#
# Fuzzes a copy of Fuzz/corpus in a scratch folder (FUZZ_WORK, default a new folder under
# ${TMPDIR:-/tmp}), so generated inputs never reach git; crash, timeout and out-of-memory inputs
# go to its artifacts/ folder. Ends with one line
#   FUZZ: <executions> executions in <seconds> s, <findings> crashes
# and exits non-zero when libFuzzer found anything (or could not run). The scratch folder is kept
# when there is a finding or when FUZZ_WORK was given, and removed otherwise. FUZZ_ARGS adds
# libFuzzer options after these (a later option wins), e.g. FUZZ_ARGS=-use_value_profile=1.
set -euo pipefail

seconds=${1:-120}
if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [SECONDS]  (a whole number of seconds, at least 1)" >&2
    exit 64
fi
fuzz_dir=$(cd "$(dirname "$0")" && pwd)
swift=${SWIFT:-swift}

# The flags that work with Swift 6.3.1 on Linux (README.md): libFuzzer and AddressSanitizer for
# the Swift code, coverage and ASan for the C code too (libyaml inside Yams, where the parsing is).
build_flags=(-c release
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
    -Xcc -fsanitize=fuzzer-no-link,address)
echo "fuzz: building (a first build takes 1.5 to 3 minutes)" >&2
"$swift" build --package-path "$fuzz_dir" "${build_flags[@]}" >&2
fuzzer="$("$swift" build --package-path "$fuzz_dir" "${build_flags[@]}" --show-bin-path)/ScenarioFuzzer"

if [[ -n ${FUZZ_WORK:-} ]]; then
    work=$FUZZ_WORK
    keep=1
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/escsim-fuzz.XXXXXX")
    keep=0
fi
mkdir -p "$work/corpus" "$work/artifacts"
cp "$fuzz_dir"/corpus/* "$work/corpus/"
# The shipped scenarios and the minimal test scenario are seeds too, copied as they are now
# rather than kept as copies that go stale.
cp "$fuzz_dir"/../Scenarios/*.yaml "$fuzz_dir"/../Tests/Fixtures/invalid/base/minimal.yaml "$work/corpus/"

# Room to grow a little beyond the largest seed, no more: longer inputs only run slower.
largest=$(wc -c "$work"/corpus/* | awk '$2 != "total" && $1 > max { max = $1 } END { print max }')
max_len=$((largest + largest / 4))

log="$work/fuzz.log"
echo "fuzz: ${seconds} s on $work/corpus (log: $log)" >&2
start=$(date +%s)
status=0
# One process, the default: CI and the shared machine have two cores (and -jobs=1 would fork a
# child that logs to ./fuzz-0.log instead). -timeout is per input; a scenario file takes
# milliseconds, so 5 s means a hang. FUZZ_ARGS is split on purpose: it may hold several options.
# The toolchain's own leaks and the catalogue's false report (Tests/lsan-suppressions.txt says why).
LSAN_OPTIONS="suppressions=$fuzz_dir/../Tests/lsan-suppressions.txt:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
"$fuzzer" "$work/corpus" \
    -dict="$fuzz_dir/scenario.dict" \
    -max_total_time="$seconds" \
    -timeout=5 \
    -rss_limit_mb=1024 \
    -max_len="$max_len" \
    -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" \
    ${FUZZ_ARGS:-} \
    >"$log" 2>&1 || status=$?
elapsed=$(($(date +%s) - start))

executions=$(awk '/^stat::number_of_executed_units:/ { print $2 }' "$log" | tail -n 1)
rate=$(awk '/^stat::average_exec_per_sec:/ { print $2 }' "$log" | tail -n 1)
findings=$(find "$work/artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \
    -o -name 'leak-*' -o -name 'slow-unit-*' \) | wc -l)
if [[ $status -ne 0 || $findings -ne 0 ]]; then
    # What libFuzzer said about it: the sanitizer's report or the signal, and the input's file.
    grep -E 'ERROR: |SUMMARY: |Test unit written to|Fatal error|deadly signal|out-of-memory|timeout' "$log" >&2 || true
    echo "fuzz: findings and the full log kept in $work" >&2
    [[ $findings -eq 0 ]] && findings=1  # libFuzzer failed without writing an input: still a failure
elif [[ $keep -eq 0 ]]; then
    rm -rf "$work"
fi
[[ -n $rate ]] && echo "fuzz: ${rate} executions per second" >&2
echo "FUZZ: ${executions:-0} executions in ${elapsed} s, ${findings} crashes"
[[ $findings -eq 0 ]]
