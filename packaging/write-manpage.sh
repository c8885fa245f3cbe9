#!/usr/bin/env bash
# packaging/write-manpage.sh ESCSIM: prints escsim(1), the man page, in roff on stdout
# (packaging/build-deb.sh gzips it into the package).
#
# The page is written from the binary's own help, as help2man does, so it cannot drift from the
# command line: the top-level --help as DESCRIPTION, then every subcommand listed under
# SUBCOMMANDS with its full help, then where the package puts scenarios and documentation. The
# help text is kept as preformatted blocks (.nf) rather than reflowed, since its option tables
# are laid out in columns already.
set -euo pipefail

ESCSIM=${1:?usage: write-manpage.sh ESCSIM}
version=$("$ESCSIM" --version)
top=$("$ESCSIM" --help)
# "  name     abstract" lines between "SUBCOMMANDS:" and the next blank-line-led paragraph.
mapfile -t subcommands < <(awk '/^SUBCOMMANDS:/ { on = 1; next } on && /^  [a-z][a-z-]+   */ { print $1 }' <<<"$top")
[ ${#subcommands[@]} -gt 0 ] || { echo "write-manpage: no subcommands in '$ESCSIM --help'" >&2; exit 1; }

# roff escapes: a backslash is \e, and a line that starts with . or ' would be read as a request.
roff() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }
# The page's date: the source's (SOURCE_DATE_EPOCH, set by build-deb.sh from the last commit) so
# the page is reproducible; none when unknown.
date=${SOURCE_DATE_EPOCH:+$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)}

printf '.TH ESCSIM 1 "%s" "escsim %s" "User Commands"\n' "$date" "$version"
printf '.SH NAME\nescsim \\- a discrete-event simulator of conflict escalation\n'
printf '.SH SYNOPSIS\n.B escsim\n.I subcommand\n.RI [ options ]\n'
printf '.SH DESCRIPTION\n.nf\n'
roff <<<"$top"
printf '.fi\n.SH SUBCOMMANDS\n'
for name in "${subcommands[@]}"; do
    printf '.SS "escsim %s"\n.nf\n' "$name"
    "$ESCSIM" help "$name" | roff
    printf '.fi\n'
done
cat <<'EOF'
.SH FILES
.TP
.I /usr/share/escsim/scenarios
The shipped cases (aleppo-2024.yaml and the others), the engine.yaml they include, their
observation files and schema.json. Copy the folder to edit a case; keep engine.yaml beside the
cases that include it.
.TP
.I /usr/share/doc/escsim
README.md and docs/: the scenario format, the output files, the model, backtesting.
.SH EXIT STATUS
0 success, 1 runtime failure, 2 bad scenario, 64 bad command-line arguments, 130 interrupted.
EOF
