"""Find the release inside the page: header, headline, dateline, body, and the page's chrome.

Releases reach us in every wire's and filing's layout. EDGAR exhibits stack contact tables and
addresses above the headline; newsrooms and regulatory feeds put menus, share buttons, a "news
provided by" line and a time stamp around it; reprints add their own banners. What they share
is the order: chrome, then the headline (with its deks), then the dateline paragraph where the
body begins. So the body is found first (the dateline, else the first paragraph of prose), and
the headline is read *backwards* from it: the run of title lines right above the body, past
time stamps, wire tags and "news provided by" lines, stopping at contact and address lines.
Everything else above the body is chrome: it yields no sentences, so no event and no place.

Pure string work; ``extract`` calls ``read_layout`` once per release.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import places
from .datelines import CLOCK, Dateline, find_dateline, wire_name
from .dates import parse_date
from .lexicon import CHROME_WORDS, COMPANY_SUFFIX, LEGAL_SUFFIX, PAGE_CHROME, PHOTO_CAPTION
from .text import (
    CONTACT_LINE,
    EXCHANGE_DISCLAIMER,
    SENTENCE_END,
    Paragraph,
    classify_paragraph,
    is_preamble,
    label_sections,
)

# Exhibits stack contact tables above the headline, one cell a line: the dateline may come late.
HEADER_CHARS = 2500

# Pages saved from the web may open with the page's own date stamp ("date 2017-08-29 ...").
_PAGE_DATE = re.compile(r"^\s*date\s+(?P<d>(?:19|20)\d\d-[01]\d-[0-3]\d)\b\s*")
_WORD = re.compile(r"[^\W\d_][\w'&.-]*|\d[\w.,%$-]*")
# besides phones, e-mails and web addresses, a header line is a contact when it opens on a contact word
_CONTACT_HEAD = re.compile(
    r"\.com\b|^\W*(?:tel|fax|phone|e-?mail|contacts?|investors?|media|inquiries)\b", re.I
)
# street addresses and postal codes: "190 Carondelet Plaza, Suite 1530", "P.O. Box 30", "J0A 1B0"
_ADDRESS = re.compile(
    r"\b\d+\s+(?:[A-Z][\w.-]*\s+){1,4}(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?"
    r"|Plaza|Lane|Way|Parkway|Pkwy\.?|Place|Court|Square|Highway|Canyon)\b"
    r"|\bSuite\s+\d|\bP\.?\s?O\.?\s+Box\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b",
)
_COMPANY_LINE = re.compile(rf"^(?P<name>[A-Z][\w&'.,\- ]{{1,60}}?,?\s+(?i:{COMPANY_SUFFIX}))\s*$")
# a list item above the body ("-- Net loss narrows"): a dek's point, never the headline
_LIST_ITEM = re.compile(r"^(?:-{1,2}|\*|\u2022|o)\s")
_TIME = re.compile(rf"\b{CLOCK}\b|\b(?:ET|EST|EDT|CET|CEST|EET|EEST)\b", re.I)


@dataclass
class Layout:
    """Where things are in one release's paragraphs."""

    body_start: int
    dateline_index: int | None = None
    dateline: Dateline | None = None
    headline: str | None = None
    subheads: list[str] = field(default_factory=list)
    header_lines: list[str] = field(default_factory=list)  # every line above the body, chrome too
    company_lines: list[str] = field(default_factory=list)  # header lines that are only a company name


# some reprint pages hold the release as a JSON string inside the page's text:
# [{"type":"text","content":"\n Acme PLC\n12 January 2007\n..."}] (escaped newlines and quotes)
_EMBEDDED_JSON_TEXT = re.compile(r'\[?\{\s*"type"\s*:\s*"text"\s*,\s*"content"\s*:\s*"')
_JSON_STRING_PART = re.compile(r'(?:[^"\\]|\\.)*')
_JSON_ESCAPE = re.compile(r'\\(u[0-9a-fA-F]{4}|["\\/bfnrt])')
_JSON_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "", "f": "", "n": "\n", "r": "", "t": " "}


