"""Read press releases from files, uploads, e-mails and feeds into ``Document`` objects.

Pure: no database, no network. Every reader ends in the same place — a ``Document`` whose
``text`` is plain, normalised text the extractor can read — so the import command, the admin
upload and ``extract_release`` never parse a format twice.

Formats: plain text (as wires distribute it), HTML release pages, e-mail messages (``.eml``)
and RSS 2.0 / RSS 1.0 / Atom feeds (one ``Document`` per item, named ``feed.xml#N``; read in
``feeds``). Decoding and control characters are ``sanitize``'s: what it had to change is in
each document's ``warnings``. A file refused is an ``InputError`` whose message says why.
"""

from __future__ import annotations

import copy
import email
import email.policy
import email.utils
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from email.message import EmailMessage
from enum import StrEnum
from html.parser import HTMLParser
from pathlib import Path

from . import budget
from .proposal import Document
from .sanitize import Report, clean_document, decode, read_text, unicode_without_bom
from .text import normalize

__all__ = [
    "Format",
    "InputError",
    "decode",
    "document_from_email",
    "document_from_html",
    "document_from_text",
    "documents_from_feed",
    "html_to_text",
    "iter_paths",
    "read_bytes",
    "read_path",
    "sniff",
]


class InputError(Exception):
    """A file that cannot be turned into releases; the message names the reason for the user."""


class Format(StrEnum):
    TEXT = "text"
    HTML = "html"
    EMAIL = "email"
    FEED = "feed"


# Files a folder import should pass over: notes and labels that live next to releases.
SKIPPED_NAMES = {"labels.json", "readme.md", "readme.txt", "readme", "thumbs.db", "desktop.ini"}

EXTENSIONS = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".eml": Format.EMAIL,
    ".xml": Format.FEED,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
}

# A release is text; anything bigger than this is not one (and would hold a web worker).
MAX_BYTES = 20 * 1024 * 1024


# --- decoding: companies.importer.sanitize (decode, read_text) -------------------------------

# Text normalisation is the extractor's own (companies.importer.text.normalize): one definition,
# so the body stored, the body extracted and the evidence offsets into it always agree.

# --- dates and headlines --------------------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str | None) -> date | None:
    """ISO 8601 ("2009-03-24T08:00:00-04:00") or RFC 2822 ("Tue, 24 Mar 2009 08:00:00 -0400").

    The date is the one written, in the publisher's own time zone: converting to UTC would move
    an evening release to the next day.
    """
    if not value:
        return None
    value = value.strip()
    match = _ISO_DATE.match(value)
    if match:
        try:
            return date(*(int(g) for g in match.groups()))
        except ValueError:
            return None
    try:
        parsed: datetime = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return _written_date(value)
    return parsed.date() if parsed else None


# English month abbreviations, spelt out: calendar.month_abbr follows the process locale.
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b")


def _written_date(value: str) -> date | None:
    """Dates mail clients write into forwarded headers: "Thu, Feb 6, 2020 at 4:12 PM",
    "Thursday, 6 February 2020 16:12"."""
    for pattern, order in ((_MONTH_DAY_YEAR, (1, 2, 3)), (_DAY_MONTH_YEAR, (2, 1, 3))):
        match = pattern.search(value)
        if not match:
            continue
        month, day, year = (match.group(i) for i in order)
        try:
            return date(int(year), _MONTHS[month.lower()], int(day))
        except (KeyError, ValueError):
            continue
    return None


_WIRE_SITES = re.compile(
    r"^(business\s*wire|pr\s*newswire|prnewswire|globe\s*newswire|globenewswire|newswire|"
    r"press releases?|news(room)?|reuters|cision|marketwired?|accesswire|ein presswire|"
    r"news releases?|investors?( relations)?|media( centre| center)?)$",
    re.I,
)
_STRONG_SEPARATORS = re.compile(r"\s+(?:\||::|»|·)\s+")
_DASH_SEPARATORS = re.compile(r"\s+(?:--?|[\u2013\u2014])\s+")  # normalize() makes an em dash "--"


