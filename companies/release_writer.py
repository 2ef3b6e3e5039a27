"""Plausible press releases, written here, for the load-under-import benchmark (issue 12).

``release_texts(count, seed)`` is deterministic: the same arguments give the same texts in every
process. Each release announces one change at one plant of an invented company (a pool of 60, so
most releases name a company an earlier one created) in a real US town the gazetteer knows, with
a dateline, figures, a quote and an "About" section. The company's legal form varies from release
to release ("Ashgrove Forge, Inc.", "Ashgrove Forge Group"), as it does between real releases,
so two imports at once meet two spellings of one new company. Publication dates are 11 days
apart: no two releases are the same text or near-duplicates.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

FIRST = (
    "Ashgrove", "Brindle", "Corrin", "Dunmore", "Elsworth", "Fallowmere", "Gorsedale", "Hatherley",
    "Inchcape", "Juniper Ridge", "Kettering Vale", "Larkspur",
)  # fmt: skip
SECOND = ("Forge", "Fabrics", "Poultry", "Boxboard", "Tooling")
LEGAL_FORMS = ("Inc.", ", Inc.", "Corp.", "Group", "Company", "")

# (town, state): US towns the offline gazetteer resolves.
TOWNS = (
    ("Dayton", "Ohio"), ("Macon", "Georgia"), ("Fargo", "North Dakota"), ("Peoria", "Illinois"),
    ("Spokane", "Washington"), ("Lubbock", "Texas"), ("Erie", "Pennsylvania"), ("Tulsa", "Oklahoma"),
    ("Wichita", "Kansas"), ("Joplin", "Missouri"), ("Decatur", "Alabama"), ("Muncie", "Indiana"),
    ("Saginaw", "Michigan"), ("Roanoke", "Virginia"), ("Greenville", "South Carolina"),
    ("Eau Claire", "Wisconsin"), ("Sioux City", "Iowa"), ("Billings", "Montana"),
    ("Pueblo", "Colorado"), ("Yakima", "Washington"),
)  # fmt: skip

PRODUCTS = {
    "Forge": "forged steel parts for trucks and farm machinery",
    "Fabrics": "woven and coated fabrics for upholstery and industrial uses",
    "Poultry": "fresh and frozen chicken for grocers and restaurants",
    "Boxboard": "recycled boxboard and folding cartons",
    "Tooling": "dies, molds and cutting tools",
}


@dataclass(frozen=True)
class WrittenRelease:
    name: str
    """A file name: ``0001-ashgrove-forge.txt``."""
    company: str
    """The company's name without its legal form."""
    town: str
    kind: str
    """closed, idled, opened, expanded or reopened."""
    text: str


def company_names() -> list[str]:
    return [f"{first} {second}" for first in FIRST for second in SECOND]


def _day(value: date) -> str:
    return f"{value:%B} {value.day}, {value.year}"


def _write(i: int, rng: random.Random, names: list[str]) -> WrittenRelease:
    # Early releases draw from the first companies, so the pool fills as the import goes on.
    company = names[rng.randrange(min(len(names), 5 + i // 4))]
    form = rng.choice(LEGAL_FORMS)
    legal = f"{company}{form}" if form.startswith(",") else f"{company} {form}".strip()
    town, state = rng.choice(TOWNS)
    published = date(2010, 1, 4) + timedelta(days=11 * i)
    kind = rng.choice(("closed", "closed", "idled", "opened", "expanded", "reopened"))
    workers = rng.randrange(40, 900)
    product = PRODUCTS[company.split()[-1]]
    month = (published + timedelta(days=rng.randrange(60, 240))).strftime("%B %Y")
    dateline = f"{town.upper()}, {state}, {_day(published)} -- {legal}"
    headline, lead, follow = {
        "closed": (
            f"{company} to Close {town} Plant",
            f"{dateline} said today it will close its plant in {town}, {state}, by {month}, "
            f"ending production there for {workers} employees.",
            "The plant's work will move to the company's other sites. Severance and help finding "
            "new jobs will be offered to every employee affected.",
        ),
        "idled": (
            f"{company} Idles {town} Plant",
            f"{dateline} said today it is idling its plant in {town}, {state}, for about "
            f"{rng.randrange(3, 20)} weeks because orders have slowed, affecting {workers} workers.",
            "The company expects to restart the plant when customers' inventories come down.",
        ),
        "opened": (
            f"{company} Opens New Plant in {town}",
            f"{dateline} today opened a new plant in {town}, {state}, where {workers} people will "
            f"make {product}.",
            f"The plant cost ${rng.randrange(12, 180)} million and is the company's largest.",
        ),
        "expanded": (
            f"{company} Expands {town} Plant",
            f"{dateline} said today it will expand its plant in {town}, {state}, adding "
            f"{rng.randrange(50, 400)} jobs to the {workers} there now.",
            f"The ${rng.randrange(8, 90)} million expansion adds a second production line.",
        ),
        "reopened": (
            f"{company} Reopens {town} Plant",
            f"{dateline} said today it has reopened its plant in {town}, {state}, idle since last "
            f"year, and recalled {workers} workers.",
            f"Demand for {product} has recovered faster than the company expected.",
        ),
    }[kind]
    chief = rng.choice(("Maren Holt", "Devon Achebe", "Priya Lindgren", "Tomas Okafor", "Ruth Calder"))
    text = (
        f"{headline}\n\n{lead}\n\n{follow}\n\n"
        f'"We made this decision after a long look at our network," said {chief}, chief executive '
        f"of {company}.\n\n"
        f"About {company}\n{company}, based in {rng.choice(TOWNS)[0]}, makes {product}.\n"
    )
    slug = company.lower().replace(" ", "-")
    return WrittenRelease(name=f"{i + 1:04}-{slug}.txt", company=company, town=town, kind=kind, text=text)


def release_texts(count: int, seed: int = 1) -> list[WrittenRelease]:
    """``count`` releases, the same for the same ``seed``."""
    rng = random.Random(seed)
    names = company_names()
    return [_write(i, rng, names) for i in range(count)]
