# Footprint: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed

.PHONY: serve load-test load-under-import bench-datasette run test test-browser chromium lint format migrations-check install demo bench bench-pages evaluate evaluate-real fit-confidence fit-decision evaluate-fresh clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

# The background worker (large imports) runs beside the server and stops when it stops. It does
# not reload on code changes (runserver does): run `make run` again after changing a task.
run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

demo: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

# The browser tests drive Debian's chromium (never a Playwright browser download); install it
# with apt when it is missing and we may (root), else say how.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing chromium for the browser tests (apt)"; \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "The browser tests need chromium: sudo apt-get install -y chromium"; exit 1; \
		fi; \
	}

test: $(STAMP) chromium
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

# The real-browser tests alone (they also run in `make test`): Playwright driving Debian's
# headless chromium (apt-get install -y chromium; never `playwright install`). Screenshots go
# to test-artifacts/browser/.
test-browser: $(STAMP) chromium
	$(VENV)/bin/pytest -m browser tests/browser

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: $(STAMP)
	$(PY) manage.py makemigrations --check --dry-run

# Extraction accuracy on the labelled corpora, and speed / memory / import-time figures
# (the README quotes these commands' output).
evaluate: $(STAMP)
	for corpus in releases feeds heldout unseen final fresh blind sealed; do \
		echo "== tests/data/$$corpus"; $(PY) manage.py evaluate_extraction tests/data/$$corpus || exit 1; \
	done

# The real releases of ../shared/corpus, their texts gathered outside the repository (see
# README, "Extraction accuracy"); docs/real-corpus-holdout.txt names the quarter held out.
REAL_CORPUS ?= $(HOME)/footprint-corpus
REAL_LABELS ?= ../shared/corpus
# The confidence calibration (companies/importer/data/confidence.json): fitted on our corpora
# (sealed left out) and the real releases' development part; counts only, no text.
fit-confidence: $(STAMP)
	$(PY) manage.py fit_confidence tests/data/releases tests/data/feeds tests/data/heldout tests/data/unseen \
		tests/data/final tests/data/fresh tests/data/blind \
		$(REAL_CORPUS)/real $(REAL_CORPUS)/na $(REAL_CORPUS)/world \
		--labels-root $(REAL_LABELS) --holdout docs/real-corpus-holdout.txt

# The keep-or-set-aside decision (companies/importer/data/decision.json): a logistic model
# fitted on our corpora (sealed left out), the real releases' development part and our second real
# set (docs/fresh-corpus holds its labels; its texts are gathered like the first's); weights and
# counts only, no text.
# Needs the dev requirements (scikit-learn).
FRESH_CORPUS = $(REAL_CORPUS)/fresh2-a $(REAL_CORPUS)/fresh2-b $(REAL_CORPUS)/fresh2-c \
	$(REAL_CORPUS)/fresh3-b $(REAL_CORPUS)/fresh3-c $(REAL_CORPUS)/fresh4-b
# the fifth and sixth rounds, gathered and read later: rules were written from them, the decision
# never fitted on them
# (refitted with it, the model did worse on the unseen line and was not kept)
LATE_CORPUS = $(REAL_CORPUS)/fresh6-a $(REAL_CORPUS)/fresh6-b $(REAL_CORPUS)/fresh6-c \
	$(REAL_CORPUS)/fresh7-a $(REAL_CORPUS)/fresh7-b
# the newest round's third part, gathered after this session's rules and read only through its score
NEWEST_CORPUS = $(REAL_CORPUS)/fresh7-c
# the eighth round (a later session): fresh8-a read after its first score, fresh8-b/c scores only
ROUND8_CORPUS = $(REAL_CORPUS)/fresh8-a $(REAL_CORPUS)/fresh8-b $(REAL_CORPUS)/fresh8-c
# the ninth to seventeenth rounds (restarts, moves, idlings, deals; mostly Nordic and other releases
# from outside North America; US and Canadian exhibits; restarts, moves, openings and results;
# mixed rounds of every kind (1995-2012 originals; 2013-2025, weighted to restarts, moves and
# openings), half or more outside North America; found and labelled by helpers in
# later sessions): each scored once as found, then read
ROUND9_CORPUS = $(REAL_CORPUS)/fresh9 $(REAL_CORPUS)/fresh10 $(REAL_CORPUS)/fresh11 $(REAL_CORPUS)/fresh12 $(REAL_CORPUS)/fresh13 \
	$(REAL_CORPUS)/fresh14 $(REAL_CORPUS)/fresh15 $(REAL_CORPUS)/fresh16 $(REAL_CORPUS)/fresh17
# the eighteenth round (every kind, 18 of 30 outside North America): scored once as found, then
# read; the nineteenth and twentieth, found later in the same session, read only through their scores
ROUND18_CORPUS = $(REAL_CORPUS)/fresh18
LATEST_CORPUS = $(REAL_CORPUS)/fresh19 $(REAL_CORPUS)/fresh20
# ... and the releases of it read only through their scores (never tuned on, never fitted on)
UNSEEN_CORPUS = $(REAL_CORPUS)/fresh3-a $(REAL_CORPUS)/fresh4-a $(REAL_CORPUS)/fresh4-c \
	$(REAL_CORPUS)/fresh5-a $(REAL_CORPUS)/fresh5-b $(REAL_CORPUS)/fresh5-c
