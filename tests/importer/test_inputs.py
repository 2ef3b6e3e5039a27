"""Reading releases from text, HTML, e-mail and feeds into Documents (pure, no database)."""

from __future__ import annotations

import base64
import codecs
from datetime import date
from pathlib import Path

import pytest

from companies.importer.inputs import (
    Format,
    InputError,
    clean_subject,
    decode,
    iter_paths,
    read_bytes,
    read_path,
    sniff,
)
from companies.importer.webpages import clean_title, html_to_text, parse_date

DEMO = Path(__file__).resolve().parents[2] / "companies" / "demo"
# The demo data keeps the seed release; it has lived both in demo/ and demo/releases/.
SEED = next(
    p
    for p in (
        DEMO / "releases" / "international-wire-2009-03-24.txt",
        DEMO / "international-wire-2009-03-24.txt",
    )
    if p.exists()
)

BODY = (
    "DAYTON, Ohio, May 2, 2024 /PRNewswire/ -- Acme Corp. (NYSE: ACM) today announced that it "
    "will close its Dayton, Ohio plant by the end of 2024, affecting about 200 employees."
)


def one(data: bytes, name: str):
    documents = read_bytes(data, name)
    assert len(documents) == 1
    return documents[0]


# --- decoding -------------------------------------------------------------------------------


