"""Release web pages: their text, headline, publication date and address, from the markup.

Pure: no database, no network. The parser keeps the release's paragraphs and drops page chrome
(navigation, share bars, cookie banners, related-story lists) by tag, ARIA role and class words;
the headline and date come from the page's own metadata (Open Graph, JSON-LD, ``<time>``) before
its title. ``inputs`` routes HTML files, e-mail parts and feed items here.
"""

from __future__ import annotations

import email.utils
import json
import re
from datetime import date, datetime
from html.parser import HTMLParser

from .proposal import Document
from .text import normalize

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
    document = html_document(markup, name)
    document.text = normalize(document.text)
    return document


def html_document(markup: str, name: str) -> Document:
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


def html_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None
