#!/usr/bin/env bash
# packaging/build-deb.sh: the Debian package of escsim, for machines without a Swift toolchain
# (`make dist` calls it).
#
#   1. build the release escsim with the Swift runtime and Foundation linked in
#      (--static-swift-stdlib) in its own build folder, .build-dist, so the normal .build is
#      neither rebuilt nor relinked
#   2. refuse the binary if it still loads a Swift library (libswift*, Foundation, dispatch,
#      BlocksRuntime, ICU): it would not start on a machine without the toolchain
#   3. stage the package's tree in a temporary folder: /usr/bin/escsim, the shipped scenarios in
#      /usr/share/escsim/scenarios (side by side, since the cases include engine.yaml by relative
#      path and name ./schema.json for editors), README.md and docs/ in /usr/share/doc/escsim
#      (side by side, since the README links to docs/), the copyright file, escsim(1) written
#      from the binary's help (packaging/write-manpage.sh), shell completions
#   4. compute Depends with dpkg-shlibdeps (dpkg-dev) from the binary's shared libraries, so it
#      names exactly the packages (and minimum versions) whose libraries the binary loads
#   5. dpkg-deb --build --root-owner-group into dist/escsim_<version>_<arch>.deb, written under a
#      temporary name and renamed, so an interrupted build never leaves a half-written package
# The version is EscsimVersion.current (what `escsim --version` prints), the architecture
# `dpkg --print-architecture`. The last line printed names the package.
#
# Environment knobs (defaults in brackets):
#   SWIFT         the swift driver                  [swift]
#   SCRATCH_PATH  build folder of the static binary [.build-dist]
#   DIST_DIR      where the package is written      [dist]
set -euo pipefail

fail() { printf 'build-deb: error: %s\n' "$*" >&2; exit 1; }
log() { printf 'build-deb: %s\n' "$*"; }

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
SWIFT=${SWIFT:-swift}
SCRATCH_PATH=${SCRATCH_PATH:-.build-dist}
DIST_DIR=${DIST_DIR:-dist}

for tool in dpkg dpkg-deb dpkg-shlibdeps ldd strip; do
    command -v "$tool" >/dev/null 2>&1 ||
        fail "$tool not found (Debian: apt-get install dpkg-dev binutils; make dist installs them as root)"
done

VERSION=$(sed -n 's/^ *public static let current = "\([^"]*\)".*/\1/p' Sources/Experiments/Running/EscsimVersion.swift)
[[ $VERSION =~ ^[0-9][A-Za-z0-9.+~-]*$ ]] ||
    fail "no version found in Sources/Experiments/Running/EscsimVersion.swift (got '$VERSION')"
ARCH=$(dpkg --print-architecture)
# The date of the last commit stamps the files, the archive and the man page (reproducible builds).
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null); then
    export SOURCE_DATE_EPOCH
fi

# ------------------------------------------------------------ 1. the static binary
log "building escsim $VERSION (release, Swift runtime linked statically) in $SCRATCH_PATH"
build=("$SWIFT" build -c release --product escsim --static-swift-stdlib --scratch-path "$SCRATCH_PATH")
"${build[@]}"
BIN="$("${build[@]}" --show-bin-path)/escsim"
[ -x "$BIN" ] || fail "swift build left no executable at $BIN"

# ------------------------------------------------------------ 2. no Swift library at run time
# ldd lists every library the loader would map, including indirect ones.
libs=$(ldd "$BIN") || fail "ldd $BIN failed"
if grep -E 'not found|libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libicu' <<<"$libs"; then
    fail "$BIN still needs the libraries above; it would not run without the Swift toolchain"
fi