class TestDecode:
    def test_utf8(self):
        assert decode("Montréal – “plant”".encode()) == "Montréal – “plant”"

    def test_cp1252_when_not_utf8(self):
        assert decode(b"\x93closing\x94 \x96 Montr\xe9al") == "“closing” – Montréal"

    def test_latin1_floor_never_raises(self):
        # 0x81 is undefined in cp1252 and invalid UTF-8: only Latin-1 maps it.
        assert decode(b"caf\xe9 \x81") == "café \x81"

    @pytest.mark.parametrize("bom", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
    def test_bom_wins(self, bom):
        data = "Zürich plant".encode(bom)
        if bom == "utf-16-be":
            data = codecs.BOM_UTF16_BE + data
        assert decode(data, declared="latin-1") == "Zürich plant"

    def test_declared_charset(self):
        assert decode("Łódź".encode("iso-8859-2"), declared="iso-8859-2") == "Łódź"

    def test_declared_latin1_means_cp1252(self):
        assert decode(b"\x93quoted\x94", declared="ISO-8859-1") == "“quoted”"

    def test_wrong_or_unknown_declaration_falls_back(self):
        assert decode("Montréal".encode(), declared="no-such-charset") == "Montréal"
        assert decode(b"Montr\xe9al", declared="utf-8") == "Montréal"


# --- plain text -----------------------------------------------------------------------------


def test_seed_text_file_is_read_and_normalised():
    (document,) = read_path(SEED)
    assert document.name == str(SEED)
    assert document.text.startswith("International Wire Announces the Idling of Two Plants")
    assert "CAMDEN, N.Y., Mar 24, 2009 (BUSINESS WIRE) --" in document.text
    assert '"OEMs."' in document.text
    assert document.headline is None  # the extractor finds it in the text


def test_text_quotes_and_whitespace_are_normalised():
    document = one(
        "\ufeff  \u201cHello\u201d\u00a0world\r\n\r\n\r\n\r\nNext\t paragraph  \n".encode(), "a.txt"
    )
    assert document.text == '"Hello" world\n\nNext paragraph'


def test_cp1252_text_file(tmp_path):
    path = tmp_path / "release.txt"
    path.write_bytes(b"Acme\x92s \x93Dayton\x94 plant will close.")
    (document,) = read_path(path)
    assert document.text == 'Acme\'s "Dayton" plant will close.'


# --- HTML -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Acme to Close Dayton Plant | Acme Corp Newsroom</title>
<meta property="og:site_name" content="Acme Corp Newsroom">
<meta property="og:url" content="https://acme.example/og">
<meta property="article:published_time" content="2024-05-02T21:30:00-04:00">
<link rel="canonical" href="https://acme.example/news/dayton">
<script>window.tracking = "SCRIPT TEXT";</script>
<style>.x { color: red }</style>
</head><body class="has-sidebar">
<header class="site-header"><a href="/">Acme</a>
  <nav><ul><li><a>Products</a></li><li><a>Investors</a></li></ul></nav></header>
<div id="cookie-consent">We use cookies to improve your experience. <button>Accept all</button></div>
<ul class="main-menu"><li>Careers</li></ul>
<main>
<article>
  <header><h1>Acme to Close Dayton Plant</h1><time datetime="2024-05-01">May 1</time></header>
  <div class="share-buttons"><a>Share on LinkedIn</a> <a>Tweet</a></div>
  <p>DAYTON, Ohio, May 2, 2024 /PRNewswire/ -- Acme Corp. (NYSE: ACM) today announced that it
     will close its Dayton, Ohio plant by the end of 2024.</p>
  <p>About 200&nbsp;employees are affected.<br>Production moves to Columbus.</p>
  <p>Media contact:<br/>Jane Doe<br>555-123-4567</p>
</article>
</main>
<aside><h2>Related releases</h2><p>Acme opens Tulsa warehouse</p></aside>
<form><input name="email"> Subscribe to our newsletter</form>
<footer>&copy; 2024 Acme Corp. Privacy policy</footer>
</body></html>
"""


class TestHTML:
    def test_metadata(self):
        document = one(PAGE.encode(), "dayton.html")
        assert document.headline == "Acme to Close Dayton Plant"
        # The date as the publisher wrote it, not shifted to UTC.
        assert document.published == date(2024, 5, 2)
        assert document.url == "https://acme.example/news/dayton"
        assert document.raw == PAGE

    def test_body_keeps_paragraphs_and_drops_chrome(self):
        text = one(PAGE.encode(), "dayton.html").text
        assert "DAYTON, Ohio, May 2, 2024 /PRNewswire/ -- Acme Corp. (NYSE: ACM) today announced" in text
        assert "will close its Dayton, Ohio plant by the end of 2024." in text
        assert "\n\nAbout 200 employees are affected.\nProduction moves to Columbus." in text
        for chrome in (
            "SCRIPT TEXT",
            "color: red",
            "Products",
            "Investors",
            "cookies",
            "Accept all",
            "Careers",
            "Share on LinkedIn",
            "Tweet",
            "Related releases",
            "Tulsa",
            "Subscribe",
            "Privacy policy",
        ):
            assert chrome not in text, chrome

    def test_title_without_h1_loses_site_suffix(self):
        page = "<html><head><title>Acme Expands Ohio Plant - Business Wire</title></head><body><p>x</p></body></html>"
        assert one(page.encode(), "a.html").headline == "Acme Expands Ohio Plant"

    def test_meta_charset_is_honoured(self):
        page = '<html><head><meta charset="iso-8859-2"></head><body><p>Plant in Łódź</p></body></html>'
        assert one(page.encode("iso-8859-2"), "a.htm").text == "Plant in Łódź"

    def test_time_element_and_json_ld(self):
        page = (
            '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "LD headline", "datePublished": "2021-07-15"}</script></head>'
            "<body><p>Body text</p></body></html>"
        )
        document = one(page.encode(), "a.html")
        assert (document.headline, document.published) == ("LD headline", date(2021, 7, 15))
        page = '<html><body><h1>H</h1><time datetime="2020-04-09T10:00">April 9</time><p>x</p></body></html>'
        assert one(page.encode(), "b.html").published == date(2020, 4, 9)

    def test_unclosed_paragraphs_and_tables(self):
        text = html_to_text("<p>One<p>Two<table><tr><td>a<td>b<tr><td>c<td>d</table><ul><li>x<li>y</ul>")
        assert text == "One\n\nTwo\n\na b\n\nc d\n\nx\n\ny"

    def test_row_of_links_is_dropped_whatever_its_class(self):
        page = (
            '<table class="bwhead"><tr><td><a>Home</a> &middot; <a>Industries</a> &middot; <a>Contact</a></td></tr></table>'
            f'<p>{BODY} See <a href="/x">the fact sheet</a>.</p>'
        )
        assert one(page.encode(), "a.html").text == BODY + " See the fact sheet."

    def test_layout_class_does_not_hide_the_body(self):
        page = f'<html><body><div class="content-with-sidebar-layout"><p>{BODY}</p></div></body></html>'
        assert one(page.encode(), "a.html").text == BODY

    def test_html_saved_as_txt_and_without_extension(self):
        page = f"<!DOCTYPE html><html><body><p>{BODY}</p></body></html>".encode()
        assert one(page, "saved.txt").text == BODY
        assert one(page, "download").text == BODY


def test_clean_title_keeps_dashes_of_the_headline():
    assert clean_title("Acme to Close Plant - 200 Jobs Affected") == "Acme to Close Plant - 200 Jobs Affected"
    assert clean_title("Newsroom | Acme to Close Plant") == "Acme to Close Plant"
    assert clean_title("Acme to Close Plant \u2014 Acme Corp", site_name="Acme Corp") == "Acme to Close Plant"
    assert clean_title("Newsroom - Acme \u2014 Plant to Close - PR Newswire") == "Acme -- Plant to Close"


# --- e-mail ---------------------------------------------------------------------------------

QP_EMAIL = b"""From: PR Newswire <news@prnewswire.example>
To: desk@example.com
Subject: Fwd: [PRNewswire] Acme to Close Dayton Plant
Date: Thu, 02 May 2024 21:30:00 -0400
MIME-Version: 1.0
Content-Type: text/plain; charset="windows-1252"
Content-Transfer-Encoding: quoted-printable

DAYTON, Ohio, May 2, 2024 /PRNewswire/ -- Acme Corp. today announced that it =
will close its =93Dayton=94 plant.

About Acme
"""


class TestEmail:
    def test_quoted_printable_plain(self):
        document = one(QP_EMAIL, "acme.eml")
        assert document.headline == "Acme to Close Dayton Plant"
        assert document.published == date(2024, 5, 2)
        assert document.text == (
            "DAYTON, Ohio, May 2, 2024 /PRNewswire/ -- Acme Corp. today announced that it "
            'will close its "Dayton" plant.\n\nAbout Acme'
        )
        assert "From: PR Newswire" in document.raw

    def test_multipart_alternative_prefers_plain(self):
        html = base64.b64encode(b"<html><body><p>HTML version</p></body></html>").decode()
        data = f"""From: a@example.com
Subject: Acme news
Date: Mon, 06 Mar 2023 08:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="B"

--B
Content-Type: text/plain; charset=utf-8

{BODY}
--B
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

{html}
--B--
""".encode()
        assert one(data, "a.eml").text == BODY

    def test_html_only_multipart_goes_through_the_html_path(self):
        html = f'<html><body><nav>Menu</nav><p>{BODY}</p><div class="social-share">Share</div></body></html>'
        encoded = base64.b64encode(html.encode("utf-8")).decode()
        data = f"""From: a@example.com
Subject: [EXTERNAL] FW: Acme to Close Dayton Plant
Date: Thu, 02 May 2024 08:00:00 -0400
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="OUT"

--OUT
Content-Type: multipart/related; boundary="IN"

--IN
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

{encoded}
--IN--
--OUT
Content-Type: application/pdf; name="release.pdf"
Content-Disposition: attachment; filename="release.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--OUT--
""".encode()
        document = one(data, "a.eml")
        assert document.text == BODY
        assert document.headline == "Acme to Close Dayton Plant"

    def test_plain_stub_next_to_html_uses_html(self):
        long_html = "<p>" + BODY + "</p>" * 1 + ("<p>More release text here.</p>" * 40)
        data = f"""Subject: x
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="B"

--B
Content-Type: text/plain

View this release in your browser.
--B
Content-Type: text/html

<html><body>{long_html}</body></html>
--B--
""".encode()
        assert one(data, "a.eml").text.startswith("DAYTON, Ohio")

    def test_forwarded_header_block_gives_the_release_subject_and_date(self):
        data = f"""From: editor@example.com
Subject: Fwd: look at this
Date: Fri, 10 May 2024 09:00:00 +0000
Content-Type: text/plain; charset=utf-8

See below.

---------- Forwarded message ---------
From: Acme Corp <news@acme.example>
Date: Thu, May 2, 2024 at 8:00 AM
Subject: Acme to Close Dayton Plant Affecting Two Hundred Employees In Ohio
To: list@example.com

{BODY}
""".encode()
        document = one(data, "a.eml")
        assert document.headline == "Acme to Close Dayton Plant Affecting Two Hundred Employees In Ohio"
        assert document.published == date(2024, 5, 2)  # the release's date, not the forward's
        assert document.text == "See below.\n\n" + BODY
        assert "Forwarded message" not in document.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2009-03-24T23:30:00-05:00", date(2009, 3, 24)),
        ("Tue, 24 Mar 2009 08:00:00 -0400", date(2009, 3, 24)),
        ("Thu, Feb 6, 2020 at 4:12 PM", date(2020, 2, 6)),
        ("Thursday, 6 February 2020 16:12", date(2020, 2, 6)),
        ("Sept. 14, 2010", date(2010, 9, 14)),
        ("yesterday", None),
        ("2020-02-30", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_clean_subject():
    assert clean_subject("Re: Fwd: [PRNewswire] [EXTERNAL] Acme Expands") == "Acme Expands"


# --- feeds ----------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Acme news</title><link>https://acme.example</link>
<item>
  <title>Acme to Close Dayton Plant</title>
  <link>https://acme.example/news/1</link>
  <pubDate>Thu, 02 May 2024 21:30:00 -0400</pubDate>
  <description>&lt;p&gt;DAYTON, Ohio -- Acme will close its \u201cDayton\u201d plant.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</description>
</item>
<item>
  <title>Acme &amp;amp; Partners Expand Tulsa Warehouse</title>
  <guid isPermaLink="true">https://acme.example/news/2</guid>
  <pubDate>Fri, 03 May 2024 08:00:00 GMT</pubDate>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>TULSA, Okla. -- Acme will expand its Tulsa warehouse.</p><div class="share">Share</div>]]></content:encoded>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Acme</title>
  <entry>
    <title type="html">Acme Reopens Z\u00fcrich Mill</title>
    <link rel="alternate" href="https://acme.example/a/1"/>
    <link rel="enclosure" href="https://acme.example/a/1.pdf"/>
    <updated>2024-05-04T10:00:00Z</updated>
    <published>2024-05-03T10:00:00+02:00</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First.</p><p>Second.</p></div></content>
  </entry>
  <entry>
    <title>Plain entry</title>
    <updated>2024-05-05T10:00:00Z</updated>
    <summary>Plain text summary
on two lines.</summary>
  </entry>
</feed>
"""


class TestFeeds:
    def test_rss_one_document_per_item(self):
        first, second = read_bytes(RSS.encode("cp1252"), "news.xml")
        assert first.name == "news.xml#1"
        assert first.headline == "Acme to Close Dayton Plant"
        assert first.url == "https://acme.example/news/1"
        assert first.published == date(2024, 5, 2)
        assert first.text == 'DAYTON, Ohio -- Acme will close its "Dayton" plant.\n\nSecond paragraph.'
        assert second.name == "news.xml#2"
        assert second.headline == "Acme & Partners Expand Tulsa Warehouse"
        assert second.url == "https://acme.example/news/2"
        # content:encoded is the full release; the description only a summary.
        assert second.text == "TULSA, Okla. -- Acme will expand its Tulsa warehouse."

    def test_atom_entries(self):
        first, second = read_bytes(ATOM.encode(), "feed.atom")
        assert (first.name, first.headline, first.url) == (
            "feed.atom#1",
            "Acme Reopens Zürich Mill",
            "https://acme.example/a/1",
        )
        assert first.published == date(2024, 5, 3)
        assert first.text == "First.\n\nSecond."
        assert second.name == "feed.atom#2"
        assert second.published == date(2024, 5, 5)
        assert second.text.startswith("Plain text summary")

    def test_feed_without_extension_is_sniffed(self):
        assert sniff(ATOM.encode(), "download") is Format.FEED
        assert len(read_bytes(ATOM.encode(), "download")) == 2

    def test_entity_declarations_are_refused(self):
        bomb = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss><channel><item><title>&b;</title><description>x</description></item></channel></rss>"""
        with pytest.raises(InputError, match="entities"):
            read_bytes(bomb, "bomb.rss")

    def test_external_entity_is_refused(self, tmp_path):
        secret = tmp_path / "secret.txt"
        secret.write_text("SECRET")
        xxe = f"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>
<rss><channel><item><title>&x;</title><description>x</description></item></channel></rss>"""
        with pytest.raises(InputError, match="entities"):
            read_bytes(xxe.encode(), "xxe.xml")

    def test_malformed_and_empty_feeds(self):
        with pytest.raises(InputError, match="well-formed"):
            read_bytes(b"<rss><channel><item></channel>", "broken.xml")
        with pytest.raises(InputError, match="no items"):
            read_bytes(b"<rss><channel><title>t</title></channel></rss>", "empty.rss")
        with pytest.raises(InputError, match="neither an RSS nor an Atom"):
            read_bytes(b"<catalog><book/></catalog>", "books.xml")


# --- sniffing, errors, folders --------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"plain", "a.txt", Format.TEXT),
        (b"<p>x</p>", "a.HTML", Format.HTML),
        (b"Subject: x\n\nbody", "a.eml", Format.EMAIL),
        (b"<rss/>", "a.rss", Format.FEED),
        (b"From: a@b\nSubject: x\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n\nbody", "noext", Format.EMAIL),
        (b"<html><body>x</body></html>", "noext", Format.HTML),
        (b"CAMDEN, N.Y. -- text", "noext", Format.TEXT),
        (b'<?xml version="1.0"?><html><body/></html>', "page", Format.HTML),
    ],
)
def test_sniff(data, name, expected):
    assert sniff(data, name) is expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"%PDF-1.4\n\x00\x01\x02\x03binary\x00", "binary"),
        (b"<html><body><nav>only menu</nav><script>x()</script></body></html>", "no release text"),
    ],
)
def test_unusable_bytes_raise_input_error(data, message):
    with pytest.raises(InputError, match=message):
        read_bytes(data, "file.pdf" if b"PDF" in data else "file.html")


def test_read_path_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="folder"):
        read_path(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_path(empty)


def test_iter_paths_recurses_sorted_and_skips_notes_and_hidden(tmp_path):
    for name in (
        "b.txt",
        "a.html",
        "labels.json",
        "README.md",
        ".hidden.txt",
        "sub/c.eml",
        ".git/x.txt",
        "check.py",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    single = tmp_path / "named.txt"
    found = list(iter_paths([tmp_path / "sub", single, tmp_path / "missing.txt"]))
    assert found == [tmp_path / "sub" / "c.eml", single, tmp_path / "missing.txt"]
    listed = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])]
    assert listed == ["a.html", "b.txt", "sub/c.eml"]
