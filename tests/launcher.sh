#!/usr/bin/env bash
# The `mirador` command (app/launcher/Launcher.c) starts libexec/mirador-program beside it with
# glibc's huge-page tunable added to the user's GLIBC_TUNABLES (never overriding their own
# choice), passes every argument through untouched, follows a link to itself, and says which
# file is missing when the program is not there. The program here is a script that prints what
# it was given.
#   launcher.sh LAUNCHER
set -euo pipefail
launcher=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "launcher: $*" >&2; exit 1; }

mkdir -p "$tmp/prefix/bin" "$tmp/prefix/libexec" "$tmp/links"
cp "$launcher" "$tmp/prefix/bin/mirador"
cat > "$tmp/prefix/libexec/mirador-program" <<'PROGRAM'
#!/bin/sh
printf 'tunables=%s\n' "${GLIBC_TUNABLES-<unset>}"
for a in "$@"; do printf 'arg=[%s]\n' "$a"; done
PROGRAM
chmod +x "$tmp/prefix/libexec/mirador-program"
cmd=$tmp/prefix/bin/mirador

out=$(env -u GLIBC_TUNABLES "$cmd")
[ "$out" = "tunables=glibc.malloc.hugetlb=1" ] || fail "with no GLIBC_TUNABLES: '$out'"
out=$(GLIBC_TUNABLES=glibc.malloc.arena_max=2 "$cmd")
[ "$out" = "tunables=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1" ] || fail "added to another tunable: '$out'"
out=$(GLIBC_TUNABLES=glibc.malloc.hugetlb=0 "$cmd")
[ "$out" = "tunables=glibc.malloc.hugetlb=0" ] || fail "the user's own hugetlb=0 was not kept: '$out'"

out=$(env -u GLIBC_TUNABLES "$cmd" snapshot --title "Culiacán, 17 de octubre" "" '--out=a b.png')
expected=$'tunables=glibc.malloc.hugetlb=1\narg=[snapshot]\narg=[--title]\narg=[Culiacán, 17 de octubre]\narg=[]\narg=[--out=a b.png]'
[ "$out" = "$expected" ] || fail "arguments changed on the way: '$out'"

# Through a link in another folder (as /usr/local/bin/mirador -> /opt/...): the program is
# found beside the command's real file, not beside the link.
ln -s "$cmd" "$tmp/links/mirador"
out=$(env -u GLIBC_TUNABLES "$tmp/links/mirador" locate)
[ "$out" = $'tunables=glibc.malloc.hugetlb=1\narg=[locate]' ] || fail "through a link: '$out'"

rm "$tmp/prefix/libexec/mirador-program"
set +e
out=$("$cmd" --help 2>&1)
rc=$?
set -e
[ "$rc" -eq 127 ] || fail "a missing program exited $rc, not 127"
[[ $out == *"cannot start $tmp/prefix/bin/../libexec/mirador-program: No such file or directory"* ]] ||
  fail "a missing program: unexpected message '$out'"
echo "launcher: tunable added (and the user's kept), arguments untouched, found through a link, a missing program named"
