"""Imports that survive another process writing at the same moment (issue 12).

The races are staged in one process: the look-up that should have found the row is made to miss
once, as it does when another process inserts between our look-up and our insert, so the insert
meets the unique key and must read the stored row instead of failing. Two real processes at once
are ``tests/commands/test_import_concurrent.py`` (PostgreSQL). A ``failed`` release is imported
again by the next run. On SQLite (WAL, busy timeout) a page reads while an import holds the write
lock, and a second writer waits instead of failing with "database is locked"."""

import os
import subprocess
import sys
import textwrap
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from companies.models import Company, Event, Facility, ImportState, Location, Release
from companies.services import facilities, imports, records
from companies.services.facilities import facility_get_or_create
from companies.services.imports import RETRIED_WARNING, release_import
from companies.services.records import company_get_or_create, location_get_or_create, release_create
from tests.services.test_imports import doc, make_proposal

ROOT = Path(__file__).resolve().parents[2]


def _miss_once(monkeypatch, module, name: str, times: int = 1) -> None:
    """``module.name`` answers None for its first ``times`` calls: another process's row is not seen yet."""
    real = getattr(module, name)
    calls = {"n": 0}

    def patched(*args, **kwargs):
        calls["n"] += 1
        return None if calls["n"] <= times else real(*args, **kwargs)

    monkeypatch.setattr(module, name, patched)


@pytest.mark.django_db
def test_company_stored_meanwhile_is_matched_not_an_error(monkeypatch):
    theirs = Company.objects.create(name="Quillfeather Mills", slug="quillfeather-mills")
    # both look-ups before the name lock and both after it
    _miss_once(monkeypatch, records, "company_match", times=4)
    # and its slug looked free, as it does to two processes that both create the company
    monkeypatch.setattr(records, "_unique_slug", lambda name: "quillfeather-mills")
    with transaction.atomic():
        company, created = company_get_or_create(name="Quillfeather Mills Inc.", ticker="QFM")
        assert Company.objects.count() == 1  # the transaction is still usable after the refused insert
    assert (company, created) == (theirs, False)
    theirs.refresh_from_db()
    assert theirs.ticker == "QFM"


def test_company_lock_keys_are_one_per_normalised_name_and_stable():
    group = records.company_lock_keys(names=("Wrenfield Foods Group", "Wrenfield Foods Group"))
    inc = records.company_lock_keys(names=("Wrenfield Foods Inc.", "Wrenfield Foods, Inc."))
    assert group == inc == [-1064576347]  # the same in every process: not Python's salted hash()
    assert records.company_lock_keys(names=("Wrenfield Paper",)) != group
    both = records.company_lock_keys(names=("Wrenfield Foods Group",), ticker="wfg")
    assert both == sorted(both) and len(both) == 2 and group[0] in both  # always taken in one order
    assert records.company_lock_keys(names=("", " ")) == []


@pytest.mark.django_db
def test_company_created_while_waiting_for_the_name_lock_is_matched(monkeypatch):
    """Two spellings that normalise alike but give different slugs: the second process waits on
    the name's lock while the first creates "Wrenfield Foods Group", then finds it."""
    taken = []

    def lock(keys):  # the other process's transaction commits while we wait for its lock
        taken.append(keys)
        Company.objects.create(name="Wrenfield Foods Group", slug="wrenfield-foods-group")

    monkeypatch.setattr(records, "_company_names_lock", lock)
    with transaction.atomic():
        company, created = company_get_or_create(
            name="Wrenfield Foods Inc.", legal_name="Wrenfield Foods Inc."
        )
    assert (company.slug, created) == ("wrenfield-foods-group", False)
    assert Company.objects.count() == 1
    assert taken == [records.company_lock_keys(names=("Wrenfield Foods Inc.",))]


@pytest.mark.django_db
def test_matching_an_existing_company_takes_no_lock(monkeypatch):
    Company.objects.create(name="Wrenfield Foods", slug="wrenfield-foods")
    monkeypatch.setattr(records, "_company_names_lock", lambda keys: pytest.fail("locked to match"))
    company, created = company_get_or_create(name="Wrenfield Foods Group")
    assert (company.slug, created) == ("wrenfield-foods", False)


