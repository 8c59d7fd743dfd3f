#!/usr/bin/env bash
# `cmake --install` into a scratch prefix, then the installed program run from another folder
# with nothing else of Mirador's in sight (no MIRADOR_* variables; XDG folders that hold only
# the system fonts): it must find its assets and its video module (lib/mirador/mirador-video.so,
# loaded on the first MP4) beside itself, still after the prefix is moved.
#   install_tree.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install_tree: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log" || { cat "$tmp/install.log" >&2; fail "cmake --install failed"; }
for f in bin/mirador libexec/mirador-program lib/mirador/mirador-video.so share/mirador/assets/mexico.gpkg share/mirador/assets/localities_2020.csv.gz \
         share/mirador/assets/population_2020.csv share/mirador/assets/incidents/seed-incidents.csv \
         share/mirador/assets/README.md share/doc/mirador/ATTRIBUTION.md; do
  [ -e "$tmp/prefix/$f" ] || fail "$f was not installed"
done

mkdir -p "$tmp/elsewhere" "$tmp/xdg-home" "$tmp/xdg/fonts"
[ -d /usr/share/fonts/truetype ] && ln -s /usr/share/fonts/truetype "$tmp/xdg/fonts/truetype"
cd "$tmp/elsewhere"
unset MIRADOR_ASSETS MIRADOR_DATA_DIR MIRADOR_FONT
export HOME=$tmp/elsewhere XDG_DATA_HOME=$tmp/xdg-home XDG_DATA_DIRS=$tmp/xdg

check_prefix() {
  local exe=$1/bin/mirador out
  out=$("$exe" locate -- -107.3937 24.8088 2>&1) || fail "$exe locate failed: $out"
  [[ $out == *"25006,Culiacán,Sinaloa"* ]] || fail "$exe locate: unexpected '$out'"
  "$exe" snapshot --out map.png --width 320 --height 200 > snapshot.log 2>&1 || { cat snapshot.log >&2; fail "$exe snapshot failed"; }
  grep -q "no TrueType font" snapshot.log && fail "$exe found no font: $(cat snapshot.log)"
  [ "$(head -c 8 map.png | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "$exe snapshot: map.png is not a PNG"
  [ "$(stat -c %s map.png)" -gt 10000 ] || fail "$exe snapshot: map.png is too small to hold the map"
  "$exe" animate --incidents "$1/share/mirador/assets/incidents/seed-incidents.csv" --width 160 --height 120 \
        --step year --from 2019 --to 2020 --out clip.mp4 > animate.log 2>&1 || { cat animate.log >&2; fail "$exe animate to MP4 failed"; }
  [ "$(head -c 8 clip.mp4 | tail -c 4)" = ftyp ] || fail "$exe animate: clip.mp4 is not an MP4"
  rm -f map.png snapshot.log clip.mp4 animate.log
}
check_prefix "$tmp/prefix"
"$src/tests/places_without_data.sh" "$tmp/prefix/bin/mirador" "$src"
# Relocatable: everything is found relative to the executable.
mv "$tmp/prefix" "$tmp/moved"
check_prefix "$tmp/moved"
echo "install_tree: installed, run from another folder (a map, an MP4), moved and run again"
