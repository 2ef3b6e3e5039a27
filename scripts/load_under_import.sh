#!/bin/sh
# `make load-under-import`: the load test (scripts/load_test.sh: wrk, 50 connections, over company
# and explorer pages) run against `make serve` for as long as `manage.py import_releases` takes to
# import LOAD_RELEASES (500) releases in the background, on a database made afresh for the run.
#
# 1. The database in LOAD_DATABASE_URL (postgres://postgres@127.0.0.1:5432/footprint_i12_load, or
#    e.g. sqlite:///var/load-under-import.sqlite3) is dropped, created, migrated and filled with
#    `generate_synthetic` (LOAD_COMPANIES 500, LOAD_FACILITIES 20000, LOAD_EVENTS 85000). Only a
#    database whose name contains "load" is ever dropped.
# 2. `generate_releases` writes the releases (deterministic, our own words; LOAD_SEED 1).
# 3. `make serve` starts on LOAD_PORT (8767). First the load test runs LOAD_BASELINE seconds (60;
#    0 skips it) with no import, for comparison. Then `sample_lock_waits` samples pg_locks every
#    0.1 s, scripts/load_test.sh lists and warms the pages and starts wrk, and once wrk runs the
#    import starts. When the import ends, wrk is stopped (SIGINT: it prints its summary).
# 4. It prints the import's total and seconds, wrk's requests, errors and latencies, the longest
#    lock wait and the load average. Logs stay in var/load-under-import/.
# On PostgreSQL, three measures of lock waits: the sampler (every wait of 0.1 s or more, and how
# long); the web sessions run with lock_timeout = 1s (PGOPTIONS), so a page that waited longer on a
# lock would fail and count as a wrk error; and log_lock_waits is on for the database (with
# deadlock_timeout 1s), so the server log (LOAD_PG_LOG) names every wait over a second, of any
# session. Sessions are named with PGAPPNAME: footprint-web, footprint-import, footprint-sampler.
set -eu
PY=${PY:-.venv/bin/python}
DB=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/footprint_i12_load}
RELEASES=${LOAD_RELEASES:-500}
SEED=${LOAD_SEED:-1}
COMPANIES=${LOAD_COMPANIES:-500}
FACILITIES=${LOAD_FACILITIES:-20000}
EVENTS=${LOAD_EVENTS:-85000}
PORT=${LOAD_PORT:-8767}
BASELINE=${LOAD_BASELINE:-60}
PG_LOG=${LOAD_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
WORK=var/load-under-import
URL="http://127.0.0.1:$PORT"

name=${DB##*/}
name=${name%%\?*}
case "$name" in
  footprint_bench_pages) echo "refusing: footprint_bench_pages is another benchmark's database"; exit 2 ;;
  *load*) ;;
  *) echo "refusing to drop $name: the database's name must contain 'load'"; exit 2 ;;
esac

rm -rf "$WORK"
mkdir -p "$WORK"
export DATABASE_URL="$DB"

