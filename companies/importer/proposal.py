"""What the extractor proposes for one release: plain data, no database.

``Proposal.to_json()`` is the JSON Lines contract of ``manage.py extract_release``; other
tools rely on its keys, so change them only together with that contract.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass
class PlaceRef:
    """A place as resolved offline; ``resolved`` False keeps an unmatched name for the editor."""

    locality: str | None
    region: str | None = None  # ISO 3166-2, e.g. "US-CT"
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    resolved: bool = True
    text: str = ""  # the words of the release that named it
    # the gazetteer's own name when the release uses a short form of it ("Carhaix" for
    # Carhaix-Plouguer): ``locality`` keeps the release's name, the database files it under this
    canonical: str | None = None


@dataclass
class CompanyRef:
    name: str | None
    ticker: str | None = None
    exchange: str | None = None


@dataclass
class ProposedEvent:
    type: str  # opened, expanded, idled, reopened, closed, sold, acquired
    place: PlaceRef
    evidence: str
    confidence: float
    facility: str | None = None  # "Jewett City plant", "the Bowater mill"
    kind: str | None = None  # plant, mill, warehouse, distribution_center, office, mine, other
    effective: date | None = None
    employees: int | None = None
    counterparty: str | None = None  # buyer or seller named in a sale/acquisition


@dataclass
class ProposedClaim:
    count: int
    countries: list[str]
    qualifier: str | None  # "other" or None
    text: str = ""


@dataclass
class Proposal:
    headline: str | None = None
    published: date | None = None
    wire: str | None = None
    dateline: PlaceRef | None = None
    company: CompanyRef | None = None
    events: list[ProposedEvent] = field(default_factory=list)
    # proposals the fitted decision found unlikely (``decision``), each with its probability as
    # its confidence: kept for the editor, never imported as events
    set_aside: list[ProposedEvent] = field(default_factory=list)
    claims: list[ProposedClaim] = field(default_factory=list)
    products: str | None = None
    markets: str | None = None
    warnings: list[str] = field(default_factory=list)
    body: str = ""  # the normalised text the evidence sentences come from

    def to_json(self, file: str | None = None) -> dict:
        """The extract_release JSON object (dates as ISO strings, unknowns as null)."""

        def place(p: PlaceRef | None) -> dict | None:
            if p is None:
                return None
            return {"locality": p.locality, "region": p.region, "country": p.country}

        def event(e: ProposedEvent) -> dict:
            return {
                "type": e.type,
                "locality": e.place.locality,
                "region": e.place.region,
                "country": e.place.country,
                "lat": e.place.lat,
                "lon": e.place.lon,
                "resolved": e.place.resolved,
                "facility": e.facility,
                "kind": e.kind,
                "effective": e.effective.isoformat() if e.effective else None,
                "employees": e.employees,
                "counterparty": e.counterparty,
                "evidence": e.evidence,
                "confidence": round(e.confidence, 2),
            }

        return {
            "file": file,
            "headline": self.headline,
            "published": self.published.isoformat() if self.published else None,
            "wire": self.wire,
            "dateline": place(self.dateline),
            "company": asdict(self.company) if self.company else None,
            "events": [event(e) for e in self.events],
            "set_aside": [event(e) for e in self.set_aside],
            "claims": [
                {"count": c.count, "countries": c.countries, "qualifier": c.qualifier} for c in self.claims
            ],
            "products": self.products,
            "markets": self.markets,
            "warnings": self.warnings,
        }


@dataclass
class Document:
    """One release read from a file, e-mail or feed entry, before extraction."""

    name: str  # file path, or "feed.xml#3" for the third entry of a feed
    text: str  # plain text, whitespace and quotes normalised
    raw: str = ""  # the decoded input verbatim (HTML, e-mail source), when it differs from text
    headline: str | None = None  # when the container states it (HTML <title>/<h1>, Subject:, <title>)
    url: str | None = None
    published: date | None = None  # when the container states it (feed pubDate, e-mail Date:)
    # what reading the file changed or could not read (control characters removed, bytes not
    # valid UTF-8), for the editor: the input is never altered silently
    warnings: list[str] = field(default_factory=list)
