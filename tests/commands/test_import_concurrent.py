"""Two ``import_releases`` processes at once on PostgreSQL (issue 12): releases naming the same new
companies, places and facilities all end imported with their events, and the same folder imported
twice at once stores each release once; no IntegrityError is printed and both exit 0. Two
spellings of one new company created at once by two processes make one company.

The releases are written here, in our own words, with invented companies."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from companies.models import Company, Event, Facility, ImportState, Location, Release

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="two processes at once need PostgreSQL"),
]

ROOT = Path(__file__).resolve().parents[2]
COMPANIES = [
    "Quillfeather Mills",
    "Branwick Castings",
    "Oarlock Textiles",
    "Pellham Glassworks",
    "Tansy Foods",
]
PLACES = [("Dayton", "Ohio"), ("Macon", "Georgia"), ("Fargo", "North Dakota")]
RELEASES = 30


def _release(i: int) -> str:
    company = COMPANIES[i % len(COMPANIES)]
    city, state = PLACES[i % len(PLACES)]
    day = date(2015 + i // 12, i % 12 + 1, 10)  # a month apart: never near-duplicates of each other
    verb = ("idle", "close")[i % 2]
    return (
        f"{company} to {verb.title()} {city} Plant\n\n"
        f"{city.upper()}, {state}, {day:%B} {day.day}, {day.year} -- {company} Inc. said today it will "
        f"{verb} its plant in {city}, {state}, affecting {100 + i} workers, as demand for its goods "
        f"has been weak for release number {i}.\n\n"
        f"About {company}\n{company} is a made-up company for a test.\n"
    )


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    """Releases split between two folders so that each company, place and facility is named in both."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for i in range(RELEASES):
        (a if i % 2 else b).joinpath(f"release-{i:02}.txt").write_text(_release(i))
    return a, b


def _database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _run_both(first: Path, second: Path) -> list[subprocess.CompletedProcess]:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "footprint.test_settings",
        "CONN_MAX_AGE": "0",
    }
    command = [sys.executable, str(ROOT / "manage.py"), "import_releases"]
    processes = [
        subprocess.Popen(
            [*command, str(folder)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (first, second)
    ]
    done = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return done


def _assert_clean(runs: list[subprocess.CompletedProcess]) -> None:
    for run in runs:
        assert run.returncode == 0, run.stdout + run.stderr
        assert "IntegrityError" not in run.stdout + run.stderr
        assert "error" not in run.stderr.lower(), run.stderr


def _assert_all_imported() -> None:
    assert Release.objects.count() == RELEASES
    assert not Release.objects.filter(import_state=ImportState.FAILED).exists()
    assert Release.objects.filter(events__isnull=True).count() == 0  # every release has its event
    assert Event.objects.count() == RELEASES
    # each company, place and facility stored once, however many imports named it at once
    assert sorted(Company.objects.values_list("name", flat=True)) == sorted(COMPANIES)
    assert Location.objects.filter(locality__in=[city for city, _ in PLACES]).count() == len(PLACES)
    assert Facility.objects.count() == len(COMPANIES) * len(PLACES)


def test_two_imports_of_different_releases_naming_the_same_new_companies(tmp_path):
    a, b = _folders(tmp_path)
    runs = _run_both(a, b)
    _assert_clean(runs)
    _assert_all_imported()
    for run in runs:
        assert f"{RELEASES // 2} releases imported, 0 already imported, 0 failed" in run.stdout


def test_two_imports_of_the_same_folder_store_each_release_once(tmp_path):
    a, b = _folders(tmp_path)
    for path in b.iterdir():
        path.rename(a / path.name)
    runs = _run_both(a, a)
    _assert_clean(runs)
    _assert_all_imported()
    imported = sum(run.stdout.count(": imported:") for run in runs)
    already = sum(run.stdout.count(": already imported") for run in runs)
    assert (imported, already) == (RELEASES, RELEASES)


# Two spellings of one new company at once: the names normalise alike ("wrenfield foods") but give
# different slugs, so no unique key stops the second insert; the name's advisory lock does.
FIRST_SPELLING = """
import time, django
django.setup()
from django.db import connection, transaction
from companies.services.records import COMPANY_NAME_LOCK, company_get_or_create
with transaction.atomic():
    company, created = company_get_or_create(name="Wrenfield Foods Group", legal_name="Wrenfield Foods Group")
    print(company.pk, created, flush=True)
    # Hold the transaction open until the second process waits on the name's lock (30 s at most).
    waiter = False
    with connection.cursor() as cursor:
        for _ in range(300):
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                " AND classid = %s AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                [COMPANY_NAME_LOCK],
            )
            if cursor.fetchone()[0]:
                waiter = True
                break
            time.sleep(0.1)
    print("waiter" if waiter else "no waiter", flush=True)
print("committed", flush=True)
"""

SECOND_SPELLING = """
import time, django
django.setup()
from companies.services.records import company_get_or_create
started = time.perf_counter()
company, created = company_get_or_create(name="Wrenfield Foods Inc.", legal_name="Wrenfield Foods Inc.")
print(company.pk, created, round(time.perf_counter() - started, 2), flush=True)
"""


def _python(code: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "footprint.test_settings",
        "CONN_MAX_AGE": "0",
    }
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_spellings_of_one_new_company_at_once_make_one_company():
    first = _python(FIRST_SPELLING)
    first_pk, first_created = first.stdout.readline().split()
    assert first_created == "True"
    second = _python(SECOND_SPELLING)  # its look-up finds nothing committed: it waits on the lock
    first_out, first_err = first.communicate(timeout=90)
    second_out, second_err = second.communicate(timeout=90)
    assert first.returncode == 0, first_err
    assert first_out.split("\n")[:2] == ["waiter", "committed"], first_out + first_err
    assert second.returncode == 0, second_err
    second_pk, second_created, _seconds = second_out.split()
    assert (second_pk, second_created) == (first_pk, "False")  # waited, then found the first one's
    assert list(Company.objects.values_list("name", flat=True)) == ["Wrenfield Foods Group"]
