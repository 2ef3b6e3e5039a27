"""Reading never fails on any input: hypothesis feeds the readers arbitrary and format-shaped
bytes. Whatever comes in, ``read_bytes`` returns documents fit to store (no control character,
no lone surrogate, text within the size budget) or raises ``InputError``, never anything else."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companies.importer.inputs import InputError, read_bytes

NAMES = ["a.txt", "a.html", "a.eml", "a.xml", "a.rss", "download"]
# pieces of every format we read, joined in any order: markup, headers, entities, encodings
PIECES = st.sampled_from(
    [
        b'<?xml version="1.0" encoding="utf-8"?>',
        b'<?xml version="1.0" encoding="UTF-16"?>',
        b"<rss><channel><item><title>",
        b"</title><description>",
        b"</description></item></channel></rss>",
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div><p>',
        b"</p></div></content></entry></feed>",
        b'<!DOCTYPE rss [<!ENTITY a "aaaa">]>',
        b'<!ENTITY x SYSTEM "file:///etc/passwd">',
        b"&a;",
        b"&amp;#0;",
        b"<html><body><p>",
        b'<script type="application/ld+json">{"headline": "A\\u0000\\ud800"}</script>',
        b"</p></body></html>",
        b"From: news@example.com\nSubject: =?utf-8?q?Acme_=00closes?=\n",
        b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n",
        b"Content-Type: multipart/alternative; boundary=B\n\n--B\n",
        b"=00=FF=C3=A9",
        b"DAYTON, Ohio, February 31, 2009 /PRNewswire/ -- Acme will close its plant in Erie, Pa. ",
        b"\x00",
        b"\x1b[31m",
        b"\xff\xfe",
        b"\xef\xbb\xbf",
        b"\xc3\xa9\xe9\x92",
        b"\n\n",
        "Zürich – “plant”".encode(),
        "Łódź".encode("utf-16"),
    ]
)
FORMAT_SHAPED = st.lists(PIECES, max_size=40).map(b"".join)
_UNSTORABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _check(data: bytes, name: str) -> None:
    try:
        documents = read_bytes(data, name)
    except InputError as error:
        assert str(error)  # a refusal always says why
        return
    assert documents
    for document in documents:
        for value in (document.text, document.raw, document.headline or "", document.url or ""):
            assert not _UNSTORABLE.search(value)
            value.encode("utf-8")  # every field can be stored in either database
        assert all(isinstance(w, str) and w for w in document.warnings)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(NAMES))
def test_arbitrary_bytes_never_raise_anything_but_input_error(data, name):
    _check(data, name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FORMAT_SHAPED, st.sampled_from(NAMES))
def test_format_shaped_bytes_never_raise_anything_but_input_error(data, name):
    _check(data, name)


@pytest.mark.parametrize("name", NAMES)
def test_text_of_every_shape_in_every_container(name):
    for data in (b"\x00" * 9000, b"<" * 5000, b"&#0;" * 100, b"\xff" * 100, "\u2028".encode() * 50):
        _check(data, name)
