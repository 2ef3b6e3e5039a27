"""The extractor's entry point: release text in, ``Proposal`` out. Pure: no database, no Django.

    extract(text, headline=None, published=None) -> Proposal

``headline`` and ``published`` are hints from the container (an HTML title, a feed's pubDate,
an e-mail's Date:). The headline hint wins over the text's first line. For the date the
release's own dateline wins, because containers often carry the date a copy was sent or
crawled; the hint is used when the text has no dated dateline, and a disagreement of more
than three days is reported as a warning.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from . import calibration, decision, places
from .about import products_and_markets
from .areas import named_areas
from .budget import Deadline
from .claims import find_claims
from .datelines import wire_name, year_for
from .dates import day_first, header_date, impossible_date
from .document import embedded_text, page_date, read_layout, split_dateline_line, stamp_date, unbroken_lines
from .events import find_events
from .issuer import find_company
from .lexicon import COUNTRY_ENDONYM, CURRENCY_COUNTRY, LEGAL_FORM_COUNTRY, NATIONALITY
from .place_names import _country_code, _is_country_name, long_form_towns
from .proposal import CompanyRef, PlaceRef, Proposal
from .spans import conventional
from .text import Sentence, normalize, paragraphs, split_sentences

# ("Hartwell" or "the Company"): the short names a release defines for its issuer
_ALIAS = re.compile(
    r"[(,]\s*(?:the\s+)?\"([^\"]{2,40})\"|\((?-i:([A-Z][A-Za-z]?[A-Z]{1,5}))\)(?=\s+(?:today|has|have|is|will|announced|said|reported))"
)
_COPYRIGHT_WIRE = re.compile(
    r"(?:Copyright|\(c\)|©)\s*(?:\d{4}\s+)?(?P<w>[A-Za-z ]{3,30}?)\s*(?:\d{4})?\s*$", re.I | re.M
)


_TODAY_DATED = re.compile(
    r"\btoday\s*(?:,|\s+on\b)\s*(?:\(\s*)?(?=(?:\w+day,\s+)?(?:\d|[A-Z][a-z]+\.?\s+\d))"
)
_RELEASE_LABEL = re.compile(
    r"\b(?:company|stock\s+exchange|press|regulatory|investor\s+news)\s+(?:release|announcement)\s+(?:on\s+|dated\s+)?"
    r"|^published\b:?\s*(?:on\s+)?"
    # an RNS header on one line, the issuer between number and date: "RNS Number : 6055I Acme plc 09 August 2019"
    r"|^\s*RNS\s+Number\s*:\s*\w+\s+(?:\S+\s+){1,6}?(?=\d{1,2}\s+[A-Z][a-z]+\s+(?:19|20)\d\d)"
    # a page's date under an icon's name: "calendar icon 3 May 2012"
    r"|\bcalendar\s+icon\s+",
    re.I | re.M,
)

# Characters of a release read for events and claims (the longest real releases are ~30,000).
READ_LIMIT = 100_000


def extract(
    text: str,
    *,
    headline: str | None = None,
    published: date | None = None,
    calibrated: bool = True,
    decided: bool = True,
    deadline: Deadline | None = None,
) -> Proposal:
    """Read a release into a Proposal. Event confidences are calibrated against labelled
    releases (``calibration``); ``calibrated=False`` keeps the event finder's raw scores.
    Proposals the fitted decision (``decision``) finds unlikely go to ``Proposal.set_aside``,
    named in the warnings; ``decided=False`` keeps them all among the events.
    ``deadline`` is the time budget (``budget.Deadline``; by default
    FOOTPRINT_MAX_RELEASE_SECONDS from now), checked between sentences."""
    # the gazetteer is loaded (or, on a new machine, built) before the clock starts: its first
    # use in a process is no part of one release's reading time, which it would use up
    places.get_gazetteer()
    deadline = deadline if deadline is not None else Deadline()
    text, stamped = page_date(embedded_text(text))
    published = published or stamped
    body = split_dateline_line(normalize(text))
    paras = unbroken_lines(paragraphs(body))
    proposal = Proposal(body=body)
    warnings = proposal.warnings
    if not paras:
        warnings.append("Empty release")
        return proposal

    layout = read_layout(paras, headline_hint=headline)
    body_start, dl_index, dl = layout.body_start, layout.dateline_index, layout.dateline
    proposal.headline = layout.headline
    subheads = layout.subheads  # deks under the headline are read as part of it

    # sentences; the dateline paragraph's first sentence starts after the dateline
    sentences: list[Sentence] = []
    for i, p in enumerate(paras):
        if p.section not in ("body", "about", "headline"):
            continue  # boilerplate and contacts yield nothing; skip their sentences
        if i == dl_index and dl is not None:
            pieces = split_sentences(p.text[dl.end :], p.start + dl.end)
        else:
            pieces = split_sentences(p.text, p.start)
        sentences.extend(Sentence(t, s, p.section, i) for s, t in pieces)

    # date and wire
    header_text = "\n".join(layout.header_lines)
    stated = dl.published if dl else None
    if stated is None and dl is not None and dl.month_day:
        stated = year_for(*dl.month_day, body, headline=proposal.headline or "", hint=published)
    if stated is None:
        # no dated dateline: a date on a header line, or opening the first paragraph
        opening = paras[body_start].text if body_start < len(paras) else ""
        lines = [*layout.header_lines, opening[:40]]
        for p in paras[body_start : body_start + 5]:
            # "Acme Oyj Company release on August 20, 2008 at 2 p.m.": a labelled date further in
            labelled = _RELEASE_LABEL.search(p.text[:300])
            if labelled:
                lines.append(p.text[labelled.end() : labelled.end() + 40])
                break
        stated = header_date(lines, day_first=day_first(body))
    if stated is None:
        # "The Board of Directors resolved today, November 8, 2018, to ...": today, dated
        first_body = next((s.text for s in sentences if s.section == "body"), "")
        today = _TODAY_DATED.search(first_body[:400])
        stated = header_date([first_body[today.end() : today.end() + 40]]) if today else None
    if stated is None and published is None:
        # some newsrooms print the time stamp below the release ("2025-11-19 14:01")
        stated = stamp_date(paras)
    proposal.published = stated or published
    if stated and published and abs((stated - published).days) > 3:
        warnings.append(f"The dateline says {stated.isoformat()}, the container {published.isoformat()}")
    if proposal.published is None:
        warnings.append(_no_date_warning(paras, dl_index, dl, layout.header_lines, body_start))
    tail = "\n\n".join(p.text for p in paras[body_start:] if p.section in ("contact", "other", "about"))
    proposal.wire = (dl.wire if dl else None) or wire_name(header_text[:400]) or _copyright_wire(tail)

    # company
    body_paras = [p for p in paras if p.section == "body"]
    opening = p0 = ""
    if body_paras:
        p0 = body_paras[0].text
        if dl is not None and body_paras[0] is paras[dl_index]:
            p0 = p0[dl.end :]
        opening = p0 + ("\n\n" + body_paras[1].text if len(body_paras) > 1 else "")
    first = next((s.text for s in sentences if s.section == "body"), None)
    proposal.company = find_company(
        opening,
        first,
        tail,
        header=[*layout.company_lines, *([dl.issuer] if dl and dl.issuer else [])],
        headline=proposal.headline,
        text=body,
    )
    if proposal.company is None or not proposal.company.name:
        warnings.append("No issuing company found")

    about = "\n".join(p.text for p in paras if p.section == "about")
    if about:
        proposal.products, proposal.markets = products_and_markets(about)

    # events and claims
    issuer = proposal.company.name if proposal.company else None
    lead = " ".join([proposal.headline or "", *subheads]).strip() or None
    aliases = _issuer_aliases(opening[:1200], issuer)
    if dl and dl.place:
        proposal.dateline = _parse_dateline_place(dl.place, _home_country(proposal))
        if proposal.dateline is not None:
            conventional(proposal.dateline, _stated_region(dl.place))
    if len(body) > READ_LIMIT:
        # a press release is a few pages; past this it is something else, and reading on would
        # only make an upload slow, never the release more complete
        sentences = [s for s in sentences if s.start < READ_LIMIT]
        warnings.append(
            f"Only the first {READ_LIMIT:,} characters were read for events and claims "
            f"(the text has {len(body):,}): check that this is one press release"
        )
    proposal.events, event_warnings = find_events(
        deadline.within(sentences),  # read one by one, until the time budget runs out
        headline=lead,
        published=proposal.published,
        issuer=issuer,
        aliases=aliases,
        dateline=proposal.dateline,
        country=_home_country(proposal)
        or _network_country(body)
        or (proposal.dateline.country if proposal.dateline else None)
        or _money_or_law_country(body, proposal.company),
        named=named_areas(" ".join(s.text for s in sentences if s.section in ("body", "headline"))),
        long_names=long_form_towns(body[:READ_LIMIT]),
    )
    warnings.extend(event_warnings)
    claimed = (s.text for s in deadline.within(sentences) if s.section in ("body", "about"))
    proposal.claims = find_claims(claimed, issuer)
    if deadline.stopped_at is not None:
        warnings.append(_out_of_time(deadline, len(body)))

    if dl and dl.place:
        # a bare "PITTSBURGH" is settled by the country the release is about, which the events
        # tell better than the stock exchange
        if proposal.dateline is None or not proposal.dateline.resolved:
            proposal.dateline = _parse_dateline_place(dl.place, _home_country(proposal))
        if proposal.dateline is not None:
            conventional(proposal.dateline, _stated_region(dl.place))
        if proposal.dateline is not None and not proposal.dateline.resolved:
            warnings.append(f"Unresolved dateline place {dl.place!r}")
    if decided:
        decision.apply(proposal)
    if calibrated:
        calibration.apply(proposal.events, proposal.dateline)
    return proposal


_EXCHANGE_COUNTRY = {
    "nyse": "US", "nasdaq": "US", "amex": "US", "otc": "US", "pink": "US", "tsx": "CA", "cse": "CA",
    "lse": "GB", "aim": "GB", "euronext paris": "FR", "euronext brussels": "BE", "euronext amsterdam": "NL",
    "euronext lisbon": "PT", "xetra": "DE", "fwb": "DE", "frankfurt": "DE", "borsa italiana": "IT",
    "bme": "ES", "asx": "AU", "six": "CH", "tse": "JP", "tyo": "JP", "tokyo": "JP", "bmv": "MX", "b3": "BR",
    "bovespa": "BR", "nasdaq stockholm": "SE", "nasdaq helsinki": "FI", "nasdaq copenhagen": "DK",
    "oslo": "NO", "jse": "ZA", "hkex": "HK", "sgx": "SG", "bse": "IN", "nse": "IN", "wse": "PL",
    "tase": "IL", "krx": "KR", "kospi": "KR", "twse": "TW", "nzx": "NZ", "sse": "CN", "szse": "CN",
}  # fmt: skip


# the parentheses that follow a name: '(NASDAQ: ACME) ("Acme" or the "Company")'
_BRACKETS = re.compile(r"(?:,?\s*\([^()]{0,120}\))+")


def _issuer_aliases(opening: str, issuer: str | None) -> tuple[str, ...]:
    """The short names a release gives its issuer ("Hartwell" or "the Company"): those defined
    right after the issuer's name, not a target's defined after its own ("Chaodong")."""
    at = opening.find(issuer) if issuer else -1
    if at >= 0:
        brackets = _BRACKETS.match(opening, at + len(issuer))
        # (and the word after, which tells "(MPM) today announced" from an acronym in passing)
        window = opening[brackets.start() : brackets.end() + 20] if brackets else ""
    else:
        window = opening[:300]
    return tuple(
        a
        for pair in _ALIAS.findall(window)
        for a in pair
        if a and a.lower() not in ("the company", "company")
    )


def _home_country(proposal: Proposal) -> str | None:
    """The country a release is about: its events' country, else its stock exchange's."""
    countries = [e.place.country for e in proposal.events if e.place.country]
    if countries:
        # the commonest, the first named on a tie (a set would break ties by hash, run to run)
        return max(dict.fromkeys(countries), key=countries.count)
    exchange = (proposal.company.exchange or "").lower() if proposal.company else ""
    for key in sorted(_EXCHANGE_COUNTRY, key=len, reverse=True):
        if exchange.startswith(key):
            return _EXCHANGE_COUNTRY[key]
    return "CA" if proposal.wire == "CNW" else None


# "a review of its UK manufacturing network", "our Canadian operations": the company's home
_NETWORK = re.compile(
    r"\b(?:its|our|their|the\s+company's)\s+(?P<c>U\.?K\.?|U\.?S\.?|[A-Z][a-z]+)\s+(?:[a-z]+\s+)?"
    r"(?:network|operations|footprint|business|plants|sites|facilities|mills|manufacturing|production)\b"
)


def _network_country(body: str) -> str | None:
    """The country of the company's own network as the release names it, if it names one."""
    for m in _NETWORK.finditer(body[:6000]):
        word = m.group("c")
        code = NATIONALITY.get(word.lower()) or (places.country_code(word) if word.isupper() else None)
        if code:
            return code
    return None


