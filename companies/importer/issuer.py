"""Who issued the release: company name as first written, ticker and exchange.

The name is looked for in this order, most reliable first: the name right before a ticker
tag in the opening paragraph (``International Wire Group, Inc. (Pink Sheets: ITWG)``), the
subject of the first body sentence (``Acme Corp. today announced``), the ``SOURCE:`` line,
the ``About X`` heading, then weaker evidence (the headline's subject, a name the release
repeats and makes act). Whatever the source, a phrase only counts if it can be a company's name
(``_is_name``): not a person, an opening phrase, a board, a stock exchange or a site.
"""

from __future__ import annotations

import re

from . import places
from .issuer_patterns import (
    _GROUP_COMPANY,
    _JOINT_NAMES,
    _NAME,
    _NAME_WORD,
    _SHORT_NAME_AFTER,
    _SUBJECT,
    _SUBJECT_THEN_VERB,
    _SUFFIX,
    _SUFFIXED_SUBJECT,
    _TICKER_TAG,
)
from .lexicon import (
    FACILITY_NOUN,
    HEADLINE_VERBS,
    LEGAL_SUFFIX,
    LEGAL_SUFFIX_STEM,
    NOT_NAME_WORDS,
    TITLE_WORDS,
)
from .place_names import _demonym, _is_country_name
from .proposal import CompanyRef

_SOURCE = re.compile(r"^SOURCE\s*:?\s+(?P<name>.+?)\s*$", re.M)
_ABOUT = re.compile(r"^(?:About|ABOUT)\s+(?:the\s+)?(?P<name>[A-Z].{1,80}?)\s*:?\s*$", re.M)
_TRAILING_JUNK = re.compile(r"[\s,;:]+$")
_NOT_A_NAME = re.compile(
    r"^(?:The Company|The company|Company|We|It|Today|Customers|Management|This|These|That|There|Please|Kindly)\b"
    # a sentence that opens on the work or the market, not on who does it: "Production is expected to"
    r"|^(?:Production|Operations|Output|Mining|Shipments|Sales|Revenue|Demand|Prices|Power|Work)$"
    # a phrase that opens a sentence or letter is no name: "With Mr X's retirement", "Dear Sir"
    r"|^(?:With|In|As|After|Following|Due|Under|On|At|By|From|During|Since|Despite|Through|For|Dear|Re|Sub)\b"
    # a person, however titled, speaks for a company but is none: "Mr Joe Smith", "Dr Tong"
    r"|\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Prof)\b\.?"
    # and so is an office holder: "Governor Smith today joined", "Industries Minister K Rao"
    r"|^(?:Governor|Gov\.|Mayor|Rep\.|Lt\.|Lieutenant)\s+[A-Z]"
    r"|\b(?:Minister|Senator|Congressman|Congresswoman|Assemblyman|Assemblywoman)\b"
    # a company's organs are not the company: "the Board will", "Board of Directors"
    r"|^(?:Board|Directors|Shareholders|Trustees|Supervisory)\b"
    # "The" and one word is a thing the text refers back to ("The Meeting will"), not a company
    r"|^The\s+[A-Z][\w-]*$"
    # an indefinite article opens a description, and a council or committee is a body, not the
    # issuer: "A Central Works Council was convened"
    r"|^An?\s+(?=[A-Z][a-z])|\b(?:Council|Committee)$"
    # an exchange a filing is addressed to: "National Stock Exchange of India Limited", "BSE Limited"
    r"|\bStock\s+Exchange\b|^(?:BSE|NSE)\s+(?:Limited|Ltd)\b"
    # a legal form alone is what is left of a name cut short, and a division is a part of a company
    r"|^(?:Corporation|Corp\.?|Incorporated|Inc\.?|Limited|Ltd\.?|LLC|L\.L\.C\.|plc|PLC|AG|SE|SA|S\.A\.|AB|ASA|Oyj|GmbH)$"
    r"|\b(?:Division|Segment)$"
)
# a site is named like a company but is the company's place: "the Vallvik Mill", "Kanto Plant"
# (one site: "Ivaco Rolling Mills" and "General Mills" are companies)
_SITE_NAME = re.compile(
    r"\s(?i:mill|sawmill|plant|factory|facility|refinery|smelter|mine|site|foundry|warehouse|terminal)$"
)


def _named(name: str | None) -> str | None:
    return name if _is_name(name) else None


