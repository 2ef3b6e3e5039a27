"""Decoding with a report, and control characters removed before anything is stored."""

from __future__ import annotations

import codecs

import pytest

from companies.importer.inputs import read_bytes
from companies.importer.proposal import Document
from companies.importer.sanitize import Report, clean_document, decode, read_text, strip_controls

# about 9 KB of ordinary release text: what follows is past the binary sniff's 8 KB window
PADDING = "Brindlemoor Textiles said its weaving hall keeps running through the spring. " * 120


def test_control_characters_go_and_are_counted():
    report = Report()
    cleaned = strip_controls("Brindle\x00moor\x01 mill\x1b[0m\x7f closes", report)
    assert cleaned == "Brindlemoor mill[0m closes"
    assert report.removed == {"NUL": 1, "U+0001": 1, "ESC": 1, "DEL": 1}
    (warning,) = report.warnings()
    assert warning.startswith("Removed 4 control characters from the text (")
    assert "NUL \u00d71" in warning


def test_white_space_controls_stay_for_the_normaliser():
    report = Report()
    text = "a\tb\nc\r\nd\x0be\x0cf"
    assert strip_controls(text, report) == text  # tab, LF, CR, VT, FF: page and line breaks
    assert report.warnings() == []


def test_c1_characters_read_as_what_windows_1252_means_by_them():
    report = Report()
    # "\x92" is a right quote decoded as Latin-1 somewhere upstream; "\x81" means nothing
    assert strip_controls("Tamsin\x92s mill\x81", report) == "Tamsin\u2019s mill"
    assert report.mapped == 1 and report.removed == {"U+0081": 1}
    assert any("Windows-1252" in w for w in report.warnings())


def test_lone_surrogates_become_replacement_characters():
    report = Report()
    assert strip_controls("Ostry\udcff mill", report) == "Ostry\ufffd mill"
    assert report.invalid == 1


class TestDecoding:
    def test_utf8_with_a_few_broken_bytes_stays_utf8_and_says_so(self):
        data = "Zürich and Montréal plants, ".encode() + b"\xff\xfe" + " Köln".encode()
        text, report = read_text(data)
        assert text == "Zürich and Montréal plants, \ufffd\ufffd Köln"  # not "ZÃ¼rich"
        assert report.invalid == 2
        (warning,) = report.warnings()
        assert warning.startswith("The file is not valid UTF-8: 2 bytes that could not be read were replaced")

    def test_one_byte_text_is_read_as_windows_1252_with_a_warning(self):
        text, report = read_text(b"Montr\xe9al \x93plant\x94")
        assert text == "Montréal “plant”"
        assert report.guessed == "Windows-1252"
        assert report.warnings() == [
            "The file is not UTF-8 and names no encoding: it was read as Windows-1252; "
            "check its accented letters and quotes"
        ]

    def test_declared_and_valid_encodings_need_no_warning(self):
        for data, declared in (("Łódź".encode("iso-8859-2"), "iso-8859-2"), ("Łódź".encode(), None)):
            text, report = read_text(data, declared)
            assert text == "Łódź" and report.warnings() == []

    def test_a_wrong_declaration_is_named(self):
        text, report = read_text(b"Montr\xe9al \x81", "utf-8")
        assert text == "Montréal "  # Latin-1 floor; U+0081 is a control character, removed
        assert "nor in the encoding it names (utf-8)" in report.warnings()[0]

    def test_bom_text_with_a_broken_code_unit_is_reported(self):
        data = codecs.BOM_UTF16_LE + "Köln".encode("utf-16-le") + b"\x00\xd8"  # a lone high surrogate
        text, report = read_text(data)
        assert text.startswith("Köln") and report.invalid == 1
        assert report.warnings()[0].startswith("The file is not valid UTF-16")

    def test_a_replacement_character_in_the_input_is_not_a_decoding_error(self):
        assert read_text("already \ufffd here".encode())[1].warnings() == []

    def test_utf16_xml_without_bom_is_recognised(self):
        data = '<?xml version="1.0" encoding="UTF-16"?><rss/>'.encode("utf-16-le")
        assert decode(data).startswith("<?xml")


def test_clean_document_cleans_every_stored_field():
    document = Document(
        name="x.txt",
        text="a\x00b",
        raw="<p>a\x00b</p>",
        headline=" Head\x00line ",
        url="https://x.example/\x01",
    )
    clean_document(document, Report())
    assert (document.text, document.raw, document.headline, document.url) == (
        "ab",
        "<p>ab</p>",
        "Headline",
        "https://x.example/",
    )
    assert document.warnings[0].startswith("Removed 4 control characters")


# --- through the readers: the cases -------------------------------------------------


def test_nul_after_the_first_8_kb_of_a_text_file_is_removed_with_a_warning():
    data = (PADDING + "The Tamsin mill\x00 will close in June.\x00").encode()
    (document,) = read_bytes(data, "tamsin.txt")
    assert "\x00" not in document.text and "\x00" not in document.raw
    assert document.text.endswith("The Tamsin mill will close in June.")
    assert document.warnings == [
        "Removed 2 control characters from the text (NUL \u00d72): control characters are not text, and the file may be damaged"
    ]


def test_a_nul_in_the_first_8_kb_is_still_a_binary_file():
    with pytest.raises(Exception, match="binary"):
        read_bytes(b"Tamsin mill\x00\x00\x00\x01\x02 closes", "tamsin.txt")


QUOTED_PRINTABLE = b"""From: news@ostry.example
Subject: =?utf-8?q?Ostry_Glass_to_idle_its_furnace=00?=
Date: Tue, 3 Mar 2015 08:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

LUDLOW, England, March 3, 2015 -- Ostry Glass will idle its float furnace at=
 Ludlow=00 for six weeks. Caf=C3=A9 staff stay on=00.
"""


def test_nul_in_a_quoted_printable_e_mail_is_removed_with_a_warning():
    (document,) = read_bytes(QUOTED_PRINTABLE, "ostry.eml")
    assert document.text == (
        "LUDLOW, England, March 3, 2015 -- Ostry Glass will idle its float furnace at Ludlow for six "
        "weeks. Café staff stay on."
    )
    assert document.headline == "Ostry Glass to idle its furnace"
    assert "=00" in document.raw  # the source as sent: quoted-printable text, no NUL in it
    assert document.warnings == [
        "Removed 3 control characters from the text (NUL \u00d73): control characters are not text, and the file may be damaged"
    ]


def test_html_json_ld_escapes_cannot_smuggle_a_nul():
    page = (
        '<html><head><script type="application/ld+json">{"headline": "Ostry\\u0000 Glass\\ud800"}'
        "</script></head><body><p>" + PADDING + "</p></body></html>"
    ).encode()
    (document,) = read_bytes(page, "ostry.html")
    assert document.headline == "Ostry Glass\ufffd"
    assert any(w.startswith("Removed 1 control character") for w in document.warnings)


def test_clean_files_have_no_warnings():
    (document,) = read_bytes(PADDING.encode(), "plain.txt")
    assert document.warnings == []


def test_a_file_name_from_a_non_utf8_file_system_is_made_storable(tmp_path):
    document = Document(name="Br\udce4ckwater.txt", text="Tamsin Looms will close Brackwater.")
    clean_document(document, Report())
    assert document.name == "Br\ufffdckwater.txt"
    assert document.warnings == []