fit-decision: $(STAMP)
	$(PY) manage.py fit_decision tests/data/releases tests/data/feeds tests/data/heldout tests/data/unseen \
		tests/data/final tests/data/fresh tests/data/blind \
		$(REAL_CORPUS)/real $(REAL_CORPUS)/na $(REAL_CORPUS)/world $(FRESH_CORPUS) \
		--labels-root $(REAL_LABELS) --labels-root docs/fresh-corpus --holdout docs/real-corpus-holdout.txt \
		--ours-weight 0.1

# Our second real set (labels in docs/fresh-corpus, texts in $(REAL_CORPUS)/fresh*): the part
# rules were written from, then the part read only through its scores (never with V=1).
evaluate-fresh: $(STAMP)
	$(PY) manage.py evaluate_extraction $(FRESH_CORPUS) --labels-root docs/fresh-corpus $(if $(V),--verbose)
	$(PY) manage.py evaluate_extraction $(LATE_CORPUS) --labels-root docs/fresh-corpus $(if $(V),--verbose)
	$(PY) manage.py evaluate_extraction $(UNSEEN_CORPUS) --labels-root docs/fresh-corpus $(if $(T),--by-type)
	$(PY) manage.py evaluate_extraction $(NEWEST_CORPUS) --labels-root docs/fresh-corpus
	$(PY) manage.py evaluate_extraction $(ROUND8_CORPUS) --labels-root docs/fresh-corpus
	$(PY) manage.py evaluate_extraction $(ROUND9_CORPUS) --labels-root docs/fresh-corpus $(if $(V),--verbose)
	$(PY) manage.py evaluate_extraction $(ROUND18_CORPUS) --labels-root docs/fresh-corpus $(if $(V),--verbose)
	$(PY) manage.py evaluate_extraction $(LATEST_CORPUS) --labels-root docs/fresh-corpus

evaluate-real: $(STAMP)
	$(PY) manage.py evaluate_extraction $(REAL_CORPUS)/real $(REAL_CORPUS)/na $(REAL_CORPUS)/world \
		--labels-root $(REAL_LABELS) --holdout docs/real-corpus-holdout.txt $(if $(V),--verbose) $(if $(T),--by-type)

bench: $(STAMP)
	$(PY) manage.py benchmark_extraction -n 1000 --import 1000 --test-db

# Median, p95 and query count of every analyst page, in-process with DEBUG off, on the database
# DATABASE_URL names (fill it first: manage.py generate_synthetic). README, "Performance".
# The whole-page cache is off (each run renders the page; counts kept by paging.remember are used)
# and the cache is this process's own, so emptying it leaves a running server's alone.
RUNS ?= 20
bench-pages: $(STAMP)
	DEBUG=0 SECRET_KEY=bench-pages FOOTPRINT_PAGE_CACHE_SECONDS=0 FOOTPRINT_CACHE=locmem \
		$(PY) manage.py bench_pages --runs $(RUNS)

# Production-style serving on loopback: gunicorn (footprint/gunicorn.conf.py: 2 gthread workers,
# keep-alive, timeouts that let exports stream) with DEBUG off and whitenoise serving the hashed,
# compressed, far-future-cached files collectstatic writes. Settings come from the environment
# (DATABASE_URL, ALLOWED_HOSTS, GUNICORN_BIND, WEB_CONCURRENCY, ...); without SECRET_KEY a random
# one is made for this run (sessions end when the server stops: set it anywhere else).
serve: $(STAMP)
	@key="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}"; \
	DEBUG=0 SECRET_KEY="$$key" $(PY) manage.py collectstatic --noinput -v0 && \
	DEBUG=0 SECRET_KEY="$$key" exec $(VENV)/bin/gunicorn -c footprint/gunicorn.conf.py footprint.wsgi

# A bounded load test on loopback (scripts/load_test.sh): `make serve` on port 8765, then wrk with
# 50 connections for 60 s over company and explorer pages of the database in DATABASE_URL.
load-test: $(STAMP)
	PY=$(PY) sh scripts/load_test.sh

# Our explorer against Datasette on the same SQLite file (scripts/bench_datasette.sh): Datasette in
# a venv of its own under var/ (never a requirement), `datasette serve -i` beside `make serve`,
# /facilities/?status=idled&country=US against its table view filtered the same way, median and
# p95 over loopback. BENCH_SQLITE (/tmp/pages/50k.sqlite3, made if missing), BENCH_RUNS (30).
bench-datasette: $(STAMP)
	PY=$(PY) sh scripts/bench_datasette.sh

# The load test while 500 releases import in the background (scripts/load_under_import.sh): on a
# database it makes afresh (LOAD_DATABASE_URL, default PostgreSQL footprint_i12_load; or
# sqlite:///var/load-under-import.sqlite3), with the longest lock wait sampled from pg_locks.
load-under-import: $(STAMP)
	PY=$(PY) sh scripts/load_under_import.sh

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