def embedded_text(text: str) -> str:
    """The text with a release held as an escaped JSON string replaced by that string's text
    (even when the copy stops inside the string); any other text unchanged."""
    m = _EMBEDDED_JSON_TEXT.search(text)
    if m is None:
        return text
    string = _JSON_STRING_PART.match(text, m.end())
    raw = string.group(0) if string else ""
    if "\\n" not in raw[:400]:
        if text.startswith("\n", m.end()):
            # the string already unescaped by whoever read the file (line breaks and quotes as
            # they print): the release is everything after the marker, its own header first
            return text[m.end() :]
        return text  # not an escaped release: leave the page as it is

    def unescape(e: re.Match) -> str:
        code = e.group(1)
        return chr(int(code[1:], 16)) if code[0] == "u" else _JSON_ESCAPES[code]

    # the page around the string is the reprint site's chrome ("About this update from ..."):
    # the string holds the whole release, its own header and headline included
    return _JSON_ESCAPE.sub(unescape, raw)


# a syndicator's tag before the release's own dateline: "(MENAFN- Adfactors PR) Bengaluru, ..."
_SYNDICATION_TAG = re.compile(r"\s*(?:\((?:MENAFN|ANI|IANS|PTI)\b[^()\n]{0,60}\)|/\s*EIN\s+News\s*/\s*--)\s*")


def page_date(text: str) -> tuple[str, date | None]:
    """The text without a leading page date stamp or syndicator's tag, and the stamp's date."""
    m = _PAGE_DATE.match(text)
    if m is None:
        tag = _SYNDICATION_TAG.match(text)
        return (text[tag.end() :] if tag else text), None
    rest = text[m.end() :]
    tag = _SYNDICATION_TAG.match(rest)
    rest = rest[tag.end() :] if tag else rest
    try:
        return rest, date.fromisoformat(m.group("d"))
    except ValueError:
        return rest, None


# a shouted dateline run into the line before it: "... effective January 1, 2007 MONTRÉAL, October 24, 2006 - "
_INLINE_DATELINE = re.compile(
    # (a dash may part the state from the date: "MIDDLEBURY, Conn. - June 4, 2007 -")
    r"(?<=[a-z0-9.)]\s)(?=[A-Z\u00c0-\u00de]{3,}(?:[ -][A-Z\u00c0-\u00de]{2,})*,\s+(?:[A-Z][\w.]+,?\s+(?:-\s+)?)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d\s+[-\u2013\u2014]"
    # or the slash style of some wires: "... former site EAGAN, MN / ACCESSWIRE / April 6, 2021 /"
    r"|[A-Z\u00c0-\u00de]{3,}(?:[ -][A-Z\u00c0-\u00de]{2,})*,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+/\s*[A-Za-z ]{3,30}/\s*"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d\s*/"
    # or the date before the wire in slashes: "... Compressor Business LOUISVILLE, Ky., April 22 /PRNewswire/ --"
    r"|[A-Z\u00c0-\u00de]{3,}(?:[ -][A-Z\u00c0-\u00de]{2,})*,\s+(?:[A-Z][\w.]+,?\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+(?:19|20)\d\d)?\s+/[A-Za-z -]{3,40}/"
    # or a title-case town and state, a dash, and the issuer with its ticker tag:
    # "... Coquitlam de-inking plant Richmond, BC - Acme Paper (TSX:ACP) today announced"
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+(?:[A-Z]{2}|[A-Z][a-z]+\.?)\s+-{1,2}\s+[A-Z][^()\n]{1,60}"
    r"\((?:TSX|NYSE|NASDAQ|Nasdaq|AMEX|OTC|TSX-?V)[^)]{0,30}\))"
)


# a dateline in title case run into a wrapped headline: "... Kendallville Manufacturing Facility
# Neenah, Wisconsin -- December 11, 2008 -- Neenah Enterprises ...": the date between two dashes
# marks it; the town is the words before the comma
_TITLE_DATELINE_TAIL = re.compile(
    r",\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+--\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d\s+--\s"
)
_TOWN_WORD = re.compile(r"[A-Z][\w.'\-]*$")