def _is_name(name: str | None) -> bool:
    """Whether a phrase found where an issuer's name stands can be one."""
    # (a name has a capital somewhere: "production", from a shouted headline, names nobody)
    if not name or _NOT_A_NAME.search(name) or not any(c.isupper() for c in name):
        return False
    if _is_country_name(name):
        return False  # "Peru's Cerro Lindo mine ... resumed": the country whose site it is

    return not (_SITE_NAME.search(name) and not LEGAL_NAME_END.search(name))


# Shouted multi-word exchange names get their usual spelling; other names stay as written.
_EXCHANGE_CASE = {"TSX VENTURE": "TSX Venture", "PINK SHEETS": "Pink Sheets", "OTC PINK": "OTC Pink",
                  "BORSA ITALIANA": "Borsa Italiana", "NYSE AMERICAN": "NYSE American"}  # fmt: skip


def _exchange_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return _EXCHANGE_CASE.get(text.upper(), text) if text.isupper() and " " in text else text


_GOVERNING = re.compile(
    r"^(?:The\s+)?(?:Board\s+of\s+Directors|Board|Directors|Management|Shareholders|Trustees)\s+of\s+"
)
_GOVERNING_AFTER = re.compile(
    r"['’]s\s+(?:Board\s+of\s+Directors|Supervisory\s+Board|Executive\s+Board|Board|Management|Shareholders)$"
)
_BASED = re.compile(r"^(?:[A-Z][\w.]*[ -])*[A-Z][\w.]*-(?:based|listed)\s+")


def clean_name(name: str) -> str:
    """A name or phrase as found, without a governing body, a "-based" prefix or trailing junk."""
    name = _GOVERNING.sub("", _BASED.sub("", _TRAILING_JUNK.sub("", name.strip())))
    name = _GOVERNING_AFTER.sub("", name)  # "Danish Crown's Board of Directors"
    owner = _COUNTRY_OWNS.match(name)
    if owner and _is_country_name(owner.group("country")):
        name = name[owner.end() :]  # "Australia's Oz Minerals Ltd": news copy's country of the company
    return re.sub(r"\s+", " ", name)


_COUNTRY_OWNS = re.compile(r"(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)['\u2019]s\s+(?=[A-Z])")


def find_company(
    body_text: str,
    first_sentence: str | None,
    tail_text: str = "",
    *,
    header: list[str] | tuple[str, ...] = (),
    headline: str | None = None,
    text: str = "",
) -> CompanyRef | None:
    """The issuing company of a release.

    ``body_text`` is the opening of the body (after the dateline), ``first_sentence`` the
    first body sentence, ``tail_text`` the release's tail (About, SOURCE and contacts),
    ``header`` the header lines that are only a company's name ("Sappi Limited" above the
    body, "News provided by / Acme Corp."), ``headline`` the headline, whose subject names the
    issuer when nothing else does ("Rio Tinto to suspend production at ..."), ``text`` the whole
    release, for the last resort: the name the headline shares with the body most often.
    """
    name: str | None = None
    ticker = exchange = None
    m = _TICKER_TAG.search(body_text[:1500])
    subject = _first_subject(first_sentence)
    parent = (
        m is not None and _PARENT_BEFORE.search(body_text[max(0, m.start() - 120) : m.start()]) is not None
    )
    if (
        m
        and subject
        and (
            parent or (first_sentence and m.group(0) not in first_sentence and LEGAL_NAME_END.search(subject))
        )
    ):
        # "Alma Foods, LLC announced today ... Alma Foods is a subsidiary of Hormel Foods
        # Corporation (NYSE: HRL)": the tagged name below is the parent, the subject the issuer
        m = None
    made_by = _MADE_BY.search(body_text[:600]) or _INCORPORATED.search("\n".join([*header, body_text[:600]]))
    if made_by and _is_name(made_by.group("name")):
        name = clean_name(made_by.group("name"))
    if m:
        ticker = m.group("ticker").upper()
        exchange = _exchange_name(m.group("exchange")) if m.group("exchange") else None
    if m and name is None:
        name, joint = _name_before_tag(body_text[max(0, m.start() - 160) : m.start()])
        if joint:
            # "Acme, Inc. and Brant, Inc. (NASDAQ: BRNT) today announced": a joint release is
            # the first-named company's; the tag is the second's
            ticker = exchange = None
    if name is None:
        name = subject
    if name is None and first_sentence:
        # news copy opening on the site: "Peru's Cerro Lindo mine, owned by Brazil's Acme
        # Resources, resumed operations"
        owned = _OWNED_BY.search(first_sentence)
        name = clean_name(owned.group("name")) if owned and _is_name(owned.group("name")) else None
    if name is None and tail_text:
        for rx in (_SOURCE, _ABOUT):
            n = rx.search(tail_text)
            if n and _is_name(n.group("name")):
                name = clean_name(n.group("name"))
                break
    if name is None and header:
        name = _named(clean_name(header[-1]))
    if name is None:
        name = _most_named(" ".join([headline or "", body_text[:1500]]))
    if name is None and headline:
        name = _named(headline_subject(headline, body_text))
    if name is None and headline and text:
        name = _recurring_name(headline, text)
    if name is None and text:
        name = _acting_name(text)
    if name is None:
        # a copy that starts past its opening may still name one company with its legal form
        opening = text[:1500] or body_text[:1500]
        legal = next(
            (m for m in _LEGAL_NAME.finditer(opening) if not _NAME_THROUGH_OF.search(opening, 0, m.start())),
            None,
        )
        name = clean_name(legal.group(0)) if legal and _is_name(legal.group(0)) else None
    if name is None and ticker is None and text:
        # a copy that starts past its opening may tag its issuer further down: "PPG Industries'
        # (NYSE:PPG) fiber glass business announced"
        later = _TICKER_TAG.search(text[:2500])
        if later:
            name, joint = _name_before_tag(text[max(0, later.start() - 160) : later.start()].split("\n")[-1])
            if name is not None and not joint:
                ticker = later.group("ticker").upper()
                exchange = _exchange_name(later.group("exchange")) if later.group("exchange") else None
    if name is None and ticker is None:
        return None
    return CompanyRef(name=name, ticker=ticker, exchange=exchange)