# (two alternations, signs and words, rather than one lookaround per currency: the same matches,
# scanned several times faster)
_MONEY = re.compile(
    r"(?<![\w$])(?:"
    + "|".join(re.escape(c) for c in sorted(CURRENCY_COUNTRY, key=len, reverse=True) if not c[0].isalpha())
    + r")(?=[\s\d])|\b(?:"
    + "|".join(re.escape(c) for c in sorted(CURRENCY_COUNTRY, key=len, reverse=True) if c[0].isalpha())
    + r")(?![\w$])",
    re.I,
)


# one pattern for every legal form, longest first so that "S.p.A." wins over "S.A." as the
# dictionary's order did (its first form to match the name's end)
_LEGAL_FORM_CODE = {form.casefold(): code for form, code in reversed(LEGAL_FORM_COUNTRY.items())}
_LEGAL_FORM_AT_END = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(f) for f in sorted(LEGAL_FORM_COUNTRY, key=len, reverse=True)) + r")$",
    re.I,
)


def _money_or_law_country(body: str, company: CompanyRef | None) -> str | None:
    """The country the issuer's legal form belongs to ("Acme plc"), else the one whose currency
    the release counts in most ("£2.1 million"): a last hint for bare town names."""
    name = (company.name or "") if company else ""
    form = _LEGAL_FORM_AT_END.search(name.strip())
    if form:
        return _LEGAL_FORM_CODE[form.group(0).casefold()]
    # a subsidiary named for its country, in its own tongue or in English: "Orkla Foods Norge"
    last = name.strip().rsplit(" ", 1)[-1].rstrip(".,") if " " in name.strip() else ""
    if last[:1].isupper() and (
        code := COUNTRY_ENDONYM.get(last.casefold()) or (_is_country_name(last) and _country_code(last))
    ):
        return code
    counts: dict[str, int] = {}
    for m in _MONEY.finditer(body[:8000]):
        code = CURRENCY_COUNTRY[m.group(0).lower()]
        counts[code] = counts.get(code, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


@lru_cache(maxsize=4096)
def _dateline_place_cached(place: str, country: str | None) -> PlaceRef | None:
    return places.parse_place(place, default_country=country)


def _parse_dateline_place(place: str, country: str | None) -> PlaceRef | None:
    """Datelines repeat across a batch ("NEW YORK"); copies, because the caller adjusts them."""
    ref = _dateline_place_cached(place, country)
    return replace(ref) if ref is not None else None


def _stated_region(place: str) -> str | None:
    """The region a dateline states after its city ("CAMDEN, N.Y."), if any."""
    for part in place.split(",")[1:]:
        region = places.region_code(part.strip())
        if region:
            return region
    return None


def _out_of_time(deadline: Deadline, length: int) -> str:
    stopped = deadline.stopped_at
    at = f"at character {stopped.start:,} of {length:,}" if isinstance(stopped, Sentence) else "early"
    return (
        f"Reading stopped {at}: the release took longer than the {deadline.seconds:g} s one release may "
        "take (FOOTPRINT_MAX_RELEASE_SECONDS), so events and claims after that point were not read; "
        "check that this is one press release"
    )


def _no_date_warning(paras, dl_index, dl, header_lines: list[str], body_start: int) -> str:
    """Why the release has no date: none is given, or the one given is not a day that exists."""
    where = list(header_lines)
    if dl is not None and dl_index is not None:
        where.append(paras[dl_index].text[: dl.end])
    if body_start < len(paras):
        where.append(paras[body_start].text[:60])
    bad = impossible_date("\n".join(where))
    if bad:
        return f"The release is dated {bad!r}, a day that does not exist: set its publication date by hand"
    return "No publication date found"


def _copyright_wire(tail: str) -> str | None:
    for m in _COPYRIGHT_WIRE.finditer(tail):
        name = wire_name(m.group(0))
        if name:
            return name
    return None