def clean_title(title: str | None, site_name: str | None = None) -> str | None:
    """ "Acme to Close Ohio Plant | Acme Corp" -> "Acme to Close Ohio Plant".

    A bar or "::" always separates a site name; a dash only when what follows it is the site's
    own name or a wire's, because headlines use dashes themselves ("Plant to Close - 200 Jobs").
    """
    if not title:
        return None
    title = normalize(title).replace("\n", " ")
    site = (site_name or "").strip().casefold()
    parts = _STRONG_SEPARATORS.split(title)
    if len(parts) > 1:
        title = max(parts, key=len)  # the headline is the long part, wherever the site name sits
    while separators := list(_DASH_SEPARATORS.finditer(title)):
        first, last = separators[0], separators[-1]
        if _is_site(title[last.end() :], site):
            title = title[: last.start()]
        elif _is_site(title[: first.start()], site):
            title = title[first.end() :]
        else:
            break
    return title.strip() or None


def _is_site(part: str, site: str) -> bool:
    part = part.strip()
    return part.casefold() == site or bool(_WIRE_SITES.match(part))


_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|wg|tr|sv|vs)\s*:|\[[^\]]*\]|\(fwd\))\s*", re.I)


def clean_subject(subject: str | None) -> str | None:
    """ "Fwd: [PRNewswire] Acme to Close Plant" -> "Acme to Close Plant"."""
    if not subject:
        return None
    previous = None
    while previous != subject:
        previous, subject = subject, _SUBJECT_PREFIX.sub("", subject)
    return clean_title(subject)


# --- HTML -----------------------------------------------------------------------------------

# Elements whose content is never release text.
_DROP_TAGS = {
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "iframe", "svg", "canvas", "object", "embed", "dialog", "menu",
}  # fmt: skip
# Page-level header and footer are chrome; inside an <article> they hold the headline and date.
_PAGE_CHROME_TAGS = {"header", "footer"}
_CHROME_ROLES = {
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "menu",
    "menubar",
}
# class/id words that mark chrome. Matched as whole words of the attribute (split on - _ and
# spaces) so "sharp" or "menuitem-content" do not match by accident.
_CHROME_WORDS = {
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing",
    "social", "cookie", "cookies", "consent", "gdpr", "banner", "sidebar", "subscribe",
    "newsletter", "signup", "related", "recommended", "comments", "comment", "advert",
    "advertisement", "ad", "ads", "promo", "popup", "modal", "skip", "sr-only", "visually-hidden",
    "toolbar", "pagination", "masthead", "tags",
}  # fmt: skip
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5",
    "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr",
    "blockquote", "pre", "address", "figure", "figcaption", "hr", "center", "caption",
}  # fmt: skip
_VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
}  # fmt: skip
# Elements a new sibling closes implicitly (HTML's optional end tags).
_SELF_CLOSING_SIBLINGS = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}
_PUBLISHED_META = {
    "article:published_time", "og:published_time", "datepublished", "date", "dc.date",
    "dc.date.issued", "dcterms.date", "pubdate", "publishdate", "publish-date", "sailthru.date",
}  # fmt: skip


def _is_chrome(tag: str, attrs: dict[str, str], in_article: bool, class_rules: bool = True) -> bool:
    if tag in _DROP_TAGS:
        return True
    if tag in _PAGE_CHROME_TAGS and not in_article:
        return True
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if attrs.get("role", "").lower() in _CHROME_ROLES:
        return True
    if tag in {"html", "body", "main", "article"} or not class_rules:
        return False
    return any(
        _chrome_token(token) for token in f"{attrs.get('class', '')} {attrs.get('id', '')}".lower().split()
    )