_POSSESSIVE_MARK_END = re.compile(r"['\u2019]\s*$")


def _name_before_tag(before: str) -> tuple[str | None, bool]:
    """The company named right before a ticker tag, from the start of its clause, and whether it
    is the first of two named together (the tag then being the second's)."""
    # the name runs from the start of its clause to the tag ("Acme Industries' (NYSE: ACM)": a
    # possessive's mark is no part of it)
    clause = re.split(r"(?:--|[;:]|\.\s+(?=[A-Z])|,\s+(?:and|while|said|as)\s+|\bthat\s+)", before)[-1]
    clause = _POSSESSIVE_MARK_END.sub("", clause)
    # its short name between the two: "Acme Chemicals Limited (Acme) (BSE: 500123)"
    clause = _SHORT_NAME_AFTER.sub("", clause)
    # "GVB Biopharma, a 22nd Century Group company (Nasdaq: XXII)": the tag is the group's
    joint = _JOINT_NAMES.search(clause)
    n = _GROUP_COMPANY.search(clause) or joint or _NAME.search(clause)
    if n is None or not _is_name(n.group("name")):
        return None, False
    return clean_name(n.group("name")), n is joint


# The headline's verb: "Acme to close", "Acme Announces", "ACME SELLS", "Acme's board approves".
_HEADLINE_VERB = re.compile(
    rf"\s+(?:to|will|has|have|is|are|and|'s|s')\b|'s?\s|\s+(?:{'|'.join(sorted(HEADLINE_VERBS))})\b|\s*[:,|-]\s",
    re.I,
)


