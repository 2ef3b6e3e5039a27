"""Dates in releases: calendar dates in any style, and effective dates ("by the end of 2010").

Effective-date conventions (documented here because editors see their results):

* A stated day is taken as is; a day without a year ("by June 30") is its next occurrence on
  or after the publication date.
* A period resolves to its **last day**, because "will close in the second quarter" promises
  the event by then at the latest, and a status should not flip before the release allows:
  a month -> its last day, a quarter -> its last day, "first half" -> June 30, a year or
  "year-end" -> December 31.
* "early YEAR" -> March 31, "mid-YEAR" -> June 30, "late YEAR" -> December 31; seasons end
  with their meteorological season (spring May 31, summer Aug 31, fall Nov 30, winter the
  last day of February after it).
* A period without a year ("by the end of the second quarter") is the release year's, unless
  that period has already ended at publication, then the next year's.
* "later this month" -> last day of the publication month; "next month" -> last day of the
  next; "within 60 days" / "in the next 90 days" / "over the next six months" -> publication
  date plus that span; "immediately" / "effective today" -> the publication date.
* Fiscal periods are read as calendar periods (the company's fiscal calendar is unknown).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
# Month names of the languages releases come in besides English (French, German, Dutch, the
# Nordic ones, Spanish, Italian, Portuguese), read only in day-month-year dates ("08 janv. 2020",
# "3. März 2015", "30 de junio de 2016"), where a day and a year on either side leave no doubt that it is a month.
FOREIGN_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "janvier janv januar jänner januari enero gennaio janeiro tammikuuta",
            "février févr fevrier fevr februar februari febrero febbraio fevereiro helmikuuta",
            "mars märz maerz maart marzo março maaliskuuta",
            "avril avr abril aprile huhtikuuta",
            "mai maj mei mayo maggio maio toukokuuta",
            "juin juni junio giugno junho kesäkuuta",
            "juillet juil juli julio luglio julho heinäkuuta",
            "août aout augusti augustus agosto elokuuta",
            "septembre septiembre settembre setembro syyskuuta",
            "octobre oktober octubre ottobre outubro lokakuuta",
            "novembre noviembre novembro marraskuuta",
            "décembre déc decembre desember dezember diciembre dicembre dezembro joulukuuta",
        ),
        start=1,
    )
    for name in names.split()
}
_FOREIGN_MONTH_RX = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
MONTH_RX = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "hundred": 100,
}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

# Month-day-year ("Mar 24, 2009", "Jan. 5, 2012", "March 24 2009") and day-month-year.
# (a stop may stand for the comma: "October 17. 2002")
_MDY = re.compile(
    rf"\b(?P<m>{MONTH_RX})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[,.]?\s+(?P<y>(?:19|20)\d\d)\b", re.I
)
# "13 October 2009", "22 Jan, 2024", "13. October 2009" (the German-style ordinal dot)
# (a transcribed PDF may part a day from its ordinal: "23 rd June, 2018")
_DMY = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:\s?(?:st|nd|rd|th)|\.)?\s+(?P<m>{MONTH_RX})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I
)
_DMY_FOREIGN = re.compile(
    rf"\b(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?(?P<m>{_FOREIGN_MONTH_RX})\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b",
    re.I,
)
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
# "2022年05月25日": Japanese and Chinese pages write year, month and day with their characters
_CJK = re.compile(r"(?P<y>(?:19|20)\d\d)\s?年\s?(?P<m>[01]?\d)\s?月\s?(?P<d>[0-3]?\d)\s?日")
# "04-March-2025", as German ad-hoc services stamp theirs
_DMY_HYPHEN = re.compile(rf"\b(?P<d>[0-3]?\d)-(?P<m>{MONTH_RX})-(?P<y>(?:19|20)\d\d)\b", re.I)
# "2018-Jan-09", as some retail wires stamp their datelines
_ISO_NAMED = re.compile(rf"\b(?P<y>(?:19|20)\d\d)-(?P<m>{MONTH_RX})-(?P<d>[0-3]?\d)\b", re.I)
# "3/24/2009" is month first in North American copy; "24/03/2009" can only be day first
_NUMERIC = re.compile(r"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)\b")
_NUMERIC_DAY_FIRST = re.compile(r"\b(?P<d>(?:1[3-9]|2\d|3[01]))/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d)\b")
# "27.5.2008": Nordic and German copy write day.month.year with dots
_DOTTED = re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b")


def make_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


_AMBIGUOUS_DAY_FIRST = re.compile(r"\b(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d)\b")


_YEAR_DIGITS = re.compile(r"\d\d")


def parse_date(text: str, *, day_first: bool = False) -> tuple[date, int, int] | None:
    """The first full calendar date in ``text`` as (date, start, end).

    "09/07/2020" is read month first unless ``day_first`` (the release's own habit) says otherwise.
    """
    best: tuple[date, int, int] | None = None
    if _YEAR_DIGITS.search(text) is None:
        return None  # every form writes its year with two digits at least: without them, no scan
    numeric = _AMBIGUOUS_DAY_FIRST if day_first else _NUMERIC
    for rx in (
        _MDY,
        _DMY,
        _ISO,
        _ISO_NAMED,
        _DMY_HYPHEN,
        numeric,
        _NUMERIC_DAY_FIRST,
        _DOTTED,
        _DMY_FOREIGN,
        _CJK,
    ):
        m = rx.search(text)
        if not m:
            continue
        month = m.group("m").lower().rstrip(".")
        mo = int(month) if month.isdigit() else MONTHS.get(month) or FOREIGN_MONTHS[month]
        y = int(m.group("y"))
        if y < 100:
            y += 2000 if y < 70 else 1900
        d = make_date(y, mo, int(m.group("d")))
        if d and (best is None or m.start() < best[1]):
            best = (d, m.start(), m.end())
    return best


def impossible_date(text: str) -> str | None:
    """A date as written whose day its month does not have ("February 31, 2009", "31 June
    2010", "2009-02-30"), so that a release dated so is reported as such, not as undated.

    Only dates with a month name or in ISO form: "2/31/2009" may be a typo of anything.
    """
    for rx in (_MDY, _DMY, _ISO):
        for m in rx.finditer(text):
            month = m.group("m")
            mo = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            if make_date(int(m.group("y")), mo, int(m.group("d"))) is None:
                return m.group(0)
    return None


# a date that follows these words is about something else than the day of publication
_NOT_PUBLICATION = re.compile(
    r"\b(?:effective|ended|ending|end(?:ed)?\s+of|through|until|since|from|before|after|by|as\s+of|dated"
    r"|on|in|during|expires?|due|maturing|record|payable|held)\s*[:,]?\s*(?:\w+,?\s+)?$",
    re.I,
)


# the page's own date: "Posted on April 27, 2020 by Newsroom", "Published: 3 May 2021"
_POSTED_ON = re.compile(r"\b(?:posted|published|released|issued|written)\s*(?:on)?\s*[:,]?\s*$", re.I)


# a date that opens or closes a range dates a period, not the release: "14.04.2021 - 11.05.2021",
# "1 May - 31 July 2010"
_RANGE_ON = re.compile(r"\s*(?:-|\u2013|to|until)\s*\d")
_RANGE_BEFORE = re.compile(
    rf"(?:\b\d{{1,2}}\.?\s+{MONTH_RX}|\b{MONTH_RX}\.?\s+\d{{1,2}}|\b\d{{1,2}}\.\d{{1,2}}\.|(?:19|20)\d\d)(?:\.?\d*)"
    r"\.?,?\s*(?:-|\u2013|to|until)\s*$",
    re.I,
)


def day_first(text: str) -> bool:
    """Whether a release writes its dates day first ("11 February 2020"), for "09/07/2020".
    Read on the first 20,000 characters: a habit shows early, and a huge upload stays cheap."""
    text = text[:20_000]
    return len(_DMY.findall(text)) > len(_MDY.findall(text))


HEADER_LINE_MAX = 400


def header_date(lines: list[str], *, day_first: bool = False) -> date | None:
    """The publication date stated in a release's header lines, when it has no dated dateline.

    Newsrooms, regulatory feeds and exhibits state it on a line of its own ("03 Oct 2013",
    "Release Date: 09/07/2020 16:00", "Press release 27.5.2008", "March 16, 2009 13:00 CET")
    or open the first paragraph with it ("February 6, 2006: Acme ..."). The first full date
    wins, except one told as the date of something else ("effective January 1, 2007",
    "quarter ended June 30").
    """
    for line in lines:
        line = line[:HEADER_LINE_MAX]  # a header states its date early; a long line is prose
        pos = 0
        while pos < len(line):
            found = parse_date(line[pos:], day_first=day_first)
            if found is None:
                break
            day, start, end = found
            before = line[: pos + start]
            if _POSTED_ON.search(before) or not (
                _NOT_PUBLICATION.search(before)
                or _RANGE_BEFORE.search(before)
                or _RANGE_ON.match(line, pos + end)
            ):
                return day
            pos += end
    # an exhibit's table breaks its cells over lines: "Thursday April" / "2, 2009"
    for first, second in zip(lines, lines[1:], strict=False):
        if len(first) < 40 and len(second) < 40:
            found = parse_date(f"{first} {second}", day_first=day_first)
            if found is not None and found[1] < len(first) < found[2]:
                return found[0]
    return None


# --- effective dates ---------------------------------------------------------------------------

_YEAR = r"(?:19|20)\d\d"
_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|sixty|ninety)"
_EFFECTIVE = re.compile(
    rf"""
    (?P<mdy>{MONTH_RX}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b)
  | (?P<dmy>\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RX}\b\.?(?:,?\s+{_YEAR})?)
  | (?P<iso>\b{_YEAR}-[01]\d-[0-3]\d\b)
  | (?P<quarter>\b(?:(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter
        |Q(?P<qnum>[1-4]))(?:\s+(?:of\s+)?(?:fiscal\s+|calendar\s+|FY\s*)?(?P<qyear>{_YEAR}))?)
  | (?P<half>\b(?P<hord>first|second)\s+half(?:\s+of)?(?:\s+(?:fiscal\s+)?(?P<hyear>{_YEAR}))?)
  | (?P<part>\b(?P<pword>early|mid|middle\s+of|late|end\s+of|spring|summer|fall|autumn|winter)
        [-\s]+(?:of\s+)?(?:(?P<pyear>{_YEAR})|(?P<pthis>this\s+year|next\s+year)))
  | (?P<monthyear>\b(?P<mname>{MONTH_RX})\.?,?\s+(?:of\s+)?(?P<myear>{_YEAR})\b)
  | (?P<yearend>\b(?:year[-\s]end|end\s+of\s+(?:the|this)\s+(?:calendar\s+|fiscal\s+)?year|later\s+this\s+year
        |the\s+end\s+of\s+{_YEAR}|(?:by|in|during|for)\s+(?:fiscal\s+|calendar\s+)?(?P<year>{_YEAR})\b))
  | (?P<thismonth>\b(?:later\s+this|end\s+of\s+(?:the|this))\s+month\b)
  | (?P<nextmonth>\bnext\s+month\b)
  | (?P<within>\b(?:within|in\s+the\s+next|over\s+the\s+next|in|within\s+the\s+next)\s+
        (?:approximately\s+|about\s+)?(?P<n>{_NUM})\s+(?P<unit>days?|weeks?|months?))
  | (?P<now>\b(?:effective\s+immediately|immediately|effective\s+today)\b)
    """,
    re.I | re.X,
)
# cheap gate: every pattern of _EFFECTIVE needs a digit or one of these words
_MAY_HAVE_DATE = re.compile(
    r"\d|quarter|half|early|mid|late|end\b|spring|summer|fall\b|autumn|winter|year|month|immediate|today",
    re.I,
)
_SEASON_END = {"spring": (5, 31), "summer": (8, 31), "fall": (11, 30), "autumn": (11, 30)}


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _last(d: date | None, fallback_year: bool, published: date | None) -> date | None:
    """For past-tense statements: the latest occurrence not after publication (plus a margin)."""
    if d is None or not fallback_year or published is None:
        return d
    if d > published + timedelta(days=45):
        try:
            return d.replace(year=d.year - 1)
        except ValueError:
            return d - timedelta(days=365)
    return d


def _roll_forward(d: date | None, fallback_year: bool, published: date | None) -> date | None:
    """Roll a date given without a year forward a year if it had passed at publication.

    A date up to 45 days before publication stays in the release year: "the idling began
    on April 8" in a release of April 9 reports the past, it does not promise next April.
    """
    if d is None or not fallback_year or published is None:
        return d
    if d < published - timedelta(days=45):
        try:
            return d.replace(year=d.year + 1)
        except ValueError:
            return d + timedelta(days=365)
    return d


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word.lower())


def _resolve(m: re.Match[str], published: date | None, past: bool = False) -> date | None:
    base_year = published.year if published else None
    _next = _last if past else _roll_forward
    g = m.groupdict()
    if g["mdy"] or g["dmy"]:
        text = g["mdy"] or g["dmy"]
        full = parse_date(text)
        if full:
            return full[0]
        if base_year is None:
            return None
        mm = re.search(MONTH_RX, text, re.I)
        dd = re.search(r"\d{1,2}", text)
        if not (mm and dd):
            return None
        return _next(make_date(base_year, MONTHS[mm.group(0).lower()], int(dd.group(0))), True, published)
    if g["iso"]:
        full = parse_date(g["iso"])
        return full[0] if full else None
    if g["quarter"]:
        q = _ORDINALS[g["qord"].lower()] if g["qord"] else int(g["qnum"])
        year = int(g["qyear"]) if g["qyear"] else base_year
        if year is None:
            return None
        return _next(_month_end(year, q * 3), not g["qyear"], published)
    if g["half"]:
        month = 6 if g["hord"].lower() == "first" else 12
        year = int(g["hyear"]) if g["hyear"] else base_year
        if year is None:
            return None
        return _next(_month_end(year, month), not g["hyear"], published)
    if g["part"]:
        if g["pyear"]:
            year = int(g["pyear"])
        elif base_year is None:
            return None
        else:
            year = base_year + (1 if "next" in g["pthis"].lower() else 0)
        word = g["pword"].lower().split()[0]
        if word == "early":
            return date(year, 3, 31)
        if word in ("mid", "middle"):
            return date(year, 6, 30)
        if word in ("late", "end"):
            return date(year, 12, 31)
        if word == "winter":
            return _month_end(year + 1, 2)
        mo, d = _SEASON_END[word]
        return date(year, mo, d)
    if g["monthyear"]:
        return _month_end(int(g["myear"]), MONTHS[g["mname"].lower().rstrip(".")])
    if g["yearend"]:
        if g["year"]:
            return date(int(g["year"]), 12, 31)
        y = re.search(_YEAR, g["yearend"])
        if y:
            return date(int(y.group(0)), 12, 31)
        return date(base_year, 12, 31) if base_year else None
    if published is None:
        return None
    if g["thismonth"]:
        return _month_end(published.year, published.month)
    if g["nextmonth"]:
        y, mo = (published.year + 1, 1) if published.month == 12 else (published.year, published.month + 1)
        return _month_end(y, mo)
    if g["within"]:
        n = _number(g["n"])
        if not n:
            return None
        unit = g["unit"].lower()
        if unit.startswith("day"):
            return published + timedelta(days=n)
        if unit.startswith("week"):
            return published + timedelta(weeks=n)
        total = published.month - 1 + n
        y, mo = published.year + total // 12, total % 12 + 1
        return make_date(y, mo, min(published.day, calendar.monthrange(y, mo)[1]))
    if g["now"]:
        return published
    return None


@dataclass(frozen=True, slots=True)
class DateMention:
    value: date
    start: int
    end: int
    text: str


def date_mentions(sentence: str, published: date | None, *, past: bool = False) -> list[DateMention]:
    """Every date or period the sentence names, resolved with the conventions above.

    ``past`` says the sentence reports what happened, so a period without a year is its last
    occurrence ("during the fourth quarter, it completed the closure" in February).
    """
    out: list[DateMention] = []
    if not _MAY_HAVE_DATE.search(sentence):
        return out
    for m in _EFFECTIVE.finditer(sentence):
        value = _resolve(m, published, past)
        if value is not None:
            out.append(DateMention(value, m.start(), m.end(), m.group(0)))
    return out
