"""The dateline that opens a release: its place, publication date and wire, in each wire's style.

"CAMDEN, N.Y., Mar 24, 2009 (BUSINESS WIRE) --", "TORONTO, ONTARIO--(Marketwired - Jan. 5, 2012) -",
Nordic bracketed stamps and South Asian "(State) [Country]" lines all end where the first
sentence starts; ``find_dateline`` says where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import MONTH_RX, MONTHS, make_date, parse_date
from .regions import country_code, region_code

# Wire services as they sign a dateline, with the canonical name we report.
_WIRES = [
    (r"BUSINESS\s*WIRE", "Business Wire"),
    (r"PR\s*Newswire(?:-[A-Za-z]+)*", "PR Newswire"),
    (r"GLOBE\s*NEWSWIRE|GlobeNewswire", "GlobeNewswire"),
    (r"Marketwired", "Marketwired"),
    (r"Marketwire|MARKET\s*WIRE", "Marketwire"),
    (r"CNW(?:\s+Telbec)?|Canada\s*NewsWire", "CNW"),
    (r"ACCESSWIRE|ACCESS\s*WIRE", "Accesswire"),
    (r"PRWEB|PRWeb", "PRWeb"),
    (r"Newsfile(?:\s+Corp\.?)?", "Newsfile"),
    (r"EINPresswire(?:\.com)?|EIN\s*Presswire", "EIN Presswire"),
    (r"Canada\s*Newswire", "CNW"),
    (r"Reuters", "Reuters"),
]
_WIRE_ALT = "|".join(f"(?:{p})" for p, _ in _WIRES)
_WIRE_RX = [(re.compile(rf"^(?:{p})$", re.I), name) for p, name in _WIRES]
# (a shouted dateline shouts its month too: "CHICAGO, JULY 30, 2008 --")
_MONTH = rf"(?i:{MONTH_RX})"
_DATE_ALT = (
    rf"(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+(?:19|20)\d\d"
    rf"|(?:19|20)\d\d-[01]\d-[0-3]\d|(?:19|20)\d\d-{_MONTH}-[0-3]?\d|[01]?\d/[0-3]?\d/(?:19|20)?\d\d)"
)
# One atom of the header that follows the place: a date, a wire tag in any of its dresses,
# separators. "CAMDEN, N.Y., Mar 24, 2009 (BUSINESS WIRE) --",
# "TORONTO, ONTARIO--(Marketwired - Jan. 5, 2012) -", "CITY, March 24, 2009 /PRNewswire/ --".
# "VANCOUVER, March 2 /CNW/": older datelines leave the year out
_DATE_NOYEAR = rf"(?:{MONTH_RX}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d,]))"
# a clock time as datelines and stamps write it ("14:15 EEST", "8.55 am")
CLOCK = r"(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,4}|GMT[+-]?\d*))?|at)"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# a news service's call letters: "GRAND RAPIDS, Mich. (WOOD) --", "(AP)", "(KTVB-TV)"
# (or a news site's name: "PERTH (miningweekly.com) –")
# (or a news agency by its name: "TOKYO (Jiji Press) —", "(Kyodo)", "(Xinhua)")
_CALL_LETTERS = (
    r"\((?:(?-i:[A-Z]{2,6})(?:-(?:TV|FM|AM|DT))?|(?:[\w-]+\.)+(?-i:[a-z]{2,4})"
    r"|Jiji(?:\s+Press)?|Kyodo(?:\s+News)?|Xinhua|Yonhap|Bernama|Antara|Anadolu|Bloomberg|Reuters|dpa(?:-AFX)?)\)"
)
_ATOM = (
    rf"(?:{_DATE_ALT}|{_DATE_NOYEAR}|{CLOCK}|{_WEEKDAY}"
    # (wires are written in any case: "(Market Wire)", "(BUSINESS WIRE)")
    rf"|\(\s*(?i:{_WIRE_ALT})(?:\s*(?:-|--|,)\s*{_DATE_ALT})?\s*\)"
    rf"|/\s*(?i:{_WIRE_ALT})[^/\n]{{0,30}}/"
    rf"|\(\s*{_DATE_ALT}\s*\)"
    # a ticker tag between the place and the date: "Canton, N.C. (Bloomberg: bluerd) - Sept. 15, 2004"
    r"|\(\s*[A-Za-z]{2,12}\s*:\s*[\w.]{1,10}\s*\)"
    rf"|{_CALL_LETTERS}"
    rf"|(?i:{_WIRE_ALT})\b"
    r"|--+|-(?=\s)|-(?=\()|:|,|\|)"
)
_UPPER = "A-Z\u00c0-\u00de"
_PLACE_PART = (
    rf"(?!{_MONTH}\.?\s+\d)(?!{_WEEKDAY})(?!\()(?:the\s+)?[{_UPPER}][\w.'&]*"
    rf"(?:[ -](?!{_MONTH}\.?\s+\d)[^\W\d_][\w.'&]*){{0,4}}"
)
# (two seats joined by "and": "CREVE COEUR, Mo., and CHICAGO, JULY 30, 2008 --")
_PLACES = rf"{_PLACE_PART}(?:\s*,\s*{_PLACE_PART}){{0,2}}(?:,?\s+and\s+{_PLACE_PART}(?:\s*,\s*{_PLACE_PART}){{0,2}})?"
_DATELINE = re.compile(
    # (some wrap the place in brackets: "[Charlotte, N.C.]--Acme, Inc. today announced",
    # "(Houston, Texas) May 3, 2021 - Acme")
    rf"^\s*(?:\[(?P<place_sq>{_PLACES})\]|\((?P<place_rd>{_PLACES})\)(?=\s*{_DATE_ALT})|(?P<place>{_PLACES}))?"
    # (an ellipsis may end it: "Melville, New York, Tuesday, April 18, 2017...Acme Corp. announced")
    rf"(?P<rest>(?:\s*{_ATOM})*)\s*(?:--+|-(?=\s)|(?<=\))-(?=[A-Z])|:|(?<=\d)\s/(?=\s)|(?<=(?:19|20)\d\d)\.(?=\s)"
    r"|(?<=(?:19|20)\d\d)(?:\.\.\.|\u2026)"
    # no mark at all after the year: "LAVAL, Quebec, Dec. 12, 2011 Neptune Technologies ..."
    r"|(?<=,\s(?:19|20)\d\d)(?=\s+[A-Z])"
    # nor after a news agency's letters that follow the date: "New Delhi, Apr 21 (PTI) Acme ..."
    rf"|(?<=\d\s\((?-i:[A-Z]{{3}})\))(?=\s+[A-Z])|(?<=\d\s\((?-i:[A-Z]{{4}})\))(?=\s+[A-Z]))\s*(?=\S)",
)
_DATELINE_DATE_FIRST = re.compile(
    # (a note in brackets may follow the date: "October 30, 2017 (TBD) - MIDLAND, NC -")
    rf"^\s*(?P<date>{_DATE_ALT})(?:\s*\([^()]{{1,20}}\))?\s*(?:--+|-|,)\s*(?P<place>{_PLACE_PART}(?:\s*,\s*{_PLACE_PART}){{0,2}})"
    r"\s*(?:--+|-(?=\s)|:)\s*(?=\S)"
)
# the same in round brackets, the text straight after: "(December 17, 2010 - Milton, NY) Acme ..."
_DATELINE_DATE_FIRST_BRACKETED = re.compile(
    rf"^\s*\((?P<date>{_DATE_ALT})\s*(?:--+|-|,)\s*(?P<place>{_PLACE_PART}(?:\s*,\s*{_PLACE_PART}){{0,2}})\s*\)"
    r"\s*(?:--+|-(?=\s)|:)?\s*(?=\S)"
)
# Nordic regulatory style: "(Acme, Helsinki, 30 September 2021, 14:15 EEST) - Acme has ..."
_DATELINE_BRACKETED = re.compile(
    rf"^\s*\((?P<who>[^(),]{{2,60}}),\s*(?P<place>[^(),]{{2,40}}),\s*(?P<date>{_DATE_ALT}|\d{{1,2}}\.\d{{1,2}}\.(?:19|20)\d\d)"
    r"[^()]{0,40}\)\s*(?:--?|:)?\s*(?=\S)"
)
# South Asian wire style: "Mumbai (Maharashtra) [India], October 31 (ANI/PNN): Acme Limited ..."
_DATELINE_STATE_COUNTRY = re.compile(
    rf"^\s*(?P<place>{_PLACE_PART})\s*\((?P<state>[^()\[\]]{{2,40}})\)\s*\[(?P<country>[^\[\]()]{{2,30}})\]"
    rf"\s*,?\s*(?P<date>{_DATE_ALT}|{_DATE_NOYEAR})\s*(?P<wire>\([^()]{{2,20}}\))?\s*(?:--?|:)\s*(?=\S)"
)
# a town and its province or state in brackets: "Richmond (BC) - Acme announced", "MONTREAL (Quebec) -"
_DATELINE_REGION_BRACKETED = re.compile(
    rf"^\s*(?P<place>{_PLACE_PART})\s*\((?P<region>[{_UPPER}][\w. ]{{1,25}})\)\s*(?:--?|:)\s*(?=\S)"
)
# a news agency's brief: "Dec 11 Acme Oyj :", "March 23 (Reuters) - Acme SA:" over its bullet points
_DATELINE_BRIEF = re.compile(
    rf"^\s*(?P<md>{_MONTH}\.?\s+\d{{1,2}})\s+(?:\(Reuters\)\s*-\s*)?(?P<who>[A-Z][^:\n]{{1,60}}?)\s*:\s*$"
)
# an agency's copy reprinted without its tag and dash: "SYDNEY Oct 13 Acme Ltd on Thursday said"
# (a shouted town, the month and day, then the story)
_DATELINE_SHOUTED_NO_MARK = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){{0,2}}),?\s+(?P<md>{_MONTH}\.?\s+\d{{1,2}})\s+(?=[A-Z][a-z])"
)
_WIRE_IN = re.compile(rf"(?:{_WIRE_ALT})", re.I)
_SEP_ONLY = re.compile(r"^[\s,:|-]*$")


@dataclass(slots=True)
class Dateline:
    place: str | None  # "CAMDEN, N.Y." as written
    published: date | None
    wire: str | None
    end: int  # offset in the paragraph where the first sentence starts
    month_day: tuple[int, int] | None = None  # a date without its year ("Nov. 3")
    issuer: str | None = None  # the company a Nordic stamp names first ("(Acme, Helsinki, 30 ...)")


_MONTH_DAY = re.compile(rf"\b(?P<m>{MONTH_RX})\.?\s+(?P<d>\d{{1,2}})\b", re.I)
_YEAR_RX = re.compile(r"\b(?:19|20)\d\d\b")
_COPYRIGHT_YEAR = re.compile(r"(?:copyright|\(c\)|\u00a9)\D{0,40}?((?:19|20)\d\d)", re.I)
_SINCE_YEAR = re.compile(r"\bsince\s+(?:\w+\s+){0,2}$", re.I)


def year_for(month: int, day: int, text: str, *, headline: str = "", hint: date | None = None) -> date | None:
    """The year of a dateline without one, from the release itself.

    In order: the page's own date (``hint``), taking the year that puts the day nearest to
    it; the year the headline names ("results for first quarter 2006"); the copyright line;
    a mention of the dateline's month with a year ("the second week of March 2010"); the year
    that puts the day nearest a full date the release states; the earliest year the release
    mentions, "since 2008" aside (a release talks about its own
    year and later ones, and about the past only with "since").
    """
    if hint is not None:
        options = [d for y in (hint.year - 1, hint.year, hint.year + 1) if (d := make_date(y, month, day))]
        if options:
            return min(options, key=lambda d: abs((d - hint).days))
    years = _YEAR_RX.findall(headline)
    if years:
        return make_date(int(years[-1]), month, day)
    m = _COPYRIGHT_YEAR.search(text)
    if m:
        return make_date(int(m.group(1)), month, day)
    for mm in re.finditer(rf"\b({MONTH_RX})\.?\s+(?:\d{{1,2}},?\s+)?((?:19|20)\d\d)\b", text, re.I):
        if MONTHS[mm.group(1).lower().rstrip(".")] == month:
            return make_date(int(mm.group(2)), month, day)
    stated = _stated_dates(text)
    if stated:
        # the year that puts the day nearest a full date the release states ("returning on July 9,
        # 2010" under "June 30"), before bare numbers that may be a product's ("the OSB 2000 mill")
        options = [d for s in stated for y in (s.year - 1, s.year) if (d := make_date(y, month, day))]
        if options:
            return min(options, key=lambda d: min(abs((d - s).days) for s in stated))
    years = [int(y.group(0)) for y in _YEAR_RX.finditer(text) if not _SINCE_YEAR.search(text, 0, y.start())]
    return make_date(min(years), month, day) if years else None


def _stated_dates(text: str) -> list[date]:
    """The first full dates of a release (its opening is enough, and bounds the work)."""
    text = text[:6000]
    out: list[date] = []
    pos = 0
    while len(out) < 20 and (found := parse_date(text[pos:])) is not None:
        out.append(found[0])
        pos += found[2]
    return out


def wire_name(text: str) -> str | None:
    m = _WIRE_IN.search(text)
    if not m:
        return None
    token = re.sub(r"\s+", " ", m.group(0)).strip()
    for rx, name in _WIRE_RX:
        if rx.match(token):
            return name
    return None


def _town_region(place: str) -> bool:
    """ "Windsor, Ontario": a town and the state, province or country it is in, as a dateline
    writes it in title case."""
    parts = [p.strip() for p in place.split(",")]
    return len(parts) == 2 and bool(region_code(parts[1]) or country_code(parts[1]))


# a page's label for its date, where a dateline's place would stand: "Posted on July 18, 2023"
_PUBLICATION_LABEL = re.compile(
    r"(?:posted|published|written|released|issued|updated)(?:\s+(?:on|at))?", re.I
)
# a release's label before its dateline, on the same line
_RELEASE_LABEL = re.compile(r"(?:for\s+immediate\s+release|for\s+release)\s*[:.-]?\s+(?=[A-Z])", re.I)


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph, if it has one.

    A dateline needs a date or a wire tag; an all-capitals place followed by a dash
    ("DAYTON, Ohio -- Acme Corp. ...") also counts, which is how company-issued copy starts.
    """
    release = _RELEASE_LABEL.match(paragraph)
    if release:
        # "For Immediate Release: EVANSVILLE, INDIANA, September 24, 2010 - ...": the label first
        found = find_dateline(paragraph[release.end() :])
        if found is not None:
            found.end += release.end()
        return found
    head = paragraph[:260]
    m = _DATELINE_BRIEF.match(paragraph)
    if m:
        md = _MONTH_DAY.match(m.group("md"))
        month_day = (MONTHS[md.group("m").lower().rstrip(".")], int(md.group("d"))) if md else None
        wire = "Reuters" if "(Reuters)" in paragraph else None
        return Dateline(None, None, wire, m.end(), month_day, issuer=m.group("who").strip())
    m = _DATELINE_SHOUTED_NO_MARK.match(head)
    if m and not _MONTH_DAY.match(m.group("place")):
        md = _MONTH_DAY.match(m.group("md"))
        month_day = (MONTHS[md.group("m").lower().rstrip(".")], int(md.group("d"))) if md else None
        return Dateline(m.group("place"), None, None, m.end(), month_day)
    m = _DATELINE_BRACKETED.match(head)
    if m:
        found = parse_date(m.group("date"), day_first=True)
        return Dateline(
            m.group("place").strip(),
            found[0] if found else None,
            None,
            m.end(),
            issuer=m.group("who").strip(),
        )
    m = _DATELINE_STATE_COUNTRY.match(head)
    if m:
        place = f"{m.group('place')}, {m.group('state').strip()}, {m.group('country').strip()}"
        found = parse_date(m.group("date"))
        md = None if found else _MONTH_DAY.search(m.group("date"))
        month_day = (MONTHS[md.group("m").lower().rstrip(".")], int(md.group("d"))) if md else None
        wire = wire_name(m.group("wire") or "")
        return Dateline(place, found[0] if found else None, wire, m.end(), month_day)
    m = _DATELINE_REGION_BRACKETED.match(head)
    if m and (region_code(m.group("region")) or country_code(m.group("region"))):
        return Dateline(f"{m.group('place').strip()}, {m.group('region').strip()}", None, None, m.end())
    m = _DATELINE_DATE_FIRST.match(head) or _DATELINE_DATE_FIRST_BRACKETED.match(head)
    if m:
        found = parse_date(m.group("date"))
        return Dateline(m.group("place").strip(" ,"), found[0] if found else None, None, m.end())
    m = _DATELINE.match(head)
    if m:
        rest = m.group("rest")
        place = (m.group("place") or m.group("place_sq") or m.group("place_rd") or "").strip(" ,") or None
        if place and _PUBLICATION_LABEL.fullmatch(place):
            place = None  # "Posted on July 18, 2023": a page's label for the date, no place
        found = parse_date(rest)
        wire = wire_name(rest)
        md = None if found else _MONTH_DAY.search(rest)
        month_day = (MONTHS[md.group("m").lower().rstrip(".")], int(md.group("d"))) if md else None
        if found or wire or month_day:
            return Dateline(place, found[0] if found else None, wire, m.end(), month_day)
        if (
            place
            and _SEP_ONLY.match(re.sub(_CALL_LETTERS, "", rest))
            and len(place) > 2
            and (place.split(",")[0].isupper() or _town_region(place))
        ):
            return Dateline(place, None, None, m.end())
    return None