def _chrome_token(token: str) -> bool:
    """ "share-buttons", "cookie-banner", "sr-only" are chrome; "has-sidebar" describes a layout."""
    if token in _CHROME_WORDS or "cookie" in token:
        return True
    if token.startswith(("has-", "with-", "no-", "layout", "page-", "template-", "is-")):
        return False
    return any(word in _CHROME_WORDS for word in re.split(r"[_-]+", token))


# A block with this many links that are most of its text is navigation.
_MENU_LINKS = 3


class _ReleaseHTMLParser(HTMLParser):
    """Collects paragraphs of visible body text and the page's metadata in one pass."""

    def __init__(self, class_rules: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.class_rules = class_rules
        self.stack: list[tuple[str, bool]] = []  # (tag, opened a dropped region)
        self.dropping = 0
        self.articles = 0
        self.pre = 0
        self.in_link = 0
        self.block_links = 0  # <a> elements in the block being collected
        self.block_link_chars = 0  # letters and digits inside them
        self.paragraphs: list[str] = []
        self.buffer: list[str] = []
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.h1_parts: list[str] | None = None
        self.h1s: list[tuple[str, bool]] = []  # (text, was in chrome)
        self.h1_in_chrome = False
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.time_datetime: str | None = None
        self.json_ld: list[str] = []
        self.script_type: str | None = None

    # structure

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k.lower(): (v or "") for k, v in attrs_list}
        self._head_metadata(tag, attrs)
        if tag in _VOID_TAGS:
            if tag == "br" and not self.dropping:
                self.buffer.append("\n")
            elif tag == "hr":
                self._flush()
            return
        if tag in _SELF_CLOSING_SIBLINGS and self.stack and self.stack[-1][0] == tag:
            self._close(tag)
        if tag in _BLOCK_TAGS:
            self._flush()
        elif tag in {"td", "th"} and not self.dropping:
            self.buffer.append(" ")
        drop = _is_chrome(tag, attrs, self.articles > 0, self.class_rules)
        if tag == "script" and "ld+json" in attrs.get("type", ""):
            self.script_type = "ld+json"
        if tag == "title" and self.title is None:
            self.title_parts = []
        if tag == "h1" and self.h1_parts is None:
            self.h1_parts, self.h1_in_chrome = [], self.dropping > 0
        if tag == "time" and self.time_datetime is None and attrs.get("datetime") and not self.dropping:
            self.time_datetime = attrs["datetime"]
        self.stack.append((tag, drop))
        self.dropping += drop
        self.articles += tag in {"article", "main"}
        self.in_link += tag == "a"
        self.block_links += tag == "a" and not self.dropping
        self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # XHTML's <br/>: treat as a start tag only; a void element never gets an end tag.
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title, self.title_parts = "".join(self.title_parts), None
        if tag == "h1" and self.h1_parts is not None:
            self.h1s.append(("".join(self.h1_parts), self.h1_in_chrome))
            self.h1_parts = None
        if tag == "script":
            self.script_type = None
        if any(t == tag for t, _ in self.stack):
            self._close(tag)
        if tag in _BLOCK_TAGS:
            self._flush()

    def _close(self, tag: str) -> None:
        """Pop up to and including ``tag``: unclosed children (<p>, <li>) end with their parent."""
        while self.stack:
            open_tag, drop = self.stack.pop()
            self.dropping -= drop
            self.articles -= open_tag in {"article", "main"}
            self.in_link -= open_tag == "a"
            self.pre -= open_tag == "pre"
            if open_tag == tag:
                return

    # content

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        if self.script_type == "ld+json":
            self.json_ld.append(data)
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if self.dropping:
            return
        if self.in_link:
            self.block_link_chars += sum(c.isalnum() for c in data)
        self.buffer.append(data if self.pre else re.sub(r"\s+", " ", data))

    def _flush(self) -> None:
        text = "".join(self.buffer)
        links, link_chars = self.block_links, self.block_link_chars
        self.buffer, self.block_links, self.block_link_chars = [], 0, 0
        if links >= _MENU_LINKS and link_chars * 2 >= sum(c.isalnum() for c in text):
            return  # a row of links ("Home · Industries · Contact") is a menu, whatever its class
        lines = [" ".join(line.split()) for line in text.split("\n")] if not self.pre else text.split("\n")
        paragraph = "\n".join(line for line in lines if line.strip())
        if paragraph.strip():
            self.paragraphs.append(paragraph)

    def close(self) -> None:
        super().close()
        self._flush()

    # metadata

    def _head_metadata(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key and "content" in attrs and key not in self.meta:
                self.meta[key] = attrs["content"]
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            self.canonical = self.canonical or attrs.get("href") or None


def _json_ld_fields(blocks: list[str]) -> dict[str, str]:
    """headline/datePublished/url from schema.org JSON-LD, which many newsrooms embed."""
    found: dict[str, str] = {}

    def visit(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            for key in ("headline", "datePublished", "url"):
                if isinstance(node.get(key), str) and key not in found:
                    found[key] = node[key]
            visit(node.get("@graph", []))

    for block in blocks:
        try:
            visit(json.loads(block))
        except ValueError:
            continue
    return found


# Below this much text, suspect that class-name rules hid the body ("content-sidebar-layout").
_TOO_LITTLE = 200


def _parse_html(markup: str) -> _ReleaseHTMLParser:
    parser = _run_parser(markup, class_rules=True)
    if sum(map(len, parser.paragraphs)) < _TOO_LITTLE:
        plain = _run_parser(markup, class_rules=False)
        if sum(map(len, plain.paragraphs)) > 2 * sum(map(len, parser.paragraphs)):
            return plain
    return parser


def _run_parser(markup: str, *, class_rules: bool) -> _ReleaseHTMLParser:
    parser = _ReleaseHTMLParser(class_rules)
    parser.feed(markup)
    parser.close()
    return parser


def html_to_text(markup: str) -> str:
    """Visible body text of an HTML page or fragment, one paragraph per block, chrome removed."""
    return normalize("\n\n".join(_parse_html(markup).paragraphs))


def document_from_html(markup: str, name: str) -> Document:
    document = _html_document(markup, name)
    document.text = normalize(document.text)
    return document


def _html_document(markup: str, name: str) -> Document:
    """The page's fields, its text one paragraph per block but not yet normalised."""
    parser = _parse_html(markup)
    ld = _json_ld_fields(parser.json_ld)
    site = parser.meta.get("og:site_name")
    content_h1 = [text for text, in_chrome in parser.h1s if not in_chrome and text.strip()]
    headline = (
        clean_title(content_h1[0] if content_h1 else None)
        or clean_title(parser.meta.get("og:title"), site)
        or clean_title(ld.get("headline"))
        or clean_title(parser.title, site)
    )
    published = next(
        (d for d in (parse_date(parser.meta.get(k)) for k in _PUBLISHED_META if k in parser.meta) if d),
        None,
    )
    published = published or parse_date(ld.get("datePublished")) or parse_date(parser.time_datetime)
    url = parser.canonical or parser.meta.get("og:url") or ld.get("url")
    text = "\n\n".join(parser.paragraphs)
    return Document(name=name, text=text, raw=markup, headline=headline, url=url or None, published=published)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def _html_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


# --- plain text -----------------------------------------------------------------------------


def document_from_text(text: str, name: str) -> Document:
    normalised = normalize(text)
    return Document(name=name, text=normalised, raw=text if text != normalised else "")


def _text_document(data: bytes, name: str, report: Report) -> Document:
    text, _ = read_text(data, None, report)
    # before normalising, which is linear but not free: a 20 MB file is refused in a blink
    refused = budget.over_size(text)
    if refused:
        raise InputError(refused)
    return document_from_text(text, name)


# --- e-mail ---------------------------------------------------------------------------------

# A plain-text part shorter than this, next to a longer HTML part, is a "view in browser" stub.
_STUB_PLAIN = 200
_FORWARD_MARKER = re.compile(
    r"^[ \t>]*(?:-{2,}\s*(?:Original|Forwarded) Message\s*-{2,}|Begin forwarded message:)[ \t]*$",
    re.I | re.M,
)
_HEADER_LINE = re.compile(r"^[ \t>]*(From|Sent|Date|To|Cc|Subject|Reply-To)\s*:\s*(.*)$", re.I)


def _part_text(part: EmailMessage, report: Report) -> str:
    """A part's text, its transfer encoding (quoted-printable, base64) and charset undone: a
    "=00" in quoted-printable is a NUL byte only now, and goes here."""
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        return read_text(payload, part.get_content_charset(), report)[0]
    return str(part.get_payload() or "")


def _strip_forward_header(text: str) -> tuple[str, dict[str, str]]:
    """Drop a forwarded message's header block; return its Subject/Date, the release's own."""
    match = _FORWARD_MARKER.search(text)
    if not match:
        return text, {}
    lines = text[match.end() :].lstrip("\n").split("\n")
    headers: dict[str, str] = {}
    index = 0
    while index < len(lines):
        header = _HEADER_LINE.match(lines[index])
        if not header:
            break
        headers[header.group(1).lower()] = header.group(2).strip()
        index += 1
    if not headers:
        return text, {}
    return text[: match.start()].rstrip() + "\n\n" + "\n".join(lines[index:]).strip(), headers


def _message_body(message: EmailMessage, report: Report) -> tuple[str, bool] | None:
    """(text, is_html) of the best body part, looking inside attached forwarded messages too."""
    plain = message.get_body(preferencelist=("plain",))
    rich = message.get_body(preferencelist=("html",))
    plain_report, rich_report = Report(), Report()
    plain_text = _part_text(plain, plain_report) if plain is not None else ""
    rich_text = _part_text(rich, rich_report) if rich is not None else ""
    if plain_text.strip() and not (
        len(plain_text.strip()) < _STUB_PLAIN and len(rich_text) > 4 * _STUB_PLAIN
    ):
        report.merge(plain_report)  # only the part kept is reported on
        return plain_text, False
    if rich_text.strip():
        report.merge(rich_report)
        return rich_text, True
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner:
                inner = inner[0]
            if isinstance(inner, EmailMessage):
                return _message_body(inner, report)
    return None


def document_from_email(data: bytes, name: str, report: Report | None = None) -> Document:
    report = report if report is not None else Report()
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    try:
        subject = str(message.get("Subject", "") or "")
        sent = str(message.get("Date", "") or "")
    except (ValueError, TypeError, IndexError):  # malformed headers must not lose the body
        subject = sent = ""
    body = _message_body(message, report)
    if body is None:
        raise InputError("the e-mail has no text or HTML body")
    content, is_html = body
    if is_html:
        page = _html_document(content, name)
        text, url, page_headline, page_published = page.text, page.url, page.headline, page.published
    else:
        text, url, page_headline, page_published = content, None, None, None
    # Before normalising: unwrapping would glue the forwarded header lines to each other.
    text, forwarded = _strip_forward_header(text.replace("\r\n", "\n"))
    text = normalize(text)
    headline = clean_subject(forwarded.get("subject") or subject) or page_headline
    published = (
        parse_date(forwarded.get("date") or forwarded.get("sent")) or parse_date(sent) or page_published
    )
    return Document(
        name=name,
        text=text,
        raw=read_text(data)[0],  # the source as sent; what it says is reported from the body
        headline=headline,
        url=url,
        published=published,
    )


# --- feeds: companies.importer.feeds ---------------------------------------------------------


def documents_from_feed(data: bytes, name: str, report: Report | None = None) -> list[Document]:
    """One document per item of an RSS or Atom feed (see ``feeds``)."""
    from .feeds import documents_from_feed as read_feed  # feeds reads entries with the HTML reader here

    return read_feed(data, name, report)


# --- sniffing and entry points --------------------------------------------------------------

_EMAIL_HEADER = re.compile(
    rb"^(from|to|subject|date|received|return-path|message-id|mime-version|delivered-to|x-[\w-]+)\s*:",
    re.I,
)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample or unicode_without_bom(sample):
        return False  # UTF-16/32 text is full of NUL bytes but is text
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05


def sniff(data: bytes, name: str = "") -> Format:
    """The file's format, from its extension where that is one we read, else from its content."""
    suffix = Path(name.split("#", 1)[0]).suffix.lower()
    by_extension = EXTENSIONS.get(suffix)
    head = decode(data[:2048]).lstrip().lower()
    if by_extension is Format.TEXT and head.startswith(("<!doctype html", "<html")):
        return Format.HTML  # a page saved as .txt is still a page
    if by_extension is not None:
        return by_extension
    if head.startswith(("<?xml", "<rss", "<feed", "<rdf:rdf")):
        return Format.HTML if "<html" in head[:500] else Format.FEED
    if head.startswith(("<!doctype html", "<html")) or re.search(r"<(body|p|div|h1)[\s>]", head[:1000]):
        return Format.HTML
    first_lines = data.lstrip()[:2048].split(b"\n", 3)[:3]
    if sum(bool(_EMAIL_HEADER.match(line)) for line in first_lines) >= 2:
        return Format.EMAIL
    return Format.TEXT


def read_bytes(data: bytes, name: str) -> list[Document]:
    """Documents in one uploaded or read file: one, or one per entry for a feed."""
    if not data.strip():
        raise InputError("the file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(
            f"the file is too large ({len(data) // 1_048_576} MB; the limit is {MAX_BYTES // 1_048_576} MB)"
        )
    if _looks_binary(data):
        suffix = Path(name).suffix.lower()
        raise InputError(f"unsupported file type{' ' + suffix if suffix else ''}: binary content, not text")
    kind = sniff(data, name)
    report = Report()
    if kind is Format.FEED:
        documents = documents_from_feed(data, name, report)
    elif kind is Format.EMAIL:
        documents = [document_from_email(data, name, report)]
    elif kind is Format.HTML:
        documents = [document_from_html(read_text(data, _html_charset(data), report)[0], name)]
    else:
        documents = [_text_document(data, name, report)]
    if not any(d.text for d in documents):
        raise InputError("no release text found in the file")
    for document in documents:
        refused = budget.over_size(document.text)
        if refused:
            raise InputError(f"{document.name}: {refused}" if len(documents) > 1 else refused)
        # one report per file: a feed's damaged bytes are told on each of its entries
        clean_document(document, copy.deepcopy(report))
    return documents


def read_path(path: str | Path) -> list[Document]:
    """Documents in the file at ``path``, named by the path as given."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InputError("is a folder, not a file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror or error}") from None
    return read_bytes(data, str(path))


# Files that sit next to releases in a corpus folder (labels, scripts, notes) but are not releases.
SKIPPED_SUFFIXES = {
    ".json", ".md", ".rst", ".py", ".pyc", ".yml", ".yaml", ".toml", ".ini", ".cfg", ".csv", ".sh",
}  # fmt: skip


def _skipped(path: Path, *, is_file: bool = False) -> bool:
    name = path.name.lower()
    return (
        name.startswith(".") or name in SKIPPED_NAMES or (is_file and path.suffix.lower() in SKIPPED_SUFFIXES)
    )


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and files in folders named (recursively, sorted), minus hidden files and notes.

    A file named explicitly is always yielded (even one that does not exist, so the caller
    reports it); in a folder, labels, READMEs and scripts are passed over.
    """
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path
            continue
        for found in sorted(path.rglob("*")):
            relative = found.relative_to(path)
            if (
                found.is_file()
                and not _skipped(found, is_file=True)
                and not any(_skipped(Path(part)) for part in relative.parts)
            ):
                yield found
