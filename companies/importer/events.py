"""Facility events: which facility, what happened to it, when, to how many people, how sure.

For each body sentence: find event words (``triggers``) and place mentions (``spans``), split
the sentence into clauses, and give each place to the event word that governs it — the
nearest one before it in its clause (object: "will close its Dayton, Ohio plant"), or else
the first one after it (subject, passive voice: "the Dayton plant will be closed"). A clause
with places and no event word of its own continues the previous clause ("close the Dayton
plant and the Erie plant").

Not events: negated or hedged statements ("has no plans to close", "is evaluating"), places
that are headquarters, destinations of moved work ("served by", "transfer to"), facilities of
another company, background ("the previously idled mill", "opened in 1987"). Sections other
than the body never reach this module.

Confidence: an event word and a resolved place in one clause is 0.95; an unresolved place
0.85; a region or country without a locality 0.8; a place taken from an earlier sentence or
the headline ("the plant will close") 0.7/0.75; quoted speech -0.05; a headline announcing
the same event +0.03.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .candidates import _Candidate, _pkey
from .carryover import _LIST_ITEM, _PLURAL_SITES, CarryOver, _Memory, counted_sites
from .clauses import (
    ANCHOR_GATED,
    Clause,
    in_quote,
    inside,
    relative_spans,
    split_clauses,
)
from .deals import (
    _COMPANY_OBJECT,
    _CONTENTS,
    _DEAL_ADJ_TYPE,
    _DEAL_CLOSED,
    _DEAL_INCLUDES,
    _DEAL_LISTED,
    BUSINESS_OBJECT,
    DealReading,
    _direct_object,
)
from .effective import Effective, effective_date
from .event_cues import (
    BIOGRAPHY,
    BOUNDED_STOP,
    CAUSE_AFTER,
    LEGAL,
    MAX_EVENT_WORDS,
    PART_SUBJECT,
    PARTIAL_CONFIDENCE,
    REBUILT,
    UNPLACED_SENTENCES,
    anchor_missing,
    assign_places,
    names_a_part,
    site_subject,
)
from .merging import Merging
from .modality import modality, told_in_past
from .news_judgement import NewsJudgement
from .parties import TARGET, TARGET_ALIAS, TARGET_OWNS, counterparty
from .proposal import PlaceRef, ProposedEvent
from .references import References
from .spans import Mention, find_mentions
from .text import Sentence
from .triggers import Trigger, find_triggers


class EventFinder(DealReading, CarryOver, Merging, NewsJudgement, References):
    """Collects events sentence by sentence; call ``feed`` for each body sentence, then ``result``."""

    def __init__(
        self,
        *,
        published: date | None,
        issuer: str | None,
        headline: str | None = None,
        aliases: tuple[str, ...] = (),
        dateline: PlaceRef | None = None,
        country: str | None = None,
        named: frozenset[str] = frozenset(),
    ):
        self.published = published
        self.country = country
        self.named = named
        self.dateline = dateline if dateline is not None and dateline.resolved else None
        self.issuer_words = frozenset(
            w
            for w in " ".join((issuer or "", *aliases)).replace(",", " ").split()
            if w[:1].isupper() and w.rstrip(".") not in LEGAL
        )
        self.events: list[_Candidate] = []
        self.memory = _Memory()
        self.headline_types: set[str] = set()
        self.headline_keys: set[tuple] = set()
        # the headline's own sites with their event words, and the kinds of event the body asserts:
        # a release whose body tells its deal only at length ("the sale of the buildings, equipment
        # and other property ... located in X") still has the headline's "to Sell X Pulp Mill"
        self._headline_pairs: list[tuple[Trigger, Mention]] = []
        self._headline_text = headline or ""
        self._body_types: set[str] = set()
        self._headline_named: set[int] = set()  # the pairs whose town the body names, capitalised
        self._defined_terms: dict[str, Mention] = {}  # 'the "Property"' -> the place it was defined at
        self.hedged: list[str] = []
        self._last_group: list[_Candidate] = []
        self._confirmed: set[int] = set()  # id() of the sentence's event words the headline confirms
        self._pending: list[str] = []
        self.known_places: dict[str, PlaceRef] = {}
        if dateline is not None and dateline.locality and (dateline.resolved or dateline.country):
            # "its Dayton plant" under a "DAYTON, Ohio" dateline is that Dayton; a town the
            # gazetteer lacks is one too once the dateline gives its country
            self.known_places[dateline.locality.casefold()] = dateline
        self._since_group = 99
        self._told: tuple[str, int] | None = None  # the last event asserted (type, sentence number)
        # an event told without a place (and how many sites it counts: "close two paper mills")
        self._placeless: tuple[str, int, Effective | None, int] | None = None
        # events the opening paragraphs assert with no place anywhere in their sentence: the
        # dateline town's, if the release names no site at all ("NEW HAVEN, W. Va. -- Acme will
        # resume plant operations")
        self._unplaced: list[tuple[Sentence, Trigger, Effective | None]] = []
        # an event whose sentence ends on a colon: its sites follow as bullet items
        self._listing: tuple[str, Effective | None] | None = None
        # an event on plural sites told without their towns: a table of them may follow
        self._rows: tuple[str, int, Effective | None, str | None] | None = None
        self._fed = 0  # sentences read so far
        self._deal_type: str | None = None  # the kind of the last sale or purchase announced
        # the first word of the company whose purchase was announced, and the short name the
        # release gives it ("Birch Holdings, Inc. ("Birch")")
        self._target: tuple[str, ...] = ()
        self.has_headline = bool(headline)
        # the dateline town named again, not as a seat: a site of the release, not only its origin
        # (only a dateline the gazetteer places can stand for a site: an unresolved one is none)
        self._dateline_name = (self.dateline.locality or "").casefold() if self.dateline is not None else ""
        self._dateline_again = bool(headline) and self._names_dateline_town(headline)
        if headline:
            self._read_headline(headline)

    def feed(self, s: Sentence) -> None:
        self._fed += 1
        text = s.text
        if len(self._headline_named) < len(self._headline_pairs):
            self._find_headline_towns(text)
        if '"' in text and "(" in text:
            self._read_definitions(text)
        if not self._dateline_again and self._names_dateline_town(text):
            self._dateline_again = True
        if self._rows is not None and self._table_rows(s):
            return
        if self._listing is not None:
            if _LIST_ITEM.match(text):
                self._list_item(s)
                return
            self._listing = None
        if ("clos" in text or "complet" in text or "effective" in text) and _DEAL_CLOSED.search(text):
            self._deal_date(text)
        triggers = find_triggers(text)[:MAX_EVENT_WORDS]
        created: list[_Candidate] = []
        prior_deal = self._deal_type
        for t in triggers:
            if t.type in ("sold", "acquired") and modality(text, Clause(0, len(text)), t) not in (
                "negated",
                "hedged",
            ):
                self._deal_type = t.type
                target = TARGET.match(text, t.end) if t.type == "acquired" else None
                if target and not (set(target.group("name").split()) & self.issuer_words):
                    alias = TARGET_ALIAS.match(text, target.end())
                    self._target = (target.group("name").split()[0], *(alias.groups() if alias else ()))
        deal = (
            _DEAL_INCLUDES.search(text)
            if "includ" in text or "compris" in text or "consist" in text
            else None
        )
        contents = _CONTENTS.match(text) if not deal and not triggers else None
        if deal and not any(t.type in ("sold", "acquired") for t in triggers):
            created = self._deal_contents(s, deal)
        elif contents and self._context_type() is not None:
            created = self._contents(s, contents, self._context_type())
        elif (
            self._target
            and not any(t.type == "acquired" for t in triggers)
            # "Birch operates ...", "The Birch business has ..."
            and text.removeprefix("The ").startswith(self._target)
        ):
            owns = TARGET_OWNS.match(text, 4 if text.startswith("The ") else 0)
            if owns and owns.group("name").split()[0] in self._target:
                # "Birch Paper operates two mills, in X and Y": the sites of the company acquired
                created = self._target_sites(s, owns)
        elif prior_deal and ("acqui" in text or "sold" in text or "purchas" in text or "divest" in text):
            listed = _DEAL_LISTED.search(text)
            if listed and _DEAL_ADJ_TYPE.get(listed.group("adj").lower()) == prior_deal:
                created = self._listed(s, prior_deal, listed)
        if triggers and not created:
            mentions = self._mentions(text)
            created = self._events_of(s, triggers, mentions)
            self._remember(mentions)
            self._pending.clear()
        elif self._placeless is not None and (placed := self._place_placeless(s)):
            created = placed
        elif ANCHOR_GATED.search(text):
            # most sentences without an event word never matter again: read their places
            # only when a later "the plant" or head count needs them (see _memory_places)
            self._pending.append(text)
            del self._pending[:-3]
            find_mentions(text, self.issuer_words, self.known_places, full=False)
        if created:
            self._last_group = created
            self._since_group = 0
        else:
            self._since_group += 1
            self._follow_up(s)

    def _events_of(self, s: Sentence, triggers: list[Trigger], mentions: list[Mention]) -> list[_Candidate]:
        text = s.text
        if BIOGRAPHY.search(text) or (
            self._other_company_speaks(text) and not any(self._buys_issuers(text, t) for t in triggers)
        ):
            return []
        clauses = split_clauses(text)
        relatives = relative_spans(text)
        by_clause, effectives = self._news_triggers(text, clauses, relatives, triggers, mentions)
        if not by_clause:
            return []
        # an event told, placed or not: a list of its sites may follow ("will close three plants.")
        self._told = (max(by_clause.items())[1][-1].type, self._fed)
        assigned = assign_places(text, clauses, relatives, by_clause, mentions)
        out: list[_Candidate] = []
        for ci, ts in by_clause.items():
            for t in ts:
                places = assigned.get(id(t), []) or self._site_named_before(text, clauses[ci], t, mentions)
                self._candidates_for(s, t, clauses[ci], places, effectives[id(t)], mentions, out)
        closed = {_pkey(c.place) for c in out if c.type == "closed"}
        # "halt production at X and close the site": one fate, the permanent one
        out = [c for c in out if not (c.type == "idled" and _pkey(c.place) in closed)]
        # "consolidate its Dayton and Erie plants into the Erie plant": the site the work goes to
        # is listed among those it leaves, and stays
        kept = {_pkey(m.place) for m in mentions if m.decoy == "destination" and m.place.locality}
        out = [c for c in out if not (c.type in ("closed", "relocated") and _pkey(c.place) in kept)]
        self._attach_employees(s, out, mentions)
        for c in out:
            self._add(c)
        return out

    def _news_triggers(
        self,
        text: str,
        clauses: list[Clause],
        relatives: list[tuple[int, int]],
        triggers: list[Trigger],
        mentions: list[Mention],
    ) -> tuple[dict[int, list[Trigger]], dict[int, Effective | None]]:
        """The event words the sentence asserts as the issuer's news, by clause, with their dates."""
        # (ids of this sentence's event words only: an id of a word freed with an earlier
        # sentence may be reused by a word of this one)
        self._confirmed = set()
        by_clause: dict[int, list[Trigger]] = {}
        effectives: dict[int, Effective | None] = {}
        for t in triggers:
            ci = next(i for i, c in enumerate(clauses) if c.start <= t.start <= c.end)
            mood = modality(text, clauses[ci], t)
            if mood == "hedged" and t.type in self.headline_types:
                # the headline asserts what the body words carefully ("would stop production")
                mood = "confirmed"
            elif (
                mood == "hedged"
                and text not in self.hedged
                and any(m.place.locality and not m.decoy for m in mentions)
            ):
                self.hedged.append(text)
            if mood not in ("asserted", "confirmed"):
                continue
            if self._bought_by_another(text, t):
                t = replace(t, type="sold")
            if t.type == "closed" and self._stop_of_told_idling(t):
                # "announced the temporary shutdown of three mills. A, B and C will shut down
                # production on Monday": the stop just told as temporary, now with its sites
                t = replace(t, type="idled")
            if t.type in ("idled", "closed") and any(
                r.type == "reopened" and r.end <= t.start and CAUSE_AFTER.search(text, r.end, t.start)
                for r in triggers
            ):
                continue  # "resumed production ... after a fire forced the suspension of operations"
            if t.type in ("opened", "reopened") and PART_SUBJECT.search(text, clauses[ci].start, t.start):
                continue  # "the new line is expected to be commissioned": equipment, not a site
            if (
                not t.nominal
                and self._foreign_subject(text, clauses[ci], t)
                and not self._buys_issuers(text, t)
            ):
                continue  # "under which Buyer Co. will acquire the mill": the buyer's deed
            if mood == "confirmed":
                self._confirmed.add(id(t))
            if (
                anchor_missing(text, clauses[ci], t)
                and not site_subject(text, clauses[ci], t, mentions)
                and not (t.nominal and any(c.type == t.type for c in self.events))
                # a company bought has no facility word: "acquired Halvard Tooling of Lancaster"
                and not (t.type == "acquired" and _COMPANY_OBJECT.match(text, t.end))
                # nor a business: "sold its packaging business, based in X"
                and not (
                    (t.type in ("sold", "acquired") or t.text.lower().startswith("exit"))
                    and BUSINESS_OBJECT.match(text, t.end)
                )
            ):
                continue
            rel_t = inside(relatives, t.start)
            others = [r for r in relatives if r != rel_t]
            effective = effective_date(text, clauses[ci], t, self.published, others)
            if self._historical(t, effective, text):
                continue  # "which Fenwick acquired in 2004": background, and no governor of places
            effectives[id(t)] = effective
            by_clause.setdefault(ci, []).append(t)
            self._body_types.add(t.type)
        return by_clause, effectives

    def _candidates_for(
        self,
        s: Sentence,
        t: Trigger,
        clause: Clause,
        ms: list[Mention],
        effective: Effective | None,
        mentions: list[Mention],
        out: list[_Candidate],
    ) -> None:
        """The candidates one asserted event word makes with the places given to it, onto ``out``."""
        text = s.text
        type_ = t.type
        usable = [
            m
            for m in ms
            if (
                not m.decoy
                or (m.decoy == "other-company" and type_ == "acquired")
                or (m.decoy == "destination" and t.start > m.decoy_at)
            )
            and m.place.locality
            and not self._spared(text, t, m, clause)
        ]
        if (
            type_ == "closed"
            and t.text.lower().startswith("shut")  # how long, "shut down" does not say
            and "permanent" not in text.lower()
            and any(c.type == "idled" for c in self.events)
        ):
            # "will indefinitely idle the mill ... the pulp mill will shut down in early
            # October": the idling just announced, told with its schedule
            type_ = "idled"
            t = replace(t, type="idled")
        if type_ == "closed" and not t.nominal and BOUNDED_STOP.search(text, t.end):
            # "will be shutting down its production ... from April 1 through April 17": for a time
            type_ = "idled"
            t = replace(t, type="idled")
        if type_ == "opened" and REBUILT.match(text, t.end, t.end + 80):
            # "the grand opening of its recommissioned production facility": a restart
            type_ = "reopened"
            t = replace(t, type="reopened")
        if type_ == "acquired" and self._issuer_possessive(text, t, usable):
            # "Pacific Coast will acquire Seneca's Modesto facility", told by Seneca: a sale
            type_ = "sold"
            t = replace(t, type="sold")
        if type_ == "jobs":
            if self._jobs_detail(text, t, usable):
                return
            t = replace(t, type="expanded")
            type_ = "expanded"
        # "the closure of the X facilities" after a temporary closure of X was told: that
        # idling, named again, not a permanent closure
        idled = (
            {_pkey(c.place) for c in self.events if c.type == "idled"}
            if t.nominal and type_ == "closed"
            else set()
        )
        usable = [m for m in usable if _pkey(m.place) not in idled]
        if type_ in ("sold", "acquired") and not _direct_object(text, t):
            seat = self._target_seat(text, t, mentions) if type_ == "acquired" else None
            seat = seat or self._business_seat(text, t, mentions)
            if seat is None:
                return
            usable = [seat]  # "acquired Halvard Tooling, a die maker based in Lancaster"
        # a machine, line or furnace stopped or restarted is told on its site, as the wires
        # label it, but with a confidence below the auto-accept line: the editor decides
        # whether the part is the facility's fate
        partial = type_ in ("idled", "closed", "reopened") and names_a_part(text, t, usable)
        quoted = in_quote(text, t.start)
        if id(t) in self._confirmed:
            usable = [m for m in usable if (t.type, _pkey(m.place)) in self.headline_keys]
        if type_ == "opened" and t.text.lower() == "new":
            # "relocate its lab from X to a new facility in Y": Y opens, unless the move stays
            # in the same town ("to a new, larger facility" there is only the relocation)
            left = {_pkey(c.place) for c in out if c.type == "closed"}
            usable = [m for m in usable if _pkey(m.place) not in left]
            if not usable:
                return
        if not usable:
            usable = self._referred_site(text, t, clause, mentions)
        if usable:
            for m in usable:
                c = self._candidate(s, t, m, effective, quoted, inherited=None)
                if id(t) in self._confirmed:
                    c.confidence = min(c.confidence, 0.8)
                if partial:
                    c.confidence = min(c.confidence, PARTIAL_CONFIDENCE)
                out.append(c)
        else:
            inherited = [
                c for c in self._inherit(s, t, clause, effective, quoted) if _pkey(c.place) not in idled
            ]
            for c in inherited:
                if partial:
                    c.confidence = min(c.confidence, PARTIAL_CONFIDENCE)
            out.extend(inherited)
            if not inherited and text.rstrip().endswith(":") and not quoted:
                # "will close the following facilities:" -- bullet items name them
                self._listing = (type_, effective)
            elif not inherited and not quoted:
                # "finalised the lease of a new warehouse.", "will close its manufacturing plant
                # by June." -- the next sentence may place it ("The plant, located in X, ...")
                count = counted_sites(text, t.end)
                if not count and self._placeless is not None and self._placeless[0] == type_:
                    count = self._placeless[3]  # "the closures would cut ...": the same sites, told again
                self._placeless = (type_, self._fed, effective, count)
            if (
                not quoted
                and not any(c.place.locality for c in inherited)
                and _PLURAL_SITES.match(text, t.end)
            ):
                # "... of its plants in Japan": a table of them, in that country, may follow
                area = next((m.place.country for m in ms if m.place.country), None)
                self._rows = (type_, self._fed, effective, area)
            if not inherited and not quoted and not mentions and self._fed <= UNPLACED_SENTENCES:
                self._unplaced.append((s, t, effective))

    def _candidate(self, s: Sentence, t: Trigger, m: Mention, effective, quoted: bool, inherited: str | None):
        place = m.place
        if inherited == "headline":
            conf = 0.75
        elif inherited:
            conf = 0.7
        elif place.locality is None:
            conf = 0.8
        elif not place.resolved:
            conf = 0.85
        else:
            conf = 0.95
        if quoted:
            conf -= 0.05
        if t.type in self.headline_types:
            conf += 0.03 if (t.type, _pkey(place)) in self.headline_keys else 0.01
        party = counterparty(s.text, t, t.type) if t.type in ("sold", "acquired") else None
        return _Candidate(
            type=t.type,
            place=place,
            evidence=s,
            confidence=min(conf, 0.99),
            facility=m.facility,
            kind=m.kind,
            effective=effective,
            employees=None,
            counterparty=party,
            order=s.start + t.start,
            past=told_in_past(s.text, t),
        )


def find_events(
    sentences: list[Sentence],
    *,
    headline: str | None,
    published: date | None,
    issuer: str | None,
    aliases: tuple[str, ...] = (),
    dateline: PlaceRef | None = None,
    country: str | None = None,
    named: frozenset[str] = frozenset(),
    long_names: dict[str, PlaceRef] | None = None,
) -> tuple[list[ProposedEvent], list[str]]:
    """Events in the body sentences (other sections are skipped), with editor warnings.

    ``aliases`` are other names the release gives the issuer ("Hartwell" or "the Company");
    ``dateline`` is the resolved dateline place, for "the plant here" and bare town names;
    ``country`` the release's home country, for bare town names with namesakes abroad;
    ``named`` the regions and countries the release names, which settle them first;
    ``long_names`` towns the release names in a long form, also under their first word
    (``place_names.long_form_towns``).
    """
    finder = EventFinder(
        published=published,
        issuer=issuer,
        headline=headline,
        aliases=aliases,
        dateline=dateline,
        country=country,
        named=named,
    )
    for key, ref in (long_names or {}).items():
        finder.known_places.setdefault(key, ref)
    for s in sentences:
        if s.section == "body":
            finder.feed(s)
    return finder.result()
