#!/bin/sh
# `make bench-datasette`: our explorer against Datasette on the same SQLite file (issue 11's
# target: our explorer's median no slower than Datasette's table view filtered the same way).
#
# - Datasette goes into a venv of its own (DS_VENV, var/datasette-venv), from PyPI; it is never a
#   requirement of the project.
# - The file is BENCH_SQLITE (/tmp/pages/50k.sqlite3), made as README "Performance" says if it
#   does not exist (migrate, then generate_synthetic at 50k facilities, seed 1).
# - `datasette serve -i` serves it immutable on DS_PORT (8791); `make serve` (gunicorn, 2 gthread
#   workers, DEBUG off) serves it twice: on OUR_PORT (8792) as deployed, whole pages cached
#   (companies/page_cache.py), and on OUR_RENDER_PORT (8793) with FOOTPRINT_PAGE_CACHE_SECONDS=0,
#   so every request renders the page (its counts and facets still come from the cache), and on
#   OUR_COLD_PORT (8794) with FOOTPRINT_CACHE=none: nothing kept, every request counts, facets
#   and renders afresh, as Datasette does.
# - scripts/bench_datasette.py asks each URL BENCH_WARM times (3), then BENCH_RUNS rounds (30)
#   one request at a time over loopback, and prints median and p95.
set -eu
PY=${PY:-.venv/bin/python}
DS_VENV=${DS_VENV:-var/datasette-venv}
DB=${BENCH_SQLITE:-/tmp/pages/50k.sqlite3}
DS_PORT=${DS_PORT:-8791}
OUR_PORT=${OUR_PORT:-8792}
OUR_RENDER_PORT=${OUR_RENDER_PORT:-8793}
OUR_COLD_PORT=${OUR_COLD_PORT:-8794}
RUNS=${BENCH_RUNS:-30}
WARM=${BENCH_WARM:-3}
LOGS=var/bench-datasette
mkdir -p "$LOGS"

if [ ! -x "$DS_VENV/bin/datasette" ]; then
  echo "installing datasette into $DS_VENV (pip, PyPI)"
  python3 -m venv "$DS_VENV"
  "$DS_VENV/bin/pip" install --quiet --upgrade pip
  "$DS_VENV/bin/pip" install --quiet datasette
fi
echo "$("$DS_VENV/bin/datasette" --version)"

if [ ! -f "$DB" ]; then
  echo "making $DB (README, Performance): migrate, then generate_synthetic at 50k facilities"
  mkdir -p "$(dirname "$DB")"
  DATABASE_URL="sqlite:///$DB" "$PY" manage.py migrate --noinput -v0
  DATABASE_URL="sqlite:///$DB" "$PY" manage.py generate_synthetic \
    --companies 1250 --facilities 50000 --events 213500 --seed 1
fi
name=$(basename "$DB" .sqlite3)
name=${name%.db}

pids=""
cleanup() {
  for pidfile in "$LOGS/gunicorn-$OUR_PORT.pid" "$LOGS/gunicorn-$OUR_RENDER_PORT.pid" "$LOGS/gunicorn-$OUR_COLD_PORT.pid"; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  for pid in $pids; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# The SQL time limit is raised from Datasette's 1 s so that it computes its count and labels
# rather than giving up on them (it would be faster by doing less than our page).
"$DS_VENV/bin/datasette" serve -i "$DB" -h 127.0.0.1 -p "$DS_PORT" \
  --setting sql_time_limit_ms 20000 > "$LOGS/datasette.log" 2>&1 &
pids="$pids $!"
wait_for() {
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$1/" 2>/dev/null && return 0
    sleep 1
  done
  echo "nothing answers on port $1: see $LOGS/" >&2
  exit 1
}
# One `make serve` at a time: each runs collectstatic into the same staticfiles/ first.
serve() {  # port, then settings for that server
  port=$1
  shift
  env DATABASE_URL="sqlite:///$DB" GUNICORN_BIND="127.0.0.1:$port" GUNICORN_PIDFILE="$LOGS/gunicorn-$port.pid" "$@" \
    make --no-print-directory serve > "$LOGS/serve-$port.log" 2>&1 &
  pids="$pids $!"
  wait_for "$port"
}
serve "$OUR_PORT" FOOTPRINT_PAGE_CACHE_SECONDS=60
serve "$OUR_RENDER_PORT" FOOTPRINT_PAGE_CACHE_SECONDS=0
serve "$OUR_COLD_PORT" FOOTPRINT_CACHE=none
wait_for "$DS_PORT"

# Our explorer: facilities idled today in the United States, first page (50 rows, ordered by
# company, place and name), with its count, four facets and filters. Datasette's table view of
# companies_facility filtered the same way: the same two conditions as `_where` clauses (status
# from the spans on today's date, country from the facility's location), 50 rows a page, its
# count, foreign keys shown as labels (company and location names), no facet suggestions.
ours="/facilities/?status=idled&country=US"
idled="id in (select facility_id from companies_statusspan where status = 'idled' and valid_from <= date('now') and (valid_to is null or valid_to > date('now')))"
us="location_id in (select id from companies_location where country = 'US')"
ds_query=$("$PY" -c 'import sys, urllib.parse; print(urllib.parse.urlencode([("_where", sys.argv[1]), ("_where", sys.argv[2]), ("_size", "50"), ("_nosuggest", "1")]))' "$idled" "$us")
ds="/$name/companies_facility?$ds_query"

# Both should count the same facilities.
ds_count=$(curl -fsS "http://127.0.0.1:$DS_PORT/$name/companies_facility.json?$ds_query" |
  "$PY" -c 'import json, sys; print(json.load(sys.stdin)["filtered_table_rows_count"])')
our_count=$(curl -fsS "http://127.0.0.1:$OUR_RENDER_PORT$ours" |
  "$PY" -c 'import re, sys; m = re.search(r"<strong>([0-9,]+)</strong> facilit", sys.stdin.read()); print(m[1] if m else "?")')
echo "facilities matching: Datasette $ds_count, our explorer $our_count"
"$PY" scripts/bench_datasette.py --runs "$RUNS" --warm "$WARM" \
  "our explorer (page cache, as served)=http://127.0.0.1:$OUR_PORT$ours" \
  "our explorer (rendered every time)=http://127.0.0.1:$OUR_RENDER_PORT$ours" \
  "our explorer (nothing cached)=http://127.0.0.1:$OUR_COLD_PORT$ours" \
  "Datasette table view=http://127.0.0.1:$DS_PORT$ds"
