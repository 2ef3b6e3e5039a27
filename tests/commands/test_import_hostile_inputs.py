"""``import_releases`` on a folder of hostile and damaged files, on SQLite and PostgreSQL alike:
XML bombs and external entities (UTF-8 and UTF-16) are refused one by one with a clear message
while the good files import; NUL bytes past the binary sniff or in quoted-printable e-mail are
gone before anything is stored; a release too long for the budget is refused with the limit."""

from __future__ import annotations

import codecs
import os
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from companies.importer import budget
from companies.models import Release
from companies.services import imports
from tests.services.test_imports import make_proposal

pytestmark = pytest.mark.django_db

LAUGHS = '<!ENTITY l0 "ha">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
BOMB = """<?xml version="1.0" encoding="{encoding}"?>
<!DOCTYPE rss [{entities}]>
<rss><channel><item><title>{title}</title><description>x</description></item></channel></rss>"""
PADDING = "Tamsin Looms keeps its weaving hall at Brackwater running through the spring. " * 120
GOOD_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Ostry news</title>
<item><title>Ostry Glass to Idle Ludlow Furnace</title>
<description>LUDLOW, England -- Ostry Glass will idle its float furnace at Ludlow.</description></item>
</channel></rss>"""
QUOTED_PRINTABLE = b"""From: news@ostry.example
Subject: Ostry Glass to idle its furnace
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

LUDLOW, England -- Ostry Glass will idle its float furnace at Ludlow=00 for six weeks=00.
"""


@pytest.fixture
def fake_extract(monkeypatch):
    """A fixed proposal, so the test is about reading and storing, not extraction."""
    monkeypatch.setattr(imports, "document_extract", lambda document: make_proposal())


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "inbox"
    root.mkdir()
    bomb = BOMB.format(encoding="UTF-16", entities=LAUGHS, title="&l9;")
    (root / "laughs-utf16.rss").write_bytes(codecs.BOM_UTF16_LE + bomb.encode("utf-16-le"))
    (root / "laughs-utf8.rss").write_text(BOMB.format(encoding="utf-8", entities=LAUGHS, title="&l9;"))
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xxe = BOMB.format(encoding="UTF-16", entities=f'<!ENTITY s SYSTEM "file://{secret}">', title="&s;")
    (root / "xxe-utf16.xml").write_bytes(xxe.encode("utf-16"))
    (root / "good.rss").write_text(GOOD_FEED)
    (root / "nul-after-8kb.txt").write_bytes((PADDING + "Tamsin Looms will close Brackwater.\x00").encode())
    (root / "quoted-printable.eml").write_bytes(QUOTED_PRINTABLE)
    return root


def test_bad_files_are_refused_one_by_one_and_the_good_ones_import(fake_extract, folder):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):  # the command fails because some files failed
        call_command("import_releases", str(folder), stdout=out, stderr=err)
    errors = err.getvalue()
    for name in ("laughs-utf16.rss", "laughs-utf8.rss", "xxe-utf16.xml"):
        assert (
            f"{folder / name}: error: the XML file declares entities or refers to external resources"
            in errors
        )
    assert "TOP SECRET" not in errors + out.getvalue()
    assert "3 releases imported" in out.getvalue() and "3 failed" in out.getvalue()
    bodies = {r.source_name.rsplit("/", 1)[-1]: r for r in Release.objects.all()}
    assert set(bodies) == {"good.rss#1", "nul-after-8kb.txt", "quoted-printable.eml"}
    for release in bodies.values():  # the same on both databases: no NUL stored anywhere
        assert "\x00" not in release.body + release.raw + release.headline
    assert bodies["nul-after-8kb.txt"].body.endswith("Tamsin Looms will close Brackwater.")
    assert bodies["quoted-printable.eml"].body == (
        "LUDLOW, England -- Ostry Glass will idle its float furnace at Ludlow for six weeks."
    )


def test_a_release_over_the_size_budget_is_refused_with_the_limit(fake_extract, tmp_path, monkeypatch):
    monkeypatch.setenv(budget.MAX_RELEASE_BYTES_ENV, "8192")
    (tmp_path / "long.txt").write_text("word " * 4000)  # 20 KB without a sentence end
    (tmp_path / "short.txt").write_text("Tamsin Looms will close Brackwater.")
    err = StringIO()
    with pytest.raises(CommandError, match="long.txt"):
        call_command("import_releases", str(tmp_path), stdout=StringIO(), stderr=err)
    assert "the release is too long: 20 KB of text, where one release may have 8 KB" in err.getvalue()
    assert "FOOTPRINT_MAX_RELEASE_BYTES" in err.getvalue()
    assert [r.body for r in Release.objects.all()] == ["Tamsin Looms will close Brackwater."]


def test_a_file_name_that_is_not_utf8_is_imported(fake_extract, tmp_path):
    # Linux names are bytes: Python reads "\xe4" as the lone surrogate "\udce4", which no database stores
    (tmp_path / os.fsdecode(b"Br\xe4ckwater.txt")).write_text("Tamsin Looms will close Brackwater.")
    out = StringIO()
    call_command("import_releases", str(tmp_path), stdout=out, stderr=StringIO())
    assert "1 releases imported" in out.getvalue()
    assert Release.objects.get().source_name.endswith("Br\ufffdckwater.txt")
