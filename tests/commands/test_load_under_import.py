"""The pieces of ``make load-under-import`` (scripts/load_under_import.sh): the release writer is
deterministic and its releases extract to the events they announce and import to one company per
name whatever its legal form; ``generate_releases`` writes them; ``sample_lock_waits`` reports a
lock wait it sees on PostgreSQL and says why it samples nothing on SQLite. No timings: the run
itself is a benchmark, its figures in the README."""

import threading
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from companies.importer.extract import extract
from companies.models import Company, Event, Release
from companies.release_writer import release_texts


def test_release_writer_is_deterministic():
    first, again = release_texts(40, seed=1), release_texts(40, seed=1)
    assert first == again
    assert release_texts(40, seed=2) != first
    assert len({r.text for r in first}) == len({r.name for r in first}) == 40
    assert release_texts(10, seed=1) == first[:10]  # a longer run begins with the shorter one


def test_written_releases_extract_to_the_event_they_announce():
    for release in release_texts(30, seed=1):
        proposal = extract(release.text)
        assert proposal.company and release.company in proposal.company.name, release.text
        assert release.kind in [event.type for event in proposal.events], release.text


def test_generate_releases_writes_the_files_and_refuses_a_folder_in_use(tmp_path):
    out = StringIO()
    call_command("generate_releases", str(tmp_path / "r"), count=12, seed=3, stdout=out)
    files = sorted((tmp_path / "r").iterdir())
    assert [f.name for f in files] == [r.name for r in release_texts(12, seed=3)]
    assert files[0].read_text() == release_texts(1, seed=3)[0].text
    assert "12 releases" in out.getvalue()
    with pytest.raises(CommandError, match="not empty"):
        call_command("generate_releases", str(tmp_path / "r"), count=1, stdout=StringIO())


@pytest.mark.django_db
def test_written_releases_import_to_one_company_per_name(tmp_path):
    releases = release_texts(15, seed=1)
    call_command("generate_releases", str(tmp_path), count=15, seed=1, stdout=StringIO())
    out = StringIO()
    call_command("import_releases", str(tmp_path), stdout=out, stderr=StringIO())
    assert "15 releases imported, 0 already imported, 0 failed" in out.getvalue()
    assert Release.objects.count() == 15 and Event.objects.count() >= 15
    names = {r.company for r in releases}
    assert sorted(Company.objects.values_list("name", flat=True)) == sorted(names)


def test_sample_lock_waits_on_sqlite_says_it_samples_nothing():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite")
    out = StringIO()
    call_command("sample_lock_waits", seconds=0.1, stdout=out)
    assert "not sampled on sqlite" in out.getvalue()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's pg_locks")
def test_sample_lock_waits_reports_a_session_waiting_on_a_lock():
    import psycopg

    s = connection.settings_dict
    dsn = {
        "dbname": s["NAME"],
        "user": s["USER"],
        "host": s["HOST"] or "127.0.0.1",
        "port": s["PORT"] or 5432,
    }
    holder = psycopg.connect(**dsn, autocommit=True)
    waiter = psycopg.connect(**dsn, autocommit=True, application_name="test-waiter")
    holder.execute("SELECT pg_advisory_lock(4242)")
    thread = threading.Thread(target=lambda: waiter.execute("SELECT pg_advisory_lock(4242)"))
    thread.start()
    try:
        time.sleep(0.3)  # the waiter is waiting before sampling begins
        out = StringIO()
        call_command("sample_lock_waits", seconds=1.2, interval=0.1, stdout=out)
    finally:
        holder.execute("SELECT pg_advisory_unlock(4242)")
        thread.join(timeout=10)
        holder.close()
        waiter.close()
    text = out.getvalue()
    assert "1 waits" in text
    assert "longest lock wait:" in text and "test-waiter, advisory ExclusiveLock" in text
    assert "waits of 1 s or more: 1" in text  # waited from before sampling to its end (1.5 s)

    out = StringIO()
    call_command("sample_lock_waits", seconds=0.2, stdout=out)
    assert "longest lock wait: none seen" in out.getvalue()