# ------------------------------------------------------------ 3. the package's tree
# The staging folder and the temporary package sit in $DIST_DIR so the final rename does not
# cross file systems.
mkdir -p "$DIST_DIR"
DIST_DIR=$(cd "$DIST_DIR" && pwd)
DEB="$DIST_DIR/escsim_${VERSION}_${ARCH}.deb"
STAGE=$(mktemp -d "$DIST_DIR/.stage.XXXXXX")
trap 'rm -rf "$STAGE" "$DEB.partial"' EXIT
ROOT=$STAGE/root
umask 022
install -d "$ROOT/DEBIAN" "$ROOT/usr/bin" "$ROOT/usr/share/escsim/scenarios" "$ROOT/usr/share/doc/escsim/docs"
# Stripped, as Debian ships binaries (policy 10.1); the Swift metadata sections the runtime
# reads are allocated sections, which strip keeps.
install -m 0755 "$BIN" "$ROOT/usr/bin/escsim"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$ROOT/usr/bin/escsim"
install -m 0644 Scenarios/*.yaml Scenarios/schema.json "$ROOT/usr/share/escsim/scenarios/"
install -m 0644 README.md "$ROOT/usr/share/doc/escsim/"
install -m 0644 docs/*.md "$ROOT/usr/share/doc/escsim/docs/"
install -m 0644 packaging/copyright "$ROOT/usr/share/doc/escsim/copyright"
# The man page, from the binary's own help (gzipped, as man-db reads it; -n keeps no timestamp).
install -d "$ROOT/usr/share/man/man1"
bash packaging/write-manpage.sh "$ROOT/usr/bin/escsim" | gzip -9n >"$ROOT/usr/share/man/man1/escsim.1.gz"
# Completions written by the binary itself (swift-argument-parser), into the folders Debian's
# bash-completion, zsh and fish read.
install -d "$ROOT/usr/share/bash-completion/completions" "$ROOT/usr/share/zsh/vendor-completions" \
    "$ROOT/usr/share/fish/vendor_completions.d"
"$ROOT/usr/bin/escsim" --generate-completion-script bash >"$ROOT/usr/share/bash-completion/completions/escsim"
"$ROOT/usr/bin/escsim" --generate-completion-script zsh >"$ROOT/usr/share/zsh/vendor-completions/_escsim"
"$ROOT/usr/bin/escsim" --generate-completion-script fish >"$ROOT/usr/share/fish/vendor_completions.d/escsim.fish"

# ------------------------------------------------------------ 4. Depends
# dpkg-shlibdeps reads debian/control for the package's name, so it runs in a scratch folder
# holding a minimal one; -O prints "shlibs:Depends=..." instead of writing debian/substvars.
mkdir -p "$STAGE/shlibs/debian"
printf 'Source: escsim\n\nPackage: escsim\nArchitecture: any\n' >"$STAGE/shlibs/debian/control"
DEPENDS=$(cd "$STAGE/shlibs" && dpkg-shlibdeps -O -e "$ROOT/usr/bin/escsim" 2>"$STAGE/shlibs/stderr") ||
    { cat "$STAGE/shlibs/stderr" >&2; fail "dpkg-shlibdeps failed on the binary"; }
DEPENDS=${DEPENDS#shlibs:Depends=}
[ -n "$DEPENDS" ] || fail "dpkg-shlibdeps found no dependency (is the binary dynamically linked?)"

# ------------------------------------------------------------ 5. control file and package
# Installed-Size in KiB as dpkg-gencontrol counts it: each file's size rounded up to a KiB, one
# KiB per directory or link; unlike du's allocated blocks, it does not vary with the file system.
INSTALLED_SIZE=$(find "$ROOT" -mindepth 1 -path "$ROOT/DEBIAN" -prune -o -printf '%y %s\n' |
    awk '$1 == "f" { kib += int(($2 + 1023) / 1024); next } { kib += 1 } END { print kib }')
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@DEPENDS@/$DEPENDS/" \
    -e "s/@INSTALLED_SIZE@/$INSTALLED_SIZE/" packaging/control.in >"$ROOT/DEBIAN/control"
! grep -n '@[A-Z_]*@' "$ROOT/DEBIAN/control" || fail "packaging/control.in has a placeholder left unfilled"
# Reproducible timestamps when the checkout is a git repository: every file dated by the last
# commit (dpkg-deb reads SOURCE_DATE_EPOCH for the archive's own members).
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
    find "$ROOT" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
fi
dpkg-deb --build --root-owner-group "$ROOT" "$DEB.partial" >/dev/null
mv -f "$DEB.partial" "$DEB"
log "Depends: $DEPENDS"
log "Installed-Size: $INSTALLED_SIZE KiB; package $(du -k "$DEB" | cut -f1) KiB"
echo "${DEB#"$REPO_ROOT"/}"
