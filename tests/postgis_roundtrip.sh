#!/usr/bin/env bash
# PostGIS round trip: starts a throwaway PostgreSQL cluster with PostGIS on 127.0.0.1 (a free
# port, nothing else), loads the seed catalogue into two tables with ogr2ogr, reads them back
# through Mirador (geo_tests "[postgis]") and compares with the CSV. The server is stopped and
# its folder removed on every exit, failures included.
#
#   postgis_roundtrip.sh GEO_TESTS SEED_CSV PG_BINDIR
set -euo pipefail
GEO_TESTS=$1 SEED_CSV=$2 PG_BINDIR=$3

# PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user.
AS_SERVER=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "postgis_roundtrip: no 'postgres' user to run the server as" >&2; exit 1; }
  AS_SERVER=(runuser -u postgres --)
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mirador-pg.XXXXXX")
[ ${#AS_SERVER[@]} -eq 0 ] || chown postgres: "$WORK"
DATA=$WORK/data
cd "$WORK"  # the server user may not be able to enter the caller's folder
cleanup() {
  local rc=$?
  if [ -f "$DATA/postmaster.pid" ]; then
    timeout 30 "${AS_SERVER[@]}" "$PG_BINDIR/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ $rc -ne 0 ] && [ -f "$WORK/server.log" ]; then
    echo "--- server log" >&2
    tail -n 30 "$WORK/server.log" >&2 || true
  fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

echo "== initdb in $WORK"
timeout 120 "${AS_SERVER[@]}" "$PG_BINDIR/initdb" -D "$DATA" -U mirador --auth=trust -E UTF8 --no-locale \
  --no-sync >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; exit 1; }

# Loopback only; the Unix socket lives in the throwaway folder. A port taken between choosing it
# and binding it is tried again with another.
started=0
for attempt in 1 2 3; do
  PORT=$(free_port)
  if timeout 60 "${AS_SERVER[@]}" "$PG_BINDIR/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w -t 50 \
       -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$WORK -c fsync=off" start >/dev/null; then
    started=1
    break
  fi
  echo "postgis_roundtrip: server did not start on port $PORT (attempt $attempt)" >&2
done
[ $started -eq 1 ] || exit 1
echo "== PostgreSQL $("$PG_BINDIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"

PSQL=(timeout 60 "$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U mirador)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE mirador_test"
"${PSQL[@]}" -d mirador_test -c "CREATE EXTENSION postgis" -c "CREATE SCHEMA catalog"
echo "== PostGIS $("${PSQL[@]}" -d mirador_test -At -c 'SELECT postgis_lib_version()')"

CONN="PG:host=127.0.0.1 port=$PORT dbname=mirador_test user=mirador"
# catalog.seed in lon/lat with typed columns; seed_6372 projected to INEGI's Lambert (metres).
timeout 120 ogr2ogr -f PostgreSQL "$CONN" "$SEED_CSV" -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat \
  -oo AUTODETECT_TYPE=YES -a_srs EPSG:4326 -nln catalog.seed
timeout 120 ogr2ogr -f PostgreSQL "$CONN" "$SEED_CSV" -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat \
  -s_srs EPSG:4326 -t_srs EPSG:6372 -nln seed_6372
"${PSQL[@]}" -d mirador_test -At -c \
  "SELECT 'loaded ' || f_table_schema || '.' || f_table_name || ': ' || type || ', SRID ' || srid FROM geometry_columns ORDER BY 1"

echo "== reading them back through Mirador"
MIRADOR_PG="$CONN" timeout 120 "$GEO_TESTS" "[postgis]"