# "In response to weak demand, Acme has decided ...": the subject follows an opening phrase
_OPENING_PHRASE = re.compile(
    r"^(?:Today|Yesterday|Earlier\s+today|Meanwhile),\s+"
    r"|^(?:In|As|After|Following|Due|With|Having|Under|To|Driven|Given|Despite|Because|Amid|Since|For|On"
    r"|During|At|Earlier|Today|Later|Pursuant|According|Further|Regarding|Concerning|Through)\b[^.;]{3,140}?,\s+"
)
# a description before the name, as news copy writes it: "Optical component manufacturer Acme said"
_DESCRIPTOR = re.compile(
    r"^(?:[A-Z][a-z]+(?:-[a-z]+)?\s+)(?:[a-z][\w\-]*\s+){0,4}?(?:maker|manufacturer|producer|supplier|provider|company"
    r"|firm|group|giant|leader|operator|retailer|developer|miner|major|refiner|processor|distributor|conglomerate)"
    # (the name may stand between commas: "Germany-based technology conglomerate, Acme Group, has")
    r",?\s+(?=[A-Z])"
)
# the company a tagged name owns the issuer: "Acme Foods, a subsidiary of Parent Corp. (NYSE: PC)"
_PARENT_BEFORE = re.compile(
    # (the parent's name may carry its legal form after a comma: "a division of Parent Foods, Inc.")
    rf"\b(?:subsidiary|unit|division|part|member|affiliate|business)\s+of\s+(?:the\s+)?"
    rf"(?:[^,;()]|,(?=\s*(?:{LEGAL_SUFFIX_STEM})\b)){{0,80}}$",
    re.I,
)
# an exchange announcement names its issuer in its first line: "This announcement is made by X (the "Company")"
_MADE_BY = re.compile(
    rf"\bannouncement\s+is\s+made\s+by\s+(?P<name>(?:the\s+)?[A-Z][\w&'.\-]*(?:\s+{_NAME_WORD}){{0,7}}?"
    rf"(?:,?\s+(?:{_SUFFIX}))*)\s*[(,]"
)


# a JSE/SENS or LSE header states the issuer's legal name and where it is incorporated:
# "ACME HOLDINGS LIMITED (Incorporated in the Republic of South Africa)", "Acme plc Registered in England"
_INCORPORATED = re.compile(
    # (a name in capitals takes its legal form in capitals too: "AECI LIMITED")
    rf"(?P<name>(?:[A-Z][A-Z0-9&'.\-]*\s+){{1,5}}(?i:{LEGAL_SUFFIX})|(?:[A-Z][\w&'.\-]*\s+){{1,4}}(?:{LEGAL_SUFFIX}))"
    r"\s*\(?\s*(?:Incorporated|Registered|Registration\s+number)\s+(?:in|under|no)\b"
)


# the owner of the site a first sentence opens on, between commas
_OWNED_BY = re.compile(
    rf"^[^,]{{3,80}}?\b(?i:{FACILITY_NOUN})\s*,\s+(?:owned|operated|run)\s+by\s+(?:[A-Z][a-z]+['\u2019]s\s+)?"
    rf"(?P<name>[A-Z][\w&'.\-]*(?:\s+{_NAME_WORD}){{0,5}}?(?:,?\s+(?:{_SUFFIX}))*)\s*,"
)


# a unit named first, then its parent: "Kestrel Timber, Acme's business area for sawn timber, has"
_PARENTS_UNIT = re.compile(
    rf"^[A-Z][\w&'.\-]*(?:\s+{_NAME_WORD}){{0,4}},\s+(?P<name>[A-Z][\w&'.\-]*(?:\s+{_NAME_WORD}){{0,3}}?)'s\s+"
    r"(?:[a-z]+\s+)?(?:business\s+area|subsidiary|division|unit|business|arm|affiliate)\b"
)


# news copy names a company by its best-known customer or parent first: "Apple Inc supplier
# Foxconn restarted", "Toyota unit Daihatsu will close" (the second is the subject)
_NAMED_BY_ITS_PARTNER = re.compile(
    rf"^[A-Z][\w&'.\-]*(?:\s+{_NAME_WORD}){{0,3}}?(?:'s)?\s+(?:[a-z]+\s+)?(?:supplier|customer|partner|unit|subsidiary)\s+"
    rf"(?P<name>[A-Z][\w&'.\-]*(?:\s+{_NAME_WORD}){{0,3}}?)(?=\s+(?:[a-z]+ly\s+)?(?:has|have|had|is|was|will|said|says|"
    + "|".join(sorted(HEADLINE_VERBS))
    + r")\b)"
)