def _advisory_locks_held() -> list[tuple[int, int]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT classid::bigint, objid::bigint FROM pg_locks WHERE locktype = 'advisory'"
            " AND objsubid = 2 AND pid = pg_backend_pid() AND granted"
        )
        return sorted(cursor.fetchall())


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's advisory locks")
def test_creating_a_company_holds_its_name_lock_until_the_transaction_ends():
    (key,) = records.company_lock_keys(names=("Wrenfield Foods Inc.",))
    with transaction.atomic():
        company_get_or_create(name="Wrenfield Foods Inc.", legal_name="Wrenfield Foods Inc.")
        # pg_locks shows the two int4 keys as unsigned oids
        assert _advisory_locks_held() == [(records.COMPANY_NAME_LOCK, key & 0xFFFFFFFF)]
    assert _advisory_locks_held() == []


@pytest.mark.django_db
def test_location_stored_meanwhile_is_returned():
    theirs = Location.objects.create(locality="Dayton", region="US-OH", country="US")
    with transaction.atomic():
        location, created = location_get_or_create(locality="Dayton", region="US-OH", country="US")
    assert (location, created) == (theirs, False)


@pytest.mark.django_db
def test_facility_stored_meanwhile_is_matched(monkeypatch):
    company = Company.objects.create(name="Branwick Castings", slug="branwick-castings")
    place = Location.objects.create(locality="Macon", region="US-GA", country="US")
    theirs = Facility.objects.create(company=company, location=place, name="", kind="plant")
    _miss_once(monkeypatch, facilities, "_facility_match")
    with transaction.atomic():
        facility, created = facility_get_or_create(company=company, location=place, kind="plant")
        assert Facility.objects.count() == 1
    assert (facility, created) == (theirs, False)


@pytest.mark.django_db
def test_release_stored_meanwhile_is_already_imported(monkeypatch):
    body = "Oarlock Textiles said it will close its plant in Fargo, North Dakota, next spring."
    theirs, _ = release_create(body=body, headline="Oarlock closes Fargo")
    _miss_once(monkeypatch, records, "release_same_text")
    with transaction.atomic():
        release, created = release_create(body=body, headline="Oarlock closes Fargo")
        assert Release.objects.count() == 1
    assert (release, created) == (theirs, False)


@pytest.mark.django_db
def test_import_of_a_release_stored_meanwhile_says_already_imported(monkeypatch):
    first = release_import(document=doc(), proposal=make_proposal())
    monkeypatch.setattr(imports, "release_same_text", lambda body: None)  # the pre-check misses it
    again = release_import(document=doc(), proposal=make_proposal())
    assert (first.status, again.status, again.error) == ("imported", "already imported", None)
    assert again.release == first.release and Release.objects.count() == 1


def _failing_extract(document):
    raise RuntimeError("the extractor broke")


@pytest.mark.django_db
def test_failed_release_is_imported_again_by_the_next_run(monkeypatch):
    monkeypatch.setattr(imports, "document_extract", _failing_extract)
    failed = release_import(document=doc())
    assert failed.status == "failed" and failed.release.import_state == ImportState.FAILED
    assert not Event.objects.exists()

    monkeypatch.setattr(imports, "document_extract", lambda document: make_proposal())
    again = release_import(document=doc())
    assert (again.status, again.created, again.events_proposed) == ("imported", False, 2)
    assert RETRIED_WARNING in again.warnings
    release = Release.objects.get()
    assert release.pk == failed.release.pk
    assert release.import_state == ImportState.EXTRACTED
    assert release.events.count() == 2 and release.claims.count() == 2
    assert "extraction failed" in release.import_log and "import again" in release.import_log

    third = release_import(document=doc())
    assert third.status == "already imported" and Event.objects.count() == 2