def split_dateline_line(body: str) -> str:
    """Give the dateline its own paragraph when a headline sits directly above it, or when a
    scraped page ran it into the end of the line before."""
    lines = body.split("\n")
    for i, line in enumerate(lines[:25]):
        if i and lines[i - 1].strip() and len(line) > 40 and _dateline(line):
            return "\n".join(lines[:i]) + "\n\n" + "\n".join(lines[i:])
    inline = _INLINE_DATELINE.search(body, 0, HEADER_CHARS)
    if inline and not any(_dateline(line) for line in lines[:25] if line.strip()):
        return body[: inline.start()].rstrip() + "\n\n" + body[inline.start() :]
    start = _title_dateline_start(body)
    if start is not None and not any(_dateline(line) for line in lines[:25] if line.strip()):
        return body[:start].rstrip() + "\n\n" + body[start:]
    return body


def _title_dateline_start(body: str) -> int | None:
    """Where a title-case dateline run into the line before it begins, if there is one."""
    tail = _TITLE_DATELINE_TAIL.search(body, 0, HEADER_CHARS)
    if tail is None:
        return None
    line_start = body.rfind("\n", 0, tail.start()) + 1
    before = body[line_start : tail.start()].split(" ")
    if len(before) < 2:
        return None  # the dateline already opens its line
    # the town: the longest run of up to three capitalised words the gazetteer knows, else one
    town = 1
    for n in (3, 2):
        run = before[-n:]
        if (
            len(before) > n
            and all(_TOWN_WORD.match(w) for w in run)
            and places.is_known_locality(" ".join(run))
        ):
            town = n
            break
    if not _TOWN_WORD.match(before[-1]):
        return None
    return tail.start() - len(" ".join(before[-town:]))


def _dateline(text: str) -> Dateline | None:
    """A dateline, unless what looks like its place is a company's name ("SAPPI LIMITED - ...")."""
    found = find_dateline(text)
    if found is None or found.place is None or found.published or found.wire or found.month_day:
        return found
    if re.search(rf"\b(?:{LEGAL_SUFFIX})(?:\W|$)", found.place, re.I):
        return None
    # with neither date nor wire, the place itself must be one: "MODULE: AI_ANALYST" is a page's menu
    town = found.place.split(",")[0].strip().title()
    if not (places.is_known_locality(town) or places.region_code(town) or places.country_code(town)):
        return None
    return found


def unbroken_lines(paras: list[Paragraph]) -> list[Paragraph]:
    """A page saved with no blank line and no dateline ("Headline / April 27, 2020 / Acme said
    ..."): its lines are its paragraphs, so that the headline and the date line stand apart from
    the body. Lines wrapped at a fixed width are one paragraph still."""
    if len(paras) != 1 or paras[0].text.count("\n") < 2 or _dateline(paras[0].text) is not None:
        return paras
    lines = paras[0].text.split("\n")
    long = [line for line in lines if len(line) >= 60]
    if long and sum(not line.rstrip().endswith((".", '"', "”", ":")) for line in long) * 2 > len(long):
        return paras  # most long lines stop mid-sentence: a text wrapped at a width
    out, pos = [], paras[0].start
    for line in lines:
        if line.strip():
            out.append(Paragraph(line, pos))
        pos += len(line) + 1
    return out


def find_body(paras: list[Paragraph], *, has_headline_hint: bool) -> tuple[int, int | None, Dateline | None]:
    """(first body paragraph, dateline paragraph or None, the dateline)."""
    for i, p in enumerate(paras):
        if p.start > HEADER_CHARS:
            break
        d = _dateline(p.text)
        if d and not (d.published or d.wire or d.month_day):
            # "STOCK TRADED: NYSE |" looks like a shouted place; a dated dateline just below wins
            later = _dated_dateline_after(paras, i)
            if later is not None:
                return later, later, _dateline(paras[later].text)
        if d and d.place is None and d.published and i == 0:
            # "December 1, 2008 - Acme reorganizes ...": a date stamp over the headline, when the
            # release's own placed dateline follows
            later = _dated_dateline_after(paras, i)
            if later is not None and (found := _dateline(paras[later].text)) is not None and found.place:
                return later, later, found
        if d and (d.published or d.wire or i > 0 or (d.month_day and d.issuer and d.place is None)):
            # (a news agency's brief, "Dec 11 Acme Oyj :", is its own short paragraph)
            return i, i, d
        if d and i == 0 and len(p.text) > 80:
            return i, i, d
    return _guess_body_start(paras, has_headline_hint), None, None


