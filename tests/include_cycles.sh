#!/usr/bin/env bash
# scripts/check-include-cycles on tests/fixtures/include-cycle (see its README.md): it must fail
# on the deliberate cycle geo/checks -> geo/rules -> geo/reader, naming each include that makes
# it; pass where the only cycle is a tolerated one (so that it can pass at all); refuse to
# tolerate a cycle under a --strict root; fail on stale entries; refuse an ambiguous include.
#   include_cycles.sh CHECK_SCRIPT FIXTURE_DIR
set -uo pipefail
check=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$2" || exit 1
failures=0

# expect RC PATTERN... -- ARGS...: the check run with ARGS exits with RC and its output matches
# every PATTERN (a grep -E expression; one starting with ! must not match).
expect() {
    local rc=$1; shift
    local patterns=()
    while [ "$1" != "--" ]; do patterns+=("$1"); shift; done
    shift
    local out got
    out=$("$check" "$@" 2>&1); got=$?
    local ok=1
    [ "$got" -eq "$rc" ] || { echo "include_cycles: '$*' exited $got, expected $rc"; ok=0; }
    for p in "${patterns[@]}"; do
        if [[ $p == !* ]]; then
            ! grep -Eq -- "${p:1}" <<<"$out" || { echo "include_cycles: '$*' printed /${p:1}/"; ok=0; }
        else
            grep -Eq -- "$p" <<<"$out" || { echo "include_cycles: '$*' did not print /$p/"; ok=0; }
        fi
    done
    if [ $ok = 0 ]; then
        failures=$((failures + 1))
        echo "--- its output:"; echo "$out"; echo "---"
    fi
}

# The deliberate cycle, with the include that makes each step; app's tolerated one stays quiet.
expect 1 '^include cycle: geo/checks -> geo/rules -> geo/reader -> geo/checks$' \
         'geo/checks -> geo/rules: geo/checks/include/mirador/geo/Checks.hpp:2: #include "mirador/geo/Rules.hpp"' \
         'geo/rules -> geo/reader: geo/rules/src/Rules.cpp:2: #include "mirador/geo/Reader.hpp"' \
         'geo/reader -> geo/checks: geo/reader/src/Reader.cpp:4: #include "mirador/geo/Checks.hpp"' \
         '^tolerated for now \(allowed.txt:2\): app/scene -> app/ui' '!include cycle: app/' \
         -- --allow allowed.txt --strict geo geo app
# Without the allow-list, app's two-folder cycle is reported too.
expect 1 '^include cycle: app/scene -> app/ui -> app/scene$' '^include cycle: geo/checks' -- geo app
# The same check passes on a tree whose only cycle is tolerated, and on one without any: a
# private header beside its source (ReaderDetail.hpp) and a library's header are no edges.
expect 0 'no include cycle among the 3 folders of app' -- --allow allowed.txt app
expect 0 'no include cycle among the 2 folders of geo/reader' -- geo/reader
# geo/ may not tolerate any cycle.
expect 2 'allowed-geo.txt:1: geo/rules is under geo, where no include cycle may be tolerated' \
         -- --allow allowed-geo.txt --strict geo geo app
# Entries whose cycle is gone must be removed.
expect 1 'stale.txt:1: app/ui -> app/export closes no cycle any more: remove the entry' \
         'stale.txt:2: app/export no longer includes app/ui: remove the entry' -- --allow stale.txt app
# An include the check cannot resolve to one folder is an error, not a guess.
expect 2 'ambiguous/c/User.cpp:1: "Common.hpp" could be ambiguous/a/Common.hpp, ambiguous/b/Common.hpp' -- ambiguous

if [ $failures -ne 0 ]; then
    echo "include_cycles: $failures case(s) failed"
    exit 1
fi
echo "include_cycles: all cases behaved"
