#!/usr/bin/env bash
# packaging/test-deb.sh: end-to-end check of the Debian package (`make test-dist` calls it).
#
#   1. make dist: the static release binary and dist/escsim_<version>_<arch>.deb
#   2. the control file: name, version (EscsimVersion.current), architecture, GSL in Depends and
#      every Depends package installed here at a version that satisfies it (dpkg -s), so the
#      package would install on this machine with `apt install ./dist/escsim_*.deb`
#   3. the contents: owned by root, the binary executable, scenarios, docs and man page present
#   4. unpack it with dpkg -x into a temporary root (the system's dpkg database and /usr are
#      never touched), then, from a folder outside the repository, with an environment holding
#      no Swift toolchain on PATH and no LD_LIBRARY_PATH, and, when run as root, with the
#      toolchain's folder hidden under an empty tmpfs in a mount namespace of the test's own
#      (unshare), so a file the binary would still read from the toolchain shows up as a failure:
#      - ldd of the unpacked binary: every library found, none of the Swift runtime's
#      - escsim --version prints the package's version; escsim(1) is its man page and renders
#        without warnings (when man is installed)
#      - escsim validate on every shipped case (each includes engine.yaml by relative path, so
#        this checks that the scenarios were installed side by side)
#      - escsim run of one case with 20 replications: exit status 0, replications.csv with a
#        header and 20 rows
# Ends with "TEST-DEB: OK <package>" or fails with the step that went wrong.
#
# Environment knobs (defaults in brackets):
#   SWIFT          the swift driver, passed to make dist [swift]
#   SKIP_BUILD=1   test the existing package, do not run make dist
set -euo pipefail

T0=$(date +%s)
log() { printf '[%4ss] %s\n' "$(($(date +%s) - T0))" "$*"; }
fail() {
    printf '[%4ss] TEST-DEB FAILED: %s\n' "$(($(date +%s) - T0))" "$*" >&2
    exit 1
}

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"

# ------------------------------------------------------------ 1. build
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "make dist"
    "${MAKE:-make}" --no-print-directory dist SWIFT="${SWIFT:-swift}" || fail "make dist failed"
fi
VERSION=$(sed -n 's/^ *public static let current = "\([^"]*\)".*/\1/p' Sources/Experiments/Running/EscsimVersion.swift)
ARCH=$(dpkg --print-architecture)
DEB=$REPO_ROOT/dist/escsim_${VERSION}_${ARCH}.deb
[ -f "$DEB" ] || fail "no package at $DEB"
log "package: $DEB ($(du -k "$DEB" | cut -f1) KiB)"

# ------------------------------------------------------------ 2. control file
field() { dpkg-deb --field "$DEB" "$1"; }
[ "$(field Package)" = escsim ] || fail "Package is '$(field Package)', not escsim"
[ "$(field Version)" = "$VERSION" ] || fail "Version is '$(field Version)', EscsimVersion.current is $VERSION"
[ "$(field Architecture)" = "$ARCH" ] || fail "Architecture is '$(field Architecture)', not $ARCH"
for f in Maintainer Description Section Priority Installed-Size; do
    [ -n "$(field "$f")" ] || fail "the control file has no $f"
done
DEPENDS=$(field Depends)
log "Depends: $DEPENDS"
grep -Eq '(^|, )libgsl[0-9]+( |,|$)' <<<"$DEPENDS" || fail "Depends names no GSL runtime package (libgslNN)"
! grep -Eiq 'swift|foundation' <<<"$DEPENDS" || fail "Depends names a Swift package: $DEPENDS"
# Each entry is "name", "name (op version)" or alternatives "a | b"; one alternative installed
# at a satisfying version is enough, as for apt.
IFS=',' read -ra entries <<<"$DEPENDS"
for entry in "${entries[@]}"; do
    satisfied=0
    IFS='|' read -ra alternatives <<<"$entry"
    for alternative in "${alternatives[@]}"; do
        if [[ $alternative =~ ^\ *([a-z0-9][a-z0-9.+-]*)(:[a-z0-9]+)?\ *(\(\ *(<<|<=|=|>=|>>)\ *([^\) ]+)\ *\))?\ *$ ]]; then
            name=${BASH_REMATCH[1]} op=${BASH_REMATCH[4]} wanted=${BASH_REMATCH[5]}
        else
            fail "cannot read the Depends entry '$alternative'"
        fi
        status=$(dpkg-query -W -f='${Status}' "$name" 2>/dev/null) || continue
        [ "$status" = "install ok installed" ] || continue
        installed=$(dpkg-query -W -f='${Version}' "$name")
        case $op in
            '') satisfied=1 ;;
            '<<') dpkg --compare-versions "$installed" lt "$wanted" && satisfied=1 ;;
            '<=') dpkg --compare-versions "$installed" le "$wanted" && satisfied=1 ;;
            '=') dpkg --compare-versions "$installed" eq "$wanted" && satisfied=1 ;;
            '>=') dpkg --compare-versions "$installed" ge "$wanted" && satisfied=1 ;;
            '>>') dpkg --compare-versions "$installed" gt "$wanted" && satisfied=1 ;;
        esac
        [ $satisfied = 1 ] && break
    done
    [ $satisfied = 1 ] || fail "Depends entry '${entry# }' is not satisfied on this machine"
