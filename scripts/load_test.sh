#!/bin/sh
# `make load-test`: a bounded load test on loopback. Starts `make serve` (gunicorn, 2 workers)
# on LOAD_PORT unless LOAD_URL names a server already running, lists the company and explorer
# pages to request from the database, runs wrk (50 connections, 60 s) and stops the server.
# Settings: LOAD_CONNECTIONS (50), LOAD_DURATION (60s), LOAD_THREADS (2), LOAD_PORT (8765),
# LOAD_WARM (passes over the paths before wrk starts, 1).
set -eu
PY=${PY:-.venv/bin/python}
CONNECTIONS=${LOAD_CONNECTIONS:-50}
DURATION=${LOAD_DURATION:-60s}
THREADS=${LOAD_THREADS:-2}
PORT=${LOAD_PORT:-8765}
export LOAD_PATHS=${LOAD_PATHS_FILE:-var/load-paths.txt}
mkdir -p var

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing wrk (apt)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "The load test needs wrk: sudo apt-get install -y wrk"; exit 1
  fi
fi

# The pages a team would open: the biggest companies (with and without as_of), a spread of
# others, and the explorer filtered, sorted and paged.
DEBUG=0 SECRET_KEY=load-test "$PY" manage.py shell -v0 -c '
from django.db.models import Count
from companies.models import Company
ranked = list(Company.objects.annotate(n=Count("facilities")).order_by("-n", "pk").values_list("slug", flat=True))
picked = ranked[:5] + ranked[5::max(1, len(ranked) // 25)][:25]
paths = [f"/companies/{slug}/" for slug in picked] + [f"/companies/{ranked[0]}/?as_of=2015-06-30"]
paths += [
    "/facilities/", "/facilities/?status=idled&country=US", "/facilities/?status=closed",
    "/facilities/?page=200", "/facilities/?country=DE&ordering=-since", "/facilities/?q=plant",
    "/facilities/?as_of=2010-01-01&status=open", "/facilities/?kind=mill&ordering=company",
]
print("\n".join(paths))
' > "$LOAD_PATHS"
echo "$(wc -l < "$LOAD_PATHS") paths in $LOAD_PATHS"

server_pid=""
if [ -z "${LOAD_URL:-}" ]; then
  LOAD_URL="http://127.0.0.1:$PORT"
  GUNICORN_BIND="127.0.0.1:$PORT" GUNICORN_PIDFILE="var/load-test-gunicorn-$PORT.pid" make --no-print-directory serve > "var/load-test-server-$PORT.log" 2>&1 &
  server_pid=$!
  trap 'kill "$(cat var/load-test-gunicorn-$PORT.pid 2>/dev/null)" 2>/dev/null; wait "$server_pid" 2>/dev/null || true' EXIT INT TERM
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$LOAD_URL/facilities/?page=1" 2>/dev/null && break
    sleep 1
  done
fi
# Warm the cache, as a running site's would be. The workers share it (files under
# var/cache/django by default, FOOTPRINT_CACHE), so one request per path serves both; with
# FOOTPRINT_CACHE=locmem each keeps its own and the kernel picks the worker, so LOAD_WARM=4
# makes the odds that one worker missed a path 1 in 8.
for _ in $(seq 1 "${LOAD_WARM:-1}"); do
  while read -r path; do curl -fsS -o /dev/null "$LOAD_URL$path" || echo "warm-up failed: $path"; done < "$LOAD_PATHS"
done
# Whether the pages now come from the page cache (companies/page_cache.py): the header of one.
echo "page cache: $(curl -fsS -o /dev/null -D - "$LOAD_URL$(head -n 1 "$LOAD_PATHS")" | tr -d '\r' | sed -n 's/^[Xx]-[Pp]age-[Cc]ache: //p')"

echo "wrk: $CONNECTIONS connections, $DURATION, $THREADS threads, against $LOAD_URL (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
wrk --latency -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --timeout 10s -s scripts/load_test.lua "$LOAD_URL"