def _dated_dateline_after(paras: list[Paragraph], i: int) -> int | None:
    for j in range(i + 1, min(i + 4, len(paras))):
        if paras[j].start > HEADER_CHARS:
            return None
        d = _dateline(paras[j].text)
        if d and (d.published or d.wire):
            return j
    return None


def _guess_body_start(paras: list[Paragraph], has_headline_hint: bool) -> int:
    """Without a dateline: the body starts at the first paragraph that reads like prose."""
    for i, p in enumerate(paras):
        if p.start > HEADER_CHARS:
            break
        first = p.text.split("\n", 1)[0]
        if is_preamble(first) or is_chrome(first) or _is_stamp(first):
            continue
        if _is_contact(first) and not (len(first) >= 160 and SENTENCE_END.search(first)):
            # (a long line of sentences is prose though it names a street: "a plant at 4002
            # Galvin Road in X")
            continue
        if EXCHANGE_DISCLAIMER.search(first[:400]):
            continue
        # prose ends its sentences; a long headline in sentence case does not
        if len(first) >= 250 or (SENTENCE_END.search(first) and len(first) > 60):
            return i
        if has_headline_hint and i == 0 and len(first) > 60:
            return i
    return min(1, len(paras))


_PAGE_CHROME = re.compile(PAGE_CHROME, re.I)
_CAPTION = re.compile(PHOTO_CAPTION, re.I)


_CHROME_LINE_MAX = 500
# a menu bar: three or more short items between bars ("Past Issues | Advertise | Buyers Guide")
_MENU = re.compile(r"^[^|]{1,30}(?:\|[^|]{1,30}){2,}(?:\|[^|]*)?$")


_STAMP_MAX = 200
_CONTACT_READ = 1000


def is_chrome(line: str) -> bool:
    """Page furniture: every word is a menu, banner or wire word ("Print News Release", "Share"),
    a menu bar, or the line speaks of the page itself ("sign up for a subscription")."""
    if len(line) > _CHROME_LINE_MAX:
        # furniture is short: a long line is prose, unless it opens with a page's own words
        return _PAGE_CHROME.search(line, 0, _CHROME_LINE_MAX) is not None
    if _PAGE_CHROME.search(line) or _MENU.match(line):
        return True
    words = [w.lower().strip(".:") for w in _WORD.findall(line)]
    # reference codes ride along ("RNS Number : 1234A", "Exhibit 99.1")
    named = [w for w in words if not any(c.isdigit() for c in w)]
    return bool(named) and all(w in CHROME_WORDS for w in named)


def _is_contact(line: str) -> bool:
    line = line[:_CONTACT_READ]  # a contact shows in its opening; a huge line stays cheap
    return bool(CONTACT_LINE.search(line) or _CONTACT_HEAD.search(line) or _ADDRESS.search(line)) or (
        classify_paragraph(line) == "contact"
    )


def _is_stamp(line: str) -> bool:
    """A time stamp, date or wire tag standing alone: "22 Jan, 2024, 17:45 ET", "PRNewswire-FirstCall"."""
    if len(line) > _STAMP_MAX:
        return False  # a stamp is short; a long line is prose (and a huge one stays cheap)
    rest = line
    found = parse_date(line)
    if found:
        rest = line[: found[1]] + line[found[2] :]
    rest = _TIME.sub(" ", rest)
    if wire_name(rest):
        rest = re.sub(
            r"(?i)pr\s*newswire(?:-\w+)*|business\s*wire|globe\s*newswire|marketwired?|cnw", " ", rest
        )
    words = [w.lower().strip(".:,") for w in _WORD.findall(rest)]
    return (found is not None or len(words) < len(_WORD.findall(line))) and all(
        w in CHROME_WORDS or w.isdigit() for w in words
    )


def _without_stamp(line: str) -> str:
    """A header line without the date and chrome words after a name ("Acme Group Press release 27.5.2008")."""
    found = parse_date(line)
    if found and found[2] >= len(line.rstrip()) - 12:
        line = line[: found[1]]
    words = line.split()
    while words and words[-1].lower().strip(".:,") in CHROME_WORDS:
        words.pop()
    return " ".join(words)