def _first_subject(first_sentence: str | None) -> str | None:
    """The company the first body sentence opens on ("Acme Corp. today announced")."""
    if not first_sentence:
        return None
    sentence = first_sentence.strip()
    parent = _PARENTS_UNIT.match(sentence) or _NAMED_BY_ITS_PARTNER.match(sentence)
    if parent and _is_name(parent.group("name")):
        return clean_name(parent.group("name"))
    for start in _subject_starts(sentence):
        opening = sentence[start:]
        n = _SUBJECT.match(opening) or _SUFFIXED_SUBJECT.match(opening)
        if n and _is_name(n.group("name")):
            return clean_name(n.group("name"))
    opening_phrase = _OPENING_PHRASE.match(sentence)
    if opening_phrase:
        # a long opening phrase has commas of its own ("Due to weak markets, which ..., Acme
        # has decided"): past each, only a name followed by its verb is the subject
        for comma in re.finditer(r",\s+", sentence[: min(len(sentence), 320)]):
            if comma.end() >= opening_phrase.end():
                n = _SUBJECT_THEN_VERB.match(sentence, comma.end())
                if n and _is_name(n.group("name")):
                    return clean_name(n.group("name"))
    return None


LEGAL_NAME_END = re.compile(rf"(?:{LEGAL_SUFFIX})\.?$")


# a person and their office before the company they speak for: "Ellen R. Gordon, Chairman, Acme Inc. reported"
_SPEAKER = re.compile(
    r"^[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){1,3},\s+(?:(?:[A-Z][\w\-]*|and|of|&)\s*){0,4}?"
    r"(?:Chairman|Chairwoman|Chair|President|CEO|Chief\s+Executive\s+Officer|Managing\s+Director|Director)"
    r"(?:\s+(?:and|&)\s+(?:[A-Z][\w\-]*\s*){1,4})?,\s+"
)


def _subject_starts(sentence: str) -> list[int]:
    starts = [0]
    m = _OPENING_PHRASE.match(sentence)
    if m:
        starts.append(m.end())
    speaker = _SPEAKER.match(sentence)
    if speaker:
        starts.append(speaker.end())
    described = _DESCRIPTOR.match(sentence)
    if described:
        starts.append(described.end())
    return starts


_LEGAL_NAME = re.compile(
    rf"(?<![\w&'+-])(?:[A-Z][\w&'+\-]*\s+){{0,4}}[A-Z][\w&'+\-]*,?\s+(?:{LEGAL_SUFFIX})(?![\w-])"
)
# an institution's name that runs on through "of": "National Stock Exchange of India Limited"
# (a person's "of" is the company they speak for: "Ken Choi of Acme Limited")
_NAME_THROUGH_OF = re.compile(
    r"\b(?:Exchange|Bank|Ministry|Department|Government|Republic|Commission|Authority|Council|Association"
    r"|Chamber|University|State)\s+of\s+$"
)


# "Proposed Consolidation of Factory Operations by Acme Holdings Berhad": the doer named after "by"
# ... or the company a notice is for: "Notice of Annual General Meeting 2017 for Acme Plc"
_LEGAL_NAME_AFTER_BY = re.compile(rf"\b(?:by|for)\s+(?P<name>{_LEGAL_NAME.pattern})")


def _most_named(text: str) -> str | None:
    """The company most often named with its legal form in the opening ("MAX Automation SE")."""
    counts: dict[str, int] = {}
    for m in _LEGAL_NAME.finditer(text):
        name = clean_name(m.group(0))
        if _is_name(name):
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    return next(n for n, c in counts.items() if c == best) if best >= 2 else None


def headline_subject(headline: str, body: str) -> str | None:
    """The name a headline opens with, when the body names it too (so it is not a place or a word)."""
    legal = _LEGAL_NAME.match(headline) or _LEGAL_NAME_AFTER_BY.search(headline)
    if legal:
        return clean_name(legal.group("name") if "name" in legal.re.groupindex else legal.group(0))
    m = _HEADLINE_VERB.search(headline)
    if m is None or m.start() == 0:
        return None
    words = headline[: m.start()].strip(" ,").split()
    while words and words[-1].lower().endswith("ly"):
        words.pop()  # "Lincoln Paper Indefinitely Idles ...": the adverb is not the name
    subject = " ".join(words)
    if not 1 <= len(words) <= 6 or not all(
        w[:1].isupper() or w[:1].isdigit() or w in ("&", "of") for w in words
    ):
        return None
    if subject.isupper() and len(subject) > 5:  # "ACME PAPER" as the body writes it
        found = re.search(re.escape(subject), body, re.I)
        subject = found.group(0) if found else subject.title()
    elif (
        subject.casefold() not in body.casefold()
        and not _speaks_as_we(subject, body)
        # "Norsk Hydro: Production resumed ..." over a body that says "Hydro's mine"
        and not (
            len(words) > 1
            and headline[m.start() :].lstrip().startswith(":")
            and any(
                re.search(rf"\b{re.escape(w)}\b", body)
                for w in words
                if len(w) > 3 and w.lower() not in NOT_NAME_WORDS
            )
        )
    ):
        return None
    return clean_name(subject)


