"""The whole extractor on short releases of our own, and the seed's exact proposal."""

from datetime import date
from pathlib import Path

from companies.importer import extract as extract_module
from companies.importer import gazetteer
from companies.importer.budget import Deadline
from companies.importer.calibration import DATELINE_CEILING
from companies.importer.extract import extract

SEED = Path(__file__).resolve().parents[2] / "companies" / "demo" / "releases"

ACME = """Tamarack Industries to Close Muncie Plant

MUNCIE, Ind., March 6, 2012 /PRNewswire/ -- Tamarack Industries, Inc. (NYSE: TMK), a maker of
gear boxes, today announced that it will close its Muncie, Indiana plant by the end of the
second quarter. The closure will affect approximately 150 employees. Production will move to
the company's plant in Fremont, Ohio. Tamarack is headquartered in Dayton, Ohio.

"This was a difficult decision," said Ann Lee, chief executive officer.

About Tamarack Industries, Inc.

Tamarack Industries, Inc. is a leading manufacturer of gear boxes for the agricultural and
construction equipment markets. The company operates nine plants in the United States and Mexico,
including a plant in Erie, Pa. that it will expand next year.

Forward-Looking Statements

This release contains forward-looking statements. The company may close other plants.

Contact: Jane Roe, 555-123-4567

SOURCE Tamarack Industries, Inc.
"""


def test_a_whole_release():
    p = extract(ACME)
    assert p.headline == "Tamarack Industries to Close Muncie Plant"
    assert p.published == date(2012, 3, 6)
    assert p.wire == "PR Newswire"
    assert (p.dateline.locality, p.dateline.region) == ("Muncie", "US-IN")
    assert (p.company.name, p.company.ticker, p.company.exchange) == (
        "Tamarack Industries, Inc.",
        "TMK",
        "NYSE",
    )
    assert [(e.type, e.place.locality, e.place.region) for e in p.events] == [("closed", "Muncie", "US-IN")]
    e = p.events[0]
    assert (e.effective, e.employees, e.kind) == (date(2012, 6, 30), 150, "plant")
    assert e.evidence in p.body
    # the plant is in the dateline town: calibrated, and held at or below the dateline ceiling
    assert 0.8 <= e.confidence <= DATELINE_CEILING
    assert [(c.count, c.countries) for c in p.claims] == [(9, ["US", "MX"])]
    assert p.products == "gear boxes"
    assert p.warnings == []


def test_release_without_events():
    text = (
        "Tamarack Names New CFO\n\nDAYTON, Ohio, May 2, 2013 (BUSINESS WIRE) -- Tamarack Industries, Inc. "
        "(NYSE: TMK), which operates plants in Muncie, Ind. and Fremont, Ohio, today named Jo Park chief "
        "financial officer.\n"
    )
    p = extract(text)
    assert p.events == []
    assert p.company.name == "Tamarack Industries, Inc."
    assert p.wire == "Business Wire"


def test_hints_from_the_container():
    text = "Tamarack Industries, Inc. today said it will close its plant in Muncie, Indiana."
    p = extract(text, headline="Tamarack to close plant", published=date(2012, 3, 6))
    assert p.headline == "Tamarack to close plant"
    assert p.published == date(2012, 3, 6)
    assert [(e.type, e.place.locality) for e in p.events] == [("closed", "Muncie")]


def test_warnings_for_the_editor():
    p = extract("Something happened somewhere.\n\nNobody knows when.")
    assert "No publication date found" in p.warnings
    assert "No issuing company found" in p.warnings


def test_an_impossible_date_is_reported_as_such():
    text = (
        "Fjellvik to Idle Halden Mill\n\n"
        "HALDEN, Norway, February 31, 2009 /PRNewswire/ -- Fjellvik ASA will idle its paper mill in "
        "Halden, Norway, for six weeks."
    )
    p = extract(text)
    assert p.published is None  # nothing is invented: not March 3, not February 28
    assert "No publication date found" not in p.warnings
    assert (
        "The release is dated 'February 31, 2009', a day that does not exist: set its publication date by hand"
        in p.warnings
    )


def test_seed_release_exactly():
    p = extract((SEED / "international-wire-2009-03-24.txt").read_text())
    out = p.to_json("seed")
    assert out["published"] == "2009-03-24"
    assert out["wire"] == "Business Wire"
    assert out["dateline"] == {"locality": "Camden", "region": "US-NY", "country": "US"}
    assert out["company"] == {
        "name": "International Wire Group, Inc.",
        "ticker": "ITWG",
        "exchange": "Pink Sheets",
    }
    assert [(e["type"], e["locality"], e["region"], e["country"]) for e in out["events"]] == [
        ("idled", "Jewett City", "US-CT", "US"),
        ("idled", "Littleton", "US-NH", "US"),
    ]
    for e in out["events"]:
        assert (e["kind"], e["effective"], e["employees"], e["facility"]) == ("plant", None, None, None)
        assert e["confidence"] >= 0.9
    assert out["claims"] == [
        {"count": 13, "countries": ["US"], "qualifier": "other"},
        {"count": 19, "countries": ["US", "BE", "FR", "IT"], "qualifier": None},
    ]
    assert out["warnings"] == []


def test_hedged_statement_is_a_warning_not_an_event():
    p = extract(
        "Tamarack Reviews Muncie Plant\n\nDAYTON, Ohio, May 1, 2012 /PRNewswire/ -- Tamarack Industries, Inc. "
        "(NYSE: TMK) said it is evaluating whether to close its plant in Muncie, Ind."
    )
    assert p.events == []
    assert any(w.startswith("Possible event not proposed") for w in p.warnings)


