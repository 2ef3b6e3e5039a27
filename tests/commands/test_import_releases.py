"""``manage.py import_releases``: files, folders, bad files, idempotence, --accept-above, and
releases imported with what an editor must give (an issuer, a date) instead of failing."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from companies.models import Event, Facility, Release
from companies.services import imports
from companies.services.imports import NEEDS_COMPANY_WARNING, NEEDS_DATE_WARNING
from tests.factories import statuses_today
from tests.services.test_imports import BRINDLEMOOR_BODY, brindlemoor_proposal, make_proposal

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[1] / "data" / "releases" / "international-wire-2009-03-24.txt"


@pytest.fixture
def fake_extract(monkeypatch):
    """The seed's proposal for every document, so the command is tested without the extractor."""
    monkeypatch.setattr(imports, "document_extract", lambda document: make_proposal())


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "releases"
    (root / "nested").mkdir(parents=True)
    (root / "one.txt").write_text("First release. Acme is idling its Jewett City plant.")
    (root / "nested" / "two.txt").write_text("Second release. Acme is idling its Littleton plant.")
    return root


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_releases", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_imports_a_folder_recursively_with_a_line_per_file(fake_extract, folder):
    out, err = run(folder)
    assert Release.objects.count() == 2
    assert f"{folder / 'one.txt'}: imported: 2 events proposed, 0 accepted" in out
    assert f"{folder / 'nested' / 'two.txt'}: imported: 2 events proposed, 0 accepted" in out
    assert "2 files: 2 releases imported, 0 already imported, 0 failed; 4 events proposed, 0 accepted" in out
    assert err == ""


def test_same_file_twice_is_already_imported(fake_extract, folder):
    run(folder / "one.txt")
    out, _ = run(folder / "one.txt")
    assert f"{folder / 'one.txt'}: already imported" in out
    assert "1 already imported" in out
    assert Release.objects.count() == 1


def test_unreadable_file_is_reported_the_rest_imported_and_the_command_fails(fake_extract, folder):
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="broken.txt"):
        call_command("import_releases", str(folder), stdout=out, stderr=err)
    assert Release.objects.count() == 2
    assert f"{folder / 'broken.txt'}: error:" in err.getvalue()
    assert "2 releases imported" in out.getvalue() and "1 failed" in out.getvalue()


def test_missing_path_is_named(fake_extract, folder):
    with pytest.raises(CommandError, match="nope.txt"):
        run(folder / "one.txt", folder / "nope.txt")
    assert Release.objects.count() == 1


def test_failing_extraction_is_reported_and_the_release_kept(monkeypatch, folder):
    def broken(document):
        raise ValueError("cannot parse")

    monkeypatch.setattr(imports, "document_extract", broken)
    err = StringIO()
    with pytest.raises(CommandError, match="one.txt"):
        call_command("import_releases", str(folder / "one.txt"), stdout=StringIO(), stderr=err)
    assert "error: extraction failed: ValueError: cannot parse" in err.getvalue()
    assert Release.objects.get().import_state == "failed"


def test_accept_above_accepts_confident_events(fake_extract, folder):
    out, _ = run(folder / "one.txt", "--accept-above", "0.9")
    assert "imported: 0 events proposed, 2 accepted" in out
    assert statuses_today() == {"idled"}


def test_accept_above_must_be_a_confidence(folder):
    with pytest.raises(CommandError):
        run(folder, "--accept-above", "7")


def test_seed_through_the_real_extractor(tmp_path):
    pytest.importorskip("companies.importer.extract")
    seed = tmp_path / SEED.name
    shutil.copy(SEED, seed)
    out, _ = run(seed, "--accept-above", "0.9")
    assert "imported:" in out
    release = Release.objects.get()
    assert release.published.isoformat() == "2009-03-24"
    assert release.company.ticker == "ITWG"
    facilities = (
        Facility.objects.filter(company=release.company).on(timezone.localdate()).select_related("location")
    )
    assert {(f.location.locality, f.location.region, f.span.status) for f in facilities.with_span()} == {
        ("Jewett City", "US-CT", "idled"),
        ("Littleton", "US-NH", "idled"),
    }
    assert release.claims.count() == 2
    out, _ = run(seed)
    assert "already imported" in out


# --- nothing is invented: neither an unknown issuer nor an unknown date fails the import -------


@pytest.fixture
def brindlemoor(tmp_path):
    path = tmp_path / "brindlemoor.txt"
    path.write_text(BRINDLEMOOR_BODY)
    return path


def test_unidentified_issuer_is_imported_with_a_warning_and_the_command_succeeds(monkeypatch, brindlemoor):
    monkeypatch.setattr(imports, "document_extract", lambda document: brindlemoor_proposal(company=None))

    out, err = run(brindlemoor)  # no CommandError: nothing failed

    assert err == ""
    assert f"{brindlemoor}: imported: issuing company unknown, 2 events waiting for it" in out
    assert f"  warning: {NEEDS_COMPANY_WARNING} to propose its 2 events and 1 claim" in out
    assert (
        "1 files: 1 releases imported, 0 already imported, 0 failed; 0 events proposed, 0 accepted; "
        "for an editor: 1 release without an identified company"
    ) in out
    release = Release.objects.get()
    assert (release.import_state, release.company, release.body) == ("needs_company", None, BRINDLEMOOR_BODY)


def test_undated_release_is_imported_undated_and_nothing_accepted(monkeypatch, brindlemoor):
    monkeypatch.setattr(imports, "document_extract", lambda document: brindlemoor_proposal())

    out, err = run(brindlemoor, "--accept-above", "0.5")

    assert err == ""
    assert f"{brindlemoor}: imported: 2 events proposed, 0 accepted; publication date unknown" in out
    assert f"  warning: {NEEDS_DATE_WARNING}" in out
    assert "2 events proposed, 0 accepted; for an editor: 1 release without a publication date" in out
    assert set(Event.objects.values_list("announced_date", "review_state")) == {(None, "proposed")}
    assert statuses_today() == {None}
