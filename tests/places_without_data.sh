#!/usr/bin/env bash
# Geocoding by locality and rates per 100,000 with nothing but Mirador's own files: the data
# folder is hidden (MIRADOR_DATA_DIR names an empty folder, the only place then looked at), so
# the bundled assets/localities_2020.csv.gz and assets/population_2020.csv must do.
#   places_without_data.sh MIRADOR_EXE SOURCE_DIR
# Runs from a scratch folder; also called by install_tree.sh on an installed binary.
set -euo pipefail
exe=$(command -v "$1") || { echo "places_without_data: $1 not found" >&2; exit 1; }
[[ $exe == /* ]] || exe=$PWD/$exe
src=$(cd "$2" && pwd)
fixture=$src/tests/fixtures/places-without-data.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/no-data"
cd "$work"
export MIRADOR_DATA_DIR=$work/no-data
unset MIRADOR_ASSETS

fail() { echo "places_without_data: $*" >&2; exit 1; }

"$exe" geocode --in "$fixture" --out geocoded.csv 2> geocode.log || { cat geocode.log >&2; fail "geocode failed"; }
"$exe" stats --incidents "$fixture" --out stats.csv 2> stats.log || { cat stats.log >&2; fail "stats failed"; }
grep -q "no localities gazetteer" geocode.log && fail "the bundled gazetteer was not found: $(cat geocode.log)"

python3 - "$src/assets/population_2020.csv" <<'PY' || fail "unexpected output (above)"
import csv, sys
rows = {r["id"]: r for r in csv.DictReader(open("geocoded.csv", encoding="utf-8"))}
ok = True
def expect(what, got, want):
    global ok
    if got != want:
        print(f"{what}: got {got!r}, expected {want!r}", file=sys.stderr)
        ok = False
# Localities placed by name from the bundled table, with the locality's coordinates.
for rid, code, lon, lat in [("p1", "16002", "-102.710458", "18.991195"), ("p2", "12035", "-99.523057", "18.302490")]:
    r = rows[rid]
    expect(rid, (r["geo_status"], r["geo_precision"], r["cvegeo"], r["lon"], r["lat"]), ("matched", "locality", code, lon, lat))
# Two villages called El Aguaje in Michoacán (Aguililla, 2,550 people; Juárez, 313): the
# 10x rule leaves it ambiguous, and the note lists both localities' municipalities.
r = rows["p3"]
expect("p3", r["geo_status"], "ambiguous")
expect("p3 note names 16002 and 16046", "16002" in r["geo_note"] and "16046" in r["geo_note"], True)
expect("p4", (r := rows["p4"])["geo_precision"] + " " + r["cvegeo"], "point 25006")
expect("p5", (r := rows["p5"])["geo_precision"] + " " + r["cvegeo"], "municipality 25006")
# Rates per 100,000 from the bundled population table.
pop = {r["CVEGEO"]: int(r["POB_TOTAL"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
stats = list(csv.DictReader(open("stats.csv", encoding="utf-8")))
expect("stats columns", list(stats[0].keys())[-1] if stats else None, "rate_per_100k")
by_code = {s["cvegeo"]: s for s in stats}
for code, n in [("25006", 2), ("16002", 1), ("12035", 1)]:
    s = by_code.get(code, {})
    expect(f"stats {code}", (s.get("incidents"), s.get("rate_per_100k")), (str(n), f"{n * 1e5 / pop[code]:.3f}"))
expect("stats rows", sorted(by_code), ["12035", "16002", "25006"])
sys.exit(0 if ok else 1)
PY
echo "places_without_data: localities geocoded and rates given with the data folder hidden ($exe)"