done
log "every Depends entry is installed here"

# ------------------------------------------------------------ 3. contents
contents=$(dpkg-deb --contents "$DEB")
owners=$(awk '{print $2}' <<<"$contents" | sort -u)
[ "$owners" = root/root ] || fail "files not owned by root/root: $owners"
grep -Eq '^-rwxr-xr-x .* \./usr/bin/escsim$' <<<"$contents" || fail "no executable ./usr/bin/escsim (mode 0755)"
for path in usr/share/escsim/scenarios/engine.yaml usr/share/escsim/scenarios/aleppo-2024.yaml \
    usr/share/doc/escsim/copyright usr/share/doc/escsim/README.md usr/share/man/man1/escsim.1.gz; do
    grep -q " \./$path\$" <<<"$contents" || fail "the package has no /$path"
done

# ------------------------------------------------------------ 4. unpacked and run
WORK=$(mktemp -d /tmp/escsim-test-deb.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
dpkg -x "$DEB" "$WORK/root" || fail "dpkg -x failed"
ESCSIM=$WORK/root/usr/bin/escsim
SCENARIOS=$WORK/root/usr/share/escsim/scenarios
mkdir "$WORK/cwd"
cd "$WORK/cwd"
# An environment without the toolchain: the system's PATH only, no LD_LIBRARY_PATH.
clean_env=(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$WORK" LANG=C.UTF-8)
# The toolchain's usr folder (/opt/swift/usr for /opt/swift/usr/bin/swift); never one the system
# itself lives in.
HIDE=
if swift_path=$(command -v "${SWIFT:-swift}" 2>/dev/null); then
    toolchain=$(dirname "$(dirname "$(readlink -f "$swift_path")")")
    case $toolchain in
        / | /usr | /usr/local) log "the toolchain is in $toolchain: it cannot be hidden" ;;
        *) [ -d "$toolchain/lib/swift" ] && unshare --mount --propagation private true 2>/dev/null && HIDE=$toolchain ;;
    esac
fi
if [ -n "$HIDE" ]; then log "running escsim with $HIDE hidden"; else log "running escsim with the toolchain in place"; fi
# Runs a command in the clean environment, with the toolchain hidden when it can be: the tmpfs
# is mounted in a private mount namespace, which ends with the command; nothing else sees it.
run_clean() {
    if [ -n "$HIDE" ]; then
        unshare --mount --propagation private \
            sh -c 'mount -t tmpfs -o size=1m,mode=0755 escsim-test-hide "$0" && exec "$@"' "$HIDE" \
            "${clean_env[@]}" "$@"
    else
        "${clean_env[@]}" "$@"
    fi
}

libs=$(run_clean ldd "$ESCSIM") || fail "ldd failed on the unpacked binary"
! grep -n 'not found' <<<"$libs" || fail "the unpacked binary needs a library this machine lacks"
! grep -En 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libicu' <<<"$libs" ||
    fail "the unpacked binary loads a Swift runtime library"
log "ldd: $(awk '{print $1}' <<<"$libs" | tr '\n' ' ')"

printed=$(run_clean "$ESCSIM" --version) || fail "escsim --version failed"
[ "$printed" = "$VERSION" ] || fail "escsim --version printed '$printed', the package is $VERSION"

zcat "$WORK/root/usr/share/man/man1/escsim.1.gz" | grep -q "^\.TH ESCSIM 1 .*\"escsim $VERSION\"" ||
    fail "escsim.1.gz is not escsim $VERSION's man page"
if command -v man >/dev/null; then
    warnings=$(LANG=C.UTF-8 man --warnings -l "$WORK/root/usr/share/man/man1/escsim.1.gz" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man finds faults in escsim.1: $warnings"
fi

cases=()
for scenario in "$SCENARIOS"/*.yaml; do
    # Cases only: not the engines they include, not the observation files.
    case $(basename "$scenario") in engine*.yaml | *.observations.yaml) continue ;; esac
    cases+=("$scenario")
    run_clean "$ESCSIM" validate "$scenario" >"$WORK/validate.out" 2>&1 ||
        { cat "$WORK/validate.out" >&2; fail "escsim validate $(basename "$scenario") failed"; }
done
[ ${#cases[@]} -ge 1 ] || fail "no case among the installed scenarios"
log "escsim validate: ${#cases[@]} installed cases valid"

status=0
run_clean "$ESCSIM" run "$SCENARIOS/aleppo-2024.yaml" -r 20 --seed 7 -o "$WORK/out" -q || status=$?
[ $status -eq 0 ] || fail "escsim run exited with status $status"
[ -f "$WORK/out/replications.csv" ] || fail "escsim run wrote no replications.csv"
rows=$(($(wc -l <"$WORK/out/replications.csv") - 1))
[ $rows -eq 20 ] || fail "replications.csv has $rows rows, expected 20"
log "escsim run -r 20: exit 0, replications.csv with 20 rows"

echo "TEST-DEB: OK $DEB"
