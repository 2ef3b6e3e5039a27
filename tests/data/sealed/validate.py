"""Validate the sealed Footprint test corpus.

Checks that labels.json parses, that its keys match the .txt releases one to
one, and that every label follows the schema described in README.md. It does
not run the extractor and must never be used to tune it.

Usage: python tests/data/sealed/validate.py
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVENT_TYPES = {"idled", "closed", "opened", "reopened", "sold", "acquired", "expanded"}
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
EVENT_KEYS = {"type", "locality", "region", "country", "effective", "employees"}
PLACE_KEYS = {"locality", "region", "country"}
CLAIM_KEYS = {"count", "countries", "qualifier"}
MIN_BYTES, MAX_BYTES = 1500, 3500


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def _check_region(where: str, place: dict, errors: list[str]) -> None:
    country, region = place["country"], place["region"]
    if not (isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country)):
        errors.append(f"{where}: bad country {country!r}")
        return
    if country in {"US", "CA"} and region is None:
        errors.append(f"{where}: region is required for {country}")
    if region is None:
        return
    if not (isinstance(region, str) and region.startswith(country + "-")):
        errors.append(f"{where}: region {region!r} is not an ISO 3166-2 code of {country}")
        return
    try:
        import pycountry
    except ImportError:
        return
    if pycountry.subdivisions.get(code=region) is None:
        errors.append(f"{where}: unknown ISO 3166-2 code {region!r}")


def _check_place(where: str, place: object, keys: set[str], errors: list[str]) -> bool:
    if not isinstance(place, dict) or set(place) != keys:
        errors.append(f"{where}: expected keys {sorted(keys)}")
        return False
    if not (isinstance(place["locality"], str) and place["locality"]):
        errors.append(f"{where}: locality must be a non-empty string")
    _check_region(where, place, errors)
    return True


def _check_claim(where: str, claim: object, errors: list[str]) -> None:
    if not isinstance(claim, dict) or set(claim) != CLAIM_KEYS:
        errors.append(f"{where}: expected keys {sorted(CLAIM_KEYS)}")
        return
    count, countries = claim["count"], claim["countries"]
    if count is not None and not (isinstance(count, int) and count > 0):
        errors.append(f"{where}: count must be a positive int or null")
    is_codes = isinstance(countries, list) and all(
        isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c) for c in countries
    )
    is_number = isinstance(countries, int) and countries > 0
    if countries is not None and not (is_codes or is_number):
        errors.append(f"{where}: countries must be ISO alpha-2 list, int or null")
    if claim["qualifier"] not in QUALIFIERS:
        errors.append(f"{where}: bad qualifier {claim['qualifier']!r}")


def _check_label(name: str, label: object, errors: list[str]) -> None:
    if not isinstance(label, dict) or set(label) != TOP_KEYS:
        errors.append(f"{name}: expected keys {sorted(TOP_KEYS)}")
        return
    if not (isinstance(label["company"], str) and label["company"]):
        errors.append(f"{name}: company must be a non-empty string")
    for key in ("ticker", "exchange"):
        if label[key] is not None and not isinstance(label[key], str):
            errors.append(f"{name}: {key} must be a string or null")
    if (label["ticker"] is None) != (label["exchange"] is None):
        errors.append(f"{name}: ticker and exchange must be both set or both null")
    if not _is_date(label["published"]):
        errors.append(f"{name}: published must be YYYY-MM-DD")
    if label["wire"] not in WIRES:
        errors.append(f"{name}: bad wire {label['wire']!r}")
    if label["dateline"] is not None:
        _check_place(f"{name} dateline", label["dateline"], PLACE_KEYS, errors)
    if not isinstance(label["events"], list):
        errors.append(f"{name}: events must be a list")
    else:
        for i, event in enumerate(label["events"]):
            where = f"{name} event {i}"
            if not _check_place(where, event, EVENT_KEYS, errors):
                continue
            if event["type"] not in EVENT_TYPES:
                errors.append(f"{where}: bad type {event['type']!r}")
            if event["effective"] is not None and not _is_date(event["effective"]):
                errors.append(f"{where}: effective must be YYYY-MM-DD or null")
            employees = event["employees"]
            if employees is not None and not (isinstance(employees, int) and employees > 0):
                errors.append(f"{where}: employees must be a positive int or null")
    if not isinstance(label["claims"], list):
        errors.append(f"{name}: claims must be a list")
    else:
        for i, claim in enumerate(label["claims"]):
            _check_claim(f"{name} claim {i}", claim, errors)
    if not isinstance(label["notes"], str):
        errors.append(f"{name}: notes must be a string")


def validate() -> list[str]:
    errors: list[str] = []
    try:
        labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [f"labels.json: {exc}"]
    if not isinstance(labels, dict):
        return ["labels.json: top level must be an object keyed by file name"]
    files = {p.name for p in HERE.glob("*.txt")}
    for name in sorted(files - set(labels)):
        errors.append(f"{name}: release has no label")
    for name in sorted(set(labels) - files):
        errors.append(f"{name}: label has no release file")
    for name in sorted(files):
        size = len((HERE / name).read_bytes())
        if not MIN_BYTES <= size <= MAX_BYTES:
            errors.append(f"{name}: size {size} bytes outside {MIN_BYTES}-{MAX_BYTES}")
    for name, label in sorted(labels.items()):
        _check_label(name, label, errors)
    return errors


def main() -> int:
    errors = validate()
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        print(f"FAILED: {len(errors)} problem(s)", file=sys.stderr)
        return 1
    print("sealed corpus OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
