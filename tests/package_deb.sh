#!/usr/bin/env bash
# The Debian package: made with cpack from the build, then its control fields and file list
# read back (dpkg-deb -f / -c), then unpacked into a scratch root and run from there.
#   package_deb.sh BUILD_DIR
# Exits 77 (reported by ctest as skipped) where dpkg's tools are missing.
set -euo pipefail
build=$(cd "$1" && pwd)
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v $tool >/dev/null || { echo "package_deb: $tool not found (apt-get install dpkg-dev): skipped"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "package_deb: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$tmp/out" > "$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
debs=("$tmp"/out/mirador_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one mirador_*.deb, got: $(ls "$tmp/out")"
deb=${debs[0]}
echo "package_deb: $(basename "$deb"), $(stat -c %s "$deb") bytes"

[ "$(dpkg-deb -f "$deb" Package)" = mirador ] || fail "Package is not mirador"
depends=$(dpkg-deb -f "$deb" Depends)
echo "package_deb: Depends: $depends"
# Linked libraries (found by dpkg-shlibdeps) and what is loaded at run time (declared).
# FFmpeg's libraries come from the video module (lib/mirador/mirador-video.so), which links them.
for pkg in libc6 libstdc++6 libgdal32 libproj25 libgeos-c1v5 libglfw3 libfftw3-single3 \
           libavcodec59 libavformat59 libavfilter8 libswscale6 libavutil57 \
           libgl1 libegl1 libgl1-mesa-dri libegl-mesa0 fonts-dejavu-core; do
  [[ ", $depends," == *", $pkg"[\ ,]* ]] || fail "Depends lacks $pkg"
done

dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's|^\./|/|' > "$tmp/files"
for f in /usr/bin/mirador /usr/libexec/mirador-program /usr/lib/mirador/mirador-video.so /usr/share/mirador/assets/mexico.gpkg /usr/share/mirador/assets/localities_2020.csv.gz \
         /usr/share/mirador/assets/population_2020.csv /usr/share/mirador/assets/incidents/seed-incidents.csv \
         /usr/share/mirador/assets/mappings/ucdp-ged.txt /usr/share/doc/mirador/README.md /usr/share/doc/mirador/ATTRIBUTION.md; do
  grep -qx "$f" "$tmp/files" || fail "the package lacks $f"
done
outside=$(grep -v -e '^/$' -e '^/usr/$' -e '^/usr/bin/' -e '^/usr/share/mirador/' -e '^/usr/share/doc/mirador/' \
          -e '^/usr/share/$' -e '^/usr/share/doc/$' -e '^/usr/lib/$' -e '^/usr/lib/mirador/' -e '^/usr/libexec/$' -e '^/usr/libexec/mirador-program$' "$tmp/files" || true)
[ -z "$outside" ] || fail "unexpected files in the package: $outside"
[ "$(grep -c '^/usr/bin/.' "$tmp/files")" -eq 1 ] || fail "more than one program in /usr/bin: $(grep '^/usr/bin/.' "$tmp/files")"

# Unpacked anywhere, the program finds its assets beside itself.
dpkg-deb -x "$deb" "$tmp/root"
mkdir "$tmp/elsewhere" "$tmp/xdg"
cd "$tmp/elsewhere"
out=$(env -u MIRADOR_ASSETS -u MIRADOR_DATA_DIR XDG_DATA_HOME="$tmp/xdg" XDG_DATA_DIRS="$tmp/xdg" \
      "$tmp/root/usr/bin/mirador" locate -- -99.1332 19.4326 2>&1) || fail "the unpacked program failed: $out"
[[ $out == *",09015,"* ]] || fail "the unpacked program: unexpected '$out'"
# ... and its video module (stripped by cpack, loaded on the first MP4).
out=$(env -u MIRADOR_ASSETS -u MIRADOR_DATA_DIR XDG_DATA_HOME="$tmp/xdg" XDG_DATA_DIRS="$tmp/xdg" \
      "$tmp/root/usr/bin/mirador" animate --incidents "$tmp/root/usr/share/mirador/assets/incidents/seed-incidents.csv" \
      --width 160 --height 120 --step year --from 2019 --to 2020 --out clip.mp4 2>&1) || fail "the unpacked program's animate failed: $out"
[ "$(head -c 8 clip.mp4 | tail -c 4)" = ftyp ] || fail "the unpacked program's clip.mp4 is not an MP4"
echo "package_deb: control fields, file list and the unpacked program (a place, an MP4) are as expected"
