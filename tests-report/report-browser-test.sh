#!/usr/bin/env bash
# tests-report/report-browser-test.sh: end-to-end check of `escsim report` in a real browser.
#
#   1. install Debian's chromium with apt-get if it is missing (as root)
#   2. build the release escsim if there is none (or take it from $ESCSIM)
#   3. run a small batch of the scenario with --variants all (and --daily) into a temporary
#      folder, score it against the scenario's observation file (escsim score; without --daily a
#      small scores.csv is written instead), and write a synthetic calibration folder
#      (particles.csv, parameters.csv)
#   4. escsim report on it with --calibration; the page must reference no URL, script,
#      stylesheet link or image
#   5. headless chromium takes a screenshot (1280x4000) and dumps the DOM it built, with
#      its console log on stderr
#   6. python3 (standard library only) checks that the screenshot is a real page, not a
#      blank one (enough non-white pixels, enough distinct colours), that the DOM holds as
#      many <svg> charts as the page says it has, each with its title, that every kind of chart
#      is there (histograms, fans, forest plots, end states, overlaid fans, convergence,
#      tornadoes, PIT, prior/posterior, the traced run's event timeline and region graph) with
#      every variant on the charts across variants, and that the console
#      logged no error and no failed load
# The screenshot and the page are kept in results/report-browser-test/ (ignored by git);
# the last line printed names the screenshot.
#
# Environment knobs (defaults in brackets; relative paths are taken from the repository root):
#   ESCSIM        escsim binary                         [.build/release/escsim]
#   SCENARIO      scenario file                         [Scenarios/aleppo-2024.yaml]
#   REPLICATIONS  replications per variant              [300]
#   SEED          master seed                           [11]
#   OBSERVATIONS  observation file for escsim score     [the scenario's .observations.yaml]
#   REPORT_DIR    where the screenshot and page are kept [results/report-browser-test]
#   SKIP_INSTALL=1 never call apt-get (fail if chromium is missing)
set -euo pipefail

