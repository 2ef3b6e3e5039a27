"""Validate the blind corpus: labels parse, match the .txt files one to one, and follow the schema.

Usage: python tests/data/blind/validate.py
Exits non-zero and prints every problem found.
"""

import datetime
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVENT_TYPES = {"idled", "closed", "opened", "reopened", "sold", "acquired", "expanded"}
WIRES = {"Business Wire", "PR Newswire", "GlobeNewswire", "CNW", "Accesswire", None}
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
EVENT_KEYS = {"type", "locality", "region", "country", "effective", "employees"}
PLACE_KEYS = {"locality", "region", "country"}
CLAIM_KEYS = {"count", "countries", "qualifier"}
REGION_RE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
MIN_BYTES, MAX_BYTES = 1500, 3500


def is_date(value):
    try:
        datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def check_place(where, place, errors):
    if not isinstance(place.get("locality"), str) or not place["locality"]:
        errors.append(f"{where}: locality must be a non-empty string")
    country = place.get("country")
    if not isinstance(country, str) or not COUNTRY_RE.match(country):
        errors.append(f"{where}: country must be an ISO 3166-1 alpha-2 code")
        return
    region = place.get("region")
    if region is None:
        if country in {"US", "CA"}:
            errors.append(f"{where}: region is required for {country}")
    elif not isinstance(region, str) or not REGION_RE.match(region):
        errors.append(f"{where}: region {region!r} is not an ISO 3166-2 code")
    elif not region.startswith(country + "-"):
        errors.append(f"{where}: region {region} does not belong to {country}")


def check_label(name, label, errors):
    if set(label) != TOP_KEYS:
        errors.append(f"{name}: keys {sorted(label)} != {sorted(TOP_KEYS)}")
        return
    if not isinstance(label["company"], str) or not label["company"]:
        errors.append(f"{name}: company must be a non-empty string")
    for key in ("ticker", "exchange"):
        if label[key] is not None and not isinstance(label[key], str):
            errors.append(f"{name}: {key} must be a string or null")
    if not is_date(label["published"]):
        errors.append(f"{name}: published is not YYYY-MM-DD")
    if label["wire"] not in WIRES:
        errors.append(f"{name}: unknown wire {label['wire']!r}")
    if label["dateline"] is not None:
        if set(label["dateline"]) != PLACE_KEYS:
            errors.append(f"{name}: dateline keys must be {sorted(PLACE_KEYS)}")
        else:
            check_place(f"{name} dateline", label["dateline"], errors)
    if not isinstance(label["notes"], str):
        errors.append(f"{name}: notes must be a string")
    for i, event in enumerate(label["events"]):
        where = f"{name} event {i}"
        if set(event) != EVENT_KEYS:
            errors.append(f"{where}: keys must be {sorted(EVENT_KEYS)}")
            continue
        if event["type"] not in EVENT_TYPES:
            errors.append(f"{where}: unknown type {event['type']!r}")
        check_place(where, event, errors)
        if event["effective"] is not None and not is_date(event["effective"]):
            errors.append(f"{where}: effective is not YYYY-MM-DD")
        employees = event["employees"]
        if employees is not None and (not isinstance(employees, int) or employees <= 0):
            errors.append(f"{where}: employees must be a positive int or null")
    for i, claim in enumerate(label["claims"]):
        where = f"{name} claim {i}"
        if set(claim) != CLAIM_KEYS:
            errors.append(f"{where}: keys must be {sorted(CLAIM_KEYS)}")
            continue
        if not isinstance(claim["count"], int) or claim["count"] <= 0:
            errors.append(f"{where}: count must be a positive int")
        countries = claim["countries"]
        if not isinstance(countries, list) or not all(
            isinstance(c, str) and COUNTRY_RE.match(c) for c in countries
        ):
            errors.append(f"{where}: countries must be a list of alpha-2 codes")
        if claim["qualifier"] not in QUALIFIERS:
            errors.append(f"{where}: unknown qualifier {claim['qualifier']!r}")


def main():
    errors = []
    try:
        labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        print(f"labels.json: {exc}")
        return 1
    files = {p.name for p in HERE.glob("*.txt")}
    for missing in sorted(files - set(labels)):
        errors.append(f"{missing}: no label")
    for extra in sorted(set(labels) - files):
        errors.append(f"{extra}: label without file")
    for name in sorted(files):
        size = (HERE / name).stat().st_size
        if not MIN_BYTES <= size <= MAX_BYTES:
            errors.append(f"{name}: size {size} outside {MIN_BYTES}-{MAX_BYTES} bytes")
    for name, label in sorted(labels.items()):
        check_label(name, label, errors)
    for error in errors:
        print(error)
    counts = {}
    for label in labels.values():
        for event in label["events"]:
            counts[event["type"]] = counts.get(event["type"], 0) + 1
    negatives = sum(1 for label in labels.values() if not label["events"])
    print(f"{len(labels)} releases, {negatives} negatives, events by type: {counts}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
