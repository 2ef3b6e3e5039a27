"""The extract_release command-line contract: JSON Lines, one object per release, no database.

These tests are not marked for database access, so pytest-django fails any that touches it.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

DEMO = Path(__file__).resolve().parents[2] / "companies" / "demo"
SEED = next(
    p
    for p in (
        DEMO / "releases" / "international-wire-2009-03-24.txt",
        DEMO / "international-wire-2009-03-24.txt",
    )
    if p.exists()
)

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item>
  <title>Northgate Steel to Close Hamilton Mill</title>
  <pubDate>Thu, 09 Apr 2020 07:00:00 -0400</pubDate>
  <description>&lt;p&gt;PITTSBURGH, April 9, 2020 /PRNewswire/ -- Northgate Steel Corp. (NYSE: NGS)
  today announced it will permanently close its mill in Hamilton, Ohio, affecting 240 employees.&lt;/p&gt;</description>
</item>
<item>
  <title>Brightline Foods Names New Chief Financial Officer</title>
  <pubDate>Mon, 28 Feb 2011 08:00:00 -0500</pubDate>
  <description>CHICAGO, Feb. 28, 2011 (BUSINESS WIRE) -- Brightline Foods, Inc. today named Jane Roe
  chief financial officer.</description>
</item>
</channel></rss>
"""


def run(*paths: object) -> tuple[list[dict], CommandError | None]:
    out = StringIO()
    error = None
    try:
        call_command("extract_release", *map(str, paths), stdout=out)
    except CommandError as exc:
        error = exc
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()], error


def test_seed_release():
    (result,), error = run(SEED)
    assert error is None
    assert result["file"] == str(SEED)
    assert result["published"] == "2009-03-24"
    assert result["wire"] == "Business Wire"
    assert result["company"] == {
        "name": "International Wire Group, Inc.",
        "ticker": "ITWG",
        "exchange": "Pink Sheets",
    }
    assert {k: result["dateline"][k] for k in ("locality", "region", "country")} == {
        "locality": "Camden",
        "region": "US-NY",
        "country": "US",
    }
    events = sorted((e["type"], e["locality"], e["region"], e["country"]) for e in result["events"])
    assert events == [("idled", "Jewett City", "US-CT", "US"), ("idled", "Littleton", "US-NH", "US")]
    for event in result["events"]:
        assert event["evidence"]
        assert 0 < event["confidence"] <= 1
    claims = sorted((c["count"], sorted(c["countries"]), c["qualifier"]) for c in result["claims"])
    assert claims == [(13, ["US"], "other"), (19, ["BE", "FR", "IT", "US"], None)]
    assert "warnings" in result


def test_unreadable_file_is_reported_and_the_others_still_printed(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\x00\x01\x02binary")
    missing = tmp_path / "missing.txt"
    results, error = run(bad, SEED, missing)
    assert [r["file"] for r in results] == [str(bad), str(SEED), str(missing)]
    assert set(results[0]) == {"file", "error"} and "binary" in results[0]["error"]
    assert results[1]["company"]["name"] == "International Wire Group, Inc."
    assert results[2] == {"file": str(missing), "error": "no such file"}
    assert error is not None
    assert str(bad) in str(error) and str(missing) in str(error)


def test_feed_prints_one_line_per_entry(tmp_path):
    feed = tmp_path / "wire.xml"
    feed.write_text(FEED, encoding="utf-8")
    results, error = run(feed)
    assert error is None
    assert [r["file"] for r in results] == [f"{feed}#1", f"{feed}#2"]
    first, second = results
    assert first["headline"] == "Northgate Steel to Close Hamilton Mill"
    assert first["published"] == "2020-04-09"
    assert [(e["type"], e["locality"], e["region"]) for e in first["events"]] == [
        ("closed", "Hamilton", "US-OH")
    ]
    assert second["published"] == "2011-02-28"
    assert second["events"] == []  # an appointment is not a facility event


def test_folder_is_walked(tmp_path):
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "labels.json").write_text("{}")
    results, error = run(tmp_path)
    assert error is None
    assert [r["file"] for r in results] == [str(tmp_path / "a.txt")]


def test_no_arguments_is_a_usage_error():
    with pytest.raises(CommandError):
        call_command("extract_release")