def _speaks_as_we(subject: str, body: str) -> bool:
    """A body that speaks as "we" names its issuer only in the headline ("Lincoln Paper Idles
    ..." above "we have decided to idle ..."), when the subject is no place or headline word."""
    words = subject.lower().split()
    return (
        re.search(r"\b(?:we|our)\b", body, re.I) is not None
        and len(words) >= 2
        and not all(w in TITLE_WORDS for w in words)
        and not places.is_known_locality(subject)
    )


_CAPITALISED = re.compile(r"(?<![\w'-])[A-Z][\w&'\-]*(?:\s+[A-Z][\w&'\-]*){0,2}")


# a capitalised name as the subject of a verb, or owning something: "Britvic has", "Hydro's plant"
_ACTING = re.compile(
    r"(?<![\w'-])(?P<name>[A-Z][\w&-]+(?:\s+[A-Z][\w&-]+){0,3})(?P<owns>'s\s|(?<=s)'\s)?(?(owns)|\s+(?:has|have|is|will|expects|said|says"
    r"|announced|announces|plans|intends|decided|proposes|is\s+proposing"
    # (or speaks through its people: "Acme spokesman Bill Cohen", "Acme officials")
    r"|(?P<voice>spokes(?:man|woman|person)|officials|executives))\b)"
)


_SITE_AFTER = re.compile(rf"(?:[\w-]+\s+){{0,3}}?(?:{FACILITY_NOUN})\b", re.I)


_PUBLIC_BODIES = frozenset({"federal", "state", "city", "town", "county", "government", "union", "local"})


def _acting_name(text: str) -> str | None:
    """The name a release most often makes act or own, at least twice, when nothing else named
    the issuer (a copy that starts past its opening: "... Britvic is proposing to close ...")."""
    counts: dict[str, int] = {}
    for m in _ACTING.finditer(text[:4000]):
        name = m.group("name")
        low = name.lower()
        if low in NOT_NAME_WORDS or low in HEADLINE_VERBS or not _is_name(name) or len(name) < 3:
            continue
        if places.is_known_locality(name) or places.country_code(name) or places.region_code(name):
            continue
        # owning a site counts twice: "Blue Ridge Paper Products' pulp and paper mill located in"
        if m.group("voice") and (_demonym(name) or low in _PUBLIC_BODIES):
            continue  # "British officials", "Federal officials": a country's or a government's people
        # and so does speaking through its staff, which a person quoted by name ("Smith said") never does
        owns_site = m.group("owns") and _SITE_AFTER.match(text, m.end())
        counts[name] = counts.get(name, 0) + (2 if owns_site or m.group("voice") else 1)
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)
    return clean_name(best) if counts[best] >= 2 else None


def _acts(name: str, text: str) -> bool:
    """Whether the release makes a name act or own, or gives it a legal form: "Acme has", "Acme's
    mill", "Acme Ltd" (a word of a Title Case heading that merely recurs is no company)."""
    if any(m.group("name") == name for m in _ACTING.finditer(text[:4000])):
        return True
    return re.search(rf"(?<![\w-]){re.escape(name)},?\s+(?:{LEGAL_SUFFIX})(?![\w-])", text) is not None


def _recurring_name(headline: str, text: str) -> str | None:
    """A capitalised name of the headline that the release repeats at least three times
    ("Ground Broken for Future Transcontinental Printing Plant" and "Transcontinental" below)."""
    best, best_count = None, 2
    for m in _CAPITALISED.finditer(headline):
        words = m.group(0).split()
        names = [" ".join(words[i : i + n]) for n in (2, 1) for i in range(len(words) - n + 1)]
        for name in names:
            low = name.lower()
            if (
                len(name) < 4
                or not _is_name(name)
                or low in HEADLINE_VERBS
                or low in NOT_NAME_WORDS
                or name.isupper()
                and len(name) < 5
            ):
                continue
            if places.is_known_locality(name) or places.country_code(name) or places.region_code(name):
                continue  # "Louiseville" repeats too, and is a town
            count = len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))
            if count > best_count and _acts(name, text):
                best, best_count = name, count
    return clean_name(best) if best else None
