"""Sanity checks for the fresh test corpus.

Checks that labels.json parses, that its keys match the .txt releases one to
one, and that every label has the expected shape. Run from anywhere:

    python tests/data/fresh/validate.py
"""

import datetime
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"idled", "closed", "opened", "reopened", "sold", "acquired", "expanded"}
WIRES = {"Business Wire", "PR Newswire", "GlobeNewswire", "CNW", None}
QUALIFIERS = {"other", "remaining", None}
TOP_KEYS = {
    "company",
    "ticker",
    "exchange",
    "published",
    "wire",
    "dateline",
    "events",
    "claims",
    "notes",
}
PLACE_KEYS = {"locality", "region", "country"}
EVENT_KEYS = PLACE_KEYS | {"type", "effective", "employees"}
CLAIM_KEYS = {"count", "countries", "qualifier"}
COUNTRY = re.compile(r"^[A-Z]{2}$")
REGION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


def is_date(value):
    try:
        datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def check_place(where, place, errors):
    if not isinstance(place.get("locality"), str) or not place["locality"]:
        errors.append(f"{where}: locality missing")
    country = place.get("country")
    if not isinstance(country, str) or not COUNTRY.match(country):
        errors.append(f"{where}: bad country {country!r}")
        return
    region = place.get("region")
    if region is None:
        if country in {"US", "CA"}:
            errors.append(f"{where}: region required for {country}")
    elif not REGION.match(region) or not region.startswith(country + "-"):
        errors.append(f"{where}: bad region {region!r}")


def check_label(name, label, errors):
    if set(label) != TOP_KEYS:
        errors.append(f"{name}: keys {sorted(set(label) ^ TOP_KEYS)}")
        return
    if not isinstance(label["company"], str) or not label["company"]:
        errors.append(f"{name}: company missing")
    if not is_date(label["published"]):
        errors.append(f"{name}: bad published date")
    if label["wire"] not in WIRES:
        errors.append(f"{name}: bad wire {label['wire']!r}")
    if label["dateline"] is not None:
        if set(label["dateline"]) != PLACE_KEYS:
            errors.append(f"{name}: dateline keys")
        else:
            check_place(f"{name} dateline", label["dateline"], errors)
    for i, event in enumerate(label["events"]):
        where = f"{name} event {i}"
        if set(event) != EVENT_KEYS:
            errors.append(f"{where}: keys")
            continue
        if event["type"] not in TYPES:
            errors.append(f"{where}: bad type {event['type']!r}")
        if event["effective"] is not None and not is_date(event["effective"]):
            errors.append(f"{where}: bad effective date")
        employees = event["employees"]
        if employees is not None and (not isinstance(employees, int) or employees <= 0):
            errors.append(f"{where}: bad employees")
        check_place(where, event, errors)
    for i, claim in enumerate(label["claims"]):
        where = f"{name} claim {i}"
        if set(claim) != CLAIM_KEYS:
            errors.append(f"{where}: keys")
            continue
        if not isinstance(claim["count"], int) or claim["count"] <= 0:
            errors.append(f"{where}: bad count")
        if not all(COUNTRY.match(c) for c in claim["countries"]):
            errors.append(f"{where}: bad countries")
        if claim["qualifier"] not in QUALIFIERS:
            errors.append(f"{where}: bad qualifier")


def main():
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    files = {p.name for p in HERE.glob("*.txt")}
    errors = []
    for name in sorted(files - set(labels)):
        errors.append(f"{name}: no label")
    for name in sorted(set(labels) - files):
        errors.append(f"{name}: label without file")
    for name in sorted(set(labels) & files):
        size = len((HERE / name).read_bytes())
        if not 1500 <= size <= 3500:
            errors.append(f"{name}: size {size} outside 1.5-3.5 KB")
        check_label(name, labels[name], errors)
    for error in errors:
        print(error)
    print(f"{len(files)} files, {len(labels)} labels, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
