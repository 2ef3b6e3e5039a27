"""``manage.py import_releases`` and duplicates: a copy laid out differently is "already
imported" and stores nothing; a near-duplicate is imported with a warning naming the stored one."""

from io import StringIO

import pytest
from django.core.management import call_command

from companies.models import Release
from companies.services import imports
from tests.importer.test_fingerprint import EXHIBIT, PR_NEWSWIRE, rewrapped
from tests.services.test_duplicates import CORRECTED, harrowgate_proposal

pytestmark = pytest.mark.django_db


def test_copies_are_already_imported_and_a_near_duplicate_is_flagged(tmp_path, monkeypatch):
    monkeypatch.setattr(imports, "document_extract", lambda document: harrowgate_proposal())
    (tmp_path / "a-wire.txt").write_text(PR_NEWSWIRE)
    (tmp_path / "b-exhibit.txt").write_text(EXHIBIT)
    (tmp_path / "c-rewrapped.txt").write_text(rewrapped(PR_NEWSWIRE))
    (tmp_path / "d-corrected.txt").write_text(CORRECTED)
    out = StringIO()

    call_command("import_releases", str(tmp_path), stdout=out)

    lines = out.getvalue()
    assert f"{tmp_path / 'b-exhibit.txt'}: already imported" in lines
    assert f"{tmp_path / 'c-rewrapped.txt'}: already imported" in lines
    first = Release.objects.get(source_name__endswith="a-wire.txt")
    assert f"warning: possible duplicate: this release nearly repeats release #{first.pk}" in lines
    assert "4 files: 2 releases imported, 2 already imported, 0 failed" in lines
    assert Release.objects.get(source_name__endswith="d-corrected.txt").duplicate_of == first