@pytest.mark.django_db
def test_import_releases_command_retries_a_failed_release_and_exits_0(monkeypatch, tmp_path):
    path = tmp_path / "tansy.txt"
    path.write_text("Tansy Foods will idle its Macon, Georgia plant for a month this summer.")
    monkeypatch.setattr(imports, "document_extract", _failing_extract)
    with pytest.raises(Exception, match="could not import"):
        call_command("import_releases", str(path), stdout=StringIO(), stderr=StringIO())

    monkeypatch.setattr(imports, "document_extract", lambda document: make_proposal())
    out, err = StringIO(), StringIO()
    call_command("import_releases", str(path), stdout=out, stderr=err)  # exits 0: no CommandError
    assert f"{path}: imported: 2 events proposed, 0 accepted" in out.getvalue()
    assert f"warning: {RETRIED_WARNING}" in out.getvalue()
    assert "1 releases imported, 0 already imported, 0 failed" in out.getvalue()
    assert err.getvalue() == ""
    assert Release.objects.get().import_state == ImportState.EXTRACTED


# --- SQLite: readers never wait on an import -------------------------------------------------

WRITER = """
import time, django
django.setup()
from django.db import connection, transaction
from companies.models import Company
with connection.cursor() as cursor:
    cursor.execute("PRAGMA cache_size = 5")  # a big import: its pages spill to the file before it commits
with transaction.atomic():
    Company.objects.count()  # an import reads (is the release stored?) before it writes
    Company.objects.bulk_create(Company(name=f"Writer {n} {{i}}", slug=f"writer-{n}-{{i}}") for i in range({rows}))
    print("writing", flush=True)
    time.sleep({hold})
    holding_until = time.time()  # the last moment before the commit releases the lock
print("committed", holding_until, flush=True)
"""

READER = """
import time, django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
started = time.perf_counter()
response = Client().get("/companies/")
print(response.status_code, round(time.perf_counter() - started, 3), time.time(), flush=True)
"""


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's locking")
def test_sqlite_reads_and_waits_instead_of_database_is_locked_during_a_long_write(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "footprint.settings",
        "CONN_MAX_AGE": "0",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=120)

    def python(code: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(code)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    writer = python(WRITER.format(n=1, rows=1000, hold=6.0))  # an import holding the write lock 6 s
    assert writer.stdout.readline().strip() == "writing"
    reader = python(READER)
    second_writer = python(WRITER.format(n=2, rows=1, hold=0))
    started = time.perf_counter()
    read_out, read_err = reader.communicate(timeout=60)
    write_out, write_err = second_writer.communicate(timeout=60)
    first_out, first_err = writer.communicate(timeout=60)

    assert "database is locked" not in read_err + write_err + first_err
    status, seconds, answered = read_out.split()
    assert status == "200", read_err
    first_said, holding_until = first_out.split()
    assert first_said == "committed", first_err
    # the page did not wait for the write: it answered while the first writer still held the lock
    # (an order, not a timing: on a loaded machine the first request alone can take over a second)
    assert float(answered) < float(holding_until), (seconds, time.perf_counter() - started)
    assert write_out.split()[-2] == "committed", write_err  # waited for the lock, then wrote
    assert writer.returncode == second_writer.returncode == reader.returncode == 0


@pytest.mark.django_db
def test_extraction_runs_outside_the_write_transaction(monkeypatch):
    """Import and re-extract both extract before their transaction begins: no lock is held meanwhile."""
    depth_here = len(connection.atomic_blocks)  # the test's own transaction
    seen = []

    def extract(document):
        seen.append(len(connection.atomic_blocks))
        return make_proposal()

    monkeypatch.setattr(imports, "document_extract", extract)
    result = release_import(document=doc())
    imports.release_reextract(release=result.release)
    assert seen == [depth_here, depth_here]
    assert result.release.events.count() == 2


@pytest.mark.django_db
def test_then_runs_in_the_release_write_transaction_after_extraction(monkeypatch):
    """The background import records each release with ``then``: in the release's own short
    transaction, while extraction ran before it, outside."""
    depth_here = len(connection.atomic_blocks)
    seen = []

    def extract(document):
        seen.append(("extract", len(connection.atomic_blocks)))
        return make_proposal()

    monkeypatch.setattr(imports, "document_extract", extract)
    (result,) = imports.documents_import(
        documents=[doc()], then=lambda result: seen.append(("then", len(connection.atomic_blocks)))
    )
    assert result.status == "imported"
    assert seen == [("extract", depth_here), ("then", depth_here + 1)]