echo "== database $name: made afresh, $COMPANIES companies, $FACILITIES facilities (generate_synthetic)"
case "$DB" in
  postgres*)
    admin="${DB%/*}/postgres"
    psql "$admin" -qc "DROP DATABASE IF EXISTS \"$name\"" -c "CREATE DATABASE \"$name\""
    psql "$admin" -qc "ALTER DATABASE \"$name\" SET log_lock_waits = on" \
      -c "ALTER DATABASE \"$name\" SET deadlock_timeout = '1s'" || echo "(log_lock_waits not set: needs a superuser)"
    ;;
  sqlite*)
    path=${DB#sqlite:///}
    rm -f "$path" "$path-wal" "$path-shm"
    ;;
esac
"$PY" manage.py migrate -v0
"$PY" manage.py generate_synthetic --companies "$COMPANIES" --facilities "$FACILITIES" --events "$EVENTS" --seed 1 \
  | tail -2
"$PY" manage.py generate_releases "$WORK/releases" -n "$RELEASES" --seed "$SEED"

server_pid="" sampler_pid="" load_pid="" import_pid="" loadavg_pid=""
cleanup() {
  for pid in $import_pid $load_pid $sampler_pid $loadavg_pid; do kill "$pid" 2>/dev/null || true; done
  kill "$(cat "$WORK/gunicorn.pid" 2>/dev/null)" 2>/dev/null || true
  [ -z "$server_pid" ] || wait "$server_pid" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

web_options=""
case "$DB" in postgres*) web_options="-c lock_timeout=1s" ;; esac
PGOPTIONS="$web_options" PGAPPNAME=footprint-web GUNICORN_BIND="127.0.0.1:$PORT" GUNICORN_PIDFILE="$WORK/gunicorn.pid" \
  make --no-print-directory serve > "$WORK/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$URL/facilities/?page=1" 2>/dev/null && break
  sleep 1
done

if [ "$BASELINE" -gt 0 ]; then
  echo "== the load test alone, no import, ${BASELINE} s (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  LOAD_URL="$URL" LOAD_DURATION="${BASELINE}s" LOAD_PATHS_FILE="$WORK/paths.txt" PY="$PY" \
    sh scripts/load_test.sh > "$WORK/baseline.log" 2>&1
  grep -E '^(requests |Non-2xx|  Socket errors)' "$WORK/baseline.log" || true
fi

log_offset=""
[ -r "$PG_LOG" ] && log_offset=$(wc -c < "$PG_LOG")
PGAPPNAME=footprint-sampler "$PY" manage.py sample_lock_waits --interval 0.1 --seconds 36000 > "$WORK/locks.log" 2>&1 &
sampler_pid=$!

# The load test as `make load-test` runs it, against this server, for at most an hour.
LOAD_URL="$URL" LOAD_DURATION=3600s LOAD_PATHS_FILE="$WORK/paths.txt" PY="$PY" \
  sh scripts/load_test.sh > "$WORK/load.log" 2>&1 &
load_pid=$!
wrk_pid=""
while [ -z "$wrk_pid" ]; do
  kill -0 "$load_pid" 2>/dev/null || { echo "the load test ended before wrk started:"; cat "$WORK/load.log"; exit 1; }
  sleep 0.2
  wrk_pid=$(pgrep -P "$load_pid" -x wrk || true)
done

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s.%N)
PGAPPNAME=footprint-import "$PY" manage.py import_releases "$WORK/releases" > "$WORK/import.log" 2> "$WORK/import.err" &
import_pid=$!
( while kill -0 "$import_pid" 2>/dev/null; do cut -d' ' -f1 /proc/loadavg; sleep 5; done ) > "$WORK/loadavg.txt" &
loadavg_pid=$!
import_rc=0
wait "$import_pid" || import_rc=$?
import_pid=""
ended=$(date +%s.%N)
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

kill -INT "$wrk_pid"
wait "$load_pid" || true
load_pid=""
kill -TERM "$sampler_pid" 2>/dev/null || true  # on SQLite it has already ended
wait "$sampler_pid" || true
sampler_pid=""
wait "$loadavg_pid" 2>/dev/null || true
loadavg_pid=""

seconds=$(echo "$started $ended" | awk '{printf "%.1f", $2 - $1}')
echo "== import (background): $(tail -1 "$WORK/import.log") in $seconds s, exit $import_rc"
echo "   per release: $(grep -c ': imported:' "$WORK/import.log") imported, $(grep -c 'error' "$WORK/import.err") errors on stderr"
echo "== load test during the import (scripts/load_test.sh, wrk stopped when the import ended)"
grep -E '^(wrk:|Running|  [0-9]+ threads|requests |Non-2xx|  Socket errors)' "$WORK/load.log" || true
echo "   server log: $(grep -c -E 'Traceback|ERROR|CRITICAL' "$WORK/server.log" || true) errors"
echo "== $(sed -n '1,20p' "$WORK/locks.log")"
case "$DB" in
  postgres*)
    if [ -n "$log_offset" ]; then
      tail -c +"$((log_offset + 1))" "$PG_LOG" | grep "@$name " > "$WORK/pg.log" || true
      echo "   log_lock_waits ($PG_LOG): $(grep -c 'still waiting for' "$WORK/pg.log" || true) waits over 1 s," \
        "$(grep -c 'canceling statement due to lock timeout' "$WORK/pg.log" || true) lock timeouts," \
        "$(grep -c 'deadlock detected' "$WORK/pg.log" || true) deadlocks"
      grep -E 'still waiting for|lock timeout|deadlock detected' "$WORK/pg.log" | head -5 || true
    else
      echo "   log_lock_waits: $PG_LOG not readable (set LOAD_PG_LOG)"
    fi
    ;;
esac
echo "== load average (1, 5, 15 min; $(nproc) cores): $load_start at the import's start, $load_end at its end," \
  "1-min highest $(sort -n "$WORK/loadavg.txt" | tail -1) during"