T0=$(date +%s)
log()  { printf '[%4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
fail() { printf '[%4ss] REPORT BROWSER TEST FAILED: %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; exit 1; }

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
abspath() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$REPO_ROOT/$1" ;; esac; }

ESCSIM=$(abspath "${ESCSIM:-.build/release/escsim}")
SCENARIO=$(abspath "${SCENARIO:-Scenarios/aleppo-2024.yaml}")
REPLICATIONS=${REPLICATIONS:-300}
SEED=${SEED:-11}
REPORT_DIR=$(abspath "${REPORT_DIR:-results/report-browser-test}")
for v in REPLICATIONS SEED; do
  [[ ${!v} =~ ^[0-9]+$ ]] || fail "$v must be a non-negative integer, got '${!v}'"
done
[ -f "$SCENARIO" ] || fail "no scenario file at $SCENARIO"

# ------------------------------------------------------------ 1. chromium
find_chromium() {
  local c
  for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}
if ! CHROMIUM=$(find_chromium); then
  [ "${SKIP_INSTALL:-0}" != 1 ] || fail "chromium is not installed and SKIP_INSTALL=1"
  [ "$(id -u)" -eq 0 ] || fail "chromium is not installed; run as root (apt-get install chromium) or install it"
  export DEBIAN_FRONTEND=noninteractive
  log "apt-get install chromium"
  # The package lists may be stale or absent on a fresh machine; update once, then install.
  apt-get update -qq || fail "apt-get update failed"
  apt-get install -y -qq --no-install-recommends chromium >/dev/null || fail "apt-get install chromium failed"
  CHROMIUM=$(find_chromium) || fail "chromium installed but not on PATH"
fi
T_INSTALL=$(date +%s)
log "browser: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"

# ------------------------------------------------------------ 2. escsim
if [ ! -x "$ESCSIM" ]; then
  log "no escsim at $ESCSIM: building the release binary"
  (cd "$REPO_ROOT" && swift build -c release --product escsim) || fail "swift build failed"
  ESCSIM=$REPO_ROOT/.build/release/escsim
fi
"$ESCSIM" report --help >/dev/null 2>&1 || fail "$ESCSIM has no report command (stale binary? rebuild it)"
T_BUILD=$(date +%s)

# ------------------------------------------------------------ 3. batch
WORK=$(mktemp -d /tmp/escsim-report-test.XXXXXX)
cleanup() {
  local rc=$?
  if [ "$rc" = 0 ]; then rm -rf "$WORK"; else echo "kept $WORK for inspection" >&2; fi
}
trap cleanup EXIT
# Observations of daily series need daily.csv; an escsim without --daily gets a scores.csv of
# its own below instead.
DAILY=()
if "$ESCSIM" run --help 2>/dev/null | grep -q -- '--daily'; then DAILY=(--daily); fi
log "escsim run --variants all ${DAILY[*]} -r $REPLICATIONS --seed $SEED"
"$ESCSIM" run "$SCENARIO" --variants all "${DAILY[@]}" --replications "$REPLICATIONS" --seed "$SEED" --quiet \
  --out "$WORK/run" || fail "escsim run failed"
OBSERVATIONS=$(abspath "${OBSERVATIONS:-${SCENARIO%.yaml}.observations.yaml}")
if [ -f "$OBSERVATIONS" ] && [ ${#DAILY[@]} -gt 0 ]; then
  log "escsim score --observations $OBSERVATIONS"
  "$ESCSIM" score "$WORK/run" --observations "$OBSERVATIONS" --quiet || fail "escsim score failed"
else
  # The layout escsim score writes: two events, a quantity of a charted daily series, a fact,
  # with a source address and text the page must escape.
  log "no escsim score here (no observation file or no --daily): writing a scores.csv"
  cat >"$WORK/run/scores.csv" <<'CSV'
variant,id,kind,what,compared_with,observed_low,observed_high,runs,median,p05,p95,pit,crps,probability,brier,covered,outlet,published,counted,url
baseline,aleppo_city_fell,event,Rebels took most of Aleppo city,aleppo_city_fall_day,2,4,300,4.5,1.4,14.3,0.17,1.17,,,1,Reuters,2024-11-30,army redeployed,https://example.org/aleppo
baseline,hama_fell,event,<script>alert(1)</script> Hama,hama_fall_day,8,9,300,5.3,1.6,17.1,0.77,1.81,,,1,"Outlet ""<b>""",2024-12-05,"counted <img src=x>",https://example.org/hama
baseline,killed_day_9,quantity,Civilians killed by day 9,civilians_killed day 9,300,500,300,200,50,350,0.9,150,,,1,SOHR,2024-12-06,a count,
baseline,no_ceasefire,fact,No ceasefire before Damascus fell,ceasefire_day <= 12,0,0,300,,,,,,0.055,0.003,1,Devdiscourse,2024-12-07,"a call, not a truce",https://example.org/doha
CSV
fi
[ -s "$WORK/run/scores.csv" ] || fail "there is no scores.csv to report"
# A calibration folder as escsim calibrate lays it out: a uniform prior (generation 0) and a
# narrower weighted posterior (generation 2) of two parameters, with their summary table.
mkdir -p "$WORK/calibration"
python3 - "$WORK/calibration" <<'PYTHON' || fail "could not write the calibration folder"
import random, sys
folder = sys.argv[1]
rng = random.Random(5)
with open(f"{folder}/particles.csv", "w") as out:
    out.write("generation,particle,weight,distance,actors.hts.morale,actors.saa.cohesion\n")
    for generation, n in ((0, 400), (1, 200), (2, 200)):
        for particle in range(n):
            spread = 1.0 if generation == 0 else 0.25
            a = 0.5 + spread * (rng.random() - 0.5)
            b = 0.3 + spread * 0.6 * (rng.random() - 0.5)
            weight = 1 / n if generation == 0 else rng.random()
            out.write(f"{generation},{particle},{weight},{rng.random()},{a},{b}\n")
with open(f"{folder}/parameters.csv", "w") as out:
    out.write("parameter,prior_mean,prior_sd,prior_p05,prior_p50,prior_p95,posterior_mean,posterior_sd,"
              "posterior_p05,posterior_p50,posterior_p95,sd_ratio\n")
    out.write("actors.hts.morale,0.5,0.29,0.05,0.5,0.95,0.5,0.07,0.39,0.5,0.61,0.25\n")
    out.write("actors.saa.cohesion,0.3,0.17,0.03,0.3,0.57,0.3,0.04,0.23,0.3,0.37,0.25\n")
PYTHON
T_RUN=$(date +%s)

# ------------------------------------------------------------ 4. report
mkdir -p "$REPORT_DIR"
PAGE=$REPORT_DIR/report.html
SHOT=$REPORT_DIR/report.png
rm -f "$PAGE" "$SHOT"
"$ESCSIM" report "$WORK/run" -o "$PAGE" --calibration "$WORK/calibration" || fail "escsim report failed"
[ -s "$PAGE" ] || fail "escsim report wrote no page"
if grep -Eio 'https?://|<script|<link|<img|<iframe|url\(|@import' "$PAGE" | sort | uniq -c | grep .; then
  fail "the page references something outside itself (see above)"
fi
log "page: $PAGE ($(stat -c %s "$PAGE") bytes)"

# ------------------------------------------------------------ 5. chromium
# A profile of our own, so nothing of root's browser state is read or changed.
FLAGS=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --no-default-browser-check
       --disable-extensions --hide-scrollbars --user-data-dir="$WORK/profile")
timeout 180 "$CHROMIUM" "${FLAGS[@]}" --window-size=1280,4000 --screenshot="$SHOT" "file://$PAGE" \
  >"$WORK/screenshot.log" 2>&1 || { cat "$WORK/screenshot.log" >&2; fail "chromium --screenshot failed"; }
[ -s "$SHOT" ] || { cat "$WORK/screenshot.log" >&2; fail "chromium wrote no screenshot"; }
timeout 180 "$CHROMIUM" "${FLAGS[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$PAGE" \
  >"$WORK/dom.html" 2>"$WORK/console.log" || { cat "$WORK/console.log" >&2; fail "chromium --dump-dom failed"; }
T_BROWSER=$(date +%s)

# ------------------------------------------------------------ 6. checks
python3 - "$SHOT" "$PAGE" "$WORK/dom.html" "$WORK/console.log" <<'PYTHON' || fail "checks failed (see above)"
import re, struct, sys, zlib

shot, page_path, dom_path, console_path = sys.argv[1:5]
problems = []

def png_pixels(path):
    """Decodes an 8-bit RGB or RGBA PNG (what Chromium writes) with zlib only: returns
    width, height, channels and the unfiltered rows (PNG spec, section 9: filters 0-4)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:      # Sub
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:    # Up: byte-wise addition of whole rows at once, no carry between bytes
            a = int.from_bytes(line, "big"); b = int.from_bytes(previous, "big")
            low = int.from_bytes(b"\x7f" * stride, "big"); high = int.from_bytes(b"\x80" * stride, "big")
            line = bytearray((((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(stride, "big"))
        elif kind == 3:    # Average
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:    # Paeth
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]; c = previous[i - channels] if i >= channels else 0
                p = a + b - c; pa = abs(p - a); pb = abs(p - b); pc = abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(line)
        previous = line
    return width, height, channels, rows

try:
    width, height, channels, rows = png_pixels(shot)
except Exception as error:  # report any decoding problem as one line
    print(f"screenshot {shot}: {error}"); sys.exit(1)
colours, ink = set(), 0
for line in rows:
    for x in range(0, width * channels, channels * 2):   # every second pixel is plenty
        pixel = bytes(line[x:x + 3])
        colours.add(pixel)
        if pixel != b"\xff\xff\xff":
            ink += 1
sampled = height * ((width + 1) // 2)
share = ink / sampled
print(f"screenshot {width}x{height}: {len(colours)} distinct colours, {100 * share:.1f}% non-white pixels")
if (width, height) != (1280, 4000):
    problems.append(f"screenshot is {width}x{height}, not 1280x4000")
if len(colours) < 50:
    problems.append(f"only {len(colours)} distinct colours: the page looks blank")
if share < 0.03:
    problems.append(f"only {100 * share:.1f}% non-white pixels: the page looks blank")

page = open(page_path, encoding="utf-8").read()
dom = open(dom_path, encoding="utf-8").read()
declared = re.search(r'<body data-charts="(\d+)"', page)
expected = int(declared.group(1)) if declared else -1
in_file = len(re.findall(r"<svg[\s>]", page))
in_dom = len(re.findall(r"<svg[\s>]", dom))
titles = len(re.findall(r"<svg[^>]*>\s*<title", dom))
kinds = {k: len(re.findall(rf'<svg class="chart {k}"', dom))
         for k in ("histogram", "fan", "forest", "pit", "prior-posterior", "end-states", "overlaid-fan",
                   "convergence", "tornado", "event-timeline", "region-graph")}
print(f"charts: page says {expected}, file has {in_file} <svg>, browser DOM has {in_dom} ({titles} with a <title>); {kinds}")
if not (expected == in_file == in_dom == titles) or expected < 1:
    problems.append("the browser's DOM does not hold every chart of the page")
if min(kinds.values()) < 1:
    problems.append("a kind of chart is missing")
# The charts across variants: one end-state bar per variant, every variant on each overlaid fan
# and convergence chart.
variants = len(re.findall(r'<g class="row" data-variant="[^"]*" data-runs=', dom))
end_states = re.search(r'<svg class="chart end-states"[^>]*data-rows="(\d+)"', dom)
if not end_states or int(end_states.group(1)) != variants or variants < 2:
    problems.append(f"the end-state chart has {end_states and end_states.group(1)} rows for {variants} variants")
for kind in ("overlaid-fan", "convergence"):
    for match in re.finditer(rf'<svg class="chart {kind}"[^>]*data-variants="(\d+)"', dom):
        if int(match.group(1)) != variants:
            problems.append(f"a {kind} chart draws {match.group(1)} of {variants} variants")
print(f"variants drawn side by side: {variants}")
if "</html>" not in dom or "Manifest" not in dom or "Backtest" not in dom or "Calibration" not in dom:
    problems.append("the DOM is not the whole page")

console = open(console_path, encoding="utf-8", errors="replace").read().splitlines()
bad = [l for l in console if re.search(r"CONSOLE|Uncaught|Failed to load|ERR_FILE_NOT_FOUND|net::ERR_", l)]
print(f"console: {len(bad)} error line(s) of {len(console)} logged")
for line in bad[:10]:
    print("  " + line)
if bad:
    problems.append("the browser console logged errors")

for problem in problems:
    print("PROBLEM: " + problem)
sys.exit(1 if problems else 0)
PYTHON
T_DONE=$(date +%s)

echo "REPORT BROWSER TEST OK"
echo "TIMING install=$((T_INSTALL - T0))s build=$((T_BUILD - T_INSTALL))s run=$((T_RUN - T_BUILD))s browser=$((T_BROWSER - T_RUN))s checks=$((T_DONE - T_BROWSER))s total=$((T_DONE - T0))s"
echo "screenshot: $SHOT"
