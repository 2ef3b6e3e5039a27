"""The fitted last word on each proposed event: keep it, or set it aside for the editor.

The event finder's rules propose generously; this module decides which proposals the release
really announces, with a logistic model fitted on labelled real releases instead of one more
negative pattern per miss. Its inputs are features of the proposal as a whole (where the
sentence sits, what the headline announces, whether the place is the dateline town, tense and
hedging cues, how the rules found it), computed here from the ``Proposal`` alone, so the
decision is pure and the same in extraction, training and tests.

The model is data, not code: ``data/decision.json``, written by ``manage.py fit_decision``
(``make fit-decision``), holds the feature names, their weights, the intercept and the
probability below which a proposal is set aside; the threshold is the one that maximised
event F1 on out-of-fold predictions at fitting time. An event the headline itself names (its
kind and its place) is never set aside. A proposal set aside is not lost: it is
kept in ``Proposal.set_aside`` (its probability as its confidence) and named in the warnings,
so the review page can show it to the editor, who adds it in one step if the text announces it.
With no model file every proposal is kept.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .lexicon import LEGAL_SUFFIX
from .proposal import Proposal, ProposedEvent
from .triggers import find_triggers

DATA_FILE = Path(__file__).with_name("data") / "decision.json"

EVENT_TYPES = ("opened", "expanded", "idled", "reopened", "closed", "sold", "acquired", "relocated")

# Cues read in the evidence sentence. Each is one feature; the fitted weight says what it is
# worth, so a cue that misleads costs nothing but its weight.
_FUTURE = re.compile(r"\b(?:will|plans?|planned|intends?|expects?|expected|to\s+be|scheduled)\b", re.I)
_HEDGE = re.compile(
    r"\b(?:may|might|could|would|consider(?:s|ing)?|evaluat\w+|review(?:ing)?|potential(?:ly)?|possible|"
    r"explor\w+|proposed?|subject\s+to)\b",
    re.I,
)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?\w+(?:ed|en|t)\b", re.I)
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
_QUOTE = re.compile(r"[\"“”]")
# another company named with its legal form in the sentence ("sold to Birch Paper Inc.")
_LEGAL_NAME_IN = re.compile(rf"(?:[A-Z][\w&'-]*\s+){{1,4}}(?:{LEGAL_SUFFIX})\b")
_SELF = re.compile(r"\b(?:we|our|the\s+company|the\s+group)\b", re.I)

FEATURES: tuple[str, ...] = (
    "raw",
    "raw_low",
    *(f"type_{t}" for t in EVENT_TYPES),
    "at_dateline",
    "resolved",
    "no_locality",
    "place_in_headline",
    "headline_same_type",
    "headline_confirms",
    "headline_other_type",
    "headline_no_event",
    "evidence_is_headline",
    "position",
    "opening",
    "earlier_year",
    "future",
    "hedge",
    "perfect",
    "quoted",
    "issuer_named",
    "self_named",
    "long_sentence",
    "share_of_events",
    "siblings",
    "place_repeated",
    "other_company",
    "foreign_country",
    "facility",
    "office_or_other",
    "effective",
    "employees",
    "counterparty",
)


@dataclass(frozen=True)
class _Release:
    """What every proposal of one release shares, read once."""

    headline: str  # case-folded
    headline_types: frozenset[str]
    body: str
    folded_body: str
    published_year: int | None
    issuer_words: tuple[str, ...]  # capitalised words of the issuer's name, first first
    home: str | None  # the dateline's country, else the commonest among the events
    dateline_town: str  # case-folded, "" without one
    n_events: int

    @classmethod
    def of(cls, proposal: Proposal) -> _Release:
        headline = proposal.headline or ""
        issuer = proposal.company.name if proposal.company and proposal.company.name else ""
        countries = [e.place.country for e in proposal.events if e.place.country]
        # the commonest, the first named on a tie (a set would break ties by hash, run to run)
        home = max(dict.fromkeys(countries), key=countries.count) if countries else None
        dateline = proposal.dateline
        if dateline is not None and dateline.country:
            home = dateline.country
        body = proposal.body or ""
        return cls(
            headline=headline.casefold(),
            headline_types=frozenset(t.type for t in find_triggers(headline)) if headline else frozenset(),
            body=body,
            folded_body=body.casefold(),
            published_year=proposal.published.year if proposal.published else None,
            issuer_words=tuple(re.findall(r"[A-Z][\w&'-]+", issuer)),
            home=home,
            dateline_town=(dateline.locality or "").casefold() if dateline is not None else "",
            n_events=len(proposal.events),
        )


def features(event: ProposedEvent, proposal: Proposal, release: _Release | None = None) -> dict[str, float]:
    """The named features of ``event`` within ``proposal``, each a number in [0, 1] (``release``:
    what the proposal's events share, when the caller has read it already)."""
    r = release or _Release.of(proposal)
    evidence = event.evidence or ""
    locality = (event.place.locality or "").casefold()
    in_headline = bool(locality) and locality in r.headline
    at = r.body.find(evidence) if evidence else -1
    years = [int(y) for y in _YEAR.findall(evidence)]
    issuer_word = r.issuer_words[0] if r.issuer_words else ""
    return {
        "raw": event.confidence,
        "raw_low": float(event.confidence < 0.8),
        **{f"type_{t}": float(event.type == t) for t in EVENT_TYPES},
        "at_dateline": float(bool(locality) and locality == r.dateline_town),
        "resolved": float(event.place.resolved),
        "no_locality": float(not locality),
        "place_in_headline": float(in_headline),
        "headline_same_type": float(event.type in r.headline_types),
        # the headline names this very event: its kind and its place
        "headline_confirms": float(event.type in r.headline_types and in_headline),
        "headline_other_type": float(bool(r.headline_types - {event.type})),
        "headline_no_event": float(not r.headline_types),
        "evidence_is_headline": float(bool(r.headline) and evidence.strip().casefold() == r.headline.strip()),
        "position": (at / len(r.body)) if at >= 0 and r.body else 0.5,
        "opening": float(0 <= at < 800),
        "earlier_year": float(bool(r.published_year and any(y < r.published_year for y in years))),
        "future": float(bool(_FUTURE.search(evidence))),
        "hedge": float(bool(_HEDGE.search(evidence))),
        "perfect": float(bool(_PERFECT.search(evidence))),
        "quoted": float(bool(_QUOTE.search(evidence))),
        "issuer_named": float(bool(issuer_word) and issuer_word in evidence),
        "self_named": float(bool(_SELF.search(evidence))),
        "long_sentence": min(len(evidence.split()) / 80, 1.0),
        "share_of_events": 1 / max(r.n_events, 1),
        "siblings": min(sum(e.evidence == evidence for e in proposal.events) - 1, 4) / 4,
        # the site a release is about is named again and again; one named in passing, once
        "place_repeated": min(r.folded_body.count(locality), 4) / 4 if locality else 0.0,
        "other_company": float(
            any(
                not (set(m.group(0).split()) & set(r.issuer_words)) for m in _LEGAL_NAME_IN.finditer(evidence)
            )
        ),
        "foreign_country": float(bool(r.home and event.place.country and event.place.country != r.home)),
        "facility": float(bool(event.facility)),
        "office_or_other": float(event.kind in ("office", "other", None)),
        "effective": float(event.effective is not None),
        "employees": float(event.employees is not None),
        "counterparty": float(bool(event.counterparty)),
    }


@dataclass(frozen=True)
class Model:
    """A fitted logistic decision: weights by feature name, intercept, and the keep threshold."""

    weights: Mapping[str, float]
    intercept: float
    threshold: float

    def probability(self, values: Mapping[str, float]) -> float:
        z = self.intercept + sum(w * values.get(name, 0.0) for name, w in self.weights.items())
        return 1 / (1 + math.exp(-max(min(z, 40.0), -40.0)))

    @classmethod
    def from_json(cls, payload: Mapping) -> Model:
        return cls(
            weights=dict(payload["weights"]),
            intercept=float(payload["intercept"]),
            threshold=float(payload["threshold"]),
        )


@lru_cache(maxsize=1)
def _stored() -> Model | None:
    if not DATA_FILE.exists():
        return None
    return Model.from_json(json.loads(DATA_FILE.read_text(encoding="utf-8")))


def stored_model() -> Model | None:
    """The model in ``data/decision.json``, or None when none has been fitted."""
    return _stored()


def _keep_probability(model: Model, event: ProposedEvent, proposal: Proposal, release: _Release) -> float:
    if not event.place.locality:
        # "will close its Manitoba operations": no town, so no plant the company page could show;
        # the editor sees it set aside and can add the sites the release does not name
        return 0.0
    values = features(event, proposal, release)
    if values["headline_confirms"]:
        # the release's own headline names this event, kind and place: that is its news, whatever
        # the other features say (the model sees too few such releases to learn it for sure)
        return 1.0
    return model.probability(values)


def apply(proposal: Proposal, model: Model | None = None) -> None:
    """Set aside, in place, the proposed events the model gives less than its threshold; each
    one becomes a warning naming it, so the editor can still add it."""
    model = model if model is not None else stored_model()
    if model is None or not proposal.events:
        return
    release = _Release.of(proposal)
    scored = [(e, _keep_probability(model, e, proposal, release)) for e in proposal.events]
    proposal.events = [e for e, p in scored if p >= model.threshold]
    for event, p in scored:
        if p < model.threshold:
            proposal.set_aside.append(replace(event, confidence=p))
            where = ", ".join(x for x in (event.place.locality, event.place.region, event.place.country) if x)
            proposal.warnings.append(
                f"Set aside as unlikely ({p:.0%}): {event.type} at {where or 'an unnamed place'}, "
                f"from: {event.evidence[:200]}"
            )