_JOINERS = frozenset({"&", "and", "of", "de", "du", "la", "the"})


def _is_name(text: str) -> bool:
    """A company's name: a few words, each capitalised but for joiners ("Bank of Montreal")."""
    words = text.replace(",", " ").split()
    return len(words) <= 8 and all(w[:1].isupper() or w[:1].isdigit() or w in _JOINERS for w in words[:-1])


def stamp_date(paras: list[Paragraph]) -> date | None:
    """The date of a line that is nothing but a time stamp, anywhere in the release."""
    for p in paras:
        for line in p.text.split("\n"):
            line = line.strip()
            if len(line) <= 40 and _is_stamp(line) and (found := parse_date(line)):
                return found[0]
    return None


def _is_title(line: str) -> bool:
    words = _WORD.findall(line)
    numeric = sum(not w[0].isalpha() for w in words)
    return (
        len(words) >= 3 and numeric * 2 < len(words) and len(line) <= 300 and not line.rstrip().endswith(":")
    )


def read_layout(paras: list[Paragraph], *, headline_hint: str | None = None) -> Layout:
    """Find body, dateline and headline, and label every paragraph's section in place."""
    body_start, dl_index, dl = find_body(paras, has_headline_hint=headline_hint is not None)
    label_sections(paras, body_start)
    layout = Layout(body_start=body_start, dateline_index=dl_index, dateline=dl)
    header = [(i, line.strip()) for i, p in enumerate(paras[:body_start]) for line in p.text.split("\n")]
    # (a photo's caption dates the picture, not the release)
    layout.header_lines = [line for _, line in header if line and not _CAPTION.search(line)]
    layout.company_lines = [
        m.group("name")
        for _, line in header
        if (m := _COMPANY_LINE.match(_without_stamp(line))) and _is_name(m.group("name"))
    ]

    # the title run right above the body, read backwards past stamps and company-name lines
    run: list[tuple[int, str]] = []
    for i, line in reversed(header):
        skippable = (
            is_preamble(line)
            or is_chrome(line)
            or _is_stamp(line)
            or _LIST_ITEM.match(line)
            or _is_company_stamp(line)
        )
        if not line or skippable or _COMPANY_LINE.match(line):
            # a menu bar or a contact above the headline ends it: what is above is the page's
            if run and (_is_contact(line) or _MENU.match(line) or _PAGE_CHROME.search(line)):
                break
            continue
        if _is_contact(line) or not _is_title(line):
            if run:
                break
            continue
        run.append((i, line))
        if len(run) == 4:
            break
    run.reverse()
    while len(run) > 1 and _is_masthead(run[0][1]):
        run.pop(0)  # "Bay Street News" over the headline: the site's name, not the release's
    titled = {i for i, _ in run}
    for i, p in enumerate(paras[:body_start]):
        p.section = "headline" if i in titled else "other"
    lines = [line for _, line in run]
    # a page that repeats its headline (web title, then the release's own) reads it once
    lines = [line for k, line in enumerate(lines) if all(_key(line) != _key(x) for x in lines[:k])]
    if headline_hint:
        layout.headline = " ".join(headline_hint.split())
        layout.subheads = [line for line in lines if _key(line) != _key(layout.headline)]
    elif lines:
        layout.headline, layout.subheads = lines[0], lines[1:]
    return layout


# a company's name, then its release's label and time: "Acme Oyj Stock Exchange Release 27 May 2020 at 9:00 EET"
_COMPANY_THEN = re.compile(rf"^[A-Z][\w&'.,\- ]{{0,60}}?\s(?i:{COMPANY_SUFFIX})\s+(?P<rest>.+)$")


def _is_company_stamp(line: str) -> bool:
    m = _COMPANY_THEN.match(line)
    return m is not None and _is_stamp(m.group("rest"))


def _is_masthead(line: str) -> bool:
    """A news site's name: a few words that end in a page word ("Bay Street News", "Pulp Wire")."""
    words = _WORD.findall(line)
    return 0 < len(words) <= 4 and words[-1].lower() in CHROME_WORDS and not SENTENCE_END.search(line)


def _key(line: str) -> str:
    return " ".join(line.split()).casefold().rstrip(".")