def test_dateline_without_year_takes_it_from_the_copyright_line():
    p = extract(
        "Tamarack to Close Muncie Plant\n\nMUNCIE, Ind., Nov. 3 /PRNewswire-FirstCall/ -- Tamarack Industries, Inc. "
        "(NYSE: TMK) will close its plant in Muncie, Indiana by December 19.\n\nCopyright 2008 PR Newswire"
    )
    assert p.published == date(2008, 11, 3)
    assert p.wire == "PR Newswire"
    assert p.events[0].effective == date(2008, 12, 19)


def test_other_company_news_and_headquarters_are_not_events():
    p = extract(
        "Tamarack Wins Contract\n\nDAYTON, Ohio, May 1, 2012 (BUSINESS WIRE) -- Tamarack Industries, Inc. "
        "(NYSE: TMK), headquartered in Dayton, Ohio, today won a supply contract. Ford Motor Co. said it would "
        "close its Louisville, Ky., assembly plant next year. A competitor's decision to close its mill in Erie, "
        "Pa., helped Tamarack win the business."
    )
    assert p.events == []


def test_the_plant_here_is_the_dateline_town():
    p = extract(
        "Tamarack to Close Plant\n\nMUNCIE, Ind., May 1, 2012 /PRNewswire/ -- Tamarack Industries, Inc. "
        "(NYSE: TMK) said it will close its gear plant here by the end of the year."
    )
    assert [(e.type, e.place.locality, e.place.region, e.effective) for e in p.events] == [
        ("closed", "Muncie", "US-IN", date(2012, 12, 31))
    ]


def test_a_bare_town_is_the_dateline_town():
    p = extract(
        "Tamarack to Close Plant\n\nCAMDEN, Ark., May 1, 2012 /PRNewswire/ -- Tamarack Industries, Inc. "
        "(NYSE: TMK) said it will close its Camden plant."
    )
    assert [(e.place.locality, e.place.region) for e in p.events] == [("Camden", "US-AR")]


def test_a_targets_defined_short_name_is_not_an_alias_of_the_issuer():
    proposal = extract(
        'SHANGHAI, China, Sept. 3, 2009 /PRNewswire/ -- Lintong Minerals, Inc. ("Lintong" or the "Company") '
        '(NASDAQ: LTMN) today announced the acquisition of Hefei Qiaolin Materials Co., Ltd. ("Qiaolin"), an '
        "inactive calcium carbonate facility in Hanshan County, Anhui Province, China."
    )
    assert [(e.type, e.place.country) for e in proposal.events] == [("acquired", "CN")]


def test_a_shouted_headline_whose_first_word_is_common_names_no_issuer():
    text = (
        "PRODUCTION STARTS AFTER THE OVERHAUL BREAK AT ERIE CEMENT\n"
        "In Erie Cement, minor overhaul work was done, which is why the kiln line was stopped.\n"
        "On Tuesday, September 17, the restart of production will follow.\n"
    )
    company = extract(text, published=date(2019, 9, 13)).company
    assert company is None or company.name.lower() != "production"


def test_a_subsidiary_named_for_its_country_makes_that_country_its_home():
    # the town is the home country's, though the release names only the country work moves to
    text = (
        "Changes in Tamarack Foods Norge's manufacturing structure\n\n"
        "The Board of Directors of Tamarack Foods Norge has decided today to move production operations "
        "from the Lindo factory at Skien to Kumla, Sweden.\n"
    )
    events = extract(text, published=date(2012, 3, 6)).events
    assert [(e.type, e.place.locality, e.place.country) for e in events] == [("closed", "Skien", "NO")]


def test_a_date_after_today_on_and_under_a_calendar_icon_is_the_publication_date():
    held = "Results of the AGM\n\nThe Annual General Meeting of Kestrel Plc was held in Erie today on 7 April 2022.\n"
    assert extract(held).published == date(2022, 4, 7)
    icon = (
        "Kestrel Builds New Plant\n\nERIE - Kestrel's board has approved a new plant.\ncalendar icon 3 May 2012\n"
        "clock icon 2 minute read\n\nThe plant will employ 300.\n"
    )
    assert extract(icon).published == date(2012, 5, 3)


def test_a_board_named_after_the_company_leaves_the_company_as_issuer():
    text = (
        "Kestrel Crown Builds New Plant\n\n"
        "DENMARK - Following a 12-month analysis, Kestrel Crown's Board of Directors has approved the "
        "final plans for the construction of a new plant.\n\nThe plant will employ 300 people.\n"
    )
    company = extract(text, published=date(2012, 5, 3)).company
    assert company is not None and company.name == "Kestrel Crown"


def test_loading_the_gazetteer_is_no_part_of_the_first_releases_reading_time(monkeypatch):
    # on a new machine the first release of a process builds the gazetteer (seconds); the time
    # budget of that release starts once it is loaded, or its events would go unread
    built = gazetteer.get_gazetteer()
    loaded_when_the_clock_started = []

    class RecordingDeadline(Deadline):
        def __init__(self, *args, **kwargs):
            loaded_when_the_clock_started.append(gazetteer._instance is not None)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(gazetteer, "_instance", None)
    monkeypatch.setattr(gazetteer, "load_or_build", lambda: built)
    monkeypatch.setattr(extract_module, "Deadline", RecordingDeadline)
    extract(ACME)
    assert loaded_when_the_clock_started == [True]
