"""Every labelled corpus under tests/data/ is well formed, so scores computed on it mean something.

One check for all corpora: labels parse and match the files one to one, each label has the
shape ``evaluate_extraction`` reads, codes are real ISO codes, and every labelled event town is
a GeoNames place in that country (and in that US state or Canadian province). Labels use the
GeoNames spelling, which need not be the release's ("Ciudad Apodaca" for "Apodaca").
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pycountry
import pytest

from companies.importer.gazetteer import get_gazetteer
from companies.importer.inputs import iter_paths
from companies.importer.places import city_region

DATA = Path(__file__).resolve().parent / "data"
CORPORA = sorted(p.name for p in DATA.iterdir() if (p / "labels.json").exists())
EVENT_TYPES = {"opened", "expanded", "idled", "reopened", "closed", "sold", "acquired"}
EVENT_KEYS = {"type", "locality", "region", "country", "effective", "employees"}
QUALIFIERS = {None, "other", "remaining"}


def labels_of(corpus: str) -> dict:
    return json.loads((DATA / corpus / "labels.json").read_text(encoding="utf-8"))


def is_date(value: str, *, partial: bool = False) -> bool:
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y") if partial else ("%Y-%m-%d",):
        try:
            datetime.datetime.strptime(value, fmt)
            return True
        except ValueError:
            pass
    return False


def is_region(code: str | None) -> bool:
    return code is None or pycountry.subdivisions.get(code=code) is not None


def is_country(code: str | None) -> bool:
    return code is not None and pycountry.countries.get(alpha_2=code) is not None


@pytest.mark.parametrize("corpus", CORPORA)
def test_labels_match_the_files_one_to_one(corpus):
    files = {p.name for p in iter_paths([DATA / corpus])}
    keys = {key.split("#")[0] for key in labels_of(corpus)}
    assert keys == files


@pytest.mark.parametrize("corpus", CORPORA)
def test_labels_have_the_shape_the_evaluator_reads(corpus):
    problems = []
    for name, label in labels_of(corpus).items():
        if not label.get("company"):
            problems.append(f"{name}: no company")
        if not is_date(label.get("published") or ""):
            problems.append(f"{name}: published {label.get('published')!r}")
        for event in label["events"]:
            if set(event) != EVENT_KEYS or event["type"] not in EVENT_TYPES:
                problems.append(f"{name}: event {event}")
            elif not (is_country(event["country"]) and is_region(event["region"])):
                problems.append(f"{name}: codes {event['country']} {event['region']}")
            elif event["effective"] is not None and not is_date(event["effective"], partial=True):
                problems.append(f"{name}: effective {event['effective']!r}")
        for claim in label.get("claims", []):
            if not isinstance(claim.get("count"), int) or not isinstance(claim.get("countries"), list):
                problems.append(f"{name}: claim {claim}")
            elif claim.get("qualifier") not in QUALIFIERS:
                problems.append(f"{name}: qualifier {claim.get('qualifier')!r}")
    assert problems == []


@pytest.mark.parametrize("corpus", CORPORA)
def test_event_towns_are_geonames_places(corpus):
    gazetteer = get_gazetteer()
    problems = []
    for name, label in labels_of(corpus).items():
        for event in label["events"]:
            matches = [
                m.city for m in gazetteer.lookup(event["locality"]) if m.city.country == event["country"]
            ]
            if event["country"] in ("US", "CA"):
                matches = [c for c in matches if city_region(c) == event["region"]]
            if not matches:
                problems.append(
                    f"{name}: {event['locality']}, {event['region']}, {event['country']} not in GeoNames"
                )
    assert problems == []
